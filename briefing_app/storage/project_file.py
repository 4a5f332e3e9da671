"""The .briefing project file: canonical, versioned JSON in, a checked Briefing out.

A project file is data only. It is parsed with `json` alone, every value is checked against
the domain dataclasses' own type hints and vocabularies, every offset against its source's
text, and nothing it names (paths, URLs) is ever opened or followed.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import os
import typing
from pathlib import Path
from typing import Any

from briefing_app import __version__, collector
from briefing_app.domain import model
from briefing_app.domain.model import Briefing
from briefing_app.errors import ProjectFileError
from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error
from briefing_app.storage.files import read_user_file
from briefing_app.storage.project_decode import Invalid as _Invalid
from briefing_app.storage.project_decode import decode
from briefing_app.storage.project_migrations import MIGRATIONS

SCHEMA = "briefing-app/project"
VERSION = 1
# Far above any real project (the text of many long articles and their annotations), yet
# a bound: parsing takes several times the file's size in memory.
MAX_PROJECT_BYTES = 512 * 1024 * 1024


# ----------------------------------------------------------------------------- writing
@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    # Asked once per class: is_dataclass() and fields() for each of the ~100,000 objects
    # of a long article's briefing cost more than the rest of the conversion.
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def _to_plain(value: Any) -> Any:
    names = _field_names(type(value))
    if names is not None:
        return {name: _to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    return value


def _document(briefing_value: Any) -> dict[str, Any]:
    return {"schema": SCHEMA, "version": VERSION, "app_version": __version__,
            "briefing": briefing_value}


def dumps(briefing: Briefing, *, compact: bool = False) -> str:
    """The canonical text of a project: sorted keys, so equal briefings give equal files.

    `compact` (the autosave) drops the indentation, which lets json use its C encoder:
    five times faster, and the same data when loaded.
    """
    if compact:
        return "".join(compact_pieces(briefing))
    return json.dumps(_document(_to_plain(briefing)), sort_keys=True, indent=1,
                      ensure_ascii=False) + "\n"


_compact = functools.partial(json.dumps, sort_keys=True, separators=(",", ":"),
                             ensure_ascii=False)


# The autosave builds its text a piece per step on the GUI thread; these bound a piece's
# work to well under a millisecond: a string is escaped this many characters at a time, a
# list of plain values (paragraph bounds) encoded this many items at a time, and an object
# holding more than this many objects in one list (an actor's mentions) goes field by field.
TEXT_PIECE = 65_536
VALUES_PIECE = 512
OBJECTS_PIECE = 64


def compact_pieces(briefing: Briefing) -> typing.Iterator[str]:
    """The compact text of `briefing` in small pieces: the autosave spreads a long
    article's briefing over many turns of the event loop this way. Joined, the pieces are
    the compact text, character for character."""
    document = _document(briefing)
    for n, key in enumerate(sorted(document)):
        yield ("{" if n == 0 else ",") + _compact(key) + ":"
        if key == "briefing":
            yield from _object_pieces(briefing)  # always split: it holds every claim
        else:
            yield _compact(document[key])
    yield "}\n"


def _pieces(value: Any) -> typing.Iterator[str]:
    names = _field_names(type(value))
    if names is not None:
        if _is_big(value, names):
            yield from _object_pieces(value)
        else:
            yield _compact(_to_plain(value))
    elif type(value) is str and len(value) > TEXT_PIECE:
        # JSON escapes a string character by character, so its chunks, escaped one by one,
        # join to the escaped whole (a str never splits a character in two).
        yield '"'
        for start in range(0, len(value), TEXT_PIECE):
            yield _compact(value[start:start + TEXT_PIECE])[1:-1]
        yield '"'
    elif type(value) is list and value and _field_names(type(value[0])) is not None:
        for n, item in enumerate(value):  # objects: one piece each, or more when big
            opener = "[" if n == 0 else ","
            if _is_big(item, _field_names(type(item))):
                yield opener
                yield from _object_pieces(item)
            else:
                yield opener + _compact(_to_plain(item))
        yield "]"
    elif type(value) is list and (len(value) > VALUES_PIECE or _holds_long_text(value)):
        for start in range(0, len(value), VALUES_PIECE):
            group = value[start:start + VALUES_PIECE]
            opener = "[" if start == 0 else ","
            if _holds_long_text(group):
                for n, item in enumerate(group):
                    yield opener if n == 0 else ","
                    yield from _pieces(item)
            else:
                yield opener + _compact(_to_plain(group))[1:-1]
        yield "]"
    else:
        yield _compact(_to_plain(value))


def _object_pieces(value: Any) -> typing.Iterator[str]:
    for m, name in enumerate(_sorted_names(type(value))):
        yield ("{" if m == 0 else ",") + _compact(name) + ":"
        yield from _pieces(getattr(value, name))
    yield "}"


@functools.cache
def _sorted_names(cls: type) -> tuple[str, ...]:
    return tuple(sorted(_field_names(cls)))


def _is_big(value: Any, names: tuple[str, ...]) -> bool:
    """Whether one of the object's own fields is a long text or list (deeper values, a
    claim's spans and rating, are a handful of numbers and words each)."""
    for name in names:
        field = getattr(value, name)
        if type(field) is str:
            if len(field) > TEXT_PIECE:
                return True
        elif type(field) is list:
            if field and _field_names(type(field[0])) is not None:
                if len(field) > OBJECTS_PIECE:
                    return True
            elif len(field) > VALUES_PIECE or _holds_long_text(field):
                return True
    return False


