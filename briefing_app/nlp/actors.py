"""Actors: collect named mentions from a parsed paragraph, then cluster them per article.

One actor per real-world referent: a surname joins its full name, acronyms and metonyms
join their long form, and the kind is decided by a vote over all mentions so that one stray
label (a surname tagged ORG) does not split or mislabel an actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing_app.domain.kind_guess import ORGANISATION_HEADS, ORGANISATION_SUFFIXES
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


# Lowercase nouns for what a person is, beyond the titles: "chief strategist Guy Cecil".
_ROLE_NOUNS = frozenset(
    "strategist pollster aide consultant operative columnist reporter correspondent "
    "editor activist organizer organiser manager".split())


@dataclass
class RawMention:
    start: int
    end: int
    text: str
    kind: str
    role: str = ""
    affiliation: str = ""
    subject: bool = False  # the mention is a clause's subject: the likeliest antecedent


@dataclass
class Cluster:
    name: str
    kind: str
    mentions: list[RawMention] = field(default_factory=list)
    role: str = ""
    affiliation: str = ""
    confidence: float | None = None  # set by actor_kinds.finish, with the flags
    flags: list[str] = field(default_factory=list)


def collect(doc, base: int) -> list[RawMention]:
    """Named actor mentions of one paragraph, with role and affiliation where written."""
    found = []
    doc_text = doc.text  # Doc.text rebuilds the string on every access: read it once
    covered = 0  # where the last body's name ended, when it took in the words after it
    for ent in doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind is None or ent.start < covered:
            continue
        text = ent.text
        if not any(ch.isupper() for ch in text) or len(names.key(text)) < 2:
            continue
        if (
            kind == "group"
            and ent.root.dep_ in ("amod", "compound")
            and ent.root.head.pos_ in ("NOUN", "PROPN")
        ):
            continue  # "German officials": an affiliation, not a group actor
        if kind == "organisation" and _titled_person(ent):
            kind = "person"
        role, affiliation = _role_and_affiliation(ent) if kind == "person" else ("", "")
        start, end = ent.start_char, ent.end_char
        # Keep the possessive out of the mention; the clean name is what users see.
        if ent[-1].tag_ == "POS":
            end = ent[-1].idx
        elif kind == "organisation":
            covered = _body_name_end(ent)
            end = doc[covered - 1].idx + len(doc[covered - 1])
        text = doc_text[start:end].rstrip()
        found.append(
            RawMention(
                start + base, start + base + len(text), text, kind, role, affiliation,
                ent.root.dep_ in ("nsubj", "nsubjpass"),
            )
        )
    return found


def _body_name_end(ent) -> int:
    """The token index where a body's name ends: after "for"/"of" and the capitalised words
    that follow when the name ends in a body's head noun ("the Kiel Institute [for the World
    Economy]", "the Tarsk Institute [for Maritime Studies]"), which the small model cuts in
    two or cuts short; else the entity's own end."""
    doc, end = ent.doc, ent.end
    if ent[-1].lower_ not in ORGANISATION_HEADS or end >= len(doc) - 1 \
            or doc[end].lower_ not in ("for", "of"):
        return end
    index, last = end + 1, 0
    while index < len(doc):
        token = doc[index]
        if token.ent_type_ in ("DATE", "TIME", "PERSON") or token.is_punct:
            break
        if token.is_title or token.is_upper:
            last = index + 1
        elif token.lower_ not in ("the", "and", "of", "for", "&"):
            break
        index += 1
    return last or end


