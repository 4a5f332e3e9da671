"""Rebuild a PDF's paragraphs from where its lines sit, as a reader's eye does.

PDFs carry no paragraph markup, only lines at positions. A new paragraph starts when:
- the font size changes (a headline, then the byline, then the body);
- the gap above the line is clearly wider than the usual distance between lines of its
  size (paragraph spacing);
- the line is indented against the line above (a first-line indent), or steps back out
  left of it after more than one line (the end of an indented block);
- the previous line ended early: the first word of this line would have fitted on it,
  so the typesetter ended the paragraph there (this also keeps a two-line headline
  whole, since its first line is full);
- at a page or column break: the previous line closed a sentence and this one does not
  start in lower case, or this one is indented.
Centred lines of one size (a centred headline) stay together. Lines are joined with a
space, or without the hyphen where a word was split at the line end ("inter-" + "national")
unless the document writes that word with its hyphen elsewhere ("night-shift") or its
first part keeps one ("self-", "ex-"): PDFium cannot tell a typesetter's hyphen from one
that is part of the word, and web pages printed to PDF break lines at real hyphens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefing_app.storage.readers.pdf_lines import Line

# PDFium reports a hyphen it thinks is a soft line-end hyphen as U+0002; some PDFs
# carry U+00AD (soft hyphen) or U+FFFE there instead.
_HYPHENS = ("-", "\x02", "\u00ad", "\ufffe")
_SENTENCE_END = (".", "!", "?", ".\"", ".”", "?”", "!”", ".’", ".)", ":")
_SIZE_TOLERANCE = 0.12  # loose boxes of one font size differ by rounding only
_GAP = 1.35  # a line this many usual line distances below the last starts a paragraph
_INDENT = 0.5  # in font sizes: smaller shifts are glyph side bearings, not an indent
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# First parts that keep their hyphen in English compounds (self-evident, ex-minister).
_KEEP_HYPHEN_AFTER = frozenset({"self", "ex", "all", "well", "half", "vice", "cross"})


@dataclass(frozen=True, slots=True)
class Layout:
    """The text column as the whole document shows it."""

    left: float
    right: float
    pitch: dict[int, float]  # rounded size -> usual baseline distance within a paragraph

    def usual_pitch(self, size: float) -> float:
        return self.pitch.get(round(size), 1.3 * size)


def measure(pages: list[list[Line]]) -> Layout:
    """Left and right edge of the body text, and the usual line distance per font size."""
    lines = [line for page in pages for line in page]
    if not lines:
        return Layout(0.0, 0.0, {})
    weight: dict[int, int] = {}
    for line in lines:
        weight[round(line.size)] = weight.get(round(line.size), 0) + len(line.text)
    body_size = max(weight, key=weight.__getitem__)
    body = [line for line in lines if round(line.size) == body_size] or lines
    lefts: dict[int, int] = {}
    for line in body:
        lefts[round(line.left)] = lefts.get(round(line.left), 0) + 1
    left = float(max(lefts, key=lefts.__getitem__))
    rights = sorted(line.right for line in body)
    right = rights[min(len(rights) - 1, int(len(rights) * 0.95))]
    distances: dict[int, list[float]] = {}
    for page in pages:
        for above, below in zip(page, page[1:]):
            distance = above.bottom - below.bottom
            if _same_size(above, below) and distance > 0.5 * below.size:
                distances.setdefault(round(below.size), []).append(distance)
    pitch = {}
    for size, values in distances.items():
        values.sort()
        # The lower quartile: most neighbours share a paragraph, gaps are the outliers.
        # Capped, so a size seen only in one-line paragraphs still shows its gaps.
        pitch[size] = min(values[len(values) // 4], 1.6 * size)
    return Layout(left, right, pitch)


def paragraphs(pages: list[list[Line]], layout: Layout) -> list[list[Line]]:
    """The lines grouped into paragraphs (see the module docstring for the rules)."""
    result: list[list[Line]] = []
    current: list[Line] = []
    for page in pages:
        for index, line in enumerate(page):
            if current and _starts_paragraph(current, line, layout, index == 0):
                result.append(current)
                current = []
            current.append(line)
    if current:
        result.append(current)
    return result


def _starts_paragraph(current: list[Line], line: Line, layout: Layout, new_page: bool) -> bool:
    above = current[-1]
    if not _same_size(above, line):
        return True
    if _centred_under(above, line, layout):
        return False
    distance = above.bottom - line.bottom
    if new_page or distance <= 0.3 * line.size:  # a new page or a new column
        return (line.left > layout.left + _INDENT * line.size or _ended_early(above, line, layout)
                or (above.text.endswith(_SENTENCE_END) and not line.text[:1].islower()))
    if distance > _GAP * layout.usual_pitch(line.size):
        return True
    shift = line.left - above.left
    if shift > _INDENT * line.size:
        return True
    if shift < -_INDENT * line.size and len(current) > 1:
        return True  # back at the margin after an indented block; a first-line indent is not
    return _ended_early(above, line, layout)


def _same_size(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= _SIZE_TOLERANCE * max(a.size, b.size)


def _centred_under(above: Line, line: Line, layout: Layout) -> bool:
    """Is `line` set centred, on the same axis as the line above (a centred headline)?"""
    centre = (line.left + line.right) / 2
    return (line.left > layout.left + line.size
            and abs(centre - (above.left + above.right) / 2) < 0.5 * line.size
            and abs(centre - (layout.left + layout.right) / 2) < line.size)


def _ended_early(above: Line, line: Line, layout: Layout) -> bool:
    """Would this line's first word have fitted at the end of the line above?"""
    if not line.first_word:
        return False
    space = 0.25 * above.size
    return above.right + space + line.first_word < layout.right


def hyphenated_words(lines: Iterable[Line]) -> frozenset[str]:
    """The hyphenated words written inside lines ("night-shift"), lower-cased."""
    return frozenset(word.lower() for line in lines for word in _HYPHENATED.findall(line.text))


def joined(lines: list[Line], hyphenated: frozenset[str] = frozenset()) -> str:
    """A paragraph's lines as one text, hyphenated line breaks mended; `hyphenated` are the
    document's own hyphenated words, which keep their hyphen across a line break."""
    text = ""
    for line in lines:
        text = _join(text, line.text, hyphenated)
    return " ".join(text.split())


def _join(current: str, line: str, hyphenated: frozenset[str]) -> str:
    if not current:
        return line
    if current.endswith(_HYPHENS) and len(current) > 1 and current[-2].isalpha() and (
            line[:1].islower()):
        head = _LAST_WORD.search(current[:-1])
        tail = _FIRST_WORD.match(line)
        first = head.group().lower() if head else ""
        if first in _KEEP_HYPHEN_AFTER or (
                tail and f"{first}-{tail.group().lower()}" in hyphenated):
            return current[:-1] + "-" + line
        return current[:-1] + line
    if current.endswith(_HYPHENS[1:]):  # a soft hyphen before a non-letter: just drop it
        current = current[:-1]
    return current + " " + line
