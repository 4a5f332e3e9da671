"""Whether two claims assert the same thing, contradict each other, or neither.

Two claims assert the same proposition when their content words overlap enough (stems, so
paraphrases meet) and their source actors are compatible (the same actor, or one unknown);
claims by two different named actors need a closer overlap. They contradict each other when
they share their content with opposite polarity: one is a denial ("the ministry denied that
...", "officials disputed ...") or negates the shared words ("X did not ...") and the other
does not. A negation elsewhere in a long quotation ("... we don't know yet") says nothing
about the shared part, so only one that governs a shared word counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.domain.content_words import NEGATIONS, STOP_WORDS, stem, tokens

SAME = "same_proposition"
CONTRADICTION = "contradiction"
# Cues that deny or dispute what follows them: the claim's polarity is the opposite of
# its content's.
DENIAL_CUES = frozenset(
    "deny denies denied denying dispute disputes disputed disputing reject rejects rejected "
    "rejecting refute refutes refuted dismiss dismisses dismissed contradict contradicts "
    "contradicted rebut rebuts rebutted".split())
# Content words that call the reported thing untrue ("called the report false").
FALSITY = frozenset("false untrue baseless unfounded hoax".split())
# "not only", "not just": a negation that adds rather than denies.
_NOT_NEGATING = frozenset("only just merely".split())
NEGATION_REACH = 4  # content words after a negation that it governs
_CLAUSE = re.compile(r"[.;:!?,()\u2014]|\s-\s|\.\.\.")
_PRONOUNS = frozenset("i you he she it we they him her them his its their this that who "
                      "which the a an one".split())

# Chosen on the tune-split benchmark (benchmarks/corroboration.py); see its docstring.
NAME_WEIGHT = 0.25  # a shared name says who the claims are about, not what they assert
MIN_SHARED = 3.0
MIN_DICE = 0.3
MIN_SHARED_OTHER_ACTOR = 4.0
MIN_DICE_OTHER_ACTOR = 0.6
MIN_CONTRADICTION_SHARED = 3
MIN_CONTRADICTION_DICE = 0.4


@dataclass(frozen=True)
class ClaimFacts:
    """What comparing a claim needs: its content stems, its polarity and who makes it."""

    stems: frozenset[str]
    names: frozenset[str] = frozenset()  # stems of capitalised words inside the content
    negated: frozenset[str] = frozenset()  # stems a negation in the content governs
    denial: bool = False  # a denial cue or stance, or the content calls something untrue
    actor_id: str | None = None
    actor_words: frozenset[str] = frozenset()
    wording: tuple[str, ...] = ()  # all its words, for copies too short to have two stems

    @property
    def negative(self) -> bool:
        """The claim's polarity as a whole: denied, or negated anywhere."""
        return bool(self.negated) != self.denial


def facts(content: str, cue: str = "", stance: str = "", actor_id: str | None = None,
          actor_name: str = "") -> ClaimFacts:
    """The comparable facts of one claim from its words, cue, stance and source actor."""
    raw = content.replace("’", "'").split()
    capitalised = {w.lower().strip("\"'“”.,;:!?()") for w in raw[1:] if w[:1].isupper()}
    stems, names, negated = set(), set(), set()
    # A negation governs the next few content words of its own clause only.
    for clause in _CLAUSE.split(content):
        words, reach = tokens(clause), 0
        for index, word in enumerate(words):
            if word in NEGATIONS:
                following = words[index + 1] if index + 1 < len(words) else ""
                reach = 0 if following in _NOT_NEGATING else NEGATION_REACH
                continue
            if word in STOP_WORDS or len(word) < 2 or word.isdigit() or word in FALSITY:
                continue
            found = stem(word)
            stems.add(found)
            if word in capitalised:
                names.add(found)
            if reach:
                negated.add(found)
                reach -= 1
    words = tokens(content)
    cue_words = tokens(cue)
    # "denied", "did not say", "has no evidence": the cue turns the content around.
    denial = ((stance == "deny" or any(w in DENIAL_CUES for w in cue_words))
              != any(w in NEGATIONS for w in cue_words)) or bool(set(words) & FALSITY)
    return ClaimFacts(
        stems=frozenset(stems), names=frozenset(names), negated=frozenset(negated),
        denial=denial, actor_id=actor_id,
        actor_words=frozenset(w for w in tokens(actor_name) if w not in _PRONOUNS),
        wording=tuple(words),
    )


def same_actor(a: ClaimFacts, b: ClaimFacts) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return bool(a.actor_words & b.actor_words)


def _other_actors(a: ClaimFacts, b: ClaimFacts) -> bool:
    """True when both claims name their actor and the names differ."""
    known = (a.actor_id or a.actor_words) and (b.actor_id or b.actor_words)
    return bool(known) and not same_actor(a, b)


def _weight(stems, names) -> float:
    return sum(NAME_WEIGHT if s in names else 1.0 for s in stems)


def overlap(a: ClaimFacts, b: ClaimFacts) -> tuple[float, float]:
    """(weight of the shared stems, weighted Dice) of the two contents; copies score 1."""
    if len(a.wording) >= 3 and a.wording == b.wording:
        return (float(MIN_SHARED_OTHER_ACTOR), 1.0)  # word for word: a copy, however short
    shared = a.stems & b.stems
    if not shared:
        return (0.0, 0.0)
    names = a.names | b.names
    weight = _weight(shared, names)
    return (weight, 2 * weight / (_weight(a.stems, names) + _weight(b.stems, names)))


def relation(a: ClaimFacts, b: ClaimFacts) -> str:
    """SAME, CONTRADICTION or '' (related but different, or unrelated)."""
    shared = a.stems & b.stems
    # Polarity on what the two share: a negation elsewhere in either claim is not about it.
    a_negative = bool(a.negated & shared) != a.denial
    b_negative = bool(b.negated & shared) != b.denial
    if a_negative != b_negative:
        # A denial names whom it contradicts ("Obama is not admitting Syrian refugees"), so
        # names count in full here; and it comes from the other party as often as not.
        dice = 2 * len(shared) / (len(a.stems) + len(b.stems)) if shared else 0.0
        if len(shared) >= MIN_CONTRADICTION_SHARED and dice >= MIN_CONTRADICTION_DICE:
            return CONTRADICTION
        return ""
    weight, dice = overlap(a, b)
    if _other_actors(a, b):
        wanted = (MIN_SHARED_OTHER_ACTOR, MIN_DICE_OTHER_ACTOR)
    else:
        wanted = (MIN_SHARED, MIN_DICE)
    return SAME if weight >= wanted[0] and dice >= wanted[1] else ""
