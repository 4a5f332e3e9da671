"""Character spans from spaCy tokens: noun phrases, clause subtrees, quote snapping.

Helpers shared by the claim rules; they take tokens and return (start, end) offsets
relative to the parsed paragraph, so no spaCy object travels further than nlp/.
"""

from __future__ import annotations

from briefing_app.nlp.quotes import overlapping

Seg = tuple[int, int]

_OPEN_MARKS = "\"“‘'"
_CLOSE_MARKS = "\"”’'"


def span_of(token) -> Seg | None:
    """The noun phrase headed by `token`, without relative clauses or appositions after it."""
    if token is None:
        return None
    keep = [
        t
        for t in token.subtree
        if not any(
            a.dep_ in ("relcl", "acl", "appos") and a.i > token.i
            for a in _ancestors_until(t, token)
        )
    ]
    keep = [t for t in keep if not t.is_punct] or [token]
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _ancestors_until(token, stop):
    out = []
    while token.i != stop.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def trim(tokens) -> list:
    """Drop leading and trailing punctuation, but keep quotation marks; and a conjunction
    left dangling at the end once its second conjunct went to a claim of its own
    ("... to Rotterdam and Gdansk and")."""
    tokens = list(tokens)
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in _CLOSE_MARKS)
                      or tokens[-1].pos_ == "CCONJ"):
        tokens.pop()
    while tokens and tokens[0].is_punct and tokens[0].text not in _OPEN_MARKS:
        tokens.pop(0)
    return tokens


def subtree_span(head, exclude=None) -> Seg | None:
    """The whole subtree of `head` as one span (`exclude`: one token left out)."""
    tokens = trim(t for t in head.subtree if exclude is None or t.i != exclude.i)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def segments(tokens) -> list[Seg]:
    """Contiguous runs of `tokens` (sorted by position) as spans, punctuation trimmed; a
    run of punctuation alone is none."""
    runs: list[list] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    out = []
    for run in runs:
        run = trim(run)
        # A lone quotation mark the parser hung on the clause is no piece of its words.
        if run and not all(t.is_punct for t in run):
            out.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return out


def tokens_span(tokens) -> Seg:
    tokens = sorted(tokens, key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def shift(seg: Seg, base: int) -> Seg:
    return seg[0] + base, seg[1] + base


def inside_quotes(seg: Seg, quotes: list[Seg]) -> bool:
    """True when quotes cover most of the (absolute) span."""
    start, end = seg
    covered = sum(
        min(end, q_end) - max(start, q_start) for q_start, q_end in overlapping(quotes, start, end)
    )
    return covered >= 0.6 * (end - start)


def snap_to_quotes(seg: Seg, cue_pos: int, quotes: list[Seg]) -> Seg:
    """Widen (absolute) content that overlaps a quote to the whole quote, as a reader
    would cite it; a quote holding the cue itself is left alone."""
    start, end = seg
    for q_start, q_end in overlapping(quotes, start, end):
        if not (q_start <= cue_pos < q_end):
            start, end = min(start, q_start), max(end, q_end)
    return start, end
