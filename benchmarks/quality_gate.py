"""CI's quality gate: fail when extraction quality drops below the last recorded numbers.

Runs benchmarks/quality.py on the fixed 60-article sample of PolNeAR check/ and compares
partial F1 and end-to-end F1 with the `<!-- gate: ... -->` line of benchmarks/quality.md.
Skips (exit 0) when the corpus is not on this machine: a user's clone has no such folder.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOLERANCE = 0.02


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path,
                        default=HERE.parent.parent / "shared/data/polnear-train/check")
    args = parser.parse_args(argv)
    if not (args.data_dir / "gold").is_dir():
        print(f"quality gate skipped: no corpus at {args.data_dir}")
        return 0
    match = re.search(r"<!-- gate: partial_F1=([\d.]+) e2e_F1=([\d.]+) -->",
                      (HERE / "quality.md").read_text(encoding="utf-8"))
    if not match:
        print("quality gate: benchmarks/quality.md has no gate line", file=sys.stderr)
        return 1
    recorded = {"partial_F1": float(match.group(1)), "e2e_F1": float(match.group(2))}
    out = subprocess.run([sys.executable, str(HERE / "quality.py"), "--data-dir",
                          str(args.data_dir), "--sample", "60"],
                         capture_output=True, text=True, check=True).stdout
    measured = json.loads(out.strip().splitlines()[-1])
    print(f"quality gate: measured {measured}, recorded {recorded}")
    failed = [k for k, v in recorded.items() if measured[k] < v - TOLERANCE]
    if failed:
        print(f"quality gate FAILED: {', '.join(failed)} dropped more than {TOLERANCE}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
