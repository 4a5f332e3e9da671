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
# reporters on Monday.") but never another quotation mark; a paragraph break may follow
# it, as a quote opening the next paragraph goes on with the speaker's words (the corpus
# reads them so: without it held-back tune F1 fell 0.7187 -> 0.7176).
_SPLIT_GAP = re.compile(r"^[^\"“”«»\n]{0,100}[\s,;:.\-\u2014\u2013]\s*\Z|^\s*\Z")
_MIN_QUOTE_WORDS = 4
# From the end of a quote's claim to a quote that goes on with it: the rest of the
# sentence (a programme's name in quotation marks may stand in it), its full stop, and
# white space, a paragraph break included.
_NEXT_SENTENCE = re.compile(r"^[^\n]{0,200}[.!?][\"”’']?\s+\Z|^\s*\Z")


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
    _lead_into_next(text, claims, quotes, covered)
    _first_halves(text, claims, quotes, covered)
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index]:
            continue
        host = _split_host(text, hosts, host_tails, (q_start, q_end))
        if host is not None:
            host.content.append((q_start, q_end))
            covered[index] = True
    _continue_quotes(text, claims, quotes, covered)
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


def _continue_quotes(text: str, claims: list[RawClaim], quotes, covered: list[bool]) -> None:
    """A quote that opens the next sentence, with no cue of its own and none between,
    goes on with the quote before it: 'Marek said: "We will." "The port is ours."' is
    one claim in two pieces, as a reader (and the corpus) takes it."""
    # A reported claim whose words end on a quote ("... pay more 'because they expect
    # it,' Chipok said.") goes on with the next quote as a direct one does.
    quote_ends = {e for _s, e in quotes}
    ends = sorted(
        (max(e for _s, e in c.content + c.cue + (c.source or [])), n)
        for n, c in enumerate(claims)
        if c.cue and (c.kind == "direct_quote" or c.content[-1][1] in quote_ends)
    )
    cues = sorted(s for c in claims if c.cue for s, _e in c.cue)
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index]:
            continue
        at = bisect.bisect_right(ends, (q_start, len(claims))) - 1
        if at < 0:
            continue
        end, number = ends[at]
        gap = text[end:q_start]
        if not _NEXT_SENTENCE.match(gap) or \
                bisect.bisect_left(cues, end) != bisect.bisect_left(cues, q_start):
            continue
        claims[number].content.append((q_start, q_end))
        covered[index] = True
        bisect.insort(ends, (q_end, number))


def _lead_into_next(text: str, claims: list[RawClaim], quotes, covered: list[bool]) -> None:
    """A paragraph that is one whole quote, before a paragraph opening with a quote its
    cue closes ('"We are ready." / "We will sail," Marek said.'), is that speaker's: it
    joins the claim after it, not the one before (the corpus reads it so)."""
    closing = {c.content[0][0]: c for c in claims
               if c.kind == "direct_quote" and c.cue and c.cue[0][0] > c.content[0][1]}
    for index in range(len(quotes) - 1, -1, -1):
        q_start, q_end = quotes[index]
        if covered[index] or text[text.rfind("\n", 0, q_start) + 1:q_start].strip():
            continue
        after = text[q_end:q_end + 400]
        gap = len(after) - len(after.lstrip())
        ahead = closing.get(q_end + gap)
        if ahead is not None and "\n" in after[:gap]:
            ahead.content.insert(0, (q_start, q_end))
            closing[q_start] = ahead
            covered[index] = True


def _first_halves(text: str, claims: list[RawClaim], quotes, covered: list[bool]) -> None:
    """A quote right before the speaker and cue of a claim whose words follow them is
    that split quote's first half: '"That, sadly," the minister said, "is the end."'."""
    heads = {min(s for s, _e in c.cue + (c.source or [])): c for c in claims
             if c.kind == "direct_quote" and c.cue and c.content[0][0] > c.cue[0][1]}
    for index, (q_start, q_end) in enumerate(quotes):
        if covered[index]:
            continue
        after = text[q_end:q_end + 10]
        claim = heads.get(q_end + len(after) - len(after.lstrip(" ,")))
        if claim is not None:
            claim.content.insert(0, (q_start, q_end))
            covered[index] = True


def _split_host(text: str, hosts, tails: list[int], quote: tuple[int, int]) -> RawClaim | None:
    """The direct-quote claim whose cue (and source) end right before this quote."""
    q_start = quote[0]
    index = bisect.bisect_left(tails, q_start - 101)
    while index < len(hosts) and tails[index] <= q_start:
        claim = hosts[index][2]
        gap = text[tails[index]:q_start]
        # 'told the programme "Inside Edition"': a name straight after a word, no comma.
        if _SPLIT_GAP.match(gap) and not (gap[-2:-1].isalnum()
                                          and _is_title(text[q_start:quote[1]])):
            return claim
        index += 1
    return None


def _is_title(quoted: str) -> bool:
    """A name in quotation marks, not words: 'told CNN's "State of the Union"' names a
    programme, every longer word capitalised; a quote's second half reads as a sentence."""
    words = re.findall(r"[^\W\d_]+", quoted)
    return 0 < len(words) <= 6 and all(w[0].isupper() for w in words if len(w) > 3)


def _previous_speaker(speakers, starts: list[int], position: int) -> RawClaim | None:
    """The last direct quote with a speaker before `position`: a continued quote is theirs."""
    index = bisect.bisect_left(starts, position) - 1
    if index < 0:
        return None
    best = speakers[index][2]
    if position - best.content[-1][1] > 1500:
        return None
    return best
