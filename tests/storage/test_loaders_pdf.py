"""PDF loading: paragraph rebuild, metadata, and password/corrupt/scanned refusals.

The PDFs here are written by hand (make_pdf): a few objects, a base-14 font and one text
content stream per page, which is all PDFium needs to produce a text layer. Web pages
printed by LibreOffice are in test_loaders_pdf_printed.py.
"""


import pytest

from briefing_app.storage.readers.load import load_path
from briefing_app.storage.readers.pdf_furniture import (
    drop_adverts,
    furniture,
    is_menu,
    is_page_number,
)
from briefing_app.storage.readers.pdf_lines import Line
from briefing_app.storage.readers.pdf_reader import article_text
from briefing_app.storage.readers.pdf_reflow import (
    hyphenated_words,
    joined,
    measure,
    paragraphs,
)
from briefing_app.storage.readers.printed_date import printed_date
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
    # CreationDate is when the file was made, not when the article was published.
    assert (source.title, source.author, source.published) == ("Strike report", "A. Writer", "")
    assert source.format == "pdf"
    assert source.notes == []


def test_pdf_without_title_takes_its_heading(tmp_path):
    path = tmp_path / "no-title.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE], info={"Author": "A. Writer"}))
    assert load_path(path).title == "Ports brace for a longer strike"


@pytest.mark.parametrize("first", [
    "The union said on Monday that the strike would go on.",  # a sentence
    "By Anna Kovac, port correspondent",  # a byline
    "4 March 2025",  # a date line
    "Dockworkers: what the strike means",  # reads as a heading: the control case
])
def test_pdf_without_title_or_heading_uses_file_stem(tmp_path, first):
    path = tmp_path / "no-title.pdf"
    path.write_bytes(make_pdf([[first, "", *ARTICLE_PAGE[1:]]]))
    heading = first == "Dockworkers: what the strike means"
    assert load_path(path).title == (first if heading else "no-title")


FULL = "a line that fills the column up to its right margin, so the next word wraps"
RIGHT = 72.0 + 6.0 * len(FULL)


def _line(text, *, left=72.0, bottom=700.0, size=12.0, chars=6.0, full=False):
    """A line as pdf_lines reports it, `chars` points per character wide; a `full` line
    reaches the right margin whatever its text."""
    word = text.split()[0]
    right = RIGHT if full else left + chars * len(text)
    return Line(text, left, right, bottom, size, chars * len(word))


def _paragraphs(*pages):
    return [joined(p) for p in paragraphs(list(pages), measure(list(pages)))]


def _column(*texts, gaps=(), indents=(), full=(), top=700.0, pitch=14.0):
    """Lines set one under the other; `gaps` are indexes with a paragraph gap above,
    `indents` indented ones, `full` ones reaching the margin (FULL always does)."""
    lines, bottom = [], top
    for index, text in enumerate(texts):
        bottom -= pitch * (2 if index in gaps else 1) if index else 0
        lines.append(_line(text, left=72.0 + (18 if index in indents else 0), bottom=bottom,
                           full=index in full or text == FULL))
    return lines


def test_paragraphs_from_gaps_indents_and_early_line_ends():
    page = _column(FULL, "onto this line.", "Ended early, so a new paragraph starts here and",
                   "goes on.", FULL, FULL, "tail.", "Indented paragraph.",
                   gaps={4}, indents={7}, full={2})
    assert _paragraphs(page) == [
        FULL + " onto this line.",
        "Ended early, so a new paragraph starts here and goes on.",
        FULL + " " + FULL + " tail.",
        "Indented paragraph.",
    ]


def test_a_first_line_indent_starts_a_paragraph_and_its_next_line_continues_it():
    page = _column(FULL, FULL, FULL, FULL, indents={2})
    assert _paragraphs(page) == [FULL + " " + FULL] * 2


def test_hyphenated_line_breaks_are_joined_unless_the_hyphen_belongs_to_the_word():
    page = _column(FULL + " inter-", "national talks on the night-shift allowance, not 1990-",
                   "2000 only, and a self-", "evident night-", "shift rule.", full={0, 1, 2, 3})
    hyphenated = hyphenated_words(page)
    assert [joined(p, hyphenated) for p in paragraphs([page], measure([page]))] == [
        FULL + " international talks on the night-shift allowance, not 1990- 2000 only, and "
        "a self-evident night-shift rule."]


def test_headline_in_a_larger_font_stays_one_paragraph():
    headline = [_line("Syldavian dockworkers extend the", bottom=740, size=24, chars=13),
                _line("strike again", bottom=712, size=24, chars=13)]
    body = _column(FULL, "end.", top=680)
    assert _paragraphs(headline + body) == [
        "Syldavian dockworkers extend the strike again", FULL + " end."]


