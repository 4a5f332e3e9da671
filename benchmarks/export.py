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

from briefing_app.domain.model import Actor, Briefing, Claim, Mention, Rating, Source, Span
from briefing_app.storage.docx_export import export_briefing

TARGET_SECONDS = 2.0
SENTENCE = ("Harbour official {n} said that the talks would reportedly resume on Monday after "
            "the union offered a new proposal to the port authority.")


def build(words: int = 50_000, n_claims: int = 500, n_actors: int = 200) -> Briefing:
    """An invented wire story long enough for the benchmark, with actors and claims on it."""
    paragraphs, bounds, text, count, n = [], [], "", 0, 0
    while count < words:
        paragraph = " ".join(SENTENCE.format(n=n + k) for k in range(4))
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{paragraph}" if text else paragraph
        bounds.append((start, len(text)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        n += 4
    source = Source("s1", text, bounds, title="Generated wire copy", outlet="Benchmark Wire")
    starts, at = [], text.find("Harbour official")
    while at >= 0:
        starts.append(at)
        at = text.find("Harbour official", at + 1)
    actors = []
    for i in range(n_actors):
        start = starts[i]
        end = text.index(" said", start)
        actors.append(Actor(f"a{i}", text[start:end], "person", role="official",
                            mentions=[Mention("s1", start, end)], review="accepted"))
    claims = []
    for i in range(n_claims):
        start = starts[(i * 3) % len(starts)]
        cue = text.index("said", start)
        end = text.index(".", cue)
        hedge = text.index("reportedly", cue)
        claims.append(Claim(
            f"c{i}", "s1", "reported", Span(cue + 10, end), Span(start, cue - 1),
            Span(cue, cue + 4), "assert", f"a{i % n_actors}", [Span(hedge, hedge + 10)],
            source.paragraph_of(start), Rating("B", "2", "likely"),
            comment="Check against port data." if i % 10 == 0 else "",
            review="accepted" if i % 4 else "machine"))
    return Briefing(title="Benchmark briefing", author="Bench", bluf="A generated briefing.",
                    sources=[source], actors=actors, claims=claims)


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
