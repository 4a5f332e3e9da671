"""Pure review ops: set an actor's or a claim's fields, review state and rating.

Each op returns a Change; undo commands snapshot the old values with `claim_values` /
`actor_values` and undo by setting them back, so one op serves redo and undo alike.
"""

from __future__ import annotations

from briefing_app.domain.model import (
    ACTOR_KINDS,
    CREDIBILITY,
    LIKELIHOODS,
    RELIABILITY,
    REVIEW_STATES,
    STATUSES,
    Actor,
    Briefing,
    Claim,
)
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind

RATING_FIELDS = ("reliability", "credibility", "likelihood", "status")
CLAIM_FIELDS = RATING_FIELDS + ("comment", "included", "review", "actor_id")
ACTOR_FIELDS = ("name", "kind", "role", "affiliation", "note", "included", "review")
# The fields whose edit is the analyst's judgment of the item, and so reviews it. Including
# or excluding an item is triage, not a check of what it says: it leaves the state alone.
CLAIM_JUDGED = RATING_FIELDS + ("comment", "actor_id")
ACTOR_JUDGED = ("name", "kind", "role", "affiliation", "note")

_VOCABULARY = {
    "reliability": ("",) + RELIABILITY,
    "credibility": ("",) + CREDIBILITY,
    "likelihood": ("",) + tuple(LIKELIHOODS),
    "status": STATUSES,
    "review": REVIEW_STATES,
    "kind": ACTOR_KINDS,
}


def _check(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if name not in allowed:
        raise KeyError(f"unknown field {name!r}")
    if name in _VOCABULARY and value not in _VOCABULARY[name]:
        raise ValueError(f"{value!r} is not a valid {name}")


def claim_values(claim: Claim, names) -> dict[str, object]:
    """The current values of `names` on `claim`, for an undo snapshot."""
    return {
        n: getattr(claim.rating, n) if n in RATING_FIELDS else getattr(claim, n) for n in names
    }


def actor_values(actor: Actor, names) -> dict[str, object]:
    return {n: getattr(actor, n) for n in names}


def touched_review(current: str) -> str:
    """The review state after the analyst edits an item: a machine item becomes 'edited'.

    Marking it keeps the analyst's rating through a re-analysis, which replaces only
    machine-state claims; an accepted or rejected item keeps its verdict.
    """
    return "edited" if current == "machine" else current


def reviewed_after(current: str, values: dict[str, object], judged: tuple[str, ...]) -> str:
    """The review state after an analyst edit setting `values`: touched only when one of
    them is a `judged` field (CLAIM_JUDGED, ACTOR_JUDGED)."""
    return touched_review(current) if any(name in judged for name in values) else current


def checked_counts(briefing: Briefing, shown) -> tuple[int, int, int, int]:
    """(checked claims, claims, checked actors, actors) among the items `shown` keeps: what
    the briefing can say the analyst checked ("Checked by the analyst: 23 of 57 claims")."""
    claims = [c for c in briefing.claims if shown(c)]
    actors = [a for a in briefing.actors if shown(a)]
    return (sum(1 for c in claims if c.review != "machine"), len(claims),
            sum(1 for a in actors if a.review != "machine"), len(actors))


def update_claim(briefing: Briefing, claim_id: str, values: dict[str, object]) -> Change:
    """Set each field named in `values` on the claim (rating fields go to its Rating)."""
    claim = briefing.claim(claim_id)
    if claim is None:
        raise KeyError(claim_id)
    for name, value in values.items():
        _check(name, value, CLAIM_FIELDS)
        if name == "actor_id" and value is not None and briefing.actor(value) is None:
            raise KeyError(value)
    for name, value in values.items():
        setattr(claim.rating if name in RATING_FIELDS else claim, name, value)
    return Change(ChangeKind.CLAIMS, [claim_id])


def update_actor(briefing: Briefing, actor_id: str, values: dict[str, object]) -> Change:
    actor = briefing.actor(actor_id)
    if actor is None:
        raise KeyError(actor_id)
    for name, value in values.items():
        _check(name, value, ACTOR_FIELDS)
    for name, value in values.items():
        setattr(actor, name, value)
    return Change(ChangeKind.ACTORS, [actor_id])


def remove_source(briefing: Briefing, source_id: str) -> Change:
    """Take a source out again: the undo of add_source, so nothing refers to it any more."""
    briefing.sources = [s for s in briefing.sources if s.id != source_id]
    return Change(ChangeKind.SOURCES, [source_id])
