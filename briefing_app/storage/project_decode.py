"""Checked decoding of parsed project JSON into the domain dataclasses.

Every value is checked against the dataclasses' own type hints and closed vocabularies.
The hints are resolved once per type, the first time it is decoded, into a small decoder
function; decoding a value then costs a few exact type comparisons, not a walk over
`typing` objects (which was nine tenths of opening a big project).

Where a bad value sits ("briefing.claims[3].paragraph") is put together only when one is
found, as the error rises through the decoders: a good file never formats a path.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

from briefing_app.domain import model

Decoder = Callable[[Any], Any]


class Invalid(Exception):
    """A value does not fit the model; the text says where and why."""


class _Misfit(Exception):
    """Raised inside the decoders: what is wrong, and the path to it, innermost first."""

    def __init__(self, problem: str, step: str = ""):
        super().__init__(problem)
        self.problem = problem
        self.steps = [step] if step else []

    def at(self, step: str) -> _Misfit:
        self.steps.append(step)
        return self


def decode(value: Any, hint: Any, where: str) -> Any:
    """Turn parsed JSON into `hint` (a dataclass or typing hint), or raise Invalid naming
    the bad value's place under `where`."""
    try:
        return decoder(hint)(value)
    except _Misfit as misfit:
        raise Invalid(f"{where}{''.join(reversed(misfit.steps))} {misfit.problem}") from None


# Closed vocabularies; an empty string means "not set" where the model allows it.
VOCABULARY = {
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

_NAMES = {str: "text", int: "a whole number", bool: "true or false"}
_KINDS = {dict: "an object", list: "a list", str: "text", bool: "true or false",
          int: "a number", float: "a number", type(None): "null"}


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), "something else")


def _wrong(hint: type, value: Any) -> _Misfit:
    return _Misfit(f"should be {_NAMES[hint]}, not {_kind(value)}")


@functools.cache
def decoder(hint: Any) -> Decoder:
    """The decoder of `hint`, built on first use and kept: one per dataclass and hint."""
    if dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _optional_decoder(decoder(next(a for a in args if a is not type(None))))
    if origin is list:
        return _list_decoder(decoder(args[0]))
    if origin is tuple:
        return _tuple_decoder(args)
    if hint in _NAMES:
        return _exact_decoder(hint)
    if hint is float:
        return _share_decoder
    # Only the model's own hints are ever decoded: a new kind there must be taught here.
    raise TypeError(f"no project-file decoder for {hint!r}")


def _exact_decoder(hint: type) -> Decoder:
    def decode_exact(value: Any) -> Any:
        # bool is a subclass of int in Python, so compare exact types.
        if type(value) is hint:
            return value
        raise _wrong(hint, value)
    return decode_exact


def _share_decoder(value: Any) -> float:
    # The model's only floats are the engine's confidences, shares from 0 to 1; JSON may
    # write a whole one as 0 or 1.
    if type(value) in (int, float):
        if 0 <= value <= 1:
            return float(value)
        raise _Misfit(f"should be a number from 0 to 1, not {value:g}")
    raise _Misfit(f"should be a number from 0 to 1, not {_kind(value)}")


def _optional_decoder(inner: Decoder) -> Decoder:
    def decode_optional(value: Any) -> Any:
        return None if value is None else inner(value)
    return decode_optional


