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
# PDFium counts text in UTF-16 units: a character beyond the BMP takes two.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_WORDS = re.compile(r"\S(?:.*\S)?")  # a line's text without its surrounding blanks
_LETTER = re.compile(r"[^\W_]")


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
    text = textpage.get_text_range()
    if not text.strip():
        return []
    boxes = _Boxes(textpage, _utf16_offsets(text))
    lines: list[Line] = []
    position = 0
    for raw in _LINE_BREAK.split(text):
        start, end = position, position + len(raw)
        position = end + (2 if text.startswith("\r\n", end) else 1)
        for piece_start, piece_end in _pieces(raw, start):
            line = _line(boxes, text, piece_start, piece_end)
            if line is not None:
                lines.append(line)
    return lines


class _Boxes:
    """Loose character boxes by position in the page text, through PDFium's C API."""

    def __init__(self, textpage, units: list[int] | None) -> None:
        import pypdfium2.raw as pdfium_c

        self._textpage, self._units = textpage, units
        self._char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex
        self._loose_box = pdfium_c.FPDFText_GetLooseCharBox
        self._rect = pdfium_c.FS_RECTF()

    def __call__(self, index: int) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top) of the character at text position `index`."""
        char = self._char_index(self._textpage, self._units[index] if self._units else index)
        if char < 0 or not self._loose_box(self._textpage, char, self._rect):
            return None
        rect = self._rect
        return rect.left, rect.bottom, rect.right, rect.top


def _pieces(raw: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of a text line's parts, split where PDFium joined a hyphenated break."""
    if "\x02" not in raw and "\ufffe" not in raw:
        return [(offset, offset + len(raw))]
    cuts = [0] + [m.start() for m in _JOINED_HYPHEN.finditer(raw)] + [len(raw)]
    return [(offset + a, offset + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _utf16_offsets(text: str) -> list[int] | None:
    """Python index -> PDFium text index, needed only when a character lies outside the BMP."""
    if not _ASTRAL.search(text):
        return None
    return [0, *accumulate(2 if ord(ch) >= 0x10000 else 1 for ch in text)]


def _line(boxes: _Boxes, text: str, start: int, end: int) -> Line | None:
    """The line at text[start:end], or None when it is blank."""
    found = _WORDS.search(text, start, end)
    if found is None:
        return None
    first, last = found.start(), found.end() - 1
    word_end = first + len(found.group().split(None, 1)[0]) - 1
    head, tail = boxes(first), boxes(last)
    # The size is read from the first letter or digit: a bullet's font is often smaller.
    letter = _LETTER.search(text, first, last + 1)
    size_box = head if letter is None or letter.start() == first else boxes(letter.start())
    if head is None or tail is None or size_box is None:
        # PDFium knows the text but not where it sits: keep the words, without geometry
        # (the paragraph rules then fall back to sentence ends).
        return Line(found.group(), 0.0, 0.0, 0.0, 0.0)
    word = head if word_end == first else boxes(word_end)
    return Line(
        text=found.group(),
        left=head[0],
        right=tail[2],
        bottom=size_box[1],
        size=size_box[3] - size_box[1],
        first_word=(word[2] - head[0]) if word else 0.0,
    )
