"""Pure boundary nudges: move the start or end of a mention or of a claim part by one word.

A target names what to move: ("mention", actor_id, index) or ("claim", claim_id, part)
with part one of content, cue, source_span. A split span moves its first piece's start or
its last piece's end. The op puts a new Span/Mention in place, never mutating the old one.
"""

from __future__ import annotations

from briefing_app.domain.model import Briefing, Mention, Span
from briefing_app.domain.ops import Change
from briefing_app.domain.review import touched_review
from briefing_app.domain.vocab import ChangeKind

_WORD_EXTRA = "'’-"


def _is_word(char: str) -> bool:
    return char.isalnum() or char in _WORD_EXTRA


def next_word_end(text: str, pos: int) -> int:
    """The end of the first word at or after `pos` (skips the gap before it)."""
    while pos < len(text) and not _is_word(text[pos]):
        pos += 1
    while pos < len(text) and _is_word(text[pos]):
        pos += 1
    return pos


def previous_word_start(text: str, pos: int) -> int:
    """The start of the last word before `pos` (skips the gap after it)."""
    while pos > 0 and not _is_word(text[pos - 1]):
        pos -= 1
    while pos > 0 and _is_word(text[pos - 1]):
        pos -= 1
    return pos


def stepped(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """[start, end) with `edge` ('start' or 'end') moved one word; step +1 right, -1 left.

    A boundary never crosses the other one: a span keeps at least one character.
    """
    if edge == "end":
        if step > 0:
            end = next_word_end(text, end)
        else:
            moved = previous_word_start(text, end)
            while moved > start and not _is_word(text[moved - 1]):
                moved -= 1
            end = moved if moved > start else end
    else:
        if step < 0:
            start = previous_word_start(text, start)
        else:
            moved = next_word_end(text, start)
            while moved < end and not _is_word(text[moved]):
                moved += 1
            start = moved if moved < end else start
    return start, end


def target_span(briefing: Briefing, target: tuple) -> tuple[str, int, int] | None:
    """(source id, start, end) of what `target` names, or None when it is gone."""
    kind, item_id, where = target
    if kind == "mention":
        actor = briefing.actor(item_id)
        if actor is None or not 0 <= where < len(actor.mentions):
            return None
        m = actor.mentions[where]
        return m.source_id, m.start, m.end
    claim = briefing.claim(item_id)
    span = getattr(claim, where, None) if claim else None
    return (claim.source_id, span.start, span.end) if span else None


def nudge(briefing: Briefing, target: tuple, edge: str, step: int) -> list[Change]:
    """Move one boundary of the target one word; no change (empty list) at a limit."""
    where = target_span(briefing, target)
    if where is None:
        raise KeyError(target)
    source_id, start, end = where
    text = briefing.source(source_id).text
    new_start, new_end = stepped(text, start, end, edge, step)
    if (new_start, new_end) == (start, end):
        return []
    kind, item_id, part = target
    if kind == "mention":
        actor = briefing.actor(item_id)
        actor.mentions = list(actor.mentions)
        actor.mentions[part] = Mention(source_id, new_start, new_end)
        actor.review = touched_review(actor.review)
        return [Change(ChangeKind.ACTORS)]
    claim = briefing.claim(item_id)
    old = getattr(claim, part)
    pieces = old.pieces()
    if len(pieces) > 1:
        pieces[0] = (new_start, pieces[0][1])
        pieces[-1] = (pieces[-1][0], new_end)
        setattr(claim, part, Span(new_start, new_end, pieces))
    else:
        setattr(claim, part, Span(new_start, new_end))
    claim.review = touched_review(claim.review)
    return [Change(ChangeKind.CLAIMS, [claim.id])]
