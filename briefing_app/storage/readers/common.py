"""What every loader shares: paragraph offsets, size limits, the English check, Source building."""

from __future__ import annotations

import datetime
import hashlib
import re

from briefing_app.domain.model import Source
from briefing_app.errors import LoadError

DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_CHARS = 2_000_000

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


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LoadError(
            f"{name} is larger than the {max_bytes / 1_000_000:g} MB input limit "
            "(setting: max_input_mb); split it or raise the limit in Settings."
        )


def check_chars(name: str, text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise LoadError(
            f"{name} has {len(text):,} characters, more than the {max_chars:,}-character limit "
            "(setting: max_text_chars); split the article or raise the limit in Settings."
        )


def first_line_title(text: str, limit: int = 200) -> str:
    """The first non-empty line, without Markdown heading marks, cut to `limit` characters."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:limit]
    return ""


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
