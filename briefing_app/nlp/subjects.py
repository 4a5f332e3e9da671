"""Who speaks: the source of a cue verb as the parse shows it, with the parser's usual
slips repaired (surnames taken for adverbs, inverted speakers, participles and gerunds
whose speaker is the subject of the clause they hang on)."""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.lexicon import CUE_VERBS, MADE_THINGS, UNNAMED_SOURCE_NOUNS
from briefing_app.nlp.records import Seg

# Dependents next to a cue verb that are its subject misparsed ("Jolly said", "4 in 10 say").
_STRAY_SUBJECT_DEPS = ("advmod", "npadvmod", "dep", "nummod", "compound")
FINITE_OR_GERUND = ("VBD", "VBZ", "VBP", "VBG")


def subject_of(verb):
    """The speaker of a cue verb: its subject, a passive agent, or its controller's subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    left = verb.doc[verb.i - 1] if verb.i > 0 else None
    if left is not None and left.head.i == verb.i and left.dep_ in _STRAY_SUBJECT_DEPS:
        if left.text.istitle() and not left.is_sent_start and left.pos_ != "PRON":
            return left  # "Jolly said": a surname the parser took for an adverb
        if left.like_num and left.dep_ == "nummod":
            return left  # "About 4 in 10 say": a share of people
    right = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        right is not None and right.head.i == verb.i and right.dep_ in ("advmod", "npadvmod")
        and right.pos_ == "PROPN" and right.text.istitle()
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    ):
        return right  # '"...," said Okafor': the inverted speaker parsed as an adverb
    for child in verb.lefts:
        # "Ruiz further summed it up, denounced ...": the subject stayed with a clause the
        # parser hung before the verb with no conjunction ("when", "if") of its own.
        if child.dep_ not in ("advcl", "csubj") or child.tag_ not in FINITE_OR_GERUND:
            continue
        if any(g.dep_ == "mark" or g.tag_ == "WRB" for g in child.children):
            continue
        inner = next((g for g in child.children if g.dep_ == "nsubj" and g.i < child.i), None)
        if inner is not None:
            return inner
    if verb.head.i == verb.i:
        return None
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "responded by saying", "has gone further by proposing", "after questioning":
        # the gerund's speaker is the subject of the verb (or adjective) it modifies.
        governor = verb.head.head
        if governor.dep_ == "acomp" and governor.head.i != governor.i:
            governor = governor.head
        target = verb.head.lower_ in ("for", "of", "against") and any(
            c.dep_ == "dobj" for c in governor.children
        )
        if governor.pos_ in ("VERB", "AUX") and not target:
            return subject_of(governor)
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ) and not any(c.dep_ == "dobj" and _may_speak(c) for c in verb.head.children):
        # "flew in to tell the crowd", "called a meeting to discuss options": the one who
        # travels or calls; but in "hired a lawyer to argue" the lawyer argues.
        return subject_of(verb.head)
    if verb.dep_ == "xcomp":
        # "required Republicans to recognize that ...": the object is the one who speaks.
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and _may_speak(obj):
            return obj
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if participle or verb.dep_ == "conj":
        outer = _reporter_of(verb.head)
        if outer is not None:
            return subject_of(outer)
    # "Yellen is likely to stress": through the adjective to the clause's subject.
    if verb.dep_ in ("xcomp", "conj", "acomp") or participle:
        # "He left, saying that ...": the participle's speaker is the main clause's subject.
        return subject_of(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        noun = verb.head
        if noun.lemma_.lower() in MADE_THINGS and noun.dep_ in ("dobj", "pobj"):
            # "rolled out ads attacking him", "shot back in an article stating": the
            # one who made the ad or article is the speaker.
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            maker = subject_of(governor) if governor.pos_ in ("VERB", "AUX") else None
            if maker is not None:
                return maker
        return noun
    return None


def source_of(verb, subject) -> list[Seg] | None:
    """The source as written; a relative pronoun ("a group that said") keeps its noun."""
    if subject is None:
        return None
    own = spans.span_of(subject)
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.i < subject.i:
        noun = spans.span_of(verb.head)
        if noun is not None and noun[1] <= own[0]:
            return [noun, own]
    return [own]


def _reporter_of(clause):
    """The cue verb whose content `clause` is, when the parser hung a participle or a
    second verb on the reported clause: in "Trump argued that a wall would work, saying
    ..." the one saying is Trump, not the wall."""
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if clause.lemma_.lower() in CUE_VERBS and inner is not None and inner.pos_ != "PRON":
        # "they said officials had argued against it, warning ...": the officials warn;
        # but in "Carson said he plans to act, insisting ..." he is Carson, named outside.
        return None
    if clause.dep_ == "ccomp":
        outer = clause.head
    elif clause.dep_ == "acl" and any(c.dep_ == "mark" for c in clause.children):
        outer = clause.head.head  # "rejected the idea that X would be Y, saying ..."
    else:
        return None
    if outer.pos_ in ("VERB", "AUX") and outer.lemma_.lower() in CUE_VERBS:
        return outer
    return None


def _may_speak(noun) -> bool:
    """A person, a group or a body could be the one speaking; a meeting or a plan not."""
    return (
        noun.pos_ in ("PRON", "PROPN")
        or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
        or noun.lower_ in UNNAMED_SOURCE_NOUNS
        or noun.lemma_.lower() in UNNAMED_SOURCE_NOUNS
    )
