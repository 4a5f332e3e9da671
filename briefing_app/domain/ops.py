"""Pure operations on a Briefing: adding sources, applying an analysis, reviewing and rating.

Each op returns a Change naming what it touched, so Qt models can refresh only those rows.
Undo commands call these ops; they never mutate the domain by themselves.
"""

from __future__ import annotations

import copy
import dataclasses
import uuid
from dataclasses import dataclass, field

from briefing_app.domain.model import Actor, Analysis, Briefing, Claim, Source, Span
from briefing_app.domain.vocab import ChangeKind


@dataclass
class Change:
    """What an op touched: which kind of item, and the ids of the items touched."""

    kind: ChangeKind
    ids: list[str] = field(default_factory=list)


def note_change(item: Actor | Claim, what: str) -> None:
    """Say on an unreviewed item what a side effect changed ("source actor X deleted").

    A reviewed item has the analyst's verdict and needs no such note. The list is replaced,
    never appended to in place, so shallow snapshots (corrections.snapshot) stay exact.
    """
    if item.review == "machine" and what not in item.changed_by:
        item.changed_by = [*item.changed_by, what]


def unchecked_changes(item: Actor | Claim) -> str:
    """What side effects changed on an item the analyst has not checked, as one sentence
    ("Changed since the analysis, not checked: merged with ROK."), or "" when none did."""
    if item.review != "machine" or not item.changed_by:
        return ""
    return f"Changed since the analysis, not checked: {'; '.join(item.changed_by)}."


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def add_source(briefing: Briefing, source: Source) -> Change:
    briefing.sources.append(source)
    return Change(ChangeKind.SOURCES, [source.id])


def _actor_key(actor: Actor) -> tuple[str, str]:
    return (actor.kind, " ".join(actor.name.lower().split()))


def apply_analysis(briefing: Briefing, analysis: Analysis, *, owned: bool = False
                   ) -> list[Change]:
    """Make `analysis` the machine baseline of its source, keeping the analyst's own work.

    Machine-state claims of the source are replaced; claims the analyst accepted, edited,
    rejected or excluded stay. Actors are merged into the briefing's one register by kind and
    name, so the same person in two sources is one actor. An analysis never reviews anything:
    it fills a blank role or affiliation of an unreviewed actor only, and says so on it
    (`changed_by`); a checked actor keeps what the analyst saw. Returns the changes.

    The briefing gets copies of what it adds, since `analysis` may be applied again (redo).
    With `owned`, the caller hands `analysis` over for good (e.g. a copy_analysis() made on
    the worker thread) and its objects are taken as they are: copying the thousands of
    objects of a long article on the GUI thread froze the window.
    """
    fresh_actor = _own if owned else _fresh_actor
    fresh_claim = _own if owned else _fresh_claim
    fresh_mention = _own if owned else copy.copy
    source_id = analysis.source_id
    # An exclusion is the analyst's triage (it does not review the claim) and must survive.
    kept_claims = [
        c for c in briefing.claims
        if c.source_id != source_id or c.review != "machine" or not c.included
    ]
    # Drop machine mentions of this source; an actor left with no mention and untouched goes.
    for actor in briefing.actors:
        if actor.review == "machine":
            actor.mentions = [m for m in actor.mentions if m.source_id != source_id]
    by_key = {_actor_key(a): a for a in briefing.actors}
    id_map: dict[str, str] = {}
    for found in analysis.actors:
        existing = by_key.get(_actor_key(found))
        if existing is None:
            actor = fresh_actor(found)
            briefing.actors.append(actor)
            by_key[_actor_key(actor)] = actor
            id_map[found.id] = actor.id
            continue
        id_map[found.id] = existing.id
        known = {(m.source_id, m.start, m.end) for m in existing.mentions}
        existing.mentions.extend(
            fresh_mention(m) for m in found.mentions
            if (m.source_id, m.start, m.end) not in known
        )
        if existing.review != "machine":
            continue
        for name in ("role", "affiliation"):
            if not getattr(existing, name) and getattr(found, name):
                setattr(existing, name, getattr(found, name))
                note_change(existing, f"{name} filled in by an analysis")
    referenced = {c.actor_id for c in kept_claims}
    briefing.actors = [
        a for a in briefing.actors
        if a.mentions or a.review != "machine" or a.id in referenced
    ]
    kept_keys = {(c.content.start, c.content.end) for c in kept_claims if c.source_id == source_id}
    for found in analysis.claims:
        if (found.content.start, found.content.end) in kept_keys:
            continue
        claim = fresh_claim(found)
        claim.actor_id = id_map.get(found.actor_id) if found.actor_id else None
        kept_claims.append(claim)
    # Source positions looked up once: a per-claim scan of the sources was a hot spot.
    order = {source.id: index for index, source in enumerate(briefing.sources)}
    unknown = len(briefing.sources)
    briefing.claims = sorted(
        kept_claims, key=lambda c: (order.get(c.source_id, unknown), c.start)
    )
    if analysis.pipeline.name:
        briefing.pipeline = analysis.pipeline
    return [Change(ChangeKind.ACTORS), Change(ChangeKind.CLAIMS)]


def copy_analysis(analysis: Analysis) -> Analysis:
    """An independent copy of `analysis`, for apply_analysis(..., owned=True).

    The analysis worker makes it on its own thread, so the GUI thread only adopts objects.
    """
    return dataclasses.replace(
        analysis,
        actors=[_fresh_actor(a) for a in analysis.actors],
        claims=[_fresh_claim(c) for c in analysis.claims],
        warnings=list(analysis.warnings),
    )


def _own(found):
    return found


def _fresh_actor(found: Actor) -> Actor:
    # Field-by-field copies, not deepcopy: an analysis of a 100,000-word article holds
    # thousands of objects, and deepcopy of them froze the window for a quarter second.
    return dataclasses.replace(found, mentions=[copy.copy(m) for m in found.mentions])


def _fresh_claim(found: Claim) -> Claim:
    """A copy the briefing can own: the analysis may be applied again on redo."""
    return dataclasses.replace(
        found,
        content=_copy_span(found.content),
        source_span=_copy_span(found.source_span),
        cue=_copy_span(found.cue),
        hedges=[_copy_span(h) for h in found.hedges],
        rating=copy.copy(found.rating),
    )


def _copy_span(span: Span | None) -> Span | None:
    if span is None:
        return None
    return Span(span.start, span.end, list(span.segments) if span.segments else None)


def mentioned_count(actor: Actor, source_id: str | None = None) -> int:
    return sum(1 for m in actor.mentions if source_id is None or m.source_id == source_id)


def reviewed_count(claims: list[Claim]) -> int:
    return sum(1 for c in claims if c.review != "machine")
