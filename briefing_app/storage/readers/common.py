"""What every loader shares: paragraph offsets, size limits, the English check, Source building."""

from __future__ import annotations

import datetime
import hashlib
import re

from briefing_app.domain.model import Source
from briefing_app.domain.short_text import TITLE_LIMIT, shortened
from briefing_app.errors import LoadError

# The settings count a megabyte as 1024 * 1024 bytes (Settings.input_limits); so do we.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000
_SIZE_UNITS = ((1024 ** 3, "GB"), (1024 ** 2, "MB"), (1024, "KB"))

# One line with its break; \r alone counts too so old Mac files still get paragraphs.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The most frequent English function words: any English prose is full of them.
_STOPWORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other "
    "new some could time these two may then do first any my now such like our over man me "
    "even most made after also did many before must through back years where much your way "
    "well down should because each just those people how too little state good very make "
    "world still own see men work long get here between both life being under never day "
    "same another know while last might us great old year off come since against go came "
    "right used take three".split()
)
# English prose runs at 40-50 % stopwords by this list; other Latin-script languages
# share a few ("a", "in", "die") and land far below this line.
_MIN_STOPWORD_SHARE = 0.15
_ENGLISH_SAMPLE_CHARS = 20_000
# A full stop, question or exclamation mark followed by a space and a capital or a quote.
_SENTENCE_END = re.compile(r"[.!?](?=[\"”’)]*\s+[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen sen rep gov lt col no vs jr sr prof".split())
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of non-empty paragraphs, trimmed of surrounding whitespace.

    Paragraphs are separated by blank lines; a text without any blank line is taken to
    put one paragraph on each line (pasted text and HTML extractions often look like that).
    """
    lines: list[tuple[int, int]] = []  # (start, end) of each line without its break
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break  # the final empty match
        body = match.group().rstrip("\r\n")
        if body.strip():
            lines.append((match.start(), match.start() + len(body)))
        else:
            lines.append((match.start(), match.start()))  # blank marker
    # Only a blank line between two non-empty lines separates paragraphs.
    filled = [i for i, (start, end) in enumerate(lines) if start != end]
    blank_seen = bool(filled) and any(
        lines[i][0] == lines[i][1] for i in range(filled[0], filled[-1])
    )
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in lines:
        if start == end:  # blank line closes the current paragraph
            if current:
                spans.append(current)
            current = None
        elif not blank_seen:
            spans.append((start, end))
        else:
            current = (current[0], end) if current else (start, end)
    if current:
        spans.append(current)
    return [_trim(text, start, end) for start, end in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def english_note(text: str) -> list[str]:
    """A warning note when the text does not look like English (a stopword-share heuristic)."""
    words = [w.lower() for w in _WORD.findall(text[:_ENGLISH_SAMPLE_CHARS])]
    if len(words) < 20:
        return []  # too little text to judge
    share = sum(1 for w in words if w in _STOPWORDS) / len(words)
    if share >= _MIN_STOPWORD_SHARE:
        return []
    return ["text does not look like English; the pipeline is English-only"]


def format_size(size: int) -> str:
    """A byte count as people say it, in one unit: "50 MB", "1.5 GB", "12 KB", "300 bytes".

    Every size in a reader's message goes through here, so all of them read alike.
    """
    for unit, label in _SIZE_UNITS:
        if size >= unit:
            value = size / unit
            # One decimal only where it says something: "1.5 GB", but "50 MB", "120 KB".
            shown = f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:,.0f}"
            return f"{shown} {label}"
    return "1 byte" if size == 1 else f"{size:,} bytes"


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LoadError(
            f"{name} is larger than the {format_size(max_bytes)} input limit "
            "(setting: max_input_mb); split it or raise the limit in Settings."
        )


def check_chars(name: str, text: str, max_chars: int) -> None:
    check_char_count(name, len(text), max_chars)


def check_char_count(name: str, count: int, max_chars: int, *, about: bool = False) -> None:
    """Refuse `count` characters over the limit; `about` when the count is an estimate."""
    if count > max_chars:
        roughly = "about " if about else ""
        raise LoadError(
            f"{name} has {roughly}{count:,} characters, more than the {max_chars:,}-character "
            "limit (setting: max_text_chars); split the article or raise the limit in Settings."
        )


def first_line_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """A plain text's title: its first non-empty line (Markdown heading marks dropped) when
    it is short and reads as a headline, otherwise that line's first sentence, shortened at
    a word boundary with an ellipsis. Never cut inside a word."""
    for line in text.splitlines():
        line = " ".join(line.strip().lstrip("#").split())
        if not line:
            continue
        # A headline has no closing full stop; a line that ends in one is a sentence.
        if len(line) <= limit and not line.endswith("."):
            return line
        return shortened(_first_sentence(line), limit)
    return ""


def _first_sentence(line: str) -> str:
    for match in _SENTENCE_END.finditer(line):
        word = line[:match.start()].rsplit(" ", 1)[-1]
        # "U.S." or "Mr." ends no sentence.
        if word.rstrip(".").lower() not in _ABBREVIATIONS and not _INITIALS.fullmatch(word + "."):
            return line[:match.start() + 1]
    return line


def make_source(
    text: str,
    *,
    digest_of: bytes,
    paragraphs: list[tuple[int, int]] | None = None,
    **fields: object,
) -> Source:
    """Build a Source: id and sha256 from `digest_of`, accessed today, paragraphs if not given."""
    digest = hashlib.sha256(digest_of).hexdigest()
    notes = list(fields.pop("notes", None) or []) + english_note(text)
    return Source(
        id="src" + digest[:10],
        text=text,
        paragraphs=paragraph_spans(text) if paragraphs is None else paragraphs,
        sha256=digest,
        accessed=datetime.date.today().isoformat(),
        notes=notes,
        **fields,  # type: ignore[arg-type]
    )
