"""Pathological small texts: analysis time and peak memory as the input grows, as JSON.

Two cases from the reliability issue, each at growing sizes: one paragraph made of nothing
but short quotations ('"a" "bc" ', 24,000 marks in 54 KB) and 100,000 one-character
paragraphs. Every size runs in a fresh process, so its peak memory is its own: the peak
resident set after the analysis minus the one after loading the pipeline. Each row says
how much larger and how much slower it is than the row before; in linear time the two
ratios match.

  .venv/bin/python benchmarks/pathological.py
  .venv/bin/python benchmarks/pathological.py --case quotes --sizes 1000 24000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from briefing_app.nlp.engine import analyze
from briefing_app.nlp.pipeline import load_pipeline
from briefing_app.storage.readers.load import load_text


def quotes_text(marks: int) -> str:
    """`marks` quotation marks in 2.25 characters each: short quotes, no sentence, no line."""
    return '"a" "bc" ' * (marks // 4)


def paragraphs_text(count: int) -> str:
    """`count` paragraphs of one character each."""
    return "x\n" * count


CASES = {
    "quotes": (quotes_text, [1_000, 4_000, 16_000, 24_000]),
    "paragraphs": (paragraphs_text, [10_000, 30_000, 100_000]),
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure_one(case: str, size: int) -> dict:
    """Analyse one generated text in this process: seconds and the peak memory it added."""
    nlp = load_pipeline()
    analyze(nlp, load_text("Warm-up: the minister said the talks would resume."))
    source = load_text(CASES[case][0](size))
    before = _peak_mb()
    started = time.perf_counter()
    analysis = analyze(nlp, source)
    seconds = time.perf_counter() - started
    return {
        "case": case,
        "size": size,
        "chars": len(source.text),
        "seconds": round(seconds, 2),
        "peak_mb": round(max(0.0, _peak_mb() - before), 1),
        "claims": len(analysis.claims),
    }


def _in_child(case: str, size: int) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--one", case, str(size)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=sorted(CASES), action="append")
    parser.add_argument("--sizes", type=int, nargs="+", help="instead of the case's own")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]))))
        return 0
    for case in args.case or list(CASES):
        previous = None
        for size in args.sizes or CASES[case][1]:
            row = _in_child(case, size)
            if previous:
                row["size_ratio"] = round(size / previous["size"], 2)
                row["time_ratio"] = round(row["seconds"] / max(previous["seconds"], 0.01), 2)
            print(json.dumps(row), flush=True)
            previous = row
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
