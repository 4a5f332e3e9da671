"""Tie quotes to their speakers: split quotes, quotes with no cue of their own, continuations.

Runs on plain RawClaim records after every paragraph was parsed, because a quote's cue may
sit in the sentence before it or its speaker in the previous paragraph.
"""

from __future__ import annotations

import re

from briefing_app.nlp.claims import RawClaim

_GAP_OK = re.compile(r"^[\s,;:.\-\u2014\u2013]*$")
_MIN_QUOTE_WORDS = 4


def link(text: str, claims: list[RawClaim], quotes: list[tuple[int, int]]) -> list[RawClaim]:
    """Attach split-quote halves to their claim and add claims for uncited quotes."""
    covered = [False] * len(quotes)
    for index, (q_start, q_end) in enumerate(quotes):
        for claim in claims:
            if any(s < q_end and q_start < e for s, e in claim.content):
                covered[index] = True
                break
    by_start = sorted(claims, key=lambda c: c.content[0][0])
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index]:
            continue
        host = _split_host(text, by_start, q_start)
        if host is not None:
            host.content.append((q_start, q_end))
            host.kind = "direct_quote"
            covered[index] = True
    added = []
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index] or len(text[q_start:q_end].split()) < _MIN_QUOTE_WORDS:
            continue
        speaker = _previous_speaker(by_start, q_start)
        added.append(
            RawClaim(
                content=[(q_start, q_end)],
                cue=None,
                source=None,
                stance="assert",
                kind="direct_quote",
                source_root=speaker.source_root if speaker else None,
                source_is_pronoun=speaker.source_is_pronoun if speaker else False,
            )
        )
    return claims + added


def _split_host(text: str, claims: list[RawClaim], q_start: int) -> RawClaim | None:
    """The direct-quote claim whose cue (and source) end right before this quote."""
    for claim in claims:
        if claim.kind != "direct_quote" or not claim.cue:
            continue
        tail = max(e for s, e in claim.cue + (claim.source or []))
        if tail <= q_start and q_start - tail <= 60 and _GAP_OK.match(text[tail:q_start]):
            return claim
    return None


def _previous_speaker(claims: list[RawClaim], position: int) -> RawClaim | None:
    """The last direct quote with a speaker before `position`: a continued quote is theirs."""
    best = None
    for claim in claims:
        if claim.content[0][0] >= position:
            break
        if claim.kind == "direct_quote" and claim.source_root is not None:
            best = claim
    if best is not None and position - best.content[-1][1] > 1500:
        return None
    return best
