"""Pure correction ops: the analyst fixes what the engine found (actors, mentions, claims,
boundaries, notes), plus a snapshot/restore pair that lets one undo command serve them all.

Ops never mutate a Span or a Mention in place; they put a new one where the old one was.
That keeps `snapshot` shallow (and cheap on long articles) yet exact.

Review states are the analyst's alone: an op reviews only the item the analyst acted on
(the actor whose mentions they edit, the claim whose source actor they set, the item they
make), which becomes 'edited' unless already accepted or rejected. A merge is a side effect
on all it touches, and claims that merely follow their actor through a merge, a split or a
deletion keep their state; an unreviewed one says what changed in its `changed_by` instead,
so "[unreviewed]" stays true in the briefing.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from briefing_app.domain.model import (
    ACTOR_KINDS,
    STANCES,
    Actor,
    Briefing,
    Claim,
    Mention,
    Note,
    Span,
)
from briefing_app.domain.ops import Change, note_change
from briefing_app.domain.review import touched_review
from briefing_app.domain.vocab import ChangeKind

REGISTER = [Change(ChangeKind.ACTORS), Change(ChangeKind.CLAIMS)]
CLAIM_PARTS = ("content", "cue", "source_span")


@dataclass
class Snapshot:
    """The register as it was: list orders plus each object's field values (shallow)."""

    actors: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    states: list = field(default_factory=list)  # (object, its __dict__ copy)


def snapshot(briefing: Briefing) -> Snapshot:
    snap = Snapshot(list(briefing.actors), list(briefing.claims), list(briefing.notes))
    for actor in briefing.actors:
        state = dict(vars(actor))
        state["mentions"] = list(actor.mentions)
        snap.states.append((actor, state))
    for claim in briefing.claims:
        state = dict(vars(claim))
        state["hedges"] = list(claim.hedges)
        state["rating"] = copy.copy(claim.rating)
        snap.states.append((claim, state))
    return snap


def restore(briefing: Briefing, snap: Snapshot) -> list[Change]:
    """Put the register back as `snap` saw it; the same objects, so ids stay valid."""
    briefing.actors, briefing.claims = list(snap.actors), list(snap.claims)
    briefing.notes = list(snap.notes)
    for obj, state in snap.states:
        state = dict(state)
        for name in ("mentions", "hedges"):
            if name in state:
                state[name] = list(state[name])
        if "rating" in state:
            state["rating"] = copy.copy(state["rating"])
        vars(obj).update(state)
    return REGISTER + [Change(ChangeKind.NOTES)]


# ------------------------------------------------------------------- helpers
def _actor(briefing: Briefing, actor_id: str) -> Actor:
    actor = briefing.actor(actor_id)
    if actor is None:
        raise KeyError(actor_id)
    return actor


def _claim(briefing: Briefing, claim_id: str) -> Claim:
    claim = briefing.claim(claim_id)
    if claim is None:
        raise KeyError(claim_id)
    return claim


def _touch(item) -> None:
    item.review = touched_review(item.review)


def _check_span(briefing: Briefing, source_id: str, start: int, end: int) -> str:
    source = briefing.source(source_id)
    if source is None:
        raise KeyError(source_id)
    if not 0 <= start < end <= len(source.text):
        raise ValueError(f"span {start}-{end} is outside the text or empty")
    return source.text


def _sorted_mentions(mentions: list[Mention], briefing: Briefing) -> list[Mention]:
    order = {s.id: n for n, s in enumerate(briefing.sources)}
    return sorted(mentions, key=lambda m: (order.get(m.source_id, len(order)), m.start))


def mentions_by_source(briefing: Briefing, actor: Actor) -> list[tuple[str, int]]:
    """(source id, mention count) for each source the actor appears in, in source order."""
    counts: dict[str, int] = {}
    for mention in actor.mentions:
        counts[mention.source_id] = counts.get(mention.source_id, 0) + 1
    return [(s.id, counts[s.id]) for s in briefing.sources if s.id in counts]


def actors_in(briefing: Briefing, source_id: str) -> list[Actor]:
    return [a for a in briefing.actors if any(m.source_id == source_id for m in a.mentions)]


