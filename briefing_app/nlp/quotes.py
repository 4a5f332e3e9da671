"""Find quoted stretches in raw text: straight and curly marks, multi-paragraph quotes.

Works on characters, not on a parse, so it sees across paragraphs (spaCy runs paragraph by
paragraph). A quote opened in one paragraph and not closed continues when the next paragraph
opens with a quotation mark again (the newspaper convention); otherwise it ends with its
paragraph, so an unbalanced mark never swallows the rest of the article.
"""

from __future__ import annotations

import bisect
import re

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSERS = {"\u201d", "\u00bb"}
STRAIGHT = '"'
# Every quotation mark, once: two apostrophes stand for one mark in some wire copy ('').
MARK = re.compile("''|[" + STRAIGHT + "".join(OPENERS) + "".join(CLOSERS) + "]")


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return (start, end) character spans of quotations, marks included, in text order."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        carried = open_at is not None
        first = _first_visible(text, p_start, p_end)
        for pos, width in _marks(text, p_start, p_end):
            ch = text[pos]
            if open_at is None:
                if ch not in CLOSERS:
                    open_at = pos
            elif carried and pos == first and ch not in CLOSERS:
                pass  # the mark that reopens a quote carried over from the last paragraph
            elif ch not in OPENERS:
                spans.append((open_at, pos + width))
                open_at = None
        if open_at is not None:
            carry = index + 1 < len(paragraphs) and _opens_with_mark(text, paragraphs[index + 1])
            if not carry:
                spans.append((open_at, _trim_end(text, open_at, p_end)))
                open_at = None
    if open_at is not None:
        spans.append((open_at, _trim_end(text, open_at, len(text))))
    return spans


def _marks(text: str, start: int, end: int):
    """(position, width) of each mark starting in [start, end), found by the regex engine
    rather than a loop over every character; a '' pair may end just past `end`."""
    for match in MARK.finditer(text, start, min(end + 1, len(text))):
        if match.start() >= end:
            break
        yield match.start(), match.end() - match.start()


def mark_positions(text: str) -> list[int]:
    """Where every quotation mark of the text starts, in order."""
    return [match.start() for match in MARK.finditer(text)]


def _first_visible(text: str, start: int, end: int) -> int:
    for pos in range(start, end):
        if not text[pos].isspace():
            return pos
    return end


def _opens_with_mark(text: str, paragraph: tuple[int, int]) -> bool:
    pos = _first_visible(text, *paragraph)
    return pos < paragraph[1] and (
        text[pos] in OPENERS or text[pos] == STRAIGHT or text.startswith("''", pos)
    )


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def overlapping(quotes: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotes (sorted, not overlapping each other) that overlap [start, end)."""
    index = bisect.bisect_right(quotes, (start, float("inf"))) - 1
    index = max(index, 0)
    out = []
    while index < len(quotes) and quotes[index][0] < end:
        if quotes[index][1] > start:
            out.append(quotes[index])
        index += 1
    return out
