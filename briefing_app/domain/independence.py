"""Which sources of a briefing confirm each other independently, and which do not.

Two articles of the same outlet, or a wire story that a second outlet republished (nearly
the same text), are one voice, not two. A claim that cites a news agency ("according to
Reuters") repeats that agency's report: two such claims are one confirmation, whoever
printed them.
"""

from __future__ import annotations

from briefing_app.domain.content_words import tokens
from briefing_app.domain.model import Briefing, Source

# Word 5-grams shared by two texts: an edited copy of a wire story keeps most of them,
# two reports of the same event in their own words keep almost none.
SHINGLE = 5
COPY_SHARE = 0.5
NEWS_AGENCIES = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse",
    "bloomberg", "xinhua", "tass", "interfax", "dpa", "efe", "ansa", "kyodo", "yonhap",
    "press association", "pa", "united press international", "upi", "anadolu",
})


def outlet_key(source: Source) -> str:
    return " ".join(source.outlet.casefold().split())


def shingles(text: str) -> frozenset[int]:
    words = tokens(text)
    return frozenset(hash(tuple(words[i:i + SHINGLE]))
                     for i in range(max(len(words) - SHINGLE + 1, 0)))


def republished(a: frozenset[int], b: frozenset[int]) -> bool:
    """True when the shorter text shares at least half its 5-grams with the other: one is
    a (possibly trimmed or re-headlined) copy of the other."""
    if not a or not b:
        return False
    return len(a & b) >= COPY_SHARE * min(len(a), len(b))


class Voices:
    """Sources grouped into voices: sources of one outlet, or copies of one text, are one."""

    def __init__(self, briefing: Briefing):
        self.sources = list(briefing.sources)
        self._parent = list(range(len(self.sources)))
        self.reasons: dict[tuple[int, int], str] = {}
        prints = [shingles(s.text) for s in self.sources]
        for i, first in enumerate(self.sources):
            for j in range(i + 1, len(self.sources)):
                second = self.sources[j]
                if outlet_key(first) and outlet_key(first) == outlet_key(second):
                    self._join(i, j, f"same outlet ({first.outlet})")
                elif republished(prints[i], prints[j]):
                    self._join(i, j, "republished copy of the same text")

    def _find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _join(self, i: int, j: int, reason: str) -> None:
        self.reasons[(i, j)] = reason
        self._parent[self._find(j)] = self._find(i)

    def voice(self, index: int) -> int:
        """The voice of the source at `index`: equal for sources that are not independent."""
        return self._find(index)

    def reason(self, i: int, j: int) -> str:
        """Why sources i and j are one voice ('' when they are independent)."""
        if self.voice(i) != self.voice(j):
            return ""
        return self.reasons.get((min(i, j), max(i, j)), "copies of one text")


def cited_agency(name: str) -> str:
    """The news agency a claim's source names ("Reuters", "the Associated Press"), or ''."""
    words = " ".join(tokens(name))
    if words.startswith("the "):
        words = words[4:]
    return words if words in NEWS_AGENCIES else ""
