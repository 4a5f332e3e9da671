"""Pure ops on the briefing's own prose: title, author, handling mark, BLUF and key judgments,
and the outline of what an export will hold.

Each op returns a Change ('briefing' with the field name, or 'judgments' with the id) so the
Briefing panel refreshes only what moved; undo commands snapshot with `briefing_values`.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.domain.model import CONFIDENCES, LIKELIHOODS, Actor, Briefing, Claim, Judgment
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind

BRIEFING_FIELDS = ("title", "author", "mark", "bluf")
JUDGMENT_FIELDS = ("text", "likelihood", "confidence")
_JUDGMENT_VOCABULARY = {
    "likelihood": ("",) + tuple(LIKELIHOODS),
    "confidence": ("",) + CONFIDENCES,
}


def briefing_values(briefing: Briefing, names) -> dict[str, str]:
    """The current values of `names`, for an undo snapshot."""
    return {name: getattr(briefing, name) for name in names}


def set_briefing_fields(briefing: Briefing, values: dict[str, str]) -> Change:
    """Set title, author, mark and/or BLUF; an unknown field or non-text value raises."""
    for name, value in values.items():
        if name not in BRIEFING_FIELDS:
            raise KeyError(f"unknown briefing field {name!r}")
        if not isinstance(value, str):
            raise TypeError(f"{name} takes text")
    for name, value in values.items():
        setattr(briefing, name, value)
    return Change(ChangeKind.BRIEFING, list(values))


def judgment_index(briefing: Briefing, judgment_id: str) -> int:
    for index, judgment in enumerate(briefing.judgments):
        if judgment.id == judgment_id:
            return index
    raise KeyError(judgment_id)


def judgment_values(briefing: Briefing, judgment_id: str, names) -> dict[str, str]:
    judgment = briefing.judgments[judgment_index(briefing, judgment_id)]
    return {name: getattr(judgment, name) for name in names}


def _check_judgment(values: dict[str, str]) -> None:
    for name, value in values.items():
        if name not in JUDGMENT_FIELDS:
            raise KeyError(f"unknown judgment field {name!r}")
        if name in _JUDGMENT_VOCABULARY and value not in _JUDGMENT_VOCABULARY[name]:
            raise ValueError(f"{value!r} is not a valid {name}")


def add_judgment(briefing: Briefing, judgment: Judgment, index: int | None = None) -> Change:
    """Insert `judgment` at `index` (the end when None); its id must be new."""
    if any(j.id == judgment.id for j in briefing.judgments):
        raise ValueError(f"judgment {judgment.id} exists")
    _check_judgment({n: getattr(judgment, n) for n in JUDGMENT_FIELDS})
    where = len(briefing.judgments) if index is None else index
    briefing.judgments.insert(where, judgment)
    return Change(ChangeKind.JUDGMENTS, [judgment.id])


def update_judgment(briefing: Briefing, judgment_id: str, values: dict[str, str]) -> Change:
    judgment = briefing.judgments[judgment_index(briefing, judgment_id)]
    _check_judgment(values)
    for name, value in values.items():
        setattr(judgment, name, value)
    return Change(ChangeKind.JUDGMENTS, [judgment_id])


def remove_judgment(briefing: Briefing, judgment_id: str) -> Change:
    del briefing.judgments[judgment_index(briefing, judgment_id)]
    return Change(ChangeKind.JUDGMENTS, [judgment_id])


def move_judgment(briefing: Briefing, judgment_id: str, to_index: int) -> Change:
    """Move a judgment to `to_index` (clamped to the list), keeping the others' order."""
    judgment = briefing.judgments.pop(judgment_index(briefing, judgment_id))
    to_index = max(0, min(to_index, len(briefing.judgments)))
    briefing.judgments.insert(to_index, judgment)
    return Change(ChangeKind.JUDGMENTS, [judgment_id])


# ------------------------------------------------------------------------------ outline
@dataclass(frozen=True)
class OutlineLine:
    """One heading of the export: level 0 is the title, 1 and 2 are Heading 1 and 2."""

    level: int
    text: str


def included(item: Actor | Claim) -> bool:
    # The same rule as storage.docx_sections.shown (a test keeps them in step): the domain
    # may not import storage, and the panel must agree with the document it previews.
    return item.included and item.review != "rejected"


def export_title(briefing: Briefing) -> str:
    return briefing.title or (briefing.sources[0].title if briefing.sources else "") or "Briefing"


def unreviewed_count(briefing: Briefing) -> int:
    """Included actors and claims the analyst has not looked at: marked 'unreviewed'."""
    return sum(1 for item in (*briefing.actors, *briefing.claims)
               if included(item) and item.review == "machine")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def outline(briefing: Briefing) -> list[OutlineLine]:
    """The headings an export writes, in order, each with what it will hold."""
    actors = [a for a in briefing.actors if included(a)]
    claims = [c for c in briefing.claims if included(c)]
    shown_actor_ids = {a.id for a in actors}
    groups: dict[str | None, int] = {}
    for claim in claims:
        key = claim.actor_id if claim.actor_id in shown_actor_ids else None
        groups[key] = groups.get(key, 0) + 1
    bluf_words = len(briefing.bluf.split())
    lines = [
        OutlineLine(0, export_title(briefing)),
        OutlineLine(1, "Bottom line up front — "
                    + (_plural(bluf_words, "word") if bluf_words else "not written yet")),
        OutlineLine(1, f"Key judgments — {len(briefing.judgments)}"),
        OutlineLine(1, f"Key actors — {len(actors)} of {len(briefing.actors)} included"),
        OutlineLine(1, f"Key claims — {len(claims)} of {len(briefing.claims)} included"),
    ]
    for actor in actors:
        if actor.id in groups:
            lines.append(OutlineLine(2, f"{actor.name} — {groups[actor.id]}"))
    if None in groups:
        lines.append(OutlineLine(2, f"Unattributed — {groups[None]}"))
    lines += [
        OutlineLine(1, f"Analyst notes — {len(briefing.notes)}"),
        OutlineLine(1, f"Sources — {len(briefing.sources)}"),
        OutlineLine(1, f"Appendix: annotated sources — {len(briefing.sources)}"),
    ]
    return lines
