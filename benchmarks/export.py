"""Benchmark the Word export: time and peak memory for a big briefing (500 claims, 200 actors,
a 50,000-word source), next to python-docx writing as many plain paragraphs as a yardstick.

    .venv/bin/python benchmarks/export.py      # prints one JSON object
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import docx

from briefing_app.domain.model import Briefing
from briefing_app.storage.word.export import export_briefing

TARGET_SECONDS = 2.0
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


def measure(action) -> tuple[float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / 2**20


def main() -> int:
    briefing = build()
    paragraphs = len(briefing.claims) + len(briefing.sources[0].paragraphs)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "bench.docx"
        # Untraced first, for time (tracemalloc slows Python code down a lot).
        started = time.perf_counter()
        export_briefing(briefing, out, now=datetime(2026, 11, 27))
        seconds = time.perf_counter() - started
        _, peak = measure(lambda: export_briefing(briefing, out, now=datetime(2026, 11, 27)))
        size = out.stat().st_size

    def yardstick() -> None:
        document = docx.Document()
        for number in range(paragraphs):
            document.add_paragraph(f"Plain paragraph {number} of the yardstick.")
        document.save(io.BytesIO())

    started = time.perf_counter()
    yardstick()
    yard_seconds = time.perf_counter() - started
    result = {
        "claims": len(briefing.claims),
        "actors": len(briefing.actors),
        "source_words": len(briefing.sources[0].text.split()),
        "export_seconds": round(seconds, 3),
        "export_peak_mib_traced": round(peak, 1),
        "docx_bytes": size,
        "yardstick_paragraphs": paragraphs,
        "yardstick_seconds": round(yard_seconds, 3),
        "ratio_to_yardstick": round(seconds / yard_seconds, 1),
        "target_seconds": TARGET_SECONDS,
        "within_target": seconds < TARGET_SECONDS,
    }
    print(json.dumps(result, indent=1))
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
