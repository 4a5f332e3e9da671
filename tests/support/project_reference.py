"""The project file's checks as they were before the per-class decoders: an oracle.

Every value was checked by walking the dataclasses' type hints afresh; slow, but plainly
right. tests/storage/test_project_file.py feeds damaged documents to both and requires
the same Briefing or the same sentence.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

from briefing_app.domain import model
from briefing_app.domain.model import Briefing
from briefing_app.storage.project_migrations import MIGRATIONS


class _Invalid(Exception):
    """A value does not fit the model; the text says where and why."""


def reference_check(document: dict[str, Any], version: int) -> Briefing | str:
    """The Briefing in a parsed project document of `version`, or why it does not fit."""
    try:
        for step in range(version, 1):
            document = MIGRATIONS[step](document)
        briefing = _decode(document.get("briefing"), Briefing, "briefing")
        _check_references(briefing)
    except _Invalid as error:
        return str(error)
    return briefing


def _decode(value: Any, hint: Any, where: str) -> Any:
    """Turn parsed JSON into `hint` (a dataclass or typing hint), or raise _Invalid."""
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(value, hint, where)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        return _decode(value, inner[0], where)
    if origin is list:
        if not isinstance(value, list):
            raise _Invalid(f"{where} should be a list")
        (item,) = typing.get_args(hint)
        return [_decode(v, item, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:
        items = typing.get_args(hint)
        if not isinstance(value, list) or len(value) != len(items):
            raise _Invalid(f"{where} should be a list of {len(items)} values")
        pairs = enumerate(zip(value, items, strict=True))
        return tuple(_decode(v, t, f"{where}[{i}]") for i, (v, t) in pairs)
    # bool is a subclass of int in Python, so compare exact types.
    if hint in (str, int, bool) and type(value) is hint:
        return value
    if hint is float:  # the model's floats are confidences: shares from 0 to 1
        if type(value) in (int, float):
            if 0 <= value <= 1:
                return float(value)
            raise _Invalid(f"{where} should be a number from 0 to 1, not {value:g}")
        raise _Invalid(f"{where} should be a number from 0 to 1, not {_json_kind(value)}")
    raise _Invalid(f"{where} should be {_NAMES.get(hint, hint)}, not {_json_kind(value)}")


_NAMES = {str: "text", int: "a whole number", bool: "true or false"}


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "text", bool: "true or false",
             int: "a number", float: "a number", type(None): "null"}
    return kinds.get(type(value), "something else")


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    # Resolving type hints is slow and a big project holds thousands of spans.
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls)}


def _decode_dataclass(value: Any, cls: type, where: str) -> Any:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} should be an object, not {_json_kind(value)}")
    hints, fields = _shape(cls)
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise _Invalid(f"{where} has an unknown entry {unknown[0]!r}")
    arguments = {}
    for name, spec in fields.items():
        if name in value:
            arguments[name] = _decode(value[name], hints[name], f"{where}.{name}")
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise _Invalid(f"{where} lacks its {name!r} entry")
        # A field with a default may be absent: fields added to the model later keep
        # loading files written before them.
    result = cls(**arguments)
    _check_vocabulary(result, where)
    return result


# Closed vocabularies; an empty string means "not set" where the model allows it.
_VOCABULARY = {
    (model.Actor, "kind"): model.ACTOR_KINDS,
    (model.Actor, "review"): model.REVIEW_STATES,
    (model.Claim, "kind"): model.CLAIM_KINDS,
    (model.Claim, "review"): model.REVIEW_STATES,
    (model.Claim, "stance"): ("", *model.STANCES),
    (model.Rating, "reliability"): ("", *model.RELIABILITY),
    (model.Rating, "credibility"): ("", *model.CREDIBILITY),
    (model.Rating, "likelihood"): ("", *model.LIKELIHOODS),
    (model.Rating, "status"): model.STATUSES,
    (model.Judgment, "likelihood"): ("", *model.LIKELIHOODS),
    (model.Judgment, "confidence"): ("", *model.CONFIDENCES),
}


def _check_vocabulary(obj: Any, where: str) -> None:
    for (cls, name), allowed in _VOCABULARY.items():
        if type(obj) is cls and getattr(obj, name) not in allowed:
            raise _Invalid(f"{where}.{name} {getattr(obj, name)!r} is not a known value")


def _check_references(briefing: Briefing) -> None:
    """Ids unique, references resolvable, every offset inside its source's text."""
    lengths = {}
    for i, source in enumerate(briefing.sources):
        if source.id in lengths:
            raise _Invalid(f"source id {source.id!r} is used twice")
        lengths[source.id] = len(source.text)
        for j, (start, end) in enumerate(source.paragraphs):
            _check_range(start, end, len(source.text), f"briefing.sources[{i}].paragraphs[{j}]")

    def text_length(source_id: str, where: str) -> int:
        if source_id not in lengths:
            raise _Invalid(f"{where} names a source {source_id!r} that the file does not hold")
        return lengths[source_id]

    actor_ids = _unique_ids(briefing.actors, "actor")
    for i, actor in enumerate(briefing.actors):
        for j, mention in enumerate(actor.mentions):
            where = f"briefing.actors[{i}].mentions[{j}]"
            _check_range(mention.start, mention.end, text_length(mention.source_id, where), where)
    _unique_ids(briefing.claims, "claim")
    for i, claim in enumerate(briefing.claims):
        where = f"briefing.claims[{i}]"
        limit = text_length(claim.source_id, where)
        if claim.actor_id is not None and claim.actor_id not in actor_ids:
            raise _Invalid(f"{where} names an actor {claim.actor_id!r} that the file does not hold")
        spans = {"content": claim.content, "source_span": claim.source_span, "cue": claim.cue}
        spans.update({f"hedges[{k}]": h for k, h in enumerate(claim.hedges)})
        for label, span in spans.items():
            if span is not None:
                _check_span(span, limit, f"{where}.{label}")
    _unique_ids(briefing.notes, "note")
    for i, note in enumerate(briefing.notes):
        where = f"briefing.notes[{i}]"
        if note.source_id:
            _check_range(note.start, note.end, text_length(note.source_id, where), where)
    _unique_ids(briefing.judgments, "judgment")


def _unique_ids(items: list[Any], label: str) -> set[str]:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise _Invalid(f"{label} id {item.id!r} is used twice")
        seen.add(item.id)
    return seen


def _check_span(span: model.Span, limit: int, where: str) -> None:
    _check_range(span.start, span.end, limit, where)
    for k, (start, end) in enumerate(span.segments or []):
        _check_range(start, end, limit, f"{where}.segments[{k}]")


def _check_range(start: int, end: int, limit: int, where: str) -> None:
    if not 0 <= start <= end <= limit:
        raise _Invalid(f"{where} runs from {start} to {end}, outside a text of {limit} characters")
