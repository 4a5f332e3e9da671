"""What a cue verb says: the constructions that find a reporting verb's content, one rule each.

Each rule takes the cue verb and its lemma and returns the content's tokens, or None when
its construction is not there. CONTENT_RULES lists them in the order they are tried; the
first that answers wins, so the order is part of the behaviour:

  clausal_complement, passive_subject, object_as_role, object_content,
  prepositional_clause, prepositional_object, closing_relative_clause,
  parenthetical_cue, detached_that_clause
"""

from __future__ import annotations

from briefing_app.nlp.lexicon import (
    AS_VERBS,
    CONTENT_PREPS,
    CUE_VERBS,
    FINDING_SOURCES,
    FINDING_VERBS,
    NAMING_VERBS,
    NOUN_PREPS,
    OBJECT_CONTENT_VERBS,
    PASSIVE_CONTENT_VERBS,
    SHOWING_VERBS,
    TARGET_VERBS,
)
from briefing_app.nlp.subjects import FINITE_OR_GERUND, relative_in_disguise, subject_of

CONTENT_DEPS = ("ccomp", "xcomp")
# How a "that" clause may hang off a cue verb through words in between ("said during a
# news conference that ...").
_DETOUR_DEPS = {"prep", "pobj", "npadvmod", "relcl", "acl", "advcl", "dobj"}


def clausal_complement(verb, lemma: str) -> list | None:
    """A clause the verb takes: "The mayor said the harbour will reopen." gives "the harbour
    will reopen"."""
    complements = [c for c in _complements(verb) if c.dep_ in CONTENT_DEPS]
    if not complements:
        return None
    child = complements[0]
    # "... were worried, and more than 4 in 10 said ...": the next speaker's claim joined
    # by a conjunction is theirs, not part of this content; but a conjunct with a "that"
    # of its own is a second thing this verb says: "said that a swap was hard but that
    # he should have insisted ...".
    # So is the speaker's own next act the parser hung on the clause: "said he earns little
    # and questioned how ...", "said he saw no need, telling the host that ...".
    others = {
        t.i
        for conj in child.children
        if conj.lemma_.lower() in CUE_VERBS and conj.i > child.i and (
            conj.dep_ == "conj"
            and not any(g.dep_ == "mark" and g.lower_ == "that" for g in conj.children)
            or _speakers_participle(conj))
        for t in conj.subtree
    }
    tokens = [t for t in child.subtree if t.i != verb.i and t.i not in others]
    # A clause the parser broke in two, the second half hung on the verb as another
    # complement straight after the first: "said the men released by the court were
    # close to the end of their terms".
    for following in complements[1:]:
        if not tokens or following.i < verb.i \
                or following.left_edge.i != max(t.i for t in tokens) + 1:
            break
        tokens += [t for t in following.subtree if t.i != verb.i]
    # A cue set in the middle of what it reports, the rest of the clause after it: "there
    # is a risk, some Democrats said, that the plan would push voters away".
    if child.i < verb.i:
        tokens += [t for c in complements[1:] if _that_clause_after(c, verb)
                   for t in c.subtree]
    return tokens


def _that_clause_after(clause, verb) -> bool:
    """A clause opening with "that" right after the verb and its comma ("said, that
    ..."), not one after an object ("told a crowd that the campaign estimated ...")."""
    start = clause.left_edge
    return start.i > verb.i and start.lower_ == "that" and start.head.i == clause.i \
        and start.dep_ == "mark" and all(t.is_punct for t in verb.doc[verb.i + 1:start.i])


def _speakers_participle(clause) -> bool:
    """A participle set off by a comma: ", telling reporters ...", ", adding that ..."."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and before is not None \
        and before.text == ","


def passive_subject(verb, lemma: str) -> list | None:
    """The subject of a passive cue, with what it is called: "Pigs are considered unclean",
    "Okafor was declared the winner", "the ban was first reported by a paper"."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None or lemma not in PASSIVE_CONTENT_VERBS or any(
        c.dep_ == "dobj" for c in verb.children
    ):
        return None
    tokens = list(passive.subtree)
    said = False
    for child in verb.children:
        if child.dep_ in ("oprd", "attr", "acomp") and child.i > verb.i:
            tokens += list(child.subtree)
            said = True
    # "all options are being considered" names no one and calls them nothing: without
    # what they are called or who says so, a passive reports an act, not a claim.
    if not said and not any(c.dep_ == "agent" for c in verb.children):
        return None
    return tokens


def object_as_role(verb, lemma: str) -> list | None:
    """The object and what it is seen as: "sees the plan as a trap", "portrayed him as an
    outsider"; these verbs report nothing without the "as"."""
    if lemma not in AS_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    role = next(
        (c for c in list(verb.children) + list(obj.children)
         if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i),
        None,
    )
    if role is None:
        return None
    inside = {t.i for t in obj.subtree}
    return list(obj.subtree) + [t for t in role.subtree if t.i not in inside]


