"""Map Python code-point offsets in a source's text to Qt document positions and back.

Qt counts UTF-16 code units (a character beyond U+FFFF takes two) and turns CRLF into one
block separator, while the engine counts code points in the raw text. Only those two cases
move positions apart, so the map stores just the offsets where they occur and bisects.
"""

from __future__ import annotations

import bisect
import re

# Each event: (code-point offset, +1 for an astral character, -1 for the LF of a CRLF).
_EVENTS = re.compile("[\U00010000-\U0010ffff]|\r\n")
_BLOCK_BREAK = re.compile("\r\n|[\r\n\u2029]")


_last: tuple[str, OffsetMap] | None = None  # the map made last, for the text it was made of


def offset_map(text: str) -> OffsetMap:
    """The map of `text`, made once: a reader thread makes it for a long article it has just
    read (~10 ms at 100,000 words), so the GUI thread only picks it up when it shows it."""
    global _last
    last = _last  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is text:
        return last[1]
    made = OffsetMap(text)
    if text:  # an empty view in between (the source list changing) must not evict it
        _last = (text, made)
    return made


class OffsetMap:
    """Converts between code points of `text` and positions in a QTextDocument holding it."""

    def __init__(self, text: str):
        self.length = len(text)
        self._cp: list[int] = []  # code-point offsets after which the shift changes
        self._shift: list[int] = []  # cumulative qt - cp shift from that offset on
        self._qt: list[int] = []  # the Qt position of each such offset
        shift = 0
        for match in _EVENTS.finditer(text):
            if match.group() == "\r\n":
                boundary, shift = match.start() + 2, shift - 1
            else:
                boundary, shift = match.start() + 1, shift + 1
            self._cp.append(boundary)
            self._shift.append(shift)
            self._qt.append(boundary + shift)
        self.block_starts = [0] + [m.end() for m in _BLOCK_BREAK.finditer(text)]

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point `offset` (the LF of a CRLF maps past the separator)."""
        index = bisect.bisect_right(self._cp, offset) - 1
        return offset + (self._shift[index] if index >= 0 else 0)

    def to_cp(self, position: int) -> int:
        """The code-point offset of Qt `position` (a block separator maps to its CR)."""
        index = bisect.bisect_right(self._qt, position) - 1
        if index < 0:
            return position
        return min(position - self._shift[index], self.length)

    def block_of(self, offset: int) -> int:
        """The number of the Qt block (line) that holds code-point `offset`."""
        return bisect.bisect_right(self.block_starts, offset) - 1
