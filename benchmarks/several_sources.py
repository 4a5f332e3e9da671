"""Several articles opened at once: launch to all analysed, with one worker process and
with the window's pool (one process per core, up to four). Prints JSON.

Each run is a fresh program (`launch_window(paths)`), timed from the spawn until every
source's analysis has landed; one process against the pool, interleaved, best and median
of RUNS. The articles are the first COUNT .txt files of FOLDER (default: the samples).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/several_sources.py \
        [../shared/data/polnear-train/tune/text] [--count 6]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from ui import POLL_UNTIL_DONE, ROOT, timed_child  # the window benchmark's child runner

RUNS = 3

# argv: the most processes, then the articles. Prints the monotonic clock once every
# source is analysed, and how many worker processes ran at most.
_PROGRAM = """
import sys, time
from PySide6.QtCore import QTimer
from briefing_app.document import analysis_pool
analysis_pool._MOST_PROCESSES = int(sys.argv[1])
from briefing_app.app import _application, launch_window
app = _application()
window = launch_window(sys.argv[2:])
most = [0]
def check():
    runner = window.analysis.runner if window.built else None
    if runner is not None:
        most[0] = max(most[0], len(runner.worker_pids))
    if runner is not None and len(window.doc.briefing.sources) == len(sys.argv) - 2 \\
            and not window.analysis.busy() \\
            and {c.source_id for c in window.doc.briefing.claims} \\
            == {s.id for s in window.doc.briefing.sources}:
        print(time.monotonic(), most[0], flush=True)
        window.doc.undo_stack.setClean()
        app.quit()
""" + POLL_UNTIL_DONE


def _run(most: int, articles: list[Path]) -> tuple[float, int]:
    seconds, printed = timed_child(_PROGRAM, str(most), *map(str, articles), timeout=600)
    return seconds, int(printed[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "resources" / "samples")
    parser.add_argument("--count", type=int, default=4)
    args = parser.parse_args()
    articles = sorted(args.folder.glob("*.txt"))[:args.count]
    one, pool, most = [], [], 0
    for _ in range(RUNS):
        one.append(_run(1, articles)[0])
        seconds, processes = _run(4, articles)
        pool.append(seconds)
        most = max(most, processes)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in articles)
    print(json.dumps({
        "articles": len(articles), "words": words, "load_average": os.getloadavg()[0],
        "one_process_s": round(min(one), 2),
        "one_process_median_s": round(statistics.median(one), 2),
        "pool_s": round(min(pool), 2), "pool_median_s": round(statistics.median(pool), 2),
        "pool_processes": most, "ratio": round(min(one) / min(pool), 2)}, indent=1))


if __name__ == "__main__":
    main()