def _holds_long_text(values: list[Any]) -> bool:
    return any(type(v) is str and len(v) > TEXT_PIECE for v in values)


def save_project(briefing: Briefing, path: str | os.PathLike[str], *,
                 compact: bool = False) -> None:
    """Write `briefing` to `path` atomically; a failure leaves the previous file as it was."""
    # A lone surrogate cannot be UTF-8; backslashreplace writes it as the JSON escape
    # \udcXX, which only ever occurs inside strings, so it loads back unchanged.
    data = dumps(briefing, compact=compact).encode("utf-8", errors="backslashreplace")
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise ProjectFileError(
            f"Could not save {Path(path).name}: {describe_os_error(error)}; "
            "the previous file is unchanged."
        ) from error


# ----------------------------------------------------------------------------- reading
def load_project(path: str | os.PathLike[str]) -> Briefing:
    """Read and check a project file; any problem is one ProjectFileError sentence."""
    name = Path(path).name
    raw = read_user_file(path, "the project", MAX_PROJECT_BYTES, error=ProjectFileError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProjectFileError(
            f"Could not open {name}: it is not a Briefing Builder project file "
            f"(not UTF-8 text at byte {error.start})."
        ) from error
    briefing = loads(text, name=name)
    # The project's objects live as long as it is open: frozen, no later collection in
    # any thread walks them (a full one over a long article's briefing held the GIL for
    # ~85 ms). Reference counting still frees them when the project goes (the dataclasses
    # hold no cycles). Whatever cyclic garbage is pending now stays uncollected, a few
    # objects at most, the price the analysis worker pays for its pipeline too.
    gc.freeze()
    return briefing


def loads(text: str, *, name: str = "the project file") -> Briefing:
    """Parse project JSON text into a checked Briefing, migrating older versions."""
    # The parsed tree and the dataclasses made from it hold no cycles: a collection while
    # they are built would find nothing, yet walk all of them (half the time of a load).
    with collector.paused():
        return _loads(text, name)


def _loads(text: str, name: str) -> Briefing:
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        where = (f" (line {error.lineno}, column {error.colno})"
                 if isinstance(error, json.JSONDecodeError) else "")
        raise ProjectFileError(
            f"Could not open {name}: the file is truncated or damaged{where}."
        ) from error
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise ProjectFileError(f"Could not open {name}: it is not a Briefing Builder project file.")
    version = document.get("version")
    if type(version) is not int or version < 0:
        raise ProjectFileError(f"Could not open {name}: its project version is missing or invalid.")
    if version > VERSION:
        raise ProjectFileError(
            f"{name} was saved by a newer Briefing Builder (project version {version}); "
            f"this version reads up to {VERSION}."
        )
    try:
        for step in range(version, VERSION):
            document = MIGRATIONS[step](document)
        briefing = decode(document.get("briefing"), Briefing, "briefing")
        _check_references(briefing)
    except _Invalid as error:
        raise ProjectFileError(
            f"Could not open {name}: the file is damaged or was edited by hand ({error})."
        ) from error
    return briefing


def _reject_constant(token: str) -> None:
    raise ValueError(f"{token} is not allowed in a project file")


def _check_references(briefing: Briefing) -> None:
    """Ids unique, references resolvable, every offset inside its source's text.

    A big project holds tens of thousands of spans: each is checked with plain comparisons,
    and only a bad one has its place ("briefing.claims[3].cue") spelled out.
    """
    lengths: dict[str, int] = {}
    for i, source in enumerate(briefing.sources):
        if source.id in lengths:
            raise _Invalid(f"source id {source.id!r} is used twice")
        limit = lengths[source.id] = len(source.text)
        if not _pairs_fit(source.paragraphs, limit):
            for j, (start, end) in enumerate(source.paragraphs):
                _check_range(start, end, limit, f"briefing.sources[{i}].paragraphs[{j}]")

    def text_length(source_id: str, where: str) -> int:
        if source_id not in lengths:
            raise _Invalid(f"{where} names a source {source_id!r} that the file does not hold")
        return lengths[source_id]

    actor_ids = _unique_ids(briefing.actors, "actor")
    for i, actor in enumerate(briefing.actors):
        for j, mention in enumerate(actor.mentions):
            limit = lengths.get(mention.source_id, -1)
            if not 0 <= mention.start <= mention.end <= limit:
                where = f"briefing.actors[{i}].mentions[{j}]"
                _check_range(mention.start, mention.end, text_length(mention.source_id, where),
                             where)
    _unique_ids(briefing.claims, "claim")
    for i, claim in enumerate(briefing.claims):
        limit = lengths.get(claim.source_id, -1)
        if limit < 0 or (claim.actor_id is not None and claim.actor_id not in actor_ids) \
                or not _claim_spans_fit(claim, limit):
            _check_claim(claim, text_length(claim.source_id, f"briefing.claims[{i}]"),
                         actor_ids, f"briefing.claims[{i}]")
    _unique_ids(briefing.notes, "note")
    for i, note in enumerate(briefing.notes):
        where = f"briefing.notes[{i}]"
        if note.source_id:
            _check_range(note.start, note.end, text_length(note.source_id, where), where)
    _unique_ids(briefing.judgments, "judgment")


def _pairs_fit(pairs: list[tuple[int, int]], limit: int) -> bool:
    return all(0 <= start <= end <= limit for start, end in pairs)


def _span_fits(span: model.Span, limit: int) -> bool:
    return 0 <= span.start <= span.end <= limit and (
        not span.segments or _pairs_fit(span.segments, limit))


def _claim_spans_fit(claim: model.Claim, limit: int) -> bool:
    if not _span_fits(claim.content, limit):
        return False
    if claim.source_span is not None and not _span_fits(claim.source_span, limit):
        return False
    if claim.cue is not None and not _span_fits(claim.cue, limit):
        return False
    for hedge in claim.hedges:
        if not _span_fits(hedge, limit):
            return False
    return True


def _check_claim(claim: model.Claim, limit: int, actor_ids: set[str], where: str) -> None:
    """Name the first fault of a claim that has one, in the order a reader would look."""
    if claim.actor_id is not None and claim.actor_id not in actor_ids:
        raise _Invalid(f"{where} names an actor {claim.actor_id!r} that the file does not hold")
    spans = {"content": claim.content, "source_span": claim.source_span, "cue": claim.cue}
    spans.update({f"hedges[{k}]": h for k, h in enumerate(claim.hedges)})
    for label, span in spans.items():
        if span is not None:
            _check_range(span.start, span.end, limit, f"{where}.{label}")
            for k, (start, end) in enumerate(span.segments or []):
                _check_range(start, end, limit, f"{where}.{label}.segments[{k}]")


def _unique_ids(items: list[Any], label: str) -> set[str]:
    seen = {item.id for item in items}
    if len(seen) < len(items):
        seen.clear()
        for item in items:
            if item.id in seen:
                raise _Invalid(f"{label} id {item.id!r} is used twice")
            seen.add(item.id)
    return seen


def _check_range(start: int, end: int, limit: int, where: str) -> None:
    if not 0 <= start <= end <= limit:
        raise _Invalid(f"{where} runs from {start} to {end}, outside a text of {limit} characters")
