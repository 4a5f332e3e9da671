"""A PDF page's text lines with where they sit: the geometry the paragraph rebuild needs.

PDFium's page text already puts a line break between visual lines; for each line we ask
only a few character boxes (its first letter, its last character, the end of its first
word), not every character's, so reading stays fast on long documents. Positions are in
PDF units (points), y growing upwards, from PDFium's "loose" boxes, which span the font's
whole ascent and descent and so have the same height for every letter of one font size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# PDFium sometimes joins a hyphenated line itself, leaving U+0002 or U+FFFE where the
# hyphen was; the line break is put back so each visual line keeps its own geometry.
_JOINED_HYPHEN = re.compile(r"(?<=[\x02\ufffe])(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: its text (trimmed) and its box on the page."""

    text: str
    left: float
    right: float
    bottom: float  # the loose box's bottom: the font's descent below the baseline
    size: float  # the loose box's height: proportional to the font size
    first_word: float = 0.0  # width of the line's first word (the fit test uses it)


def page_lines(textpage) -> list[Line]:
    """The lines of one PDFium text page, in PDFium's reading order, blank ones left out."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    if not text.strip():
        return []
    units = _utf16_offsets(text)
    lines: list[Line] = []
    position = 0
    for raw in _LINE_BREAK.split(text):
        start, end = position, position + len(raw)
        position = end + (2 if text.startswith("\r\n", end) else 1)
        for piece_start, piece_end in _pieces(raw, start):
            line = _line(textpage, pdfium_c, text, units, piece_start, piece_end)
            if line is not None:
                lines.append(line)
    return lines


def _pieces(raw: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of a text line's parts, split where PDFium joined a hyphenated break."""
    cuts = [0] + [m.start() for m in _JOINED_HYPHEN.finditer(raw)] + [len(raw)]
    return [(offset + a, offset + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _utf16_offsets(text: str) -> list[int] | None:
    """Python index -> PDFium text index, needed only when a character lies outside the BMP."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    return [0, *accumulate(2 if ord(ch) >= 0x10000 else 1 for ch in text)]


def _line(textpage, pdfium_c, text: str, units, start: int, end: int) -> Line | None:
    first = start
    while first < end and text[first].isspace():
        first += 1
    last = end - 1
    while last > first and text[last].isspace():
        last -= 1
    if first >= end:
        return None
    # The size is read from the first letter or digit: a bullet's font is often smaller.
    letter = next((i for i in range(first, last + 1) if text[i].isalnum()), first)
    word_end = first
    while word_end < last and not text[word_end + 1].isspace():
        word_end += 1

    def box(index: int) -> tuple[float, float, float, float] | None:
        char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(
            textpage, units[index] if units else index)
        if char < 0:
            return None
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, char, rect):
            return None
        return rect.left, rect.bottom, rect.right, rect.top

    head, size_box, tail = box(first), box(letter), box(last)
    if head is None or size_box is None or tail is None:
        return None
    word = box(word_end) if word_end != first else head
    return Line(
        text=text[first:last + 1],
        left=head[0],
        right=tail[2],
        bottom=size_box[1],
        size=size_box[3] - size_box[1],
        first_word=(word[2] - head[0]) if word else 0.0,
    )
