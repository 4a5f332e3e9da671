"""Which actors of a briefing are likely one, and what the merged actor should be called:
pairs with the same surname, where one is the other's acronym, or two names of one
country in the place library ('ROK' and 'South Korea'), and the name and kind a
merge pre-chooses (the most common proper name of their mentions, the kind that fits)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing_app.domain import places
from briefing_app.domain.kind_guess import shape_kind
from briefing_app.domain.model import Actor, Briefing

_SMALL_WORDS = {"of", "the", "and", "for", "de", "du", "la", "le", "des", "in", "on"}
_POSSESSIVE = re.compile(r"[’']s?$")
_NAMED_KINDS = ("person", "organisation", "state")


@dataclass(frozen=True)
class MergeSuggestion:
    keep_id: str
    other_id: str
    reason: str  # in words, for the panel: "same surname", "acronym of Syldavian Rail"


def _clean(name: str) -> str:
    words = [w for w in name.split() if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    return _POSSESSIVE.sub("", " ".join(words)).strip(" ,.")


def acronym_of(name: str) -> str:
    """Initials of a name's capitalised words, small words left out: 'Syldavian Rail
    Authority' -> 'SRA'."""
    words = [w for w in re.split(r"[\s\-]+", _clean(name)) if w]
    return "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS and w[0].isupper())


def _is_acronym(name: str) -> bool:
    bare = _clean(name).replace(".", "")
    return len(bare) >= 2 and bare.isupper() and bare.isalpha()


def _surname_pair(a: Actor, b: Actor) -> bool:
    """One is the other's surname alone, or the same surname with a matching initial."""
    wa, wb = _clean(a.name).split(), _clean(b.name).split()
    if not wa or not wb or wa[-1].lower() != wb[-1].lower() or wa == wb:
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    return wa[0][0].lower() == wb[0][0].lower() and (wa[0].endswith(".")
                                                     or wb[0].endswith("."))


def suggest_merges(briefing: Briefing, dismissed: set[frozenset[str]] = frozenset()
                   ) -> list[MergeSuggestion]:
    """Pairs of the briefing's named actors likely one; the one with more mentions stays.
    `dismissed` holds the pairs (as frozensets of ids) the analyst said are not one."""
    actors = [a for a in briefing.actors if a.kind in _NAMED_KINDS]
    # Each name cleaned once, not once per pair: a long article's hundred actors make
    # five thousand pairs, and this runs on the GUI thread whenever the actors change.
    bare = {a.id: _clean(a.name).replace(".", "") for a in actors}
    countries = {a.id: places.country_key(a.name) for a in actors if a.kind != "person"}
    acronyms = {a.id: acronym_of(a.name) for a in actors if not _is_acronym(a.name)}
    found = []
    for n, a in enumerate(actors):
        for b in actors[n + 1:]:
            if frozenset((a.id, b.id)) in dismissed:
                continue
            keep, other = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
            if a.kind == b.kind == "person" and _surname_pair(a, b):
                found.append(MergeSuggestion(keep.id, other.id, "same surname"))
                continue
            country = countries.get(a.id)
            if country and country == countries.get(b.id):
                found.append(MergeSuggestion(keep.id, other.id,
                                             f"both name {places.country_name(country)}"))
                continue
            for short, long in ((a, b), (b, a)):
                if short.id not in acronyms and bare[short.id] == acronyms.get(long.id):
                    found.append(MergeSuggestion(long.id, short.id,
                                                 f"acronym of {_clean(long.name)}"))
                    break
    return found


def _mention_names(briefing: Briefing, actors: list[Actor]) -> Counter:
    counts: Counter = Counter()
    for actor in actors:
        for mention in actor.mentions:
            source = briefing.source(mention.source_id)
            if source is not None:
                name = _clean(" ".join(source.text[mention.start:mention.end].split()))
                if name[:1].isupper():
                    counts[name] += 1
        if not actor.mentions and actor.name[:1].isupper():
            counts[_clean(actor.name)] += 1
    return counts


def preferred_name_and_kind(briefing: Briefing, actor_ids: list[str]) -> tuple[str, str]:
    """The name and kind a merge of `actor_ids` pre-chooses: the proper name their mentions
    use most (a person's full name over the bare surname, a short name over an acronym or
    a long official form), and "state" when any name is a state's, else the kind of the
    actor with most mentions."""
    actors = [a for a in (briefing.actor(i) for i in actor_ids) if a is not None]
    counts = _mention_names(briefing, actors)
    names = [n for n, _c in sorted(counts.items(), key=lambda item: (
        -item[1], _is_acronym(item[0]), shape_kind(item[0]) == "state", -len(item[0])))]
    name = names[0] if names else (actors[0].name if actors else "")
    fuller = [n for n in names if n.endswith(" " + name) and shape_kind(n) == "person"]
    if fuller and all(a.kind == "person" for a in actors):
        name = max(fuller, key=lambda n: (counts[n], len(n)))
    if any(a.kind == "state" for a in actors) or any(shape_kind(n) == "state" for n in names):
        return name, "state"
    return name, max(actors, key=lambda a: len(a.mentions)).kind if actors else "person"
