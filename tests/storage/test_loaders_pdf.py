"""PDF loading: text layer reflow, metadata, and password/corrupt/scanned refusals.

The PDFs are written by hand (make_pdf): a few objects, a base-14 font and one text
content stream per page, which is all PDFium needs to produce a text layer.
"""


import pytest

from briefing_app.storage.readers.load import load_path
from briefing_app.storage.readers.pdf_reader import reflow
from support.pdf import make_pdf
from support.refusals import refused

ARTICLE_PAGE = [
    "Ports brace for a longer strike",
    "The union said on Monday that the strike would continue until the inter-",
    "national shipping lines agreed to the revised offer on pay and hours for",
    "all workers in the port.",
    "   According to the ministry, the government is preparing emergency rules",
    "that would allow medicines and fuel to be unloaded during the stoppage,",
    "while other cargo waits.",
]



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
