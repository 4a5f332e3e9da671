"""Bad input, driven from the table in docs/reliability.md: a new row there is a new test."""

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from briefing_app.cli import main
from briefing_app.settings import Settings
from support.pdf import make_pdf

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "reliability.md"


def _rows() -> list[dict]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("case", "---") and not set(cells[0]) <= {"-"}:
            rows.append(dict(zip(("case", "input", "sees", "test"), cells)))
    return rows


ROWS = _rows()


def _docx_bytes(text="The minister said the port would reopen.") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rewrite_part(data: bytes, part: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info, change(body) if info.filename == part else body,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _entity_docx() -> bytes:
    def add_doctype(body: bytes) -> bytes:
        head, rest = body.split(b"?>", 1)
        return head + b'?><!DOCTYPE w:document [<!ENTITY boom "boom boom boom">]>' + rest
    return _rewrite_part(_docx_bytes(), "word/document.xml", add_doctype)


def _huge_part_docx() -> bytes:
    # Random bytes do not compress: the file itself is as large as the part it carries.
    noise = bytes((i * 2654435761 >> 7) & 0xFF for i in range(1_500_000))
    out = io.BytesIO(_docx_bytes())
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("word/media/image1.png", noise)
    return out.getvalue()


def _external_docx() -> bytes:
    def add_links(body: bytes) -> bytes:
        links = (b'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/image" Target="http://example.invalid/a.png"'
                 b' TargetMode="External"/><Relationship Id="rIdX2" Type="http://schemas.'
                 b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                 b'Target="https://example.invalid/t.dotx" TargetMode="External"/>')
        return body.replace(b"</Relationships>", links + b"</Relationships>")
    return _rewrite_part(_docx_bytes(ARTICLE), "word/_rels/document.xml.rels", add_links)


def _bomb_docx() -> bytes:
    return _rewrite_part(_docx_bytes(), "word/document.xml", lambda body: body + b" " * 20_000_000)


ARTICLE = ('The Hamburg port authority said on Monday that talks had failed. "We are not '
           'moving," the union leader Anna Berg told reporters.\n\n')

BAD_FILES = {
    "empty": ("empty.txt", lambda: b""),
    "blank": ("blank.txt", lambda: b"  \n\n \t \n"),
    "binary_txt": ("random.txt", lambda: bytes((i * 7919 + 13) % 256 for i in range(6000))),
    "nul_heavy": ("zeros.txt", lambda: b"\x00" * 9000),
    "docx_not_zip": ("letter.docx", lambda: b"Dear colleague, this is plain text."),
    "docx_zip_bomb": ("bomb.docx", _bomb_docx),
    "docx_entity": ("entity.docx", _entity_docx),
    "docx_huge_part": ("pictures.docx", _huge_part_docx),
    "old_doc": ("old.docx", lambda: bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600),
    "pdf_corrupt": ("broken.pdf", lambda: b"%PDF-1.7\n1 0 obj << /Type /Catalog"),
    "pdf_no_text": ("scan.pdf", lambda: make_pdf([[]])),
    "pdf_password": ("secret.pdf", lambda: make_pdf([["Secret text."]], encrypt=True)),
    "too_many_chars": ("huge.txt", lambda: ("All quiet on the docks. " * 220_000).encode()),
    "html_too_many_chars": ("long.html", lambda: (
        "<html><body>" + "<p>All quiet on the docks tonight.</p>\n" * 80_000
        + "</body></html>").encode()),
    "size_message": ("big.txt", lambda: b"All quiet on the docks. " * 50_000),
}
# Cases run with the input limit set to 1 MB, so a small file is enough to cross it.
ONE_MB_LIMIT = {"docx_huge_part", "size_message"}

GOOD_TEXTS = {
    "crlf": ARTICLE.replace("\n", "\r\n") + "Line one\rline two said nothing.\r",
    "bidi": "\u202bמשרד החוץ אמר\u202c that talks failed, officials said.\n\n" + ARTICLE,
    "astral": "🚢 Ships wait 𝔞𝔫𝔡 wait. " + ARTICLE + "Emoji 👍🏽 end.",
    "combining": "Cafe\u0301 owners said the re\u200bopening was \"too late\".\n\n" + ARTICLE,
    "controls": "Start\x00\x01\x02 middle\x0b\x0c end.\n\n" + ARTICLE,
    "one_line": ARTICLE.replace("\n", " ") * 6000,
    "html_hostile": None,
    "docx_external": None,
    "html_deep": None,
    "html_short_nav": None,
    "utf16_no_bom": None,
}

HOSTILE_HTML = """<html><head><title>Port talks</title>
<script>document.write('EVIL SCRIPT')</script><style>p {color: red}</style>
<link rel="stylesheet" href="http://example.invalid/x.css"></head><body>
<nav>Home | News</nav><iframe src="http://example.invalid/ad"></iframe>
<img src="http://example.invalid/pixel.gif"><article><p>""" + ARTICLE + """</p>
<p>Officials said the ships would be diverted to Rotterdam if the strike continued.</p>
</article></body></html>"""


# The article 300 elements deep, past libxml2's default limit of 255.
DEEP_HTML = ("<html><body>" + "<div>" * 300 + f"<p>{ARTICLE}</p>" + "</div>" * 300
             + "</body></html>")
# A page so short that trafilatura once kept its menu as the first paragraph.
SHORT_NAV_HTML = (f"<html><body><nav>Home | News</nav><header>Home | News</header>"
                  f"<p>{ARTICLE}</p><aside>Home | News</aside><footer>Home | News</footer>"
                  "</body></html>")


def _row_ids(kind):
    return [r["case"] for r in ROWS if r["test"] == f"test_reliability.py::{kind}"]


def test_table_is_read():
    assert len(ROWS) >= 20


@pytest.mark.parametrize("case", [r["case"] for r in ROWS])
def test_every_row_has_a_real_test(case):
    row = next(r for r in ROWS if r["case"] == case)
    where, _, name = row["test"].partition("::")
    if where == "test_reliability.py":
        known = set(BAD_FILES) | {"missing", "folder"} if name == "bad_input" else set(GOOD_TEXTS)
        assert case in known, case
        return
    source = (ROOT / "tests" / where).read_text(encoding="utf-8")
    assert re.search(rf"^def {re.escape(name)}\(", source, re.M), row["test"]


@pytest.mark.parametrize("case", _row_ids("bad_input"))
def test_bad_input(case, tmp_path, capsys):
    row = next((r for r in ROWS if r["case"] == case), None)
    if case == "missing":
        path = tmp_path / "gone.txt"
    elif case == "folder":
        path = tmp_path / "folder.txt"
        path.mkdir()
    else:
        name, build = BAD_FILES[case]
        path = tmp_path / name
        path.write_bytes(build())
    if case in ONE_MB_LIMIT:
        settings = Settings()
        settings.set("max_input_mb", 1)
        settings.save()
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and path.name in lines[0], err
    assert "Traceback" not in err and "Error" not in err
    assert row["sees"].lower() in lines[0].lower(), (row["sees"], lines[0])


@pytest.mark.parametrize("case", _row_ids("loads"))
def test_loads(case, tmp_path, capsys, nlp, no_sockets):
    if case == "html_hostile":
        path = tmp_path / "page.html"
        path.write_text(HOSTILE_HTML, encoding="utf-8")
    elif case == "docx_external":
        path = tmp_path / "linked.docx"
        path.write_bytes(_external_docx())
    elif case in ("html_deep", "html_short_nav"):
        path = tmp_path / f"{case}.html"
        path.write_text(DEEP_HTML if case == "html_deep" else SHORT_NAV_HTML, encoding="utf-8")
    elif case == "utf16_no_bom":
        path = tmp_path / "wide.txt"
        path.write_bytes(ARTICLE.encode("utf-16-le"))
    else:
        path = tmp_path / f"{case}.txt"
        path.write_bytes(GOOD_TEXTS[case].encode("utf-8"))
    assert main(["analyze", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    text = result["text"]
    if case == "utf16_no_bom":
        assert text == ARTICLE
    elif path.suffix == ".txt":
        raw = path.read_bytes().decode("utf-8")
        assert len(text) == len(raw)
    if path.suffix == ".html":
        assert "Anna Berg" in text
    assert "EVIL SCRIPT" not in text and "Home | News" not in text
    for actor in result["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
    for claim in result["claims"]:
        assert 0 <= claim["start"] < claim["end"] <= len(text)
        assert text[claim["start"]:claim["end"]] == claim["text"]
    if case != "controls":
        assert result["claims"], "the article's claims must still be found"
