"""Benchmark the Word export: time and peak memory for a big briefing (500 claims, 200 actors,
a 50,000-word source), next to plain python-docx yardsticks that write as many paragraphs
and runs with python-docx's ordinary API and no formatting: one word a run ("yardstick"),
and each run's own text ("yardstick_same_text", which pays python-docx's per-character
text setter on the export's 400,000 characters).

    .venv/bin/python benchmarks/export.py      # prints one JSON object

Times are the best of REPEATS runs (the machine is shared; the best run is the one least
disturbed), with the median beside it. The target is an export at most TARGET_RATIO times
the yardstick: the formatting, table, comments and styles on top of the plain writing.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefing_app.domain.model import Briefing
from briefing_app.storage.word.export import export_briefing

REPEATS = 5
TARGET_RATIO = 3.0
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the generated briefing the load tests use too
from support.briefing_builders import large_briefing  # noqa: E402


def build() -> Briefing:
    """500 claims, 200 actors on a 50,000-word source; a quarter left unreviewed, as the
    export marks those differently."""
    briefing = large_briefing(words=50_000, n_claims=500, n_actors=200)
    for claim in briefing.claims[::4]:
        claim.review = "machine"
    return briefing


def timed(action) -> tuple[float, float]:
    """Best and median seconds of REPEATS runs of `action`."""
    seconds = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def traced_peak(action) -> float:
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run_texts(path: Path) -> list[list[str]]:
    """Every body paragraph of the export (table cells included) as its runs' texts."""
    body = docx.Document(str(path)).element.body
    return [["".join(t.text or "" for t in r.iter(qn("w:t"))) for r in p.iter(qn("w:r"))]
            for p in body.iter(qn("w:p"))]


def main() -> int:
    briefing = build()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.docx"

        def export() -> None:
            export_briefing(briefing, out, now=datetime(2026, 11, 27))

        # Untraced for time (tracemalloc slows Python code down a lot), then traced once.
        best, median = timed(export)
        peak = traced_peak(export)
        size = out.stat().st_size
        paragraphs = run_texts(out)

    def yardstick(texts: list[list[str]]) -> None:
        document = docx.Document()
        for runs in texts:
            paragraph = document.add_paragraph()
            for text in runs:
                paragraph.add_run(text)
        document.save(io.BytesIO())

    words = [["word"] * len(runs) for runs in paragraphs]
    yard_best, yard_median = timed(lambda: yardstick(words))
    same_best, _ = timed(lambda: yardstick(paragraphs))
    ratio = best / yard_best
    result = {
        "claims": len(briefing.claims),
        "actors": len(briefing.actors),
        "source_words": len(briefing.sources[0].text.split()),
        "export_seconds": round(best, 3),
        "export_seconds_median": round(median, 3),
        "export_peak_mib_traced": round(peak, 1),
        "docx_bytes": size,
        "yardstick_paragraphs": len(paragraphs),
        "yardstick_runs": sum(map(len, paragraphs)),
        "yardstick_characters": sum(len(text) for runs in paragraphs for text in runs),
        "yardstick_seconds": round(yard_best, 3),
        "yardstick_seconds_median": round(yard_median, 3),
        "ratio_to_yardstick": round(ratio, 2),
        "yardstick_same_text_seconds": round(same_best, 3),
        "ratio_to_yardstick_same_text": round(best / same_best, 2),
        "target_ratio": TARGET_RATIO,
        "within_target": ratio <= TARGET_RATIO,
    }
    print(json.dumps(result, indent=1))
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