# ---------------------------------------------------------------- actors
def add_actor(briefing: Briefing, actor_id: str, source_id: str, start: int, end: int,
              name: str = "", kind: str = "person") -> list[Change]:
    """A new actor, made by the analyst from the selected text (its first mention)."""
    text = _check_span(briefing, source_id, start, end)
    if kind not in ACTOR_KINDS:
        raise ValueError(f"{kind!r} is not an actor kind")
    name = name or " ".join(text[start:end].split())
    briefing.actors.append(Actor(actor_id, name, kind, review="edited",
                                 mentions=[Mention(source_id, start, end)]))
    return REGISTER


def add_mention(briefing: Briefing, actor_id: str, source_id: str, start: int,
                end: int) -> list[Change]:
    _check_span(briefing, source_id, start, end)
    actor = _actor(briefing, actor_id)
    if any((m.source_id, m.start, m.end) == (source_id, start, end) for m in actor.mentions):
        return []
    actor.mentions = _sorted_mentions(actor.mentions + [Mention(source_id, start, end)],
                                      briefing)
    _touch(actor)
    return REGISTER


def merge_actors(briefing: Briefing, keep_id: str, other_ids: list[str], name: str = "",
                 kind: str = "") -> list[Change]:
    """Fold `other_ids` into `keep_id`: their mentions, their claims, blanks they can fill;
    the kept actor takes `name` and `kind` when given. A merge is a side effect on every
    actor and claim it touches: it reviews none of them and says what it did instead."""
    keep = _actor(briefing, keep_id)
    if kind and kind not in ACTOR_KINDS:
        raise ValueError(f"{kind!r} is not an actor kind")
    others = [_actor(briefing, i) for i in other_ids if i != keep_id]
    known = {(m.source_id, m.start, m.end) for m in keep.mentions}
    mentions = list(keep.mentions)
    for other in others:
        for m in other.mentions:
            if (m.source_id, m.start, m.end) not in known:
                known.add((m.source_id, m.start, m.end))
                mentions.append(m)
        for field_name in ("role", "affiliation", "note"):
            if not getattr(keep, field_name) and getattr(other, field_name):
                setattr(keep, field_name, getattr(other, field_name))
    keep.mentions = _sorted_mentions(mentions, briefing)
    gone = {o.id: o.name for o in others}
    renamed = bool(name) and name != keep.name
    for claim in briefing.claims:
        if claim.actor_id in gone:
            note_change(claim, f"source actor {gone[claim.actor_id]} merged into "
                               f"{name or keep.name}")
            claim.actor_id = keep_id
        elif claim.actor_id == keep_id and renamed:
            note_change(claim, "source actor renamed by a merge")
    note_change(keep, "merged with " + ", ".join(gone.values()))
    keep.name = name or keep.name
    keep.kind = kind or keep.kind
    briefing.actors = [a for a in briefing.actors if a.id not in gone]
    return REGISTER


def split_mention(briefing: Briefing, actor_id: str, index: int, new_id: str,
                  name: str = "") -> list[Change]:
    """Take mention `index` off the actor into a new actor; claims said there follow it."""
    actor = _actor(briefing, actor_id)
    mention = actor.mentions[index]
    source = briefing.source(mention.source_id)
    name = name or " ".join(source.text[mention.start:mention.end].split())
    actor.mentions = actor.mentions[:index] + actor.mentions[index + 1:]
    _touch(actor)
    briefing.actors.append(Actor(new_id, name, actor.kind, review="edited",
                                 mentions=[mention]))
    for claim in briefing.claims:
        span = claim.source_span
        if (claim.actor_id == actor_id and claim.source_id == mention.source_id
                and span is not None and span.start <= mention.start < span.end):
            note_change(claim, f"source actor split off as {name}")
            claim.actor_id = new_id
    return REGISTER


def delete_actor(briefing: Briefing, actor_id: str) -> list[Change]:
    """Remove the actor; its claims stay, said by nobody known (the author) until reassigned."""
    name = _actor(briefing, actor_id).name
    briefing.actors = [a for a in briefing.actors if a.id != actor_id]
    for claim in briefing.claims:
        if claim.actor_id == actor_id:
            note_change(claim, f"source actor {name} deleted")
            claim.actor_id = None
    return REGISTER


