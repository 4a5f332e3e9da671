"""The engine's front door: a Source in, an Analysis (plain dataclasses) out.

Long texts go through nlp.pipe paragraph by paragraph (spaCy refuses Docs over 1,000,000
characters and its memory grows with Doc length); offsets are shifted back into the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from briefing_app.domain.model import Analysis, Source
from briefing_app.nlp import actors, claims, quote_links
from briefing_app.nlp.assemble import build_analysis
from briefing_app.nlp.pipeline import pipeline_info
from briefing_app.nlp.quotes import find_quotes

# Pieces longer than this are cut at a sentence end: the parser's cost and memory grow
# with Doc length, and a 1 MB text without line breaks must still go through.
_MAX_PIECE = 20_000
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?\s+")


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
    """Paragraphs, with the very long ones cut after a sentence end."""
    out = []
    for start, end in paragraphs:
        while end - start > _MAX_PIECE:
            window = text[start + _MAX_PIECE // 2 : start + _MAX_PIECE]
            cut = None
            for match in _SENTENCE_END.finditer(window):
                cut = start + _MAX_PIECE // 2 + match.end()
            if cut is None:
                space = text.rfind(" ", start + 1, start + _MAX_PIECE)
                cut = space + 1 if space > start else start + _MAX_PIECE
            out.append((start, cut))
            start = cut
        if end > start:
            out.append((start, end))
    return out


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
    for source in sources:
        text = source.text
        paragraphs = paragraphs_of(source)
        pieces = pieces_of(text, paragraphs)
        quotes = find_quotes(text, paragraphs)
        raw_claims: list[claims.RawClaim] = []
        mentions: list[actors.RawMention] = []
        sentences: list[tuple[int, int]] = []
        total = max(1, len(pieces))
        docs = nlp.pipe((text[s:e] for s, e in pieces), batch_size=32)
        for done, ((start, _end), doc) in enumerate(zip(pieces, docs), 1):
            if cancelled is not None and cancelled():
                raise AnalysisCancelled()
            raw_claims.extend(claims.extract(doc, start, quotes))
            mentions.extend(actors.collect(doc, start))
            sentences.extend((s.start_char + start, s.end_char + start) for s in doc.sents)
            if progress is not None:
                progress(done / total)
        raw_claims = quote_links.link(text, raw_claims, quotes)
        yield build_analysis(source, info, raw_claims, mentions, sentences, paragraphs)
