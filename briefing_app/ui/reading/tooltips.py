"""Tooltip text for the highlights under the mouse: the actor and kind, or the claim's
source, cue, content and rating, and the engine's confidence and reasons for doubt, in
words an analyst can read at a glance.

Every name and excerpt is shown as a label, through domain.display_text.safe_label: a bidi
override in it would otherwise show other words than the stored ones.
"""

from __future__ import annotations

from html import escape

from briefing_app.domain import flags
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import Briefing

_EXCERPT = 160


def _label(text: str) -> str:
    """Escaped for Qt's rich text, without bidi controls."""
    return escape(safe_label(text))


def _short(text: str) -> str:
    text = " ".join(safe_label(text).split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"


def describe_marks(briefing: Briefing, marks) -> str:
    """Rich text for the tooltip (Qt renders it); empty when there is nothing to say."""
    lines = []
    for claim_id in dict.fromkeys(m.item_id for m in marks if m.layer != "mention"):
        claim = briefing.claim(claim_id)
        source = briefing.source(claim.source_id) if claim else None
        if claim is None or source is None:
            continue
        actor = briefing.actor(claim.actor_id)
        said_by = claim.source_span.text(source.text) if claim.source_span else "(author)"
        rating = " · ".join(x for x in (claim.rating.admiralty, claim.rating.likelihood,
                                         claim.rating.status) if x)
        parts = [
            f"<b>Claim</b> ({escape(claim.kind.replace('_', ' '))}, {escape(claim.review)})",
            f"Source: {escape(_short(said_by))}"
            + (f" → {_label(actor.name)}" if actor else ""),
            f"Cue: {_label(claim.cue.text(source.text)) if claim.cue else '—'}",
            f"Content: {escape(_short(claim.content.text(source.text)))}",
            f"Rating: {escape(rating) or 'not rated'}",
            f"Engine confidence: {flags.format_confidence(flags.confidence_of(claim))}",
        ]
        reasons = flags.flag_reasons(flags.flags_of(claim))
        if reasons:
            parts.append("<b>Flagged</b>: " + "; ".join(escape(r) for r in reasons))
        if claim.hedges:
            hedges = ", ".join(_label(h.text(source.text)) for h in claim.hedges)
            parts.append(f"Hedges: <i>{hedges}</i>")
        lines.append("<br>".join(parts))
    for actor_id in dict.fromkeys(m.item_id for m in marks if m.layer == "mention"):
        actor = briefing.actor(actor_id)
        if actor:
            role = f", {_label(actor.role)}" if actor.role else ""
            lines.append(f"<b>{_label(actor.name)}</b> ({escape(actor.kind)}{role})")
    return "<hr>".join(lines)
