"""Benchmark the project file and the autosave's pieces. Prints one JSON object.

    .venv/bin/python benchmarks/project.py            # both halves
    .venv/bin/python benchmarks/project.py --only load

"load": a 5,000-claim project (2,000 actors, a 100,000-word source): `dumps`, `loads` and
`json.loads` of the same text, best of RUNS, and the ratio loads / json.loads (target: at
most 3).

"autosave": the compact text of a 100,000- and a 1,000,000-word briefing taken the way the
Autosaver's slicer takes it (`autosave.take_pieces`, one piece per call, no Qt timers):
the longest piece (CPU time: the most one piece holds the GUI thread), best and worst of
RUNS, and the garbage collections that ran inside pieces, with the collector held off as
the Autosaver does and, for comparison, running.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from briefing_app.storage import project_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the generated briefing the load tests use too
from support.briefing_builders import large_briefing  # noqa: E402

RUNS = 7
# CPU time of this process: the machine is shared, and wall time counts the moments other
# processes hold both cores.
clock = time.process_time


def best(*actions) -> list[float]:
    """The best time of each action over RUNS rounds, the actions taking turns so a busy
    spell of the machine does not fall on one of them only."""
    times = [[] for _ in actions]
    for _ in range(RUNS):
        for action, spent in zip(actions, times):
            started = clock()
            action()
            spent.append(clock() - started)
    return [min(spent) for spent in times]


def bench_load() -> dict:
    briefing = large_briefing(words=100_000, n_claims=5000, n_actors=2000)
    text = project_file.dumps(briefing)
    assert project_file.loads(text) == briefing
    json_s, loads_s, dumps_s, compact_s = best(
        lambda: json.loads(text), lambda: project_file.loads(text),
        lambda: project_file.dumps(briefing), lambda: project_file.dumps(briefing, compact=True))
    return {
        "claims": len(briefing.claims), "actors": len(briefing.actors),
        "file_mb": round(len(text.encode()) / 1e6, 2),
        "dumps_s": round(dumps_s, 4), "dumps_compact_s": round(compact_s, 4),
        "json_loads_s": round(json_s, 4), "loads_s": round(loads_s, 4),
        "loads_over_json_loads": round(loads_s / json_s, 2),
    }


def _pieces_of(briefing, paused: bool) -> dict:
    """Take the pieces as the Autosaver's slicer does (`autosave.take_pieces`), one per
    call: the longest call is the most one piece holds the GUI thread. `paused=False`
    takes them with the collector running, as before, to count what it would cost."""
    from briefing_app.document import autosave

    pieces, done, longest, count = project_file.compact_pieces(briefing), [], 0.0, 0
    collections = []
    started = [0.0]

    def note(phase, info):
        if phase == "start":
            started[0] = clock()
        else:
            collections.append(clock() - started[0])

    gc.callbacks.append(note)
    try:
        while True:
            begun = clock()
            if paused:
                finished = autosave.take_pieces(pieces, done, 0.0)  # one piece, then stop
            else:
                finished = next(pieces, None) is None
            longest = max(longest, clock() - begun)
            count += not finished
            if finished:
                break
    finally:
        gc.callbacks.remove(note)
    return {"longest_piece_ms": round(longest * 1000, 2), "pieces": count,
            "collections": len(collections),
            "longest_collection_ms": round(max(collections, default=0) * 1000, 2),
            "text": "".join(done)}


def bench_autosave() -> dict:
    result = {}
    for words, claims, actors in ((100_000, 1000, 400), (1_000_000, 10_000, 4000)):
        briefing = large_briefing(words=words, n_claims=claims, n_actors=actors)
        expected = project_file.dumps(briefing, compact=True)
        row = {}
        for paused in (True, False):
            runs = [_pieces_of(briefing, paused) for _ in range(RUNS)]
            if paused:
                assert all(run.pop("text") == expected for run in runs)
            else:
                for run in runs:
                    run.pop("text")
            best_run = min(runs, key=lambda run: run["longest_piece_ms"])
            row["collector_paused" if paused else "collector_running"] = {
                "longest_piece_ms": best_run["longest_piece_ms"],
                "longest_piece_ms_worst_run": max(r["longest_piece_ms"] for r in runs),
                "pieces": best_run["pieces"],
                "collections_in_pieces": sum(r["collections"] for r in runs),
                "longest_collection_ms": max(r["longest_collection_ms"] for r in runs)}
        row["compact_dumps_ms"] = round(best(
            lambda b=briefing: project_file.dumps(b, compact=True))[0] * 1000, 1)
        result[f"{words}_words"] = row
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("load", "autosave"))
    args = parser.parse_args()
    report = {}
    if args.only in (None, "load"):
        report["load"] = bench_load()
    if args.only in (None, "autosave"):
        report["autosave"] = bench_autosave()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
