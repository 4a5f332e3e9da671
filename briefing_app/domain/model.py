"""The domain's dataclasses: what a briefing is made of, with no Qt and no spaCy.

Offsets are Python str indices into the owning Source's text. Every object that the
analyst can touch carries an id, because undo commands refer to objects by id, never by row.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

ACTOR_KINDS = ("person", "organisation", "state", "group", "unnamed")
CLAIM_KINDS = ("direct_quote", "reported", "according_to", "hedged_assertion", "assertion")
STANCES = ("assert", "warn", "deny", "accuse", "commit", "threaten", "question", "believe")
REVIEW_STATES = ("machine", "accepted", "edited", "rejected")
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = ("1", "2", "3", "4", "5", "6")
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_WORDS = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
# US ICD 203 likelihood words, in increasing order, with their ranges.
LIKELIHOODS = {
    "almost no chance": "1-5 %",
    "very unlikely": "5-20 %",
    "unlikely": "20-45 %",
    "roughly even chance": "45-55 %",
    "likely": "55-80 %",
    "very likely": "80-95 %",
    "almost certain": "95-99 %",
}
CONFIDENCES = ("low", "moderate", "high")
STATUSES = ("unverified", "corroborated", "disputed", "false")
HANDLING_MARKS = ("TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR")


@dataclass
class Span:
    """A stretch of a source's text; `segments` holds the pieces of a split span."""

    start: int
    end: int
    segments: list[tuple[int, int]] | None = None

    def pieces(self) -> list[tuple[int, int]]:
        return list(self.segments) if self.segments else [(self.start, self.end)]

    def text(self, source_text: str) -> str:
        return " ... ".join(source_text[s:e] for s, e in self.pieces())


@dataclass
class Source:
    """One article: its text, paragraph boundaries and bibliographic metadata."""

    id: str
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    accessed: str = ""
    path: str = ""
    sha256: str = ""
    format: str = "txt"
    notes: list[str] = field(default_factory=list)

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding `offset` (0 when there are none); an
        offset between two paragraphs counts as the next one, past the last as the last."""
        # Paragraphs are in order and do not overlap: the first one ending at or after
        # `offset` holds it (a binary search; long articles have thousands of paragraphs).
        index = bisect.bisect_left(self.paragraphs, offset, key=lambda bounds: bounds[1])
        return min(index + 1, len(self.paragraphs))


@dataclass
class Mention:
    """One occurrence of an actor in a source."""

    source_id: str
    start: int
    end: int


@dataclass
class Actor:
    """Whoever acts or speaks; one actor, many mentions, possibly across sources."""

    id: str
    name: str
    kind: str = "person"
    role: str = ""
    affiliation: str = ""
    note: str = ""
    mentions: list[Mention] = field(default_factory=list)
    review: str = "machine"
    included: bool = True
    # What side effects (a merge, a re-analysis) changed while the item was unreviewed, in
    # words: the analyst sees why an unchecked item differs from what the engine found.
    changed_by: list[str] = field(default_factory=list)
    # The engine's belief (0..1) that this is a real actor of this kind, and its reasons
    # for doubt (codes in domain/flags.py); None for actors the analyst added by hand.
    confidence: float | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class Rating:
    """The analyst's judgement of a claim: Admiralty code, likelihood word, status."""

    reliability: str = ""
    credibility: str = ""
    likelihood: str = ""
    status: str = "unverified"

    @property
    def admiralty(self) -> str:
        return f"{self.reliability or '?'}{self.credibility or '?'}" if (
            self.reliability or self.credibility) else ""


@dataclass
class Claim:
    """An attribution: who (source span, actor) says (cue) what (content), and how surely."""

    id: str
    source_id: str
    kind: str
    content: Span
    source_span: Span | None = None
    cue: Span | None = None
    stance: str = ""
    actor_id: str | None = None
    hedges: list[Span] = field(default_factory=list)
    paragraph: int = 0
    rating: Rating = field(default_factory=Rating)
    comment: str = ""
    review: str = "machine"
    included: bool = True
    changed_by: list[str] = field(default_factory=list)  # as Actor.changed_by
    # Where the engine found it ("rules", "tagger", "both"; "" when marked by hand), its
    # calibrated chance (0..1) of being a real attribution with the right source, and the
    # reasons a reviewer should look twice (codes in domain/flags.py).
    origin: str = ""
    confidence: float | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        # Written out, not min() over _parts(): the briefing sorts its claims by it, five
        # thousand at a time on the GUI thread when a long article's analysis lands.
        start = self.content.start
        for part in (self.source_span, self.cue):
            if part is not None and part.start < start:
                start = part.start
        return start

    @property
    def end(self) -> int:
        return max(s.end for s in self._parts())

    def _parts(self) -> list[Span]:
        return [p for p in (self.content, self.source_span, self.cue) if p is not None]

    def words(self, text: str) -> str:
        """The content on one line, without the quotation marks the article put around it
        (the window and the briefing add their own to direct quotes only) and without the
        comma a quotation ends on when its attribution follows ('..., she said')."""
        words = " ".join(self.content.text(text).split()).strip("\"“”")
        return words.rstrip(",;: ")


@dataclass
class Note:
    """An analyst note, anchored on a stretch of a source (or free when source_id is empty)."""

    id: str
    text: str
    source_id: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Judgment:
    """A key judgment: an analyst statement with a likelihood word and a confidence."""

    id: str
    text: str
    likelihood: str = ""
    confidence: str = ""


@dataclass
class PipelineInfo:
    """Which spaCy pipeline produced an analysis."""

    name: str = ""
    version: str = ""
    spacy_version: str = ""


@dataclass
class Analysis:
    """What the engine found in one source: plain data, no spaCy objects."""

    source_id: str
    sha256: str
    pipeline: PipelineInfo
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Briefing:
    """Everything the analyst is building: sources, the actor register, claims and prose."""

    title: str = ""
    author: str = ""
    mark: str = "TLP:AMBER"
    bluf: str = ""
    judgments: list[Judgment] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pipeline: PipelineInfo = field(default_factory=PipelineInfo)
    created: str = ""

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def quoted_count(self, actor_id: str) -> int:
        return sum(1 for c in self.claims if c.actor_id == actor_id and c.review != "rejected")
