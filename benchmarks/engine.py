"""Engine speed: analysis time against bare nlp.pipe over the same paragraphs, as JSON.

For each resources/samples/*.txt and a generated ~50,000-word document, times the whole
analysis (engine.analyze) and a bare `nlp.pipe` over exactly the pieces the engine parses,
best of --repeat alternating runs each, and prints the ratio (target <= 1.15) and words per second:

  .venv/bin/python benchmarks/engine.py
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from briefing_app.domain.model import Source
from briefing_app.nlp.engine import analyze, paragraphs_of, pieces_of
from briefing_app.nlp.pipeline import load_pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
TARGET_RATIO = 1.15


def generated_document(words: int = 50_000) -> str:
    """A long article built from the samples' paragraphs: real prose, quotes included."""
    paragraphs = [
        p.strip()
        for path in sorted(SAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    out, count, index = [], 0, 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(out)


def measure(nlp, name: str, text: str, repeat: int) -> dict:
    source = Source(id=name, text=text)
    pieces = pieces_of(text, paragraphs_of(source))

    def bare():
        for _doc in nlp.pipe((text[s:e] for s, e in pieces), batch_size=32):
            pass

    bare()  # warm caches once so the first timed run is not penalised
    # Alternate the two and keep each one's best: load from other processes drifts, and
    # timing all bare runs before all engine runs would charge the drift to one side.
    bare_s = engine_s = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        bare()
        bare_s = min(bare_s, time.perf_counter() - started)
        started = time.perf_counter()
        analyze(nlp, source)
        engine_s = min(engine_s, time.perf_counter() - started)
    words = len(text.split())
    return {
        "document": name,
        "words": words,
        "bare_pipe_s": round(bare_s, 3),
        "engine_s": round(engine_s, 3),
        "ratio": round(engine_s / bare_s, 3),
        "words_per_s": round(words / engine_s),
        "within_target": engine_s / bare_s <= TARGET_RATIO,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    nlp = load_pipeline(args.model)
    rows = [
        measure(nlp, path.name, path.read_text(encoding="utf-8"), args.repeat)
        for path in sorted(SAMPLES.glob("*.txt"))
    ]
    rows.append(measure(nlp, f"generated-{args.words}-words", generated_document(args.words), 3))
    print(json.dumps({"target_ratio": TARGET_RATIO, "results": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