def _titled_person(ent) -> bool:
    """'Priorities USA chief strategist Guy Cecil': two or three capitalised words labelled
    ORG straight after a lowercase title or role noun are the person who holds it."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    words = [w.lower().strip(".,") for w in ent.text.split()]
    return (
        before.pos_ == "NOUN" and before.is_lower
        and (before.lower_ in names.TITLES or before.lower_ in _ROLE_NOUNS)
        and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in ent.text.split())
        and not any(w in ORGANISATION_HEADS or w in ORGANISATION_SUFFIXES for w in words)
        and names.state_for(ent.text) is None
    )


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
        if any(m.role for m in members):
            kind = "person"  # only a PERSON mention gets a title: "Prime Minister Anna Berglund"
        # Persons whose name appears as a state alias are rare; vote wins either way.
        name = _display_name(canonical, members, kind)
        role = next((m.role for m in members if m.role), "")
        affiliation = next((m.affiliation for m in members if m.affiliation), "")
        clusters.append(Cluster(name, kind, members, role, affiliation))
    return clusters


def _canonical_key(mention: RawMention) -> str | None:
    k = names.key(mention.text)
    if k in _STOP_NAMES or not k or names.names_no_actor(mention.text, mention.kind):
        return None
    if mention.kind in ("state", "organisation", "group"):
        state = names.state_for(mention.text)
        if state:
            mention.kind = "state"
            return "state:" + state.lower()
    return k


def _merge_short_forms(groups: dict[str, list[RawMention]], order: list[str]) -> None:
    """Fold titled names, surnames and acronyms into the full name they stand for."""
    full_names = [k for k in order if " " in k and _mostly(groups[k], "person")]
    # "Chancellor Olaf Scholz" and "Hillary Rodham Clinton" fold into the shorter full name
    # ("Olaf Scholz", "Hillary Clinton") first, so that a surname then has one candidate.
    for k in sorted(full_names, key=len, reverse=True):
        words = k.split()
        for other in full_names:
            if other == k or other not in groups or k not in groups or len(other) >= len(k):
                continue
            o_words = other.split()
            if k.endswith(" " + other) or (
                o_words[0] == words[0] and o_words[-1] == words[-1] and len(o_words) == 2
            ):
                groups[other].extend(groups.pop(k))
                break
    by_surname: dict[str, list[str]] = {}
    for k in full_names:
        if k in groups:
            by_surname.setdefault(_surname(k), []).append(k)
    long_forms = {}
    for k in order:
        if k in groups and " " in k and not _mostly(groups[k], "person"):
            long_forms[names.acronym(groups[k][0].text).lower()] = k
    for k in list(order):
        if k not in groups or " " in k:
            continue
        target = _surname_owner(by_surname.get(k, []), groups)
        if target is None and not by_surname.get(k):
            # "Kim" for "Kim Jong Un": family name first, the one full name it opens.
            # A lone given name the model labelled a body ("Bernie") joins too: a body is
            # never named by a person's first name alone.
            openers = [f for f in full_names if f in groups and f.split()[0] == k]
            lone = len(openers) == 1 and not _mostly(groups[k], "state")
            target = openers[0] if lone else None
        if target is None and k in long_forms and long_forms[k] in groups:
            target = long_forms[k]
        if target and target != k:
            groups[target].extend(groups.pop(k))
    _merge_titled_bodies(groups, order)
    for members in groups.values():
        members.sort(key=lambda m: m.start)


def _merge_titled_bodies(groups: dict[str, list[RawMention]], order: list[str]) -> None:
    """"U.N. Security Council" and "United Nations Security Council" join "Security
    Council": a body's name that ends with another body's whole name of two words or more."""
    bodies = [k for k in order if k in groups and " " in k and not k.startswith("state:")
              and not _mostly(groups[k], "person")]
    for k in sorted(bodies, key=len, reverse=True):
        for other in sorted(bodies, key=len):
            if other == k or other not in groups or k not in groups:
                continue
            # "University of North Carolina" and "Bank of England" are not the place they
            # end with: a name that ends "of <other>" belongs to <other>, it is not it.
            owned = k[: -len(other)].rstrip().endswith(" of")
            if k.endswith(" " + other) and not owned:
                groups[other].extend(groups.pop(k))
                break


def _surname(full_name: str) -> str:
    words = [w for w in full_name.split() if w.strip(".,") not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else full_name


def _surname_owner(candidates: list[str], groups: dict[str, list[RawMention]]) -> str | None:
    """The full name a bare surname means: the only one, or the clearly most mentioned
    ("Clinton" in a story about Hillary Clinton that also names Bill Clinton once)."""
    if len(candidates) == 1:
        return candidates[0]
    counts = sorted(((len(groups[c]), c) for c in candidates), reverse=True)
    if len(counts) > 1 and counts[0][0] >= 2 * counts[1][0]:
        return counts[0][1]
    return None


def _mostly(members: list[RawMention], kind: str) -> bool:
    return sum(m.kind == kind for m in members) * 2 > len(members)


def _display_name(canonical: str, members: list[RawMention], kind: str) -> str:
    if canonical.startswith("state:"):
        state = names.state_for(members[0].text)
        return state or members[0].text
    # "The European Commission" is listed as "European Commission".
    forms = Counter(names.strip_article(names.clean_name(m.text)) for m in members)
    # The most used full form ("Donald Trump"), not the longest ("Billionaire Donald Trump").
    multi = [(n, -len(f), f) for f, n in forms.items() if " " in f]
    if multi:
        return max(multi)[2]
    return max(forms, key=len)
