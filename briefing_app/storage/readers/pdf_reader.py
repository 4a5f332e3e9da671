"""Read a PDF's text layer with pypdfium2 as an analyst reads the printed article.

Each page's lines come with their positions (pdf_lines); page furniture is left out
(pdf_furniture: page numbers, running headers and footers, menus, adverts); paragraphs are
rebuilt from line gaps, indents and line ends (pdf_reflow). The publication date is one
printed near the top of the text, never the PDF's CreationDate: that is when the file was
made (a web page printed today says today), not when the article appeared. A PDF whose
metadata has no Title takes its first heading-like line (heading_title); the loader falls
back to the file name when there is none.
No OCR: a PDF without a text layer is refused.
"""

from __future__ import annotations

import logging
import re

from briefing_app.domain.short_text import TITLE_LIMIT, shortened
from briefing_app.errors import LoadError
from briefing_app.storage.readers.pdf_furniture import drop_adverts, furniture
from briefing_app.storage.readers.pdf_lines import Line, page_lines
from briefing_app.storage.readers.pdf_reflow import (
    hyphenated_words,
    joined,
    measure,
    paragraphs,
)
from briefing_app.storage.readers.printed_date import printed_date

log = logging.getLogger(__name__)

# How many of the first lines may hold the printed date (masthead, headline, byline).
_DATE_LINES = 15
# How many of the first paragraphs may hold the headline (after a masthead or a kicker).
_TITLE_PARAGRAPHS = 6
# A headline is set this much larger than the body text (loose box heights).
_HEADLINE_SIZE = 1.15
# Lines that end like this are sentences or lead-ins, never a headline.
_NOT_HEADLINE_END = (".", ",", ";", ":", "…")
# A first paragraph in the body's size longer than this is text, not a long headline.
_HEADING_CHARS = 2 * TITLE_LIMIT
_BYLINE = re.compile(r"(?i)^(by|from|photo|image|updated|published)\b")
_WORDS = re.compile(r"[^\W\d_]{2,}")


def read_pdf(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    """(text with blank lines between paragraphs, metadata with notes) of a PDF's bytes."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise LoadError(
                f"{name} is password-protected; open it in a PDF reader with the password and "
                "save or print it to a new PDF without protection, then load that."
            ) from exc
        raise LoadError(
            f"{name} is damaged or not a PDF (it could not be opened); export it again "
            "as PDF or save the article as .txt or .docx."
        ) from exc
    try:
        if len(pdf) == 0:
            raise LoadError(f"{name} has no pages; export it again as PDF.")
        pages = [_page_lines(pdf, index) for index in range(len(pdf))]
        metadata = _metadata(pdf)
    except LoadError:
        raise
    except Exception as exc:  # pdfium can fail on a single damaged page
        log.info("PDF text unreadable (%s)", type(exc).__name__)
        raise LoadError(
            f"{name} is damaged (its text could not be read); export it again as PDF "
            "or save the article as .txt or .docx."
        ) from exc
    finally:
        pdf.close()
    if not any(pages):
        raise LoadError(
            f"{name} has no text layer; Briefing Builder does not do OCR, so run it through "
            "an OCR tool first or paste the article's text."
        )
    text, printed, left_out, heading = article_text(pages)
    metadata["title"] = metadata["title"] or heading
    metadata["published"] = printed
    metadata["notes"] = [_furniture_note(left_out)] if left_out else []
    return text, metadata


def _page_lines(pdf, index: int) -> list[Line]:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return page_lines(textpage)
        finally:
            textpage.close()
    finally:
        page.close()


def article_text(pages: list[list[Line]]) -> tuple[str, str, int, str]:
    """(the article's paragraphs joined by blank lines, its printed date, lines left out,
    its heading-like first line or "")."""
    marks = furniture(pages)
    kept = [[line for line, mark in zip(page, flags) if not mark]
            for page, flags in zip(pages, marks)]
    left_out = sum(map(sum, marks))
    grouped = paragraphs(kept, measure(kept))
    grouped, adverts = drop_adverts(grouped, lambda line: line.text)
    top = [line.text for paragraph in grouped for line in paragraph][:_DATE_LINES]
    hyphenated = hyphenated_words(line for paragraph in grouped for line in paragraph)
    texts = [joined(lines, hyphenated) for lines in grouped]
    text = "\n\n".join(p for p in texts if p)
    return text, printed_date(top), left_out + adverts, heading_title(grouped, texts)


def heading_title(grouped: list[list[Line]], texts: list[str]) -> str:
    """The first of the first paragraphs set larger than the body text that reads as a
    heading; else the very first paragraph when it reads as one and is not too long for a
    headline. Shortened at a word to a title's length; "" when none reads as a heading.
    `texts` are the paragraphs' joined texts."""
    sizes: dict[int, int] = {}
    for lines, text in zip(grouped, texts):
        sizes[round(lines[0].size)] = sizes.get(round(lines[0].size), 0) + len(text)
    if not sizes:
        return ""
    body = max(sizes, key=sizes.__getitem__)
    firsts = [(lines, text) for lines, text in zip(grouped, texts) if text][:_TITLE_PARAGRAPHS]
    for lines, text in firsts:
        if lines[0].size >= _HEADLINE_SIZE * body and _reads_as_heading(text):
            return shortened(text, TITLE_LIMIT)
    if firsts and len(firsts[0][1]) <= _HEADING_CHARS and _reads_as_heading(firsts[0][1]):
        return shortened(firsts[0][1], TITLE_LIMIT)
    return ""


def _reads_as_heading(text: str) -> bool:
    """Words, not a sentence, a byline or a date line: "Ports brace for a longer strike"."""
    return (len(_WORDS.findall(text)) >= 2 and not text.endswith(_NOT_HEADLINE_END)
            and not _BYLINE.match(text) and not printed_date([text]))


def _furniture_note(count: int) -> str:
    lines = "1 line" if count == 1 else f"{count:,} lines"
    return (f"{lines} of page furniture (page numbers, running headers and footers, menus "
            "or adverts) left out")


def _metadata(pdf) -> dict[str, str]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception as error:  # metadata is a bonus; never lose the text over it
        log.info("PDF metadata unreadable (%s)", type(error).__name__)
        return {"title": "", "author": ""}
    return {
        "title": " ".join(info.get("Title", "").split()),
        "author": " ".join(info.get("Author", "").split()),
    }