# ---------------------------------------------------------------- claims
def add_claim(briefing: Briefing, claim_id: str, source_id: str, start: int, end: int,
              actor_id: str | None = None, cue: tuple[int, int] | None = None,
              source_span: tuple[int, int] | None = None, stance: str = "") -> list[Change]:
    """A claim the analyst marked: the selection is its content, the cue its speech verb,
    `stance` what the cue reports ("assert" when a cue comes without one)."""
    _check_span(briefing, source_id, start, end)
    if stance and stance not in STANCES:
        raise ValueError(f"{stance!r} is not a stance")
    for span in (cue, source_span):
        if span is not None:
            _check_span(briefing, source_id, *span)
    if actor_id is not None:
        actor = _actor(briefing, actor_id)
        if source_span is None:
            near = [m for m in actor.mentions if m.source_id == source_id]
            if near:
                best = min(near, key=lambda m: abs(m.start - start))
                source_span = (best.start, best.end)
    claim = Claim(claim_id, source_id, "reported" if cue else "assertion", Span(start, end),
                  source_span=Span(*source_span) if source_span else None,
                  cue=Span(*cue) if cue else None,
                  stance=(stance or "assert") if cue else "",
                  actor_id=actor_id, review="edited",
                  paragraph=briefing.source(source_id).paragraph_of(start))
    briefing.claims.append(claim)
    order = {s.id: n for n, s in enumerate(briefing.sources)}
    briefing.claims.sort(key=lambda c: (order.get(c.source_id, len(order)), c.start))
    return REGISTER


def delete_claim(briefing: Briefing, claim_id: str) -> list[Change]:
    _claim(briefing, claim_id)
    briefing.claims = [c for c in briefing.claims if c.id != claim_id]
    return REGISTER


def set_claim_actor(briefing: Briefing, claim_id: str, actor_id: str | None) -> list[Change]:
    claim = _claim(briefing, claim_id)
    if actor_id is not None:
        _actor(briefing, actor_id)
    claim.actor_id = actor_id
    _touch(claim)
    return [Change(ChangeKind.CLAIMS, [claim_id]), Change(ChangeKind.ACTORS)]


# ------------------------------------------------------------------ notes
def add_note(briefing: Briefing, note_id: str, text: str, source_id: str = "", start: int = 0,
             end: int = 0) -> list[Change]:
    if source_id:
        _check_span(briefing, source_id, start, end)
    briefing.notes.append(Note(note_id, text, source_id, start, end))
    return [Change(ChangeKind.NOTES, [note_id])]


def _note_index(briefing: Briefing, note_id: str) -> int:
    for index, note in enumerate(briefing.notes):
        if note.id == note_id:
            return index
    raise KeyError(note_id)


def edit_note(briefing: Briefing, note_id: str, text: str) -> list[Change]:
    """New words for a note; its anchor stays. A new Note takes the old one's place, since
    `snapshot` keeps the notes list but not each note's fields."""
    index = _note_index(briefing, note_id)
    if not text.strip():
        raise ValueError("a note needs some text")
    if briefing.notes[index].text == text:
        return []
    briefing.notes[index] = dataclasses.replace(briefing.notes[index], text=text)
    return [Change(ChangeKind.NOTES, [note_id])]


def delete_note(briefing: Briefing, note_id: str) -> list[Change]:
    _note_index(briefing, note_id)
    briefing.notes = [n for n in briefing.notes if n.id != note_id]
    return [Change(ChangeKind.NOTES, [note_id])]


# ---------------------------------------------------------------- sources
SOURCE_FIELDS = ("title", "outlet", "author", "published", "url", "accessed")


def update_source(briefing: Briefing, source_id: str, values: dict[str, str]) -> list[Change]:
    """Set bibliographic fields of a source (the export cites them); text never changes."""
    source = briefing.source(source_id)
    if source is None:
        raise KeyError(source_id)
    for name, value in values.items():
        if name not in SOURCE_FIELDS or not isinstance(value, str):
            raise ValueError(f"{name!r} is not an editable source field")
    for name, value in values.items():
        setattr(source, name, value)
    return [Change(ChangeKind.SOURCES, [source_id])]
