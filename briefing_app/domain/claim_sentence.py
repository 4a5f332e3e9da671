"""A claim written as the sentence an analyst would write, built from its parts.

"Anna Kovac cautioned Borduria against closing the strait to tankers." The words of the
content are the article's, untouched: only the glue around them is ours (the speaker's name,
the article's own words between speaker, cue and content, an ellipsis, a full stop). A direct
quote keeps its quotation marks and its speaker; reported speech never gets quotation marks
of ours; the author's own assertions read as written; a hedge stays in the sentence and is
named again in the attribution line after it.

The export and the clipboard both write `claim_sentence(...)`, so a claim reads the same in
the briefing and in an e-mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.domain.model import LIKELIHOODS, Actor, Claim, Span

_OPENING = "\"“„«‘'"
_CLOSING = "\"”»’'"
_QUOTES = "\"“”„«»"
_TRAILING = ",;: "
_ENDS = ".!?…"
# Article words the sentence may borrow between its parts, and back to the sentence start
# when the claim begins mid-sentence: more would be another sentence of the article.
_MAX_GLUE_WORDS = 8
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")

_PRONOUNS = frozenset("he she it they we i him her them us".split())
_POSSESSIVES = frozenset("his its their our".split())

# Roles of the pieces of a sentence: the writers style them (the speaker in bold in HTML).
SPEAKER, CONTENT, WORDS = "speaker", "content", "words"


@dataclass(frozen=True)
class ClaimSentence:
    """The sentence as (text, role) pieces, and what kind of speech it renders."""

    pieces: tuple[tuple[str, str], ...]
    quoted: bool  # a direct quote, in quotation marks
    speaker: str  # who is named as saying it ("" for the author or nobody named)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> int:
    return len(text.split())


def speaker_of(claim: Claim, actor: Actor | None, text: str) -> str:
    """Who the sentence names: the article's words, unless they name nobody in full.

    "she" or "Kovac" become "Anna Kovac" ("its" becomes "the Commission's"); "Port Authority
    chief executive Maria Lind", "Washington" or "officials at the transport ministry" stay
    as the article wrote them, since they say more than the register's name.
    """
    said = _one_line(claim.source_span.text(text)) if claim.source_span else ""
    if actor is None or actor.kind == "unnamed" or not actor.name.strip():
        return said
    name = _one_line(actor.name)
    word = said.lower()
    if word in _POSSESSIVES:
        return f"{name}’s"
    if not said or word in _PRONOUNS or word in name.lower().split():
        return name
    return said


def is_direct_quote(claim: Claim, text: str) -> bool:
    """A direct quote the article put in quotation marks: a 'direct quote' whose content is
    reported words with a quoted phrase in them is reported speech, never dressed as a quote."""
    if claim.kind != "direct_quote":
        return False
    content = claim.content.text(text).lstrip()
    before = text[:claim.content.start].rstrip()
    return content[:1] in _OPENING or before[-1:] in _OPENING


def claim_sentence(claim: Claim, text: str, actor: Actor | None = None) -> ClaimSentence:
    """The claim as one sentence; `actor` is its source actor as the briefing shows it."""
    speaker = speaker_of(claim, actor, text)
    if is_direct_quote(claim, text):
        return _quote(claim, text, speaker)
    pieces = _as_written(claim, text, speaker) or _composed(claim, text, speaker)
    pieces = _opened(pieces, claim, text)
    return ClaimSentence(tuple(_closed(pieces)), False, speaker)


def _quote(claim: Claim, text: str, speaker: str) -> ClaimSentence:
    parts = []
    for start, end in claim.content.pieces():
        part = _one_line(text[start:end]).strip(_QUOTES).rstrip(_TRAILING).rstrip(_QUOTES)
        if part:
            parts.append(part)
    quote = " ... ".join(parts)
    if not speaker:
        end = "" if quote[-1:] in _ENDS else "."
        return ClaimSentence((("“", WORDS), (quote + end, CONTENT), ("”", WORDS)), True, "")
    # '"We are ready," the minister said.': a final full stop becomes the comma that leads
    # to the speaker, as in the article; a question or exclamation mark stays.
    mark = ","
    if quote[-1:] == ".":
        quote = quote[:-1]
    elif quote[-1:] in "?!…":
        mark = ""
    cue = _one_line(claim.cue.text(text)) if claim.cue else "said"
    return ClaimSentence((("“", WORDS), (quote, CONTENT), (f"{mark}” ", WORDS),
                          (speaker, SPEAKER), (f" {cue}.", WORDS)), True, speaker)


def _parts(claim: Claim) -> list[tuple[int, int, str]]:
    """(start, end, role) of every part in the article, content pieces included."""
    found = [(s, e, CONTENT) for s, e in claim.content.pieces()]
    if claim.source_span is not None:
        found.append((claim.source_span.start, claim.source_span.end, SPEAKER))
    spans: list[Span] = [s for s in [claim.cue, *claim.hedges] if s is not None]
    found += [(s, e, WORDS) for span in spans for s, e in span.pieces()]
    return sorted(found)


def _as_written(claim: Claim, text: str, speaker: str) -> list[tuple[str, str]] | None:
    """The article's own stretch from the first part to the last, the speaker named, when the
    parts sit close together in one sentence; None when they do not."""
    parts = _parts(claim)
    low, high = parts[0][0], max(e for _, e, _ in parts)
    if _PARAGRAPH_BREAK.search(text, low, high):
        return None
    pieces: list[tuple[str, str]] = []
    at, glue = low, 0
    for start, end, role in parts:
        if start > at:
            gap = text[at:start]
            if _SENTENCE_END.search(gap):
                return None
            glue += _words(gap)
            pieces.append((gap, WORDS))
        if end <= at:
            continue
        start = max(start, at)
        if role == SPEAKER and speaker and start == claim.source_span.start:
            pieces.append((speaker, SPEAKER))
            # A speaker span holding a cue or hedge ("she reportedly said") keeps them.
            at = claim.source_span.end
            continue
        pieces.append((text[start:end], CONTENT if role == CONTENT else WORDS))
        at = end
    if glue > _MAX_GLUE_WORDS:
        return None
    return [(_one_line_keep_edges(t), role) for t, role in pieces]


def _one_line_keep_edges(piece: str) -> str:
    # Whitespace inside a piece is folded; a piece that is only a gap stays one space.
    folded = " ".join(piece.split())
    if not folded:
        return " " if piece else ""
    lead = " " if piece[:1].isspace() else ""
    tail = " " if piece[-1:].isspace() else ""
    return lead + folded + tail


def _composed(claim: Claim, text: str, speaker: str) -> list[tuple[str, str]]:
    """Speaker, cue and content put together when the article has them far apart."""
    content = [(_content(claim, text), CONTENT)]
    cue = _one_line(claim.cue.text(text)) if claim.cue else ""
    if not speaker:
        return content
    if claim.kind == "according_to" or cue.lower() == "according to":
        return [("According to ", WORDS), (speaker, SPEAKER), (", ", WORDS), *content]
    return [(speaker, SPEAKER), (f" {cue or 'said'} ", WORDS), *content]


def _content(claim: Claim, text: str) -> str:
    return " ... ".join(_one_line(text[s:e]) for s, e in claim.content.pieces())


def _opened(pieces: list[tuple[str, str]], claim: Claim, text: str) -> list[tuple[str, str]]:
    """A capital to start: a speaker's may be raised; the article's other words never are,
    so a claim that starts mid-sentence borrows the few words before it from the article,
    or opens with an ellipsis."""
    pieces = [(t.lstrip() if i == 0 else t, role) for i, (t, role) in enumerate(pieces)]
    first, role = pieces[0]
    if not first[:1].islower():
        return pieces
    if role == SPEAKER or (role == WORDS and first.startswith("according to")):
        return [(first[:1].upper() + first[1:], role), *pieces[1:]]
    low = _parts(claim)[0][0]
    line_start = text.rfind("\n", 0, low) + 1
    ends = list(_SENTENCE_END.finditer(text, line_start, low))
    start = ends[-1].end() if ends else line_start
    lead = text[start:low]
    if (lead.strip() and not lead.lstrip()[:1].islower() and _words(lead) <= _MAX_GLUE_WORDS
            and lead.lstrip()[:1] not in _QUOTES):
        return [(_one_line_keep_edges(lead).lstrip(), WORDS), *pieces]
    return [("… ", WORDS), *pieces]


def _closed(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last, role = pieces[-1]
    last = last.rstrip(_TRAILING)
    core = last.rstrip(_CLOSING)
    end = "" if core[-1:] in _ENDS else "."
    return [*pieces[:-1], (last, role), *([(end, WORDS)] if end else [])]


# ---------------------------------------------------------------- attribution
def attribution_line(claim: Claim, text: str, sentence: ClaimSentence) -> str:
    """What kind of speech it is and its hedges, in plain words, starting with a capital:
    'Reported speech, hedged (“reportedly”).' Every hedge is named, none dropped."""
    if sentence.quoted:
        what = "Direct quote" if sentence.speaker else "Direct quote, speaker not named"
    elif claim.kind == "direct_quote":
        what = "Reported speech, partly quoted"
    elif sentence.speaker:
        what = "Reported speech"
    elif claim.kind in ("assertion", "hedged_assertion") or claim.cue is None:
        what = "The author's own assertion"
    else:
        what = "Reported, no source named"
    hedges = list(dict.fromkeys(_one_line(h.text(text)) for h in claim.hedges))
    if hedges:
        what += ", hedged (" + ", ".join(f"“{h}”" for h in hedges if h) + ")"
    return what + "."


def rating_line(claim: Claim) -> str:
    """'Rated B2, likely, unverified.' or 'Not rated; unverified.'"""
    rating = claim.rating
    rated = [p for p in (rating.admiralty, rating.likelihood) if p]
    if rated:
        return "Rated " + ", ".join([*rated, rating.status]) + "."
    return f"Not rated; {rating.status}."


def judgment_label(likelihood: str, confidence: str) -> str:
    """'Likely (55-80 %) · moderate confidence': a key judgment's label, beside its text."""
    parts = []
    if likelihood in LIKELIHOODS:
        parts.append(f"{likelihood} ({LIKELIHOODS[likelihood]})")
    if confidence:
        parts.append(f"{confidence} confidence")
    label = " · ".join(parts)
    return label[:1].upper() + label[1:]
