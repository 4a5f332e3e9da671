"""Find the publication date an article prints near its top ("4 March 2025", "March 4,
2025", "2025-03-04"), for files whose own dates describe the file, not the article.

Only unambiguous forms are read: a month written as a word, or the ISO order. "04/03/2025"
is the 4th of March in Europe and the 3rd of April in the United States, so it is left.
Only where a publication date stands: on a short line (a byline, a dateline, "Updated
...") or at the start of a line ("KLOW, 4 March 2025 -"); a date deep inside a line of
prose is a date the article talks about, not the day it appeared.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SHORT_LINE_WORDS = 15
_LINE_START = 40  # characters: a dateline's date comes before the story

_FORMS = [re.compile(pattern, re.IGNORECASE) for pattern in (
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b",
    rf"\b{_MONTH}\s+{_DAY}\s*,?\s+{_YEAR}\b",
    r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)",
)]


def printed_date(lines: Iterable[str]) -> str:
    """The first real date in `lines` as YYYY-MM-DD, or "" when they print none."""
    for line in lines:
        found = []
        short = len(line.split()) <= _SHORT_LINE_WORDS
        for form in _FORMS:
            found += [match for match in form.finditer(line)
                      if _date(match) and (short or match.start() < _LINE_START)]
        if found:
            return _date(min(found, key=lambda match: match.start()))
    return ""


def _date(match: re.Match) -> str:
    month = match["month"]
    number = int(month) if month.isdigit() else _MONTHS[month.lower()]
    try:
        return datetime.date(int(match["year"]), number, int(match["day"])).isoformat()
    except ValueError:  # "31 February 2025" is no date
        return ""