def object_content(verb, lemma: str) -> list | None:
    """The object of a verb whose object is what was said: "denied the charges", "accused
    him of lying", "the poll shows Okafor with a lead", "called Trump 'unhinged'"."""
    if lemma not in OBJECT_CONTENT_VERBS or not _object_is_content(verb, lemma):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if obj is None:
        return None
    tokens = list(obj.subtree)
    if lemma in TARGET_VERBS:
        # "accused him of lying", "warned China against ...": the charge is content.
        for child in verb.children:
            if child.dep_ == "prep" and child.i > obj.i and child.lower_ in NOUN_PREPS:
                tokens += list(child.subtree)
    for child in verb.children:
        # "slammed the plan as too vague", "cited Oslo as the likeliest host": what the
        # object is taken for is part of what was said.
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > obj.i:
            tokens += list(child.subtree)
    if lemma in FINDING_VERBS:
        # "the poll shows Okafor with a lead", "found gaps in the budget": the finding goes
        # on after the object.
        for child in verb.children:
            if child.dep_ in ("prep", "oprd", "acomp") and child.i > obj.i:
                tokens += list(child.subtree)
    if lemma in NAMING_VERBS:
        # "called Trump 'unhinged'": the name given is part of what was said.
        for child in verb.children:
            if child.dep_ in ("oprd", "acomp") and child.i > obj.i:
                tokens += list(child.subtree)
    return tokens + _object_modifiers(verb, max(t.i for t in tokens))


def prepositional_clause(verb, lemma: str) -> list | None:
    """A clause the parser opened with the verb's preposition: "calling for the council to
    act" gives "the council to act", "for" taken for a clause marker."""
    prep_words = CONTENT_PREPS.get(lemma, "").split()
    if not prep_words:
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in prep_words for g in clause.children
        ):
            return [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
    return None


def prepositional_object(verb, lemma: str) -> list | None:
    """What follows the verb's own preposition: "complained about the noise" gives "the
    noise"."""
    prep_words = CONTENT_PREPS.get(lemma, "").split()
    if not prep_words:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in prep_words:
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return list(pobj.subtree)
    return None


def closing_relative_clause(verb, lemma: str) -> list | None:
    """The sentence before a closing attribution the parser hung on a noun as a relative
    clause: "X have an unfavorable view of Trump, the poll found." gives the sentence."""
    if not _trailing_relcl(verb):
        return None
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.sent.root.subtree if t.i not in inner]


def parenthetical_cue(verb, lemma: str) -> list | None:
    """The clause around a cue set in it: "X is Y, he said" and "X, he says, is Y"."""
    if verb.dep_ != "parataxis" or verb.head.i == verb.i:
        return None
    inner = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in inner]


def detached_that_clause(verb, lemma: str) -> list | None:
    """A "that" clause the parser hung on a word after the verb: "said during a news
    conference that the talks had failed" gives "that the talks had failed"."""
    for token in verb.subtree:
        if token.i > verb.i and _that_clause(token, verb):
            return list(token.subtree)
    return None


CONTENT_RULES = (
    clausal_complement,
    passive_subject,
    object_as_role,
    object_content,
    prepositional_clause,
    prepositional_object,
    closing_relative_clause,
    parenthetical_cue,
    detached_that_clause,
)


def content_of(verb, lemma: str) -> list:
    """The tokens of a cue verb's content, by the first rule in CONTENT_RULES that applies
    (none: no tokens)."""
    for rule in CONTENT_RULES:
        tokens = rule(verb, lemma)
        if tokens is not None:
            return tokens
    return []


def _complements(verb) -> list:
    """The verb's children, a clause after "X said" first: with a subject before the verb
    a clause before it is one the parser hung there from the sentence before ("Coverage
    was harsh - the paper said Rubio was rocked"), unless a comma sets it off as what was
    said ('"Pieter is a colleague," she said, "and ..."')."""
    children = [c for c in verb.children if not relative_in_disguise(c)]
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return children
    doc = verb.doc
    for child in children:
        between = doc[child.right_edge.i + 1 : subject.left_edge.i]
        if child.dep_ in CONTENT_DEPS and child.i < verb.i and any(
            t.text == "," for t in list(between) + [doc[child.right_edge.i]]
        ) and all(t.is_punct for t in between):
            return children
    return [c for c in children if c.i > verb.i] + [c for c in children if c.i < verb.i]


def _object_modifiers(verb, end: int) -> list:
    """'announced his engagement to a model', 'cited his record in the House': the parser
    hangs the object's prepositional phrase on the verb; the phrases right after the object
    belong to it."""
    out = []
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= end:
            continue
        if child.dep_ != "prep" or child.left_edge.i != end + 1:
            break
        out += list(child.subtree)
        end = child.right_edge.i
    return out


def _trailing_relcl(verb) -> bool:
    """A "relative clause" that is really "..., the poll found." closing the sentence."""
    if verb.dep_ not in ("relcl", "acl") or verb.tag_ not in FINITE_OR_GERUND[:3]:
        return False
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or subject.i > verb.i:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in verb.children):
        return False
    before = verb.left_edge.i - 1
    after = verb.right_edge.i + 1
    return (
        before > verb.sent.start and doc[before].text == ","
        and (after >= verb.sent.end or doc[after].is_punct)
        and verb.sent.root.i < before
    )


def _object_is_content(verb, lemma: str) -> bool:
    """A finding verb's object is a finding only when a poll, study or the like found it
    ("the survey found Okafor ahead"); "she found a job" reports nothing."""
    if lemma not in FINDING_VERBS or lemma in SHOWING_VERBS:
        return True
    subject = subject_of(verb)
    return subject is not None and subject.lemma_.lower() in FINDING_SOURCES


def _that_clause(token, verb) -> bool:
    """`token` heads a "that" clause reached from `verb` only through nouns and
    prepositions, not through another verb, whose clause it would be."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return False
    node = token
    while node.i != verb.i:
        if node.dep_ not in _DETOUR_DEPS or node.head.i == node.i:
            return False
        if node.head.i != verb.i and node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True
