"""What a hand-marked claim most likely is: its cue (the reporting verb or noun of the
sentence that governs the selection), its source actor (the cue's subject, not the nearest
name) and the stance the cue reports. Word heuristics on the sentence, no parser: the window
must not load spaCy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_app.domain.cue_lexicon import cue_stance
from briefing_app.domain.model import Briefing

_WORD = re.compile(r"[\w’'-]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
# A clause boundary the subject of a cue does not reach across.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|as)\s")


@dataclass
class CueWord:
    start: int
    end: int
    lemma: str
    stance: str


@dataclass
class ClaimGuess:
    """The dialog's pre-picks; `cues` are the sentence's lexicon words, likeliest first."""

    cues: list[CueWord] = field(default_factory=list)
    actor_id: str | None = None
    source_span: tuple[int, int] | None = None

    @property
    def cue(self) -> CueWord | None:
        return self.cues[0] if self.cues else None

    @property
    def stance(self) -> str:
        return self.cue.stance if self.cue else ""


def sentence_around(text: str, para: tuple[int, int], start: int, end: int
                    ) -> tuple[int, int]:
    """The sentence(s) of the paragraph holding [start, end)."""
    left, right = para
    for match in _SENTENCE_END.finditer(text, para[0], para[1]):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end - 1:
            right = match.end()
            break
    return left, right


def cue_words(text: str, sentence: tuple[int, int], start: int, end: int) -> list[CueWord]:
    """The lexicon's cue words of the sentence outside the selection, nearest first; a cue
    before the selection wins a tie ("X warned that ..." reads left to right)."""
    found = []
    for match in _WORD.finditer(text, *sentence):
        if start <= match.start() < end:
            continue
        hit = cue_stance(match.group())
        if hit:
            found.append(CueWord(match.start(), match.end(), *hit))
    return sorted(found, key=lambda c: (max(start - c.end, c.start - end), c.start > start))


def _mentions(briefing: Briefing, source_id: str, lo: int, hi: int, skip: tuple[int, int]):
    """(start, end, actor id) of the actors' mentions within [lo, hi), outside `skip`."""
    return sorted((m.start, m.end, a.id) for a in briefing.actors for m in a.mentions
                  if m.source_id == source_id and lo <= m.start and m.end <= hi
                  and not (skip[0] <= m.start < skip[1]))


def subject_of(briefing: Briefing, source_id: str, cue: CueWord, sentence: tuple[int, int],
               selection: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
    """The actor whose mention is the cue's subject: the nearest one before the cue in its
    clause ("President Kovac cautioned Borduria": Kovac, not Borduria, the object); after
    the cue only for "according to X" or an inverted "..., said Kovac"."""
    text = briefing.source(source_id).text
    clause_start = sentence[0]
    for match in _CLAUSE_BREAK.finditer(text, sentence[0], cue.start):
        if match.end() <= cue.start and not selection[0] <= match.start() < selection[1]:
            clause_start = max(clause_start, match.end())
    before = _mentions(briefing, source_id, clause_start, cue.start, selection)
    if before and cue.lemma != "according":
        start, end, actor_id = before[-1]
        return actor_id, (start, end)
    after_cue = cue.lemma == "according" or cue.start >= selection[1]
    after = _mentions(briefing, source_id, cue.end, sentence[1], selection) if after_cue else []
    if after:
        start, end, actor_id = after[0]
        return actor_id, (start, end)
    return None


def guess_claim(briefing: Briefing, source_id: str, start: int, end: int) -> ClaimGuess:
    """The pre-picks for marking [start, end) of the source as a claim."""
    source = briefing.source(source_id)
    number = source.paragraph_of(start)
    para = source.paragraphs[number - 1] if number else (0, len(source.text))
    sentence = sentence_around(source.text, para, start, end)
    guess = ClaimGuess(cue_words(source.text, sentence, start, end))
    if guess.cue:
        found = subject_of(briefing, source_id, guess.cue, sentence, (start, end))
        if found:
            guess.actor_id, guess.source_span = found
    return guess
