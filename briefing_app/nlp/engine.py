"""The engine's front door: a Source in, an Analysis (plain dataclasses) out.

Long texts go through nlp.pipe paragraph by paragraph (spaCy refuses Docs over 1,000,000
characters and its memory grows with Doc length); offsets are shifted back into the source.
A paragraph crowded with quotation marks is cut into pieces as well, and a short paragraph
that recurs is parsed once, so pathological small texts stay linear. When the package
ships tagger weights, the trained tagger reads the same pieces and its claims are combined
in behind the rules' (nlp/combine.py).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from briefing_app.domain.model import Analysis, PipelineInfo, Source
from briefing_app.nlp import actors, claims, colon, combine, quote_links
from briefing_app.nlp.assemble import build_analysis
from briefing_app.nlp.pipeline import pipeline_info
from briefing_app.nlp.quotes import find_quotes, mark_positions
from briefing_app.nlp.tagger import Tagger, features, load_tagger

# Pieces longer than this are cut at a sentence end: the parser's cost and memory grow
# with Doc length, and a 1 MB text without line breaks must still go through.
_MAX_PIECE = 20_000
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?\s+")
# Quotation marks in one piece: claims.extract checks every token of a piece against each
# of its quotes, so 24,000 marks on one line took quadratic time. News paragraphs hold far
# fewer (at most 76 in the tuning articles), so this never cuts one.
_MAX_MARKS = 200
# Texts up to this length are parsed once however often they recur; kept Docs stay small.
_MAX_REUSED = 200
# Pieces the tagger reads in one call, and spaCy parses in one batch: fewer calls cost a
# little less, but each batch's arrays are held at once (64 pieces took ~44 MB in the
# tagger, 32 ~23 MB in nlp.pipe), so small batches keep the worker's peak low at no
# measurable cost in time (benchmarks/ui.md).
_TAGGER_BATCH = 16
_PARSE_BATCH = 16


class AnalysisCancelled(Exception):
    """Raised inside analyze() when the caller's `cancelled()` returns True."""


def paragraphs_of(source: Source) -> list[tuple[int, int]]:
    """The source's paragraphs, or non-empty lines when the loader gave none."""
    if source.paragraphs:
        return list(source.paragraphs)
    return [
        (m.start(), m.end())
        for m in re.finditer(r"[^\r\n]+", source.text)
        if source.text[m.start() : m.end()].strip()
    ]


def pieces_of(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs, with the very long ones and those crowded with quotation marks cut
    after a sentence end."""
    marks = mark_positions(text)
    out = []
    for start, end in paragraphs:
        stop = _piece_stop(marks, start, end)
        while stop is not None:
            cut = _cut(text, start, stop)
            out.append((start, cut))
            start = cut
            stop = _piece_stop(marks, start, end)
        if end > start:
            out.append((start, end))
    return out


def _piece_stop(marks: list[int], start: int, end: int) -> int | None:
    """Where the piece from `start` must end at the latest; None when all of it fits."""
    stop = start + _MAX_PIECE if end - start > _MAX_PIECE else None
    over = bisect.bisect_left(marks, start) + _MAX_MARKS
    if over < len(marks) and marks[over] < end:
        # The mark one past the allowance belongs to the next piece.
        stop = min(stop or end, max(marks[over], start + 1))
    return stop


def _cut(text: str, start: int, stop: int) -> int:
    """After the last sentence end in the second half of [start, stop), else after the
    last space, else at `stop`."""
    middle = start + (stop - start) // 2
    cut = None
    for match in _SENTENCE_END.finditer(text, middle, stop):
        cut = match.end()
    if cut is None:
        space = text.rfind(" ", start + 1, stop)
        cut = space + 1 if space > start else stop
    return cut


def _docs(nlp, texts: list[str]) -> Iterator:
    """A parsed Doc per text, in order. A short text met again (100,000 lines of "-")
    reuses the Doc of its first occurrence: the same text parses the same, and spaCy's
    fixed cost per Doc would otherwise be paid for every copy."""
    left = Counter(t for t in texts if len(t) <= _MAX_REUSED)
    reused = {t for t, count in left.items() if count > 1}

    def first_times() -> Iterator[str]:
        seen = set()
        for t in texts:
            if t not in reused or t not in seen:
                seen.add(t)
                yield t

    parsed = nlp.pipe(first_times(), batch_size=_PARSE_BATCH)
    kept = {}
    for t in texts:
        if t not in reused:
            yield next(parsed)
            continue
        if t not in kept:
            kept[t] = next(parsed)
        yield kept[t]
        left[t] -= 1
        if not left[t]:
            del kept[t]  # its last copy: let the Doc go


def analyze(
    nlp,
    source: Source,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Analyse one source. `progress(fraction)` is called as paragraphs finish;
    `cancelled()` is polled between paragraphs and raises AnalysisCancelled when true."""
    return next(analyze_many(nlp, [source], progress, cancelled))


def analyze_many(
    nlp,
    sources: Iterable[Source],
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Analysis]:
    """Analyse sources one after another through one loaded pipeline."""
    info = pipeline_info(nlp)
    tagger = load_tagger()
    for source in sources:
        pieces = pieces_of(source.text, paragraphs_of(source))
        docs = _docs(nlp, [source.text[s:e] for s, e in pieces])
        yield analyze_parsed(source, info, docs, tagger, progress=progress, cancelled=cancelled)


def analyze_parsed(
    source: Source,
    info: PipelineInfo,
    docs: Iterable,
    tagger: Tagger | None,
    settings: combine.Settings = combine.DEFAULT,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    evidence: list | None = None,
) -> Analysis:
    """Analyse one source from the Docs of its pieces (pieces_of, in order): the rules'
    claims, with the tagger's (when there is one) combined in behind them. `evidence`
    collects each claim's confidence facts (assemble.build_analysis)."""
    text = source.text
    paragraphs = paragraphs_of(source)
    pieces = pieces_of(text, paragraphs)
    quotes = find_quotes(text, paragraphs)
    raw_claims: list[claims.RawClaim] = []
    mentions: list[actors.RawMention] = []
    sentences: list[tuple[int, int]] = []
    total = max(1, len(pieces))
    docs = iter(docs)
    done = 0
    while done < len(pieces):
        batch = pieces[done : done + _TAGGER_BATCH]
        parsed = [next(docs) for _ in batch]
        probs = (
            tagger.probabilities([features(d, s, quotes) for (s, _e), d in zip(batch, parsed)])
            if tagger is not None
            else [None] * len(batch)
        )
        for (start, _end), doc, doc_probs in zip(batch, parsed, probs):
            if cancelled is not None and cancelled():
                raise AnalysisCancelled()
            found = claims.extract(doc, start, quotes)
            if doc_probs is not None:
                found = combine.combine(text, doc, start, doc_probs, found, quotes, settings)
            raw_claims.extend(found)
            mentions.extend(actors.collect(doc, start))
            sentences.extend((s.start_char + start, s.end_char + start) for s in doc.sents)
            done += 1
            if progress is not None:
                progress(done / total)
    raw_claims = quote_links.link(text, colon.confirm_names(text, raw_claims, mentions),
                                  quotes)
    return build_analysis(source, info, raw_claims, mentions, sentences, paragraphs,
                          evidence)
