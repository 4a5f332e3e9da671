"""Read a PDF's text layer with pypdfium2 and reflow its hard-wrapped lines into paragraphs.

Reflow rule (simple on purpose; PDFs carry no paragraph markup):
- a blank line ends a paragraph;
- a line that starts indented (leading whitespace) starts a new paragraph;
- a "short" line (under 70 % of the page's typical line length) ends a paragraph,
  because a paragraph's last line rarely reaches the right margin;
- otherwise the next line is joined with a space, or, when the line ends in a hyphen
  after a letter and the next starts with a lower-case letter, without the hyphen
  ("inter-" + "national" -> "international");
- a page break ends a paragraph unless the page's last line is long and the next page
  starts in lower case (a sentence running over the page).
No OCR: a PDF without a text layer is refused.
"""

from __future__ import annotations

import logging
import re

from briefing_app.errors import LoadError

log = logging.getLogger(__name__)

_SHORT_LINE = 0.70
# PDFium reports a hyphen it thinks is a soft line-end hyphen as U+0002; some PDFs
# carry U+00AD (soft hyphen) or U+FFFE there instead.
_HYPHENS = ("-", "\x02", "\u00ad", "\ufffe")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JOINED_HYPHEN = re.compile(r"\x02(?=[^\W\d_])")
_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, name: str) -> tuple[str, dict[str, str]]:
    """(reflowed text with blank lines between paragraphs, metadata) of a PDF file's bytes."""
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
    if not any(line.strip() for lines in pages for line in lines):
        raise LoadError(
            f"{name} has no text layer; Briefing Builder does not do OCR, so run it through "
            "an OCR tool first or paste the article's text."
        )
    return reflow(pages), metadata


def _page_lines(pdf, index: int) -> list[str]:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    # PDFium sometimes joins a hyphenated line itself, leaving U+0002 where the hyphen was;
    # put the line break back so line lengths (and so the short-line rule) stay honest.
    return _LINE_BREAK.split(_JOINED_HYPHEN.sub("\x02\n", text))


def reflow(pages: list[list[str]]) -> str:
    """Join hard-wrapped lines into paragraphs (see the module docstring for the rule)."""
    paragraphs: list[str] = []
    current = ""
    last_was_long = False
    for page_number, lines in enumerate(pages):
        typical = _typical_length(lines)
        for line_number, raw in enumerate(lines):
            line = raw.rstrip()
            stripped = line.strip()
            if not stripped:
                if current:
                    paragraphs.append(current)
                current, last_was_long = "", False
                continue
            new_page = line_number == 0 and page_number > 0
            starts_paragraph = line[:1].isspace() or not last_was_long or (
                new_page and not stripped[:1].islower())
            if current and starts_paragraph:
                paragraphs.append(current)
                current = ""
            current = _join(current, stripped)
            last_was_long = len(stripped) >= _SHORT_LINE * typical
    if current:
        paragraphs.append(current)
    return "\n\n".join(p for p in (" ".join(p.split()) for p in paragraphs) if p)


def _join(current: str, line: str) -> str:
    if not current:
        return line
    if current.endswith(_HYPHENS) and len(current) > 1 and current[-2].isalpha() and (
            line[:1].islower()):
        return current[:-1] + line
    if current.endswith(_HYPHENS[1:]):  # a soft hyphen before a non-letter: just drop it
        current = current[:-1]
    return current + " " + line


def _typical_length(lines: list[str]) -> int:
    """The 80th-percentile length of a page's non-blank lines: its usual full line."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.8))]


def _metadata(pdf) -> dict[str, str]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception as error:  # metadata is a bonus; never lose the text over it
        log.info("PDF metadata unreadable (%s)", type(error).__name__)
        return {"title": "", "author": "", "published": ""}
    return {
        "title": " ".join(info.get("Title", "").split()),
        "author": " ".join(info.get("Author", "").split()),
        "published": _pdf_date(info.get("CreationDate", "")),
    }


def _pdf_date(value: str) -> str:
    """'D:20240315120000Z' -> '2024-03-15' (as much of the date as is there)."""
    match = _DATE.match(value.strip())
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)
