"""Guessing the kind of an actor the analyst marks by hand, from its words: what the engine
already called the same words in this briefing, the shape of a state's or an organisation's
name, the place library's countries, and plural people nouns that name an unnamed source
or a group."""

from __future__ import annotations

import re

from briefing_app.domain import places
from briefing_app.domain.model import Briefing

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# The head words of an organisation's name: "the Ministry of Transport", "Dock Workers' Union".
ORGANISATION_HEADS = frozenset(
    "ministry department agency authority union council party institute institution "
    "committee commission company corporation bank bureau office court parliament "
    "assembly senate congress army navy police service association federation league "
    "board fund foundation university school group alliance coalition movement front "
    "organisation organization network centre center press times post news "
    "cabinet government administration secretariat directorate guard forces".split())
ORGANISATION_SUFFIXES = frozenset(
    "inc inc. ltd ltd. plc llc corp corp. co. gmbh ag sa s.a. nv bv".split())
# Words a state's own long name is built with: "the Republic of Syldavia".
STATE_WORDS = frozenset("republic kingdom emirate emirates principality sultanate "
                        "federation commonwealth duchy confederation".split())
# Plural nouns for people nobody names: an unnamed source.
UNNAMED_NOUNS = frozenset(
    "officials analysts experts sources insiders observers diplomats aides advisers "
    "advisors people residents witnesses critics investigators economists researchers "
    "scientists officers authorities executives lawmakers legislators spokespeople "
    "doctors lawyers prosecutors staff employees workers".split())
# Plural nouns for a body of people acting together: a group.
GROUP_NOUNS = frozenset(
    "protesters protestors demonstrators rebels strikers militants insurgents "
    "separatists voters farmers students fighters troops soldiers dockers unions "
    "activists settlers refugees migrants".split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _words(text) if w.lower() != "the")


def known_kind(briefing: Briefing, text: str) -> str | None:
    """The kind of an actor of the briefing named `text`, or with a mention reading so."""
    key = _key(text)
    if not key:
        return None
    for actor in briefing.actors:
        if _key(actor.name) == key:
            return actor.kind
    for actor in briefing.actors:
        for mention in actor.mentions:
            source = briefing.source(mention.source_id)
            if source and _key(source.text[mention.start:mention.end]) == key:
                return actor.kind
    return None


def shape_kind(text: str) -> str:
    """The kind the words themselves suggest; "person" when nothing says otherwise."""
    words = [w.lower() for w in _words(text)]
    if not words:
        return "person"
    last = words[-1]
    if last in ORGANISATION_SUFFIXES or text.rstrip().lower().endswith(
            tuple(ORGANISATION_SUFFIXES)):
        return "organisation"
    if any(w in STATE_WORDS for w in words) or places.state_for(text):
        return "state"  # "the Republic of Syldavia"; "ROK", "S. Korea", "the Kremlin"
    if any(w in ORGANISATION_HEADS for w in words):
        return "organisation"
    if last in UNNAMED_NOUNS:
        return "unnamed"
    if last in GROUP_NOUNS:
        return "group"
    original = _words(text)
    if len(original) == 1 and original[0].isupper() and len(original[0]) >= 2:
        return "organisation"  # an acronym: "NATO", "SDU"
    if last.endswith("s") and not original[-1][0].isupper() and len(words) <= 3:
        return "unnamed"  # "some analysts", "senior figures": plural people, unnamed
    return "person"


def guess_kind(briefing: Briefing, text: str) -> str:
    """The likeliest kind for a new actor named `text`: what this briefing already calls
    the same words, else what the words' shape suggests."""
    return known_kind(briefing, text) or shape_kind(text)
