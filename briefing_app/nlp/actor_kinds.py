"""Actor kinds an analyst can trust, and how sure the engine is of each actor.

Run once per article after clustering and source resolution: the small model calls port
cities persons and unions states, so a cluster's voted kind is checked against the shape
of its name (organisation heads and suffixes, place words) and the place library
(domain/places.py). Each actor then gets a confidence and the flags that explain it.

Confidence (0..1) is a plain sum, so an analyst can read it back:
  0.35 for a named entity (0.2 for a described or unnamed source)
  + 0.35 x the share of mentions whose label voted for the kind (or the full 0.35 when a
    name rule or the place library confirms the kind)
  + 0.2 when the actor is mentioned more than once, + 0.1 for three mentions or more.
"""

from __future__ import annotations

import re
from collections import Counter

from briefing_app.domain import places
from briefing_app.domain.kind_guess import ORGANISATION_HEADS, ORGANISATION_SUFFIXES
from briefing_app.nlp import names

# Words that head a place, never a person: "the Dnieper River", "the Port of Tarsk".
PLACE_HEADS = frozenset(
    "river sea strait straits port harbour harbor bay canal gulf island islands lake "
    "mountains mountain valley peninsula coast desert border region province estuary "
    "delta basin".split())
# The lower-case word right after a name: "the Elbe [estuary]", "the Tarsk [region]".
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
# Nouns for what people do or say: a phrase they head is never an actor ("the push for a
# settlement", "statements from the minister").
ABSTRACT_HEADS = frozenset(
    "push involvement statement statements effort efforts move moves decision decisions "
    "remarks comments comment announcement announcements plan plans proposal proposals "
    "call calls demand demands attempt attempts failure success talks deal "
    "agreement offer offers threat threats warning warnings support opposition pressure "
    "criticism response reaction reactions policy policies action actions campaign "
    "presence role participation refusal insistence claims claim assessment assessments "
    "data evidence findings analysis surge rise fall increase decline question questions "
    "idea ideas notion argument arguments issue issues".split())
# Words after a phrase's head noun: "the survey [by ...]", "the push [for ...]".
_AFTER_HEAD = re.compile(r"\s(?:of|from|by|for|in|on|at|with|about|to|that|which|who|"
                         r"indicating|showing)\s")
