"""How fast the article readers refuse or read hostile files: prints seconds and peak memory.

Each load runs in a fresh child process, so its peak resident memory (ru_maxrss) is its
own and not the builder's. Cases: a 45 MB web page and a 45 MB text file (both under the
50 MB byte limit, far over the 2,000,000-character limit); a page of markup with little
text (under the character limit, so it is parsed and extracted in full); and 100,000 /
200,000 one-character paragraphs through the paragraph splitter (twice the input should
take about twice the time: linear).

    .venv/bin/python benchmarks/readers.py [--mb 45] [--markup-mb 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = ("<p>The harbour authority said on Monday that the talks with the union had "
             "failed again, and that ships would wait outside the port until Friday.</p>\n")

# Run in the child: load the file with the default limits, report time, outcome, peak.
CHILD = """
import json, resource, sys, time
from briefing_app.errors import LoadError
from briefing_app.storage.readers.load import load_path
start = time.perf_counter()
try:
    source = load_path(sys.argv[1])
    outcome = f"loaded, {len(source.text):,} characters"
except LoadError as error:
    outcome = "refused: " + str(error)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "outcome": outcome}))
"""


def build_html(path: Path, megabytes: float) -> None:
    count = int(megabytes * 1024 * 1024 / len(PARAGRAPH))
    path.write_text("<html><head><title>Port</title></head><body><article>\n"
                    + PARAGRAPH * count + "</article></body></html>", encoding="utf-8")


def build_markup(path: Path, megabytes: float) -> None:
    unit = '<div class="c"><span>x</span></div>\n'
    path.write_text("<html><body>" + PARAGRAPH + unit * int(megabytes * 1024 * 1024 / len(unit))
                    + "</body></html>", encoding="utf-8")


def build_text(path: Path, megabytes: float) -> None:
    line = PARAGRAPH.removeprefix("<p>").replace("</p>", "\n")
    path.write_text(line * int(megabytes * 1024 * 1024 / len(line)), encoding="utf-8")


def load_in_child(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def time_paragraph_spans(count: int) -> float:
    from briefing_app.storage.readers.common import paragraph_spans

    text = "".join(f"{chr(97 + i % 26)}\n\n" for i in range(count))
    start = time.perf_counter()
    spans = paragraph_spans(text)
    seconds = time.perf_counter() - start
    assert len(spans) == count
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=45.0, help="size of the large files")
    parser.add_argument("--markup-mb", type=float, default=5.0, help="size of the markup page")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    cases = (("large.html", build_html, args.mb), ("large.txt", build_text, args.mb),
             ("markup.html", build_markup, args.markup_mb))
    with tempfile.TemporaryDirectory() as folder:
        for name, build, megabytes in cases:
            path = Path(folder) / name
            build(path, megabytes)
            size = path.stat().st_size / 1024 / 1024
            result = load_in_child(path)
            print(f"{name:11} {size:5.1f} MB  {result['seconds']:6.2f} s  "
                  f"peak {result['peak_mb']:6.0f} MB  {result['outcome'][:80]}")
    for count in (100_000, 200_000):
        print(f"paragraph_spans, {count:,} one-character paragraphs: "
              f"{time_paragraph_spans(count):.3f} s")


if __name__ == "__main__":
    main()
