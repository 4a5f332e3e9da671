"""The engine's doubts about a claim, in the analyst's words, and the review order built on
them ("least certain first").

The engine gives each claim a `confidence` (0..1) and `flags` (short codes such as
"pronoun_source"). This is the one table that turns a code into words: the Claims panel,
the inspector and the highlight's tooltip all read it, so they cannot word a doubt
differently. Claims made before the engine scored them (older projects, claims marked by
hand) carry neither; they read as "not scored", never as certain.
"""

from __future__ import annotations

from collections.abc import Iterable

# code: (the few words shown in lists, why the analyst should look again)
FLAGS = {
    "pronoun_source": (
        "source is a pronoun",
        "the speaker is named only by a pronoun; check whom it stands for"),
    "source_inside_quote": (
        "source named inside the quotation",
        "the speaker's name sits inside the quotation marks; check it is not quoted words"),
    "closing_attribution": (
        "attribution after the quote",
        "the speaker comes after the quotation; check the quote belongs to them"),
    "no_cue": (
        "no speech verb",
        "no word such as 'said' ties the words to the speaker"),
    "tagger_doubts_source": (
        "tagger doubts the source",
        "the learned tagger does not read these words as the speaker; check who speaks"),
    "tagger_only": (
        "found by the tagger only",
        "only the learned tagger found this claim, none of the rules"),
    "rule_only": (
        "found by the rules only",
        "only the rules found this claim; the learned tagger did not"),
    "long_distance_source": (
        "source far from the words",
        "the speaker is far from the words; check no one else speaks in between"),
    "source_not_an_actor": (
        "source is not an actor",
        "the source was not recognised as a person or body in the actor register"),
    # Actors' flags (nlp/actor_kinds.py).
    "kind_uncertain": (
        "kind uncertain",
        "the mentions disagree on whether this is a person, body or state; check the kind"),
    "single_mention": (
        "named once",
        "the article names this actor only once; check it is a real actor"),
    "not_a_named_entity": (
        "described, not named",
        "found from a description ('officials', 'the ministry'), not a name"),
}

ARTICLE_ORDER = "article"
LEAST_CERTAIN_FIRST = "least_certain"
REVIEW_ORDERS = {ARTICLE_ORDER: "Article order", LEAST_CERTAIN_FIRST: "Least certain first"}

# Below this the confidence is drawn as a warning; the engine's tagger adds claims from 0.6.
LOW_CONFIDENCE = 0.5


def confidence_of(claim) -> float | None:
    """The engine's confidence in `claim`, or None when it was never scored."""
    value = getattr(claim, "confidence", None)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def flags_of(claim) -> list[str]:
    """The engine's flag codes on `claim` (none when it was never scored)."""
    return list(getattr(claim, "flags", None) or [])


def is_flagged(claim) -> bool:
    return bool(getattr(claim, "flags", None))


def _unknown(code: str) -> tuple[str, str]:
    # A code newer than this table is still shown, never dropped: a hidden doubt misleads.
    words = code.replace("_", " ")
    return words, words


def flag_words(flags: Iterable[str]) -> list[str]:
    """The short words of each flag, in the engine's order."""
    return [FLAGS.get(code, _unknown(code))[0] for code in flags]


def flag_reasons(flags: Iterable[str]) -> list[str]:
    """'words: why to look again' for each flag, for the inspector and tooltips."""
    return [f"{words}: {why}" for words, why in (FLAGS.get(c, _unknown(c)) for c in flags)]


def format_confidence(confidence: float | None) -> str:
    """Two decimals ('0.62'), or 'not scored'."""
    return "not scored" if confidence is None else f"{confidence:.2f}"


def certainty_key(claim) -> float:
    """Sorts least certain first; unscored claims after every scored one, since a claim the
    analyst marked by hand needs no second look for the engine's sake."""
    confidence = confidence_of(claim)
    return float("inf") if confidence is None else confidence


def flagged_unreviewed(claims: Iterable) -> int:
    """How many flagged claims still wait for the analyst's review."""
    return sum(1 for c in claims if c.review == "machine" and is_flagged(c))
