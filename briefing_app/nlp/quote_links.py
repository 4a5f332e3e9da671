"""Tie quotes to their speakers: split quotes, quotes with no cue of their own, continuations.

Runs on plain RawClaim records after every paragraph was parsed, because a quote's cue may
sit in the sentence before it or its speaker in the previous paragraph.
"""

from __future__ import annotations

import bisect
import re

from briefing_app.nlp.claims import RawClaim
from briefing_app.nlp.quotes import overlapping

# Between a split quote's cue and its second half: the rest of that sentence ("told
# reporters on Monday.") but never another quotation mark or a paragraph break.
_SPLIT_GAP = re.compile(r"^[^\"“”«»\n]{0,100}[\s,;:.\-\u2014\u2013]$|^\s*$")
_MIN_QUOTE_WORDS = 4


def link(text: str, claims: list[RawClaim], quotes: list[tuple[int, int]]) -> list[RawClaim]:
    """Attach split-quote halves to their claim and add claims for uncited quotes."""
    position = {quote: index for index, quote in enumerate(quotes)}
    covered = [False] * len(quotes)
    for claim in claims:
        for s, e in claim.content:
            for quote in overlapping(quotes, s, e):
                covered[position[quote]] = True
    hosts = sorted(
        (max(e for _s, e in c.cue + (c.source or [])), n, c)
        for n, c in enumerate(claims)
        if c.kind == "direct_quote" and c.cue
    )
    host_tails = [tail for tail, _n, _c in hosts]
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index]:
            continue
        host = _split_host(text, hosts, host_tails, q_start)
        if host is not None:
            host.content.append((q_start, q_end))
            covered[index] = True
    speakers = sorted(
        (c.content[0][0], n, c)
        for n, c in enumerate(claims)
        if c.kind == "direct_quote" and c.source_root is not None
    )
    speaker_starts = [start for start, _n, _c in speakers]
    added = []
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index] or len(text[q_start:q_end].split()) < _MIN_QUOTE_WORDS:
            continue
        speaker = _previous_speaker(speakers, speaker_starts, q_start)
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


def _split_host(text: str, hosts, tails: list[int], q_start: int) -> RawClaim | None:
    """The direct-quote claim whose cue (and source) end right before this quote."""
    index = bisect.bisect_left(tails, q_start - 101)
    while index < len(hosts) and tails[index] <= q_start:
        claim = hosts[index][2]
        if _SPLIT_GAP.match(text[tails[index]:q_start]):
            return claim
        index += 1
    return None


def _previous_speaker(speakers, starts: list[int], position: int) -> RawClaim | None:
    """The last direct quote with a speaker before `position`: a continued quote is theirs."""
    index = bisect.bisect_left(starts, position) - 1
    if index < 0:
        return None
    best = speakers[index][2]
    if position - best.content[-1][1] > 1500:
        return None
    return best
