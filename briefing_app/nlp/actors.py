"""Actors: collect named mentions from a parsed paragraph, then cluster them per article.

One actor per real-world referent: a surname joins its full name, acronyms and metonyms
join their long form, and the kind is decided by a vote over all mentions so that one stray
label (a surname tagged ORG) does not split or mislabel an actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing_app.nlp import names

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "state",
    "LOC": "state",
    "NORP": "group",
}
_STOP_NAMES = {
    "defense",
    "state",
    "house",
    "senate",
    "congress",
    "government",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "twitter",
    "facebook",
    "god",
}


@dataclass
class RawMention:
    start: int
    end: int
    text: str
    kind: str
    role: str = ""
    affiliation: str = ""


@dataclass
class Cluster:
    name: str
    kind: str
    mentions: list[RawMention] = field(default_factory=list)
    role: str = ""
    affiliation: str = ""


def collect(doc, base: int) -> list[RawMention]:
    """Named actor mentions of one paragraph, with role and affiliation where written."""
    found = []
    doc_text = doc.text  # Doc.text rebuilds the string on every access: read it once
    for ent in doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind is None:
            continue
        text = ent.text
        if not any(ch.isupper() for ch in text) or len(names.key(text)) < 2:
            continue
        if (
            kind == "group"
            and ent.root.dep_ in ("amod", "compound")
            and ent.root.head.pos_ == "NOUN"
        ):
            continue  # "German officials": an affiliation, not a group actor
        role, affiliation = _role_and_affiliation(ent) if kind == "person" else ("", "")
        start, end = ent.start_char, ent.end_char
        # Keep the possessive out of the mention; the clean name is what users see.
        if ent[-1].tag_ == "POS":
            end = ent[-1].idx
        text = doc_text[start:end].rstrip()
        found.append(
            RawMention(start + base, start + base + len(text), text, kind, role, affiliation)
        )
    return found


def _role_and_affiliation(ent) -> tuple[str, str]:
    """'German Chancellor Olaf Scholz' -> ('Chancellor', 'Germany'); appositions too."""
    role_words, affiliation = [], ""
    index = ent.start - 1
    while index >= 0:
        token = ent.doc[index]
        lowered = token.lower_
        if lowered in names.DEMONYMS:
            affiliation = names.DEMONYMS[lowered]
        elif lowered in names.TITLES or (token.pos_ == "PROPN" and token.ent_type_ == ""):
            role_words.insert(0, token.text)
        elif token.ent_type_ in ("GPE", "ORG", "NORP") and token.dep_ == "compound":
            affiliation = names.state_for(token.text) or token.text
        else:
            break
        index -= 1
    role = " ".join(w for w in role_words if w.lower() in names.TITLES or w[0].isupper())
    if not role:
        for token in ent.root.children:
            if token.dep_ == "appos" and token.pos_ == "NOUN":
                role = " ".join(t.text for t in token.subtree if not t.is_punct and t.dep_ != "det")
                break
    return role[:80], affiliation


def cluster(mentions: list[RawMention]) -> list[Cluster]:
    """Group mentions into actors, by canonical name, surname and acronym."""
    groups: dict[str, list[RawMention]] = {}
    order: list[str] = []
    for mention in mentions:
        canonical = _canonical_key(mention)
        if canonical is None:
            continue
        if canonical not in groups:
            groups[canonical] = []
            order.append(canonical)
        groups[canonical].append(mention)
    _merge_short_forms(groups, order)
    clusters = []
    for canonical in order:
        if canonical not in groups:
            continue
        members = groups[canonical]
        kind = Counter(m.kind for m in members).most_common(1)[0][0]
        # Persons whose name appears as a state alias are rare; vote wins either way.
        name = _display_name(canonical, members, kind)
        role = next((m.role for m in members if m.role), "")
        affiliation = next((m.affiliation for m in members if m.affiliation), "")
        clusters.append(Cluster(name, kind, members, role, affiliation))
    return clusters


def _canonical_key(mention: RawMention) -> str | None:
    k = names.key(mention.text)
    if k in _STOP_NAMES or not k:
        return None
    if mention.kind in ("state", "organisation", "group"):
        state = names.state_for(mention.text)
        if state:
            mention.kind = "state"
            return "state:" + state.lower()
    return k


def _merge_short_forms(groups: dict[str, list[RawMention]], order: list[str]) -> None:
    """Fold surnames into full names and acronyms into the long form they abbreviate."""
    full_names = [k for k in order if " " in k and _mostly(groups[k], "person")]
    by_surname: dict[str, list[str]] = {}
    for k in full_names:
        by_surname.setdefault(k.split()[-1], []).append(k)
    long_forms = {
        names.acronym(k.title() if k.islower() else k).lower(): k
        for k in order
        if " " in k and not _mostly(groups[k], "person")
    }
    for k in list(order):
        if k not in groups or " " in k:
            continue
        target = None
        candidates = by_surname.get(k, [])
        if len(candidates) == 1:
            target = candidates[0]
        elif k in long_forms and long_forms[k] in groups:
            target = long_forms[k]
        if target and target != k:
            groups[target].extend(groups.pop(k))
    # "Chancellor Olaf Scholz" style keys fold into the shorter full name they end with.
    for k in list(order):
        if k not in groups or " " not in k:
            continue
        for other in full_names:
            if other != k and other in groups and k.endswith(" " + other):
                groups[other].extend(groups.pop(k))
                break
    for k in groups.values():
        k.sort(key=lambda m: m.start)


def _mostly(members: list[RawMention], kind: str) -> bool:
    return sum(m.kind == kind for m in members) * 2 > len(members)


def _display_name(canonical: str, members: list[RawMention], kind: str) -> str:
    if canonical.startswith("state:"):
        state = names.state_for(members[0].text)
        return state or members[0].text
    longest = max((names.clean_name(m.text) for m in members), key=len)
    return longest
