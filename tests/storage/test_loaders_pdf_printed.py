"""A web page printed to PDF by LibreOffice reads as its article: no menu, advert, running
header or footer, the headline whole, one paragraph per paragraph, the printed date.

The test writes the HTML page and prints it with `soffice --headless --convert-to pdf`
(its own profile folder, so parallel runs do not clash); LibreOffice puts the page's
header and footer divisions on the printed pages, with the page number in the footer.
"""

import datetime
import shutil
import subprocess

import pypdfium2
import pytest

from briefing_app.storage.readers.load import load_path
from briefing_app.storage.readers.pdf_lines import page_lines

HEADLINE = ("Syldavian dockworkers extend their strike as talks with the Klow port operator "
            "collapse for a third time")
BYLINE = "By Anna Kovac | 4 March 2025"
_PLACES = ("Klow", "Szohod", "Dbrnouk", "Istow", "Zileheroum", "Niedzdrow")
_GROUPS = ("the dockworkers' union", "the port operator", "the transport ministry",
           "the shipping lines", "the chamber of commerce", "the harbour pilots")
PARAGRAPHS = [
    f"In {_PLACES[n % 6]}, {_GROUPS[n % 6]} said on day {n + 1} of the stoppage that the "
    f"talks over the night-shift allowance had made no progress, that {n + 3} ships were "
    "waiting outside the harbour and that medicines and fuel would be unloaded first "
    "under the emergency rules the government announced at the start of the week."
    for n in range(24)
]
PARAGRAPHS[5] = ("“We will not go back to work for less than we earned a year ago,” said "
                 "Piotr Wachowski, the union's chief negotiator, outside the terminal gates.")
MENU = ("Home", "World", "Politics", "Business", "Subscribe")
ADVERT = "Buy the new Borduria phone today and save 20 percent on every plan!"


def _page() -> str:
    menu = "".join(f'<li><a href="/{word.lower()}">{word}</a></li>' for word in MENU)
    body = "".join(f"<p>{text}</p>\n" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Strike in Klow</title></head><body>
<div title="header"><p>Klow Daily Courier</p></div>
<ul class="nav">{menu}</ul>
<h1>{HEADLINE}</h1>
<p>{BYLINE}</p>
<div class="ad"><p>ADVERTISEMENT</p><p>{ADVERT}</p></div>
{body}
<div title="footer"><p>© 2025 Klow Daily Courier · Page
<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>
</body></html>"""


def _print(folder, html: str, infilter: str = "writer_web"):
    """The PDF LibreOffice prints from the page `html`, written into `folder`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed, so no web page can be printed "
                    "to PDF here; CI has it")
    page = folder / "strike.html"
    page.write_text(html, encoding="utf-8")
    options = [] if infilter == "writer_web" else [f"--infilter={infilter}"]
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         *options, "--convert-to", "pdf", "--outdir", str(folder), str(page)],
        check=True, capture_output=True, timeout=120)
    return folder / "strike.pdf"


# LibreOffice opens a web page as a web document unless told to take it as a text one;
# both print the page's header and footer.
@pytest.fixture(scope="module", params=["writer_web", "HTML (StarWriter)"])
def printed(tmp_path_factory, request):
    return _print(tmp_path_factory.mktemp("printed"), _page(), request.param)


def test_printed_page_reads_as_the_article(printed):
    assert len(pypdfium2.PdfDocument(printed)) >= 3  # header and footer repeat
    source = load_path(printed)
    assert [source.text[start:end] for start, end in source.paragraphs] == [
        HEADLINE, BYLINE, *PARAGRAPHS]
    for furniture in (*MENU, "•", "ADVERTISEMENT", ADVERT, "Courier", "Page"):
        assert furniture not in source.text
    assert source.notes and "page furniture" in source.notes[0]


def test_published_date_is_the_printed_one_not_the_files(printed):
    source = load_path(printed)
    assert source.published == "2025-03-04"
    assert source.published != datetime.date.today().isoformat()


def test_centred_headline_first_line_indents_and_justified_text(tmp_path):
    """No space between paragraphs: only the indents and the short last lines show them;
    a compound broken at its hyphen keeps the hyphen, since the page writes it so."""
    # Padding of 0 to 7 words moves the line ends, so some fall on a compound's hyphen.
    paragraphs = [text + " Its members" + " really" * pad + " call the offer a self-evident "
                  "step back from the long-standing night-shift and cross-border agreements "
                  "of the well-known harbour-side unions."
                  for pad, text in enumerate(PARAGRAPHS[:8])]
    style = "text-indent: 2em; margin: 0; text-align: justify"
    html = ('<html><head><meta charset="utf-8"><title>Strike</title></head><body>'
            f'<h1 style="text-align: center">{HEADLINE}</h1>'
            + "".join(f'<p style="{style}">{text}</p>' for text in paragraphs)
            + "</body></html>")
    pdf = _print(tmp_path, html, "HTML (StarWriter)")
    source = load_path(pdf)
    assert [source.text[start:end] for start, end in source.paragraphs] == [
        HEADLINE, *paragraphs]
    with pypdfium2.PdfDocument(pdf) as document:
        ends = [line.text[-1] for page in document
                for line in page_lines(page.get_textpage())]
    assert set(ends) & {"-", "\x02", "\ufffe"}  # a line did break at a hyphen
    assert source.published == ""  # no date printed, and the file's own is not used


def test_a_page_without_a_title_is_named_by_its_headline(tmp_path):
    # Printed from a page with no <title>, the PDF's metadata has no Title: the headline,
    # set larger than the body, names it (shortened at a word), not the masthead above it.
    source = load_path(_print(tmp_path, _page().replace("<title>Strike in Klow</title>", "")))
    assert source.title == ("Syldavian dockworkers extend their strike as talks with the Klow "
                            "port operator collapse…")
