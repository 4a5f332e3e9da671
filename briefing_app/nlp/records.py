"""The engine's internal record of one attribution, in absolute character offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

Seg = tuple[int, int]


@dataclass
class RawClaim:
    """One attribution found in a paragraph, in absolute character offsets."""

    content: list[Seg]
    cue: list[Seg] | None
    source: list[Seg] | None
    stance: str
    kind: str
    cue_lemma: str = ""
    source_root: int | None = None  # char offset of the source's head word
    source_is_pronoun: bool = False
    # The subject rule that found a cue verb's speaker (nlp/subjects.py), "" otherwise.
    source_by: str = ""
    hedges: list[Seg] = field(default_factory=list)
    origin: str = "rules"  # "rules", "tagger" or "both" (nlp/combine.py)
    # The tagger's mean content probability over the content's words; None without a tagger.
    support: float | None = None
    # The tagger's highest source probability over the source's words; None without a
    # tagger or a source, or when the source lies outside the piece the tagger read.
    source_support: float | None = None
    # The tagger's highest source probability over the cue sentence's other words.
    rival_support: float | None = None