def test_the_title_is_the_larger_headline_under_a_masthead():
    masthead = [_line("Klow Daily Courier", bottom=760)]
    headline = [_line("Syldavian dockworkers extend their strike as talks with the Klow",
                      bottom=730, size=24, chars=7),
                _line("port operator collapse for a third time", bottom=702, size=24, chars=7)]
    body = _column(FULL, FULL + ".", FULL, "end.", gaps={2}, top=670)
    _text, _date, _left_out, title = article_text([masthead + headline + body])
    # The masthead is the first line, in the body's size: the larger headline is the title,
    # shortened at a word to a title's length.
    assert title == ("Syldavian dockworkers extend their strike as talks with the Klow port "
                     "operator collapse…")
    _text, _date, _left_out, title = article_text([body])
    assert title == ""  # body text only: the loader falls back to the file name


def test_a_sentence_running_over_a_page_break_stays_one_paragraph():
    first, second = _column(FULL, FULL), _column("continues here.", "Next one starts.")
    assert _paragraphs(first, second) == [FULL + " " + FULL + " continues here.",
                                          "Next one starts."]
    closed = _column(FULL, FULL + ".")
    assert _paragraphs(closed, _column("New paragraph on page two.")) == [
        FULL + " " + FULL + ".", "New paragraph on page two."]


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


@pytest.mark.parametrize("text", ["3", "- 3 -", "Page 3", "page 3 of 5", "3 / 5", "p. 12"])
def test_page_numbers_are_furniture(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text, menu", [
    ("Home", True), ("Sign in", True), ("Home World Politics Subscribe", True),
    ("Home | Klow | Syldavia | Borduria", True), ("News · Sport · Weather", True),
    ("By Anna Kovac | 4 March 2025", False), ("Home secretary resigns", False),
    ("The world is watching Klow.", False),
])
def test_menu_lines(text, menu):
    assert is_menu(text) is menu


def test_a_lone_short_bullet_is_kept_unless_it_names_a_menu_word_or_runs_in_a_menu():
    pages = [_column("• Subscribe", FULL, FULL + ".", "• Syldavia", FULL + ".",
                     "• Home", "• Klow", "• Szohod", "•", "• Rates at 4 %", "• Inflation up",
                     "• Jobs fall", gaps={1, 3, 4, 5, 8, 9})]
    assert furniture(pages) == [[True, False, False, False, False, True, True, True,
                                 True, False, False, False]]


def test_running_header_and_footer_are_left_out_but_a_repeated_body_line_is_kept():
    def page(number):
        header = _line("Klow Daily Courier", bottom=760)
        footer = _line(f"Klow Daily Courier, page {number}", bottom=40)
        return [header, *_column(FULL, "Same last line.", top=720), footer]

    assert furniture([page(1), page(2)]) == [[True, False, False, True]] * 2


@pytest.mark.parametrize("footer", ["© Klow Daily Courier, page 1 of 1",
                                    "https://courier.example/strike 1/1"])
def test_a_footer_ending_in_its_page_number_is_left_out_on_a_single_page(footer):
    page = [*_column(FULL, "Ends 1/1", top=720), _line(footer, bottom=40)]
    assert furniture([page]) == [[False, False, True]]


def test_an_advert_label_and_its_short_block_are_left_out():
    blocks = [["Advertisement"], ["Buy now!", "Save 20 percent."], ["Article text."],
              ["Sponsored", "Short advert."], ["More article text."]]
    assert drop_adverts(blocks, str) == ([["Article text."], ["More article text."]], 5)


@pytest.mark.parametrize("lines, date", [
    (["Klow Daily Courier", "By Anna Kovac, 4 March 2025"], "2025-03-04"),
    (["Published March 4th, 2025 at 10:00"], "2025-03-04"),
    (["Updated 2025-03-04T10:00Z"], "2025-03-04"),
    (["Sept. 30 2024"], "2024-09-30"),
    (["On 31 February 2025 nothing happened", "04/03/2025"], ""),
    (["No date at all"], ""),
    (["KLOW, 4 March 2025 (Reuters) - The union said the strike over the allowance would go "
      "on"], "2025-03-04"),
    (["The union said on Monday that the agreement it signed on 4 March 2019 no longer "
      "binds its members", "Updated 5 March 2025"], "2025-03-05"),
])
def test_printed_date(lines, date):
    assert printed_date(lines) == date
