"""How much `analyze --jobs 2` gains over one process: prints both times and their ratio.

Runs `briefing-app analyze --out-dir` over the first COUNT files of a folder (sorted by
name) with --jobs 1, then with --jobs 2, each in a fresh process (so both pay for loading
the pipeline), and checks that both wrote the same files byte for byte. The target is a
ratio of at least 1.8 on 2 idle cores; the load average is printed because a shared
machine lowers it, and so is the CPU time of each run, whose ratio (one process's CPU time
against half that of two workers) is the speed-up two idle cores would give.

    .venv/bin/python benchmarks/batch.py ../shared/data/polnear-train/tune/text [--count 84]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(files: list[Path], jobs: int, out_dir: Path, home: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the process and its workers) of one analyze run."""
    command = [sys.executable, "-m", "briefing_app", "analyze", "--jobs", str(jobs),
               "--out-dir", str(out_dir), "--", *map(str, files)]
    # A private home: the user's settings (pipeline, limits) must not change the numbers.
    env = {**os.environ, "BRIEFING_APP_HOME": str(home)}
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"--jobs {jobs} failed with status {done.returncode}:\n{done.stderr}")
    return seconds, _children_cpu() - cpu_before


def _children_cpu() -> float:
    # Workers are reaped by the analyze process, so their time is counted in its own.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def differences(first: Path, second: Path) -> list[str]:
    names = sorted({p.name for p in first.iterdir()} | {p.name for p in second.iterdir()})
    return [name for name in names
            if not (first / name).is_file() or not (second / name).is_file()
            or (first / name).read_bytes() != (second / name).read_bytes()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of articles")
    parser.add_argument("--count", type=int, default=84, help="how many files (default 84)")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.is_file())[:args.count]
    if not files:
        sys.exit(f"{args.folder} holds no files")
    size = sum(p.stat().st_size for p in files)
    # As installed, with bytecode: no worker pays for compiling the package (see ui.py).
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "briefing_app", quiet=1)
    print(f"{len(files)} files, {size / 1024:.0f} KB; {os.cpu_count()} cores; "
          f"load average before {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seconds, cpu = {}, {}
        for jobs in (1, 2):
            seconds[jobs], cpu[jobs] = run(files, jobs, tmp / f"jobs{jobs}", tmp / "home")
            print(f"--jobs {jobs}: {seconds[jobs]:.2f} s, {cpu[jobs]:.2f} CPU s "
                  f"(load average after {os.getloadavg()[0]:.2f})")
        print(f"ratio: {seconds[1] / seconds[2]:.2f}x (target >= 1.8x on 2 idle cores)")
        # What two idle cores would give: the CPU work of --jobs 2 split evenly over them.
        print(f"ratio the CPU time allows on 2 idle cores: {cpu[1] / (cpu[2] / 2):.2f}x")
        different = differences(tmp / "jobs1", tmp / "jobs2")
        written = len(list((tmp / "jobs1").iterdir()))
        if different:
            print(f"outputs DIFFER in {len(different)} of {written} files, e.g. {different[0]}")
            return 1
        print(f"outputs identical: {written} files byte for byte")
    return 0


if __name__ == "__main__":
    sys.exit(main())
