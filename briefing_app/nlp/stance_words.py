"""Attributions headed by a noun or an adjective rather than a verb: "his claim that ...",
"her attacks on Sanders", "the mayor is confident that ..."."""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.lexicon import CUE_ADJECTIVES, CUE_NOUNS, NOUN_PREPS
from briefing_app.nlp.records import RawClaim
from briefing_app.nlp.subjects import subject_of

# Backing that someone receives ("won the support of the unions") and the verbs of receiving.
BACKING_NOUNS = {"support", "endorsement", "backing"}
RECEIVING_VERBS = set(
    "have win earn receive draw gain get pick secure snag enjoy consolidate attract land "
    "garner collect".split()
)


def adjective_claim(adj, base: int) -> RawClaim | None:
    """'The mayor is confident that ...', 'residents are worried about the toll'."""
    verb = adj.head
    clause = next((c for c in adj.children if c.dep_ == "ccomp"), None)
    if clause is None:
        # "She remains concerned that ...": the parser hangs the clause on the verb.
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None:
        prep = next(
            (c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("about", "of", "over")),
            None,
        )
        clause = next(
            (c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None
        ) if prep is not None else None
    if clause is None:
        return None
    tokens = spans.trim(t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i)
    if not tokens:
        return None
    subject = subject_of(verb)
    source = spans.span_of(subject) if subject is not None else None
    return RawClaim(
        content=[spans.shift(spans.tokens_span(tokens), base)],
        cue=[spans.shift(spans.tokens_span([adj]), base)],
        source=[spans.shift(source, base)] if source else None,
        stance=CUE_ADJECTIVES[adj.lower_],
        kind="reported",
        cue_lemma=adj.lower_,
        source_root=subject.idx + base if subject is not None else None,
        source_is_pronoun=subject is not None and subject.pos_ == "PRON",
    )


def noun_claim(noun, base: int) -> RawClaim | None:
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if clause is None and owner is None:
        return received_support(noun, base)
    if clause is None and owner is not None:
        # "her attacks on Sanders", "his support for the deal": with a named owner the
        # object of the preposition is what was said or backed.
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS), None)
        clause = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if clause is None:
        return None
    content = spans.subtree_span(clause)
    if owner is None and noun.dep_ == "dobj":
        owner = subject_of(noun.head)
    source = spans.span_of(owner) if owner is not None else None
    return RawClaim(
        content=[spans.shift(content, base)],
        cue=[spans.shift((noun.idx, noun.idx + len(noun.text)), base)],
        source=[spans.shift(source, base)] if source else None,
        stance=CUE_NOUNS[noun.lemma_.lower()],
        kind="reported",
        cue_lemma=noun.lemma_.lower(),
        source_root=owner.idx + base if owner is not None else None,
        source_is_pronoun=owner is not None and owner.pos_ == "PRON",
    )


def received_support(noun, base: int) -> RawClaim | None:
    """'Okafor won the support of the unions', 'she drew support from the young': who
    is backed is the content, the backers named in the phrase are the source."""
    verb = noun.head
    if noun.lemma_.lower() not in BACKING_NOUNS or noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in RECEIVING_VERBS:
        return None
    backed = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    backers = next(
        (g for p in list(noun.children) + list(verb.children)
         if p.dep_ == "prep" and p.lower_ in ("of", "from", "among") and p.i > noun.i
         for g in p.children if g.dep_ == "pobj"),
        None,
    )
    if backed is None or backers is None:
        return None
    source = spans.span_of(backers)
    return RawClaim(
        content=[spans.shift(spans.span_of(backed), base)],
        cue=[spans.shift((noun.idx, noun.idx + len(noun.text)), base)],
        source=[spans.shift(source, base)],
        stance="commit",
        kind="reported",
        cue_lemma=noun.lemma_.lower(),
        source_root=backers.idx + base,
        source_is_pronoun=backers.pos_ == "PRON",
    )
