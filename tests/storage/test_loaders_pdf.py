"""PDF loading: text layer reflow, metadata, and password/corrupt/scanned refusals.

The PDFs are written by hand (make_pdf): a few objects, a base-14 font and one text
content stream per page, which is all PDFium needs to produce a text layer.
"""

import re

import pytest

from briefing_app.errors import LoadError
from briefing_app.storage.loaders import load_path
from briefing_app.storage.pdf_loader import reflow


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages, *, encrypt=False, info=None) -> bytes:
    """A minimal PDF; each page is a list of text lines, or None for a page with no text."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids, number = [], 4
    for lines in pages:
        if lines is None:  # a filled rectangle: something on the page, but no text
            stream = b"0 0 1 rg 100 100 200 200 re f"
        else:
            ops = ["BT /F1 11 Tf 14 TL 72 740 Td"]
            ops += [f"({_escape(line)}) Tj T*" for line in lines]
            stream = "\n".join([*ops, "ET"]).encode("latin-1")
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (number + 1))
        objects[number + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        kids.append(number)
        number += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    trailer = b""
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        objects[number] = f"<< {entries} >>".encode("latin-1")
        trailer += b" /Info %d 0 R" % number
        number += 1
    if encrypt:
        # A standard security handler whose user password is not empty: PDFium cannot
        # open it without the password, which is all this test needs.
        objects[number] = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <"
                           + b"cd" * 32 + b"> /P -4 >>")
        file_id = b"<0123456789abcdef0123456789abcdef>"
        trailer += b" /Encrypt %d 0 R /ID [%s %s]" % (number, file_id, file_id)
        number += 1
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for key in sorted(objects):
        offsets[key] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (key, objects[key])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % number
    out += b"".join(b"%010d 00000 n \n" % offsets[key] for key in range(1, number))
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        number, trailer, xref)
    return bytes(out)


ARTICLE_PAGE = [
    "Ports brace for a longer strike",
    "The union said on Monday that the strike would continue until the inter-",
    "national shipping lines agreed to the revised offer on pay and hours for",
    "all workers in the port.",
    "   According to the ministry, the government is preparing emergency rules",
    "that would allow medicines and fuel to be unloaded during the stoppage,",
    "while other cargo waits.",
]


def refused(path) -> str:
    with pytest.raises(LoadError) as info:
        load_path(path)
    message = str(info.value)
    assert "\n" not in message and path.name in message
    assert not re.search(r"\b\w*(Error|Exception)\b|Traceback", message)
    return message


def test_pdf_text_is_reflowed_into_paragraphs(tmp_path):
    path = tmp_path / "strike.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE, ["Page two starts a new paragraph here."]],
                              info={"Title": "Strike report", "Author": "A. Writer",
                                    "CreationDate": "D:20240315120000Z"}))
    source = load_path(path)
    assert [source.text[s:e] for s, e in source.paragraphs] == [
        "Ports brace for a longer strike",
        "The union said on Monday that the strike would continue until the international "
        "shipping lines agreed to the revised offer on pay and hours for all workers in "
        "the port.",
        "According to the ministry, the government is preparing emergency rules that would "
        "allow medicines and fuel to be unloaded during the stoppage, while other cargo "
        "waits.",
        "Page two starts a new paragraph here.",
    ]
    assert (source.title, source.author, source.published) == (
        "Strike report", "A. Writer", "2024-03-15")
    assert source.format == "pdf"


def test_pdf_without_title_uses_file_stem(tmp_path):
    path = tmp_path / "no-title.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE]))
    assert load_path(path).title == "no-title"


def test_reflow_rules():
    long = "x" * 60
    assert reflow([[long + " self-", "evident point", ""]]) == long + " selfevident point"
    assert reflow([[long + " 1990-", "2000 and more"]]) == long + " 1990- 2000 and more"
    assert reflow([[long, "", long]]) == long + "\n\n" + long
    assert reflow([[long, long], [long.replace("x", "y", 1).lower()]]).count("\n\n") == 0


def test_password_protected_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE], encrypt=True))
    assert "password" in refused(path)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",  # truncated
    b"not a pdf at all, just words",
    b"%PDF-1.7\n" + bytes(range(256)) * 20,
])
def test_corrupt_pdf(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    refused(path)


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([None, None]))
    message = refused(path)
    assert "has no text layer; Briefing Builder does not do OCR" in message


def test_unknown_extension_sniffed_as_pdf(tmp_path):
    path = tmp_path / "download.bin"
    path.write_bytes(make_pdf([ARTICLE_PAGE]))
    assert load_path(path).format == "pdf"