# Abstract heads that also name the people behind them: "his campaign said", "the opposition".
_BODY_HEADS = frozenset({"campaign", "opposition"})
# After an abstract head, the person or body it comes from: "statements from the minister".
_FROM = re.compile(r"\b(?:from|by|of)\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# Initials only, three letters or more: "FBI", "F.B.I.", "NATO" (two-letter ones are often
# US states: "NY", "D.C.").
_ACRONYM = re.compile(r"(?:[A-Z]\.?){3,}")
_PERSON_NOUNS = frozenset({"official", "diplomat", "analyst", "source", "minister"})
# Offices one person holds: "the Bordurian interior minister" is that person.
_OFFICES = frozenset("minister president chancellor premier ambassador governor mayor "
                     "envoy secretary king queen".split())
UNCERTAIN_SHARE = 0.67
# A one-word name that says something of itself as "it": "Maersk said (that) it was
# assessing ...", "Maersk also said on Friday its ships ...". People are never "it"; the
# small model calls one-word company names persons. An "it" before a copula and an
# adjective is the clause's own ("Kovac said it was too early"), so only "its" and "it"
# before a verb form count.
_SPEAKS_AS_IT = re.compile(
    r"[ \t]+(?:\w+ly[ \t]+)?(?:said|says|added|announced|stated|warned|confirmed|"
    r"insisted|argued|noted)(?:[ \t]+on[ \t]+\w+)?[ \t]+(?:that[ \t]+)?"
    r"(?:its\b|it[ \t]+(?:was|is|had|has)[ \t]+\w+(?:ing|ed)\b)")


def described_source(text: str, start: int, end: int, affiliation: str):
    """The actor a described source phrase names: itself, the person or body after an
    abstract head ("statements from the Bordurian interior minister" -> "the Bordurian
    interior minister") or before it ("the ministry's statement" -> "the ministry"), or
    None for an abstract phrase that names nobody ("the push for a settlement", "the
    landmark 31-page agreement"). Returns (text, start, end, affiliation) or None."""
    words = [w.lower() for w in _WORD.findall(text)]
    content = [w for w in words if w not in ("a", "an", "the", "some", "its", "their")]
    if not content:
        return text, start, end, affiliation
    # The head noun ends the phrase before its first preposition or clause.
    before = _AFTER_HEAD.split(" " + " ".join(content) + " ")[0].split()
    head = before[-1] if before else content[0]
    if content[0].rstrip("'s’") not in ABSTRACT_HEADS:
        if head in ABSTRACT_HEADS and head not in _BODY_HEADS and head != content[0]:
            owner = re.search(r"^(.*?)(?:'s|’s)\s", text)
            if owner and len(owner.group(1).split()) <= 4:
                return owner.group(1), start, start + len(owner.group(1)), affiliation
            return None
        return text, start, end, affiliation
    found = _FROM.search(text)
    if not found:
        return None
    rest = text[found.end():]
    tail = rest.split(" indicating")[0].split(" that ")[0].rstrip(" ,.")
    rest_words = [w.lower() for w in _WORD.findall(tail)]
    head = rest_words[-1] if rest_words else ""
    if head.rstrip("s") not in names.TITLES | _PERSON_NOUNS and head not in ORGANISATION_HEADS:
        return None
    new_start = start + found.end()
    return tail, new_start, new_start + len(tail), affiliation


def repair(cluster, named: bool, text: str) -> None:
    """Set the cluster's kind from its name's shape and the place library, then score it."""
    votes = Counter(m.kind for m in cluster.mentions) if named else Counter()
    confirmed = False
    name = cluster.name
    words = [w.lower().strip(".,") for w in name.split()]
    last = words[-1] if words else ""
    if cluster.kind == "unnamed":
        # The head comes before a preposition: "officials at State Department" are people.
        head_words = re.split(r"\s(?:at|of|from|in|for|with|on|by)\s", " " + " ".join(words) + " ")
        head = (head_words[0].split() or [""])[-1].rstrip("'s’")
        if head in ORGANISATION_HEADS:
            cluster.kind, confirmed = "organisation", True  # "Borduria's interior ministry"
        elif _official(cluster, words):
            confirmed = True
    elif not cluster.role:
        confirmed = _repair_named(cluster, words, last, text)
    share = votes[cluster.kind] / max(1, sum(votes.values())) if named else 0.0
    count = len(cluster.mentions)
    score = (0.35 if named else 0.2) + 0.35 * (1.0 if confirmed else share)
    score += (0.2 if count >= 2 else 0.0) + (0.1 if count >= 3 else 0.0)
    cluster.confidence = round(min(1.0, score), 2)
    flags = []
    if named and not confirmed and share < UNCERTAIN_SHARE:
        flags.append("kind_uncertain")
    if count <= 1:
        flags.append("single_mention")
    if not named:
        flags.append("not_a_named_entity")
    cluster.flags = flags


def _before_place_noun(cluster, text: str) -> bool:
    """Whether most of the cluster's mentions stand before a place noun, as a river or a
    city named in "the Elbe estuary" or "the Tarsk region" does (the small model calls
    such names persons). "The Trump campaign" is no place: "campaign" is not one."""
    following = [_NEXT_WORD.match(text, m.end) for m in cluster.mentions]
    hits = sum(1 for word in following if word and word.group(1) in PLACE_HEADS)
    return hits * 2 > len(cluster.mentions)


def _repair_named(cluster, words: list[str], last: str, text: str) -> bool:
    """Kind of a named actor from its name; True when a rule or the library confirms it."""
    name = cluster.name
    if cluster.kind != "state" and names.state_for(name):
        cluster.kind = "state"  # a country or a capital acting as its government
        return True
    if cluster.kind == "person" and len(words) == 1 and any(
            _SPEAKS_AS_IT.match(text, m.end) for m in cluster.mentions):
        cluster.kind = "organisation"
        return True
    if last in ORGANISATION_SUFFIXES or any(w in ORGANISATION_HEADS for w in words):
        if cluster.kind != "state" or not names.state_for(name):
            cluster.kind = "organisation"  # "Dock Workers' Union", "Tarsk Shipping Ltd."
            return True
    if last in PLACE_HEADS or _before_place_noun(cluster, text) or places.is_place(name):
        if cluster.kind in ("person", "group", "organisation"):
            cluster.kind = "state"  # a city, river or port acts as a place, never a person
        return cluster.kind == "state"
    if cluster.kind == "state" and _ACRONYM.fullmatch(name.replace(" ", "")):
        cluster.kind = "organisation"  # initials no place library knows: "the F.B.I."
        return True
    return cluster.kind == "state" and names.state_for(name) is not None


def _official(cluster, words: list[str]) -> bool:
    """An unnamed source that is one titled official ('the Bordurian interior minister')
    is a person, with the title as role and the demonym's state as affiliation."""
    if not words or words[-1] not in _OFFICES or len(words) < 2:
        return False
    kept, affiliation = [], ""
    for word in cluster.name.split():
        state = places.demonym_to_country(word, guess=True)
        if state and not kept:
            affiliation = state  # the office is the state's: one holder, a person
        elif word.lower() not in ("a", "an", "the"):
            kept.append(word)
    if not affiliation:
        return False
    cluster.kind, cluster.role, cluster.affiliation = "person", " ".join(kept), affiliation
    return True


def finish(clusters, text: str) -> None:
    """Repair kinds and score every actor of an article (clusters are changed in place);
    `text` is the article the mentions' offsets point into."""
    known = tuple(c.name for c in clusters if c.kind == "state")
    for cluster in clusters:
        if cluster.kind == "unnamed" and not cluster.affiliation and cluster.name:
            # "Syldavian officials" work for Syldavia, even a state no library lists.
            first = cluster.name.split()[0]
            cluster.affiliation = places.demonym_to_country(first, known, guess=True) or ""
        named = any(m.kind != "unnamed" for m in cluster.mentions) and cluster.kind != "unnamed"
        repair(cluster, named, text)
