"""Whether two claims assert the same thing, contradict each other, or neither.

Two claims assert the same proposition when their content words overlap enough (stems, so
paraphrases meet) and, for a looser overlap, when the same actor makes both. They
contradict each other when they assert the same content with opposite polarity: one is a
denial ("the ministry denied that ...", "officials disputed ...") or negates it
("X did not ...") and the other does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.domain.content_words import content_stems, negated, tokens

SAME = "same_proposition"
CONTRADICTION = "contradiction"
# Cues that deny or dispute what follows them: the claim's polarity is the opposite of
# its content's.
DENIAL_CUES = frozenset(
    "deny denies denied denying dispute disputes disputed disputing reject rejects rejected "
    "rejecting refute refutes refuted dismiss dismisses dismissed contradict contradicts "
    "contradicted rebut rebuts rebutted".split())
# Content words that call the reported thing untrue ("called the report false").
FALSITY = frozenset("false untrue baseless fabricated unfounded lie lies hoax".split())
_PRONOUNS = frozenset("i you he she it we they him her them his its their this that who "
                      "the a an".split())

# Chosen on the tune-split benchmark (benchmarks/corroboration.py); see its docstring.
MIN_SHARED = 3
MIN_DICE = 0.5
MIN_SHARED_SAME_ACTOR = 2
MIN_DICE_SAME_ACTOR = 0.4


@dataclass(frozen=True)
class ClaimFacts:
    """What comparing a claim needs: its content stems, its polarity and who makes it."""

    stems: frozenset[str]
    negative: bool
    actor_id: str | None = None
    actor_words: frozenset[str] = frozenset()
    wording: tuple[str, ...] = ()  # all its words, for copies too short to have two stems


def facts(content: str, cue: str = "", stance: str = "", actor_id: str | None = None,
          actor_name: str = "") -> ClaimFacts:
    """The comparable facts of one claim from its words, cue, stance and source actor."""
    denial = stance == "deny" or any(w in DENIAL_CUES for w in tokens(cue))
    words = set(tokens(content))
    untrue = bool(words & FALSITY)
    return ClaimFacts(
        stems=content_stems(content) - FALSITY,
        negative=(negated(content) or untrue) != denial,
        actor_id=actor_id,
        actor_words=frozenset(w for w in tokens(actor_name) if w not in _PRONOUNS),
        wording=tuple(tokens(content)),
    )


def same_actor(a: ClaimFacts, b: ClaimFacts) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return bool(a.actor_words & b.actor_words)


def related_content(a: ClaimFacts, b: ClaimFacts) -> bool:
    """True when the two contents say the same thing, whatever their polarity."""
    if len(a.wording) >= 3 and a.wording == b.wording:
        return True  # word for word: a copy, however short
    shared = len(a.stems & b.stems)
    if not shared:
        return False
    if a.stems == b.stems and shared >= 2:
        return True  # the same words: a copy, however short
    dice = 2 * shared / (len(a.stems) + len(b.stems))
    if shared >= MIN_SHARED and dice >= MIN_DICE:
        return True
    return shared >= MIN_SHARED_SAME_ACTOR and dice >= MIN_DICE_SAME_ACTOR and same_actor(a, b)


def relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """SAME, CONTRADICTION or '' (related but different, or unrelated)."""
    if not related_content(a, b):
        return ""
    return CONTRADICTION if a.negative != b.negative else SAME
