"""How fast the article readers refuse or read hostile files: prints seconds and peak memory.

Each load runs in a fresh child process, so its peak resident memory (ru_maxrss) is its
own and not the builder's. Cases: a 45 MB web page and a 45 MB text file (both under the
50 MB byte limit, far over the 2,000,000-character limit); a page of markup with little
text (under the character limit, so it is parsed and extracted in full); and 100,000 /
200,000 one-character paragraphs through the paragraph splitter (twice the input should
take about twice the time: linear); and a 50-page PDF (a running header, a footer with the
page number, 48 lines of paragraphs a page) read through the PDF reader's line geometry,
furniture and paragraph rules.

    .venv/bin/python benchmarks/readers.py [--mb 45] [--markup-mb 5] [--pdf-pages 50]
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


def build_pdf(path: Path, pages: int) -> None:
    """A PDF of `pages` pages in Helvetica 11: header, footer, paragraphs of four lines."""
    words = (PARAGRAPH.removeprefix("<p>").removesuffix("</p>\n") + " ").split() * 3
    per_line = -(-len(words) // 5)
    lines = [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
    kids = []
    for page in range(pages):
        ops = ["BT /F1 9 Tf 72 760 Td (The Klow Courier) Tj ET",
               f"BT /F1 9 Tf 280 40 Td (Page {page + 1} of {pages}) Tj ET",
               "BT /F1 11 Tf 14 TL 72 730 Td"]
        for row in range(48):
            ops.append("T*" if row % 6 == 5 else f"({lines[row % 6]}) Tj T*")
        stream = "\n".join([*ops, "ET"]).encode("latin-1")
        number = 4 + 2 * page
        objects[number] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                           b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
                           % (number + 1))
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        kids.append(b"%d 0 R" % number)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, objects[key])
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[key] for key in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    path.write_bytes(bytes(out))


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
    parser.add_argument("--pdf-pages", type=int, default=50, help="pages of the PDF")
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
        path = Path(folder) / "pages.pdf"
        build_pdf(path, args.pdf_pages)
        result = load_in_child(path)
        print(f"pages.pdf   {args.pdf_pages} pages  {result['seconds']:6.2f} s  "
              f"peak {result['peak_mb']:6.0f} MB  {result['outcome'][:80]}")
    for count in (100_000, 200_000):
        print(f"paragraph_spans, {count:,} one-character paragraphs: "
              f"{time_paragraph_spans(count):.3f} s")


if __name__ == "__main__":
    main()