def _list_decoder(item: Decoder) -> Decoder:
    def decode_list(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _Misfit("should be a list")
        try:
            return list(map(item, value))
        except _Misfit:
            # Decoding is pure, so the first item that fails again is the one that failed.
            for index, entry in enumerate(value):
                try:
                    item(entry)
                except _Misfit as misfit:
                    raise misfit.at(f"[{index}]") from None
            raise
    return decode_list


def _tuple_decoder(hints: tuple[Any, ...]) -> Decoder:
    items = tuple(decoder(hint) for hint in hints)
    # Pairs of plain values (a paragraph's bounds) are checked by their types at once.
    plain = hints if all(hint in _NAMES for hint in hints) else None
    problem = f"should be a list of {len(items)} values"

    def decode_tuple(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or len(value) != len(items):
            raise _Misfit(problem)
        if plain is not None and tuple(map(type, value)) == plain:
            return tuple(value)
        done: list[Any] = []
        try:
            for entry, item in zip(value, items):
                done.append(item(entry))
        except _Misfit as misfit:
            raise misfit.at(f"[{len(done)}]") from None
        return tuple(done)
    return decode_tuple


def _accepted(hint: Any) -> dict[type, Decoder | None]:
    """The JSON types a field of `hint` may hold, each with the decoder its value still
    needs (None: the parsed value is already the field's value)."""
    if hint in _NAMES:
        return {hint: None}
    if hint is float:
        return {float: _share_decoder, int: _share_decoder}
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (inner,) = (a for a in args if a is not type(None))
        return {**_accepted(inner), type(None): None}
    return {dict if dataclasses.is_dataclass(hint) else list: decoder(hint)}


def _getter(names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The values of `names` in a dict, as a tuple (itemgetter of one name gives the bare
    value); KeyError when one is missing."""
    if len(names) > 1:
        return operator.itemgetter(*names)
    return lambda value: tuple(value[name] for name in names)


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    if any(not f.init or f.kw_only for f in fields):
        # The fast way passes every field by position, as the model's dataclasses take them.
        raise TypeError(f"{cls.__name__} has fields __init__ does not take by position")
    names = tuple(f.name for f in fields)
    known = frozenset(names)
    # Per field, in declaration order (so the first bad field of several is the one
    # named): its decoder, and whether the file must hold it at all.
    plan = []
    for f in fields:
        # A field with a default may be absent: fields added to the model later keep
        # loading files written before them.
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        plan.append((f.name, decoder(hints[f.name]), required))
    accepted = [_accepted(hints[name]) for name in names]
    words = [(name, frozenset(allowed)) for (owner, name), allowed in VOCABULARY.items()
             if owner is cls]
    fields_of = _getter(names)
    words_of = _getter(tuple(name for name, _ in words)) if words else None
    # What is left to decode in an object, by the JSON types of its fields (and its
    # words), for each combination met that fits the hints and vocabularies: one
    # dictionary look-up then checks every plain field of an object. Only combinations
    # that fit are kept, so there are at most a few thousand (the vocabularies' product).
    shapes: dict[Any, tuple[tuple[int, Decoder], ...]] = {}
    absent = object()

    def shape(key: Any) -> tuple[tuple[int, Decoder], ...] | None:
        kinds, said = key if words_of else (key, ())
        fits = [options.get(kind, absent) for options, kind in zip(accepted, kinds)]
        if absent in fits or not all(w in allowed for w, (_, allowed) in zip(said, words)):
            return None  # a misfit: left to the slow way to name
        shapes[key] = tuple((i, d) for i, d in enumerate(fits) if d is not None)
        return shapes[key]

    def decode_field_by_field(value: Any) -> Any:
        """Every check in order: for files that leave out fields, and to name the first
        fault of a file that has one."""
        if not isinstance(value, dict):
            raise _Misfit(f"should be an object, not {_kind(value)}")
        if not known.issuperset(value):
            raise _Misfit(f"has an unknown entry {sorted(set(value) - known)[0]!r}")
        arguments = {}
        for name, inner, required in plan:
            item = value.get(name, absent)
            if item is not absent:
                try:
                    arguments[name] = inner(item)
                except _Misfit as misfit:
                    raise misfit.at(f".{name}") from None
            elif required:
                raise _Misfit(f"lacks its {name!r} entry")
        result = cls(**arguments)
        for name, allowed in words:
            if getattr(result, name) not in allowed:
                raise _Misfit(f"{getattr(result, name)!r} is not a known value", f".{name}")
        return result

    def decode_dataclass(value: Any) -> Any:
        # The usual case, every field there: one look-up checks the types of all fields
        # and the words against their vocabularies, without a Python step per field.
        # Anything else goes field by field, which names the same first fault.
        if not isinstance(value, dict) or len(value) != len(names):
            return decode_field_by_field(value)
        try:
            values = fields_of(value)
            kinds = tuple(map(type, values))
            key = (kinds, words_of(value)) if words_of else kinds
            nested = shapes.get(key)
        except (KeyError, TypeError):  # not those fields, or a word that is no text
            return decode_field_by_field(value)
        if nested is None:
            nested = shape(key)
            if nested is None:
                return decode_field_by_field(value)
        # Positional arguments, in declaration order: half the cost of keywords.
        if not nested:
            return cls(*values)
        values = list(values)
        for index, inner in nested:
            try:
                values[index] = inner(values[index])
            except _Misfit as misfit:
                raise misfit.at(f".{names[index]}") from None
        return cls(*values)
    return decode_dataclass
