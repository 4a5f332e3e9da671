"""Snapping a hand-made selection to whole words: a drag that starts or ends mid-word grows
outward to the word's edges, and spaces and punctuation at the ends are trimmed, except the
quotation marks around a direct quote."""

from __future__ import annotations

OPENING_QUOTES = "\"“‘«„"
CLOSING_QUOTES = "\"”’»"
# Inside a word these join its letters ("don't", "Franco-Bordurian", "3.5").
_JOINERS = "'’-‐."


def _is_word(text: str, index: int) -> bool:
    """Is text[index] part of a word: a letter or digit, or a joiner between two of them?"""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char.isalnum():
        return True
    return (char in _JOINERS and 0 < index < len(text) - 1
            and text[index - 1].isalnum() and text[index + 1].isalnum())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not _is_word(text, start):
        start += 1
    while end > start and not _is_word(text, end - 1):
        end -= 1
    return start, end


def _quoted(text: str, start: int, end: int, inner: tuple[int, int]) -> tuple[int, int]:
    """`inner` widened to the quotation marks around it when the selection took in both
    (a quote's closing punctuation, "dead,”", stays inside): a direct quote keeps them."""
    opening = text.rfind(text[start:inner[0]].strip()[-1:] or "\0", start, inner[0])
    closing = inner[1]
    while closing < end and text[closing] in " .,;:!?":
        closing += 1
    if (opening >= 0 and text[opening] in OPENING_QUOTES
            and closing < end and text[closing] in CLOSING_QUOTES):
        return opening, closing + 1
    return inner


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) grown to whole words and trimmed of spaces and punctuation at
    its ends; a span that selected a quotation's marks keeps them. (start, start) when the
    selection holds no word at all."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    while start > 0 and _is_word(text, start) and _is_word(text, start - 1):
        start -= 1
    while end < len(text) and end > 0 and _is_word(text, end - 1) and _is_word(text, end):
        end += 1
    inner = _trim(text, start, end)
    if inner[0] >= inner[1]:
        return start, start
    return _quoted(text, start, end, inner)
