"""Whether two claims assert the same thing, contradict each other, or neither.

Two claims assert the same proposition when their content words overlap enough (stems, so
paraphrases meet), the shared words include what is asserted and not only whom it is about
(two words that are not names), and their source actors are compatible (the same actor, or
one unknown); claims by two different named actors need a closer overlap. (Weighing words
by their rarity among the briefing's own claims was tried and lost precision on the
benchmark; see benchmarks/quality.md.)

They contradict each other only when they would be the same proposition with one polarity
flipped: one is a denial ("the ministry denied that ...") or negates a shared word ("X did
not cross ..."; a negation counts only where the word it governs is shared, so "... we
don't know yet" elsewhere in a quotation says nothing), or one uses a word's opposite (rose
against fell). Rejecting an offer or a call is a reaction to a proposal, not a denial that
it was made: such pairs are related, never contradictory.
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
# A negated cue ("did not say") turns the content around; "claiming without evidence" or
# "has no plans to comment" does not.
_CUE_NEGATIONS = frozenset("not n't never".split())
# What a denial cue rejects when it is a proposal, not a statement of fact: "rejected the
# offer to ...", "dismissed calls for ...".
PROPOSALS = frozenset(
    "offer offers call calls proposal proposals plan plans request requests invitation "
    "demand demands bid idea ideas critique criticism suggestion suggestions advice".split())
# Content words that call the reported thing untrue ("called the report false").
FALSITY = frozenset("false untrue baseless unfounded hoax".split())
# Opposites: the second word of each pair reads as the first one negated. Only words
# whose opposite is unambiguous: "lose" or "oppose" turned a reaction ("could lose
# because ...") into a false contradiction on the benchmark.
_OPPOSITES = """rise rises rising rose risen=fall falls falling fell fallen
increase increases increased increasing=decrease decreases decreased decreasing
guilty=innocent
alive=dead
legal=illegal
ahead=behind
"""
OPPOSITE = {stem(w): stem(line.split("=")[0].split()[0])
            for line in _OPPOSITES.splitlines() for w in line.split("=")[1].split()}
_BASE = {stem(w): stem(line.split("=")[0].split()[0])
         for line in _OPPOSITES.splitlines() for w in line.split("=")[0].split()}
# "not only", "not just": a negation that adds rather than denies.
_NOT_NEGATING = frozenset("only just merely".split())
_CLAUSE = re.compile(r"[.;:!?,()\u2014]|\s-\s|\.\.\.")
_PRONOUNS = frozenset("i you he she it we they him her them his its their this that who "
                      "which the a an one".split())

# Chosen on the tune-split benchmark (benchmarks/corroboration.py); see its docstring.
NAME_WEIGHT = 0.25  # a shared name says who the claims are about, not what they assert
MIN_SHARED = 3.0  # weight of the shared stems
MIN_PREDICATE = 2  # shared stems that are not names
MIN_DICE = 0.4  # the operating point: the benchmark's curve, chosen for precision >= 0.85
OTHER_ACTOR_DICE = 0.2  # added to MIN_DICE for claims of two different named actors
MIN_SHARED_OTHER_ACTOR = 4.0
MIN_CONTRADICTION_SHARED = 3.0  # whoever makes a denial, it shares this much


@dataclass(frozen=True)
class ClaimFacts:
    """What comparing a claim needs: its content stems, its polarity and who makes it."""

    stems: frozenset[str]
    names: frozenset[str] = frozenset()  # stems of capitalised words inside the content
    negated: frozenset[str] = frozenset()  # the stem each negation in the content governs
    opposite: frozenset[str] = frozenset()  # stems written as a pair's opposite (fell)
    denial: bool = False  # a denial cue or stance, or the content calls something untrue
    proposal: bool = False  # what the cue rejects is an offer or a call, not a fact
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
    stems, names, negated, opposite = set(), set(), set(), set()
    first = ""
    for clause in _CLAUSE.split(content):
        words, pending = tokens(clause), False
        for index, word in enumerate(words):
            if word in NEGATIONS:
                following = words[index + 1] if index + 1 < len(words) else ""
                pending = following not in _NOT_NEGATING
                continue
            if word in STOP_WORDS or len(word) < 2 or word.isdigit() or word in FALSITY:
                continue
            found = stem(word)
            if found in OPPOSITE:
                opposite.add(OPPOSITE[found])
                found = OPPOSITE[found]
            found = _BASE.get(found, found)
            first = first or word
            stems.add(found)
            if word in capitalised:
                names.add(found)
            if pending:  # a negation governs the first content word after it
                negated.add(found)
                pending = False
    words = tokens(content)
    cue_words = tokens(cue)
    denial = ((stance == "deny" or any(w in DENIAL_CUES for w in cue_words))
              != any(w in _CUE_NEGATIONS for w in cue_words)) or bool(set(words) & FALSITY)
    return ClaimFacts(
        stems=frozenset(stems), names=frozenset(names), negated=frozenset(negated),
        opposite=frozenset(opposite), denial=denial,
        proposal=denial and first in PROPOSALS, actor_id=actor_id,
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


def overlap(a: ClaimFacts, b: ClaimFacts) -> tuple[float, float]:
    """(weight of the shared stems, weighted Dice) of the two contents; copies score 1."""
    if len(a.wording) >= 3 and a.wording == b.wording:
        return (MIN_SHARED_OTHER_ACTOR, 1.0)  # word for word: a copy, however short
    shared = a.stems & b.stems
    if not shared:
        return (0.0, 0.0)
    names = a.names | b.names

    def weigh(stems) -> float:
        return sum(NAME_WEIGHT if s in names else 1.0 for s in stems)

    weight = weigh(shared)
    return (weight, 2 * weight / (weigh(a.stems) + weigh(b.stems)))


def relation(a: ClaimFacts, b: ClaimFacts, min_dice: float = MIN_DICE) -> str:
    """SAME, CONTRADICTION or '' (related but different, or unrelated); `min_dice` moves
    the operating point (the benchmark's curve)."""
    weight, dice = overlap(a, b)
    copy = dice == 1.0 and len(a.wording) >= 3 and a.wording == b.wording
    shared = a.stems & b.stems
    if not copy:
        if _other_actors(a, b):
            wanted = (MIN_SHARED_OTHER_ACTOR, min_dice + OTHER_ACTOR_DICE)
        else:
            wanted = (MIN_SHARED, min_dice)
        if weight < wanted[0] or dice < wanted[1] \
                or len(shared - a.names - b.names) < MIN_PREDICATE:
            return ""
    # Polarity on what the two share: a negation or an opposite elsewhere is not about it.
    # A negation must govern a shared word that is not a name: "not Trump, but Cruz" does
    # not deny what is asserted.
    asserted = shared - a.names - b.names
    a_negative = (bool(a.negated & asserted) != a.denial) != (len(a.opposite & shared) % 2 == 1)
    b_negative = (bool(b.negated & asserted) != b.denial) != (len(b.opposite & shared) % 2 == 1)
    if a_negative == b_negative:
        return SAME
    # A false "contradicted" misleads more than a missed one: a denial, which usually comes
    # from the other party, must share as much as a same-actor restatement would.
    if a.proposal or b.proposal or weight < MIN_CONTRADICTION_SHARED:
        return ""
    return CONTRADICTION
