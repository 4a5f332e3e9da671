"""Tell a printed page's furniture from its article: page numbers, running headers and
footers, menu bars and link lists, and advert blocks.

A web page printed to PDF keeps the site's navigation ("• Home", "• World"), its adverts
and the printer's header and footer on every page; the engine would read them as actors
and claims. The rules are deliberately narrow, so article text is not lost:
- a page number alone on its line ("3", "- 3 -", "Page 3 of 5");
- a line set apart above or below the text block (a wide gap towards the body) that
  recurs at the same height on another page and reads the same once its digits are
  ignored (a running header or footer: "Page 2" and "Page 3" alike), and such a line at
  the foot of a page that ends in its page number ("... Page 3", a browser's "... 1/3");
- a line made only of menu words ("Home", "Sign in", "Home World Politics Subscribe");
- a bullet alone on its line, and a bulleted line of at most three words without a full
  stop naming a menu word, or in a run of three such lines without digits (a menu drawn
  as a list; a list of facts such as "• Inflation 4 %" is kept);
- a line of three or more short items between separators ("Home | World | Sport");
- an advert label ("Advertisement") and the short paragraph right after it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from briefing_app.storage.readers.pdf_lines import Line

Item = TypeVar("Item")

_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:page\s+|p\.\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*", re.IGNORECASE)
_BULLET = re.compile(r"[•·▪■◦○►▸»‣∙*-]\s*")
_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s{3,}")
_SEPARATOR_MARKS = ("|", "•", "·", "   ")  # a cheap test before the split
_SENTENCE_END = ('.', '!', '?', '."', '.”', ":")
# Navigation, account and sharing words of news sites; a line made only of these is a menu.
_MENU_PHRASES = sorted((
    "home", "news", "world", "politics", "business", "economy", "sport", "sports",
    "opinion", "culture", "science", "technology", "tech", "health", "travel", "video",
    "videos", "podcasts", "live", "weather", "local", "national", "international",
    "lifestyle", "entertainment", "subscribe", "sign in", "sign up", "log in", "login",
    "log out", "register", "my account", "account", "menu", "search", "share", "share this",
    "newsletter", "newsletters", "more", "contact", "contact us", "about", "about us",
    "skip to content", "skip to main content", "advertise", "accept cookies", "cookies",
    "cookie settings", "privacy", "privacy policy", "terms", "print", "email", "e-mail",
    "facebook", "twitter", "linkedin", "whatsapp", "instagram", "youtube", "read more",
    "related", "most read", "top stories", "latest", "trending", "follow us", "donate",
    "back to top", "next", "previous", "comments", "subscribe now", "close",
), key=len, reverse=True)
_MENU = re.compile(r"(?:\b(?:" + "|".join(re.escape(p) for p in _MENU_PHRASES)
                   + r")\b[\s|•·,]*)+", re.IGNORECASE)
_ADVERT_LABELS = frozenset({
    "advertisement", "advertising", "sponsored", "sponsored content", "ad", "promoted",
    "paid content", "partner content", "anzeige",
})
# An advert after its label is a few lines; a longer paragraph is the article again.
_ADVERT_MAX_LINES = 3
_ZONE = 2  # lines at the top and at the bottom of a page where headers and footers sit
_MENU_RUN = 3
_MARGIN_GAP = 1.6  # in line heights; lines within a paragraph sit about 1.2 apart
_SAME_HEIGHT = 3.0  # points: a running header sits at one height on every page
_FOOTER_WORDS = 12
# "... Page 3", "... page 3 of 5", or a browser's "https://... 1/3".
_FOOTER_PAGE = re.compile(r"(?:\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\s\d{1,4}\s*/\s*\d{1,4})"
                          r"\W*$", re.IGNORECASE)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.fullmatch(text))


def is_menu(text: str) -> bool:
    """A line made only of menu words, or a list of three or more short separated items."""
    if _MENU.fullmatch(text.strip(" •·|")):
        return True
    if not any(mark in text for mark in _SEPARATOR_MARKS):
        return False
    items = [item for item in _SEPARATORS.split(text) if item]
    return len(items) >= 3 and all(_short(item) for item in items)


def is_advert_label(text: str) -> bool:
    return text.strip(" -–—:[]()").lower() in _ADVERT_LABELS


def _short(text: str, words: int = 3) -> bool:
    return len(text.split()) <= words and not text.endswith(_SENTENCE_END)


def _bulleted_short(text: str) -> str | None:
    """The words after a bullet when the line is a bullet and at most three words."""
    match = _BULLET.match(text)
    if not match:
        return None
    rest = text[match.end():]
    return rest if _short(rest) else None


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def furniture(pages: Sequence[Sequence[Line]]) -> list[list[bool]]:
    """For each page, for each line: True where the line is page furniture."""
    margins = [_margin_lines(page) for page in pages]
    running = _running_lines(pages, margins)
    marks: list[list[bool]] = []
    for number, page in enumerate(pages):
        lines = [line.text for line in page]
        marks.append([is_page_number(text) or is_menu(text) or (number, index) in running
                      or bool(_BULLET.fullmatch(text))  # a bullet whose item is elsewhere
                      or (index in margins[number] and index > len(lines) // 2
                          and _ends_in_page_number(text))
                      for index, text in enumerate(lines)])
        _mark_bullet_menus(lines, marks[-1])
    return marks


def _margin_lines(page: Sequence[Line]) -> set[int]:
    """Indexes of the lines set apart above or below the page's text block, as headers and
    footers are: among the first and last few lines, with a wide gap towards the body."""
    found: set[int] = set()
    count = len(page)
    for index in range(min(_ZONE, count)):  # top: a gap between this line and the body
        if any(_gap(page[j], page[j + 1]) for j in range(index, min(_ZONE, count - 1))):
            found.add(index)
    for index in range(max(0, count - _ZONE), count):  # bottom, likewise
        if any(_gap(page[j - 1], page[j]) for j in range(max(1, count - _ZONE), index + 1)):
            found.add(index)
    return found


def _gap(above: Line, below: Line) -> bool:
    return above.bottom - below.bottom > _MARGIN_GAP * max(above.size, below.size)


def _ends_in_page_number(text: str) -> bool:
    return len(text.split()) <= _FOOTER_WORDS and bool(_FOOTER_PAGE.search(text))


def _running_lines(pages: Sequence[Sequence[Line]],
                   margins: list[set[int]]) -> set[tuple[int, int]]:
    """(page, line) of margin lines that recur on other pages at the same height."""
    where: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    for number, page in enumerate(pages):
        for index in margins[number]:
            where[_key(page[index].text)].append((number, index, page[index].bottom))
    running: set[tuple[int, int]] = set()
    for places in where.values():
        places.sort(key=lambda place: place[2])  # by height: a match is a neighbour
        for (page_a, index_a, low), (page_b, index_b, high) in zip(places, places[1:]):
            if page_a != page_b and high - low <= _SAME_HEIGHT:
                running.update({(page_a, index_a), (page_b, index_b)})
    return running


def _mark_bullet_menus(lines: Sequence[str], marks: list[bool]) -> None:
    """Short bulleted lines in a run of three, or naming a menu word, are a drawn menu."""
    short = [_bulleted_short(t) for t in lines]
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and short[end] is not None:
            end += 1
        # Digits mark a list of facts ("• Inflation 4 %"), not of places to go.
        menu_run = end - index >= _MENU_RUN and not any(
            ch.isdigit() for item in short[index:end] for ch in item or "")
        for i in range(index, end):
            if menu_run or is_menu(short[i] or ""):
                marks[i] = True
        index = end + 1


def drop_adverts(paragraphs: list[list[Item]], text_of) -> tuple[list[list[Item]], int]:
    """Paragraphs without advert labels and the short block each labels; lines dropped."""
    kept: list[list[Item]] = []
    dropped = 0
    skip_next = False
    for paragraph in paragraphs:
        first = text_of(paragraph[0])
        if skip_next and len(paragraph) <= _ADVERT_MAX_LINES:
            dropped += len(paragraph)
            skip_next = False
            continue
        skip_next = False
        if is_advert_label(first):
            dropped += 1
            rest = paragraph[1:]
            if not rest:
                skip_next = True  # the label stands alone; the advert is the next block
            elif len(rest) <= _ADVERT_MAX_LINES:
                dropped += len(rest)
            else:
                kept.append(rest)
            continue
        kept.append(paragraph)
    return kept, dropped
