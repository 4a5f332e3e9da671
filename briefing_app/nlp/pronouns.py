"""Gender evidence for actors, so that "she" is not resolved to a man.

News introduces a person by name and soon refers back with a pronoun: "Anna Berglund met
the union. She said ...". For each mention, the gendered pronouns in the stretch after it,
up to the next named mention and at most about a sentence, vote for that actor's gender.
A clear vote also shows that an actor the model labelled an organisation is a person.
"""

from __future__ import annotations

import re
from collections import Counter

_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_MALE = {"he", "him", "his", "himself"}
_REACH = 160
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")


def genders(text: str, spans: list[tuple[int, int, int, bool]]) -> dict[int, str]:
    """Cluster index -> "male" or "female", from (start, end, cluster, subject) spans
    sorted by start; only clusters with a clear majority get one."""
    votes: dict[int, Counter] = {}
    for n, (_start, end, cluster, _subject) in enumerate(spans):
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        stop = min(stop, end + _REACH)
        # Only the mention's own sentence: "Lund said no. She said yes" contrasts two people.
        sentence_end = _SENTENCE_END.search(text, end, stop)
        stop = sentence_end.start() if sentence_end else stop
        match = _PRONOUN.search(text, end, stop)
        if match:
            gender = "male" if match.group(1).lower() in _MALE else "female"
            votes.setdefault(cluster, Counter())[gender] += 1
    out = {}
    for cluster, counter in votes.items():
        (top, n_top), *rest = counter.most_common()
        if not rest or n_top >= 2 * rest[0][1]:
            out[cluster] = top
    return out


_BODY_WORDS = {
    "institute", "ministry", "department", "commission", "council", "union", "party", "bank",
    "agency", "office", "committee", "university", "association", "court", "group", "house",
    "company", "corporation", "news", "times", "post", "fund", "foundation", "campaign",
}


def could_be_person(name: str) -> bool:
    """A name the model labelled an organisation that may be a person's: two to four
    capitalised words, no article, none of the words institutions are named with."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".,") in _BODY_WORDS for w in words)
    )
