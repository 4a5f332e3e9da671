"""Find attributions in one parsed paragraph: who (source) says (cue) what (content).

Works on spaCy's dependency parse. A cue is a reporting verb or noun from the lexicon,
"according to", or a headline colon ("Trump: ..."); its subject is the source as written;
its clausal complement (or a quote next to it) is the content. Cues inside a quotation
belong to the quoted speaker's words, not to the article, and are skipped. Quotes with no
cue of their own are handled in quote_links. Returns RawClaim records with absolute
character offsets; no spaCy object leaves this module.
"""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.colon import colon_claim
from briefing_app.nlp.frames import frame_claim
from briefing_app.nlp.lexicon import (
    AS_VERBS,
    CONTENT_PREPS,
    CUE_ADJECTIVES,
    CUE_NOUNS,
    CUE_VERBS,
    FINDING_SOURCES,
    FINDING_VERBS,
    NAMING_VERBS,
    NOUN_PREPS,
    OBJECT_CONTENT_VERBS,
    PASSIVE_CONTENT_VERBS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    SHOWING_VERBS,
    TARGET_VERBS,
)
from briefing_app.nlp.quotes import overlapping
from briefing_app.nlp.records import RawClaim, Seg
from briefing_app.nlp.stance_words import adjective_claim, noun_claim
from briefing_app.nlp.subjects import FINITE_OR_GERUND, source_of, subject_of

_CONTENT_DEPS = ("ccomp", "xcomp")
# Ways a "that" clause hangs off a cue verb when the parser attaches it to a noun in
# between ("said during a news conference that ...").
_ASIDE_DEPS = {"relcl", "appos", "advcl"}
_DETOUR_DEPS = {"prep", "pobj", "npadvmod", "relcl", "acl", "advcl", "dobj"}


def extract(doc, base: int, quotes: list[Seg]) -> list[RawClaim]:
    """All attributions whose cue lies in `doc` (a paragraph starting at `base`)."""
    text = doc.text
    closed = [
        q for q in overlapping(quotes, base, base + len(text)) if _closes(text, base, q)
    ]
    claims: list[RawClaim] = []
    for token in doc:
        pos = token.idx + base
        if any(q_start < pos < q_end - 1 for q_start, q_end in closed):
            continue  # a cue inside quoted words is the speaker's, not the article's
        claim = None
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.lower_ == "according" and following == "to":
            claim = _according_to(token, base)
        elif token.lower_ == "reportedly" and token.dep_ == "advmod":
            claim = _reportedly(token, base)
        elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS:
            claim = _verb_claim(token, base, quotes)
        elif token.pos_ == "ADJ" and token.lower_ in CUE_ADJECTIVES and token.dep_ == "acomp":
            claim = adjective_claim(token, base)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            claim = noun_claim(token, base)
        elif token.text == ":":
            claim = colon_claim(token, base, quotes)
        elif token.dep_ == "prep" and token.lower_ in ("in", "for", "to"):
            claim = frame_claim(token, base)
        if claim is not None:
            claims.append(claim)
    return claims


def _closes(text: str, base: int, quote: Seg) -> bool:
    """Only a quote that ends on a mark is trusted; an unbalanced one may swallow a cue.
    A quote running on past this paragraph closed in a later one."""
    end = quote[1] - base - 1
    return quote[1] - quote[0] > 1 and (end >= len(text) or text[end] in "\"”»’'")


def _content_of(verb, lemma: str) -> list:
    """The tokens of a cue verb's content, by the first construction that applies."""
    for child in _complements(verb):
        if child.dep_ in _CONTENT_DEPS:
            # "... were worried, and more than 4 in 10 said ...": the next speaker's claim
            # joined by a conjunction is theirs, not part of this content.
            others = {
                t.i
                for conj in child.children
                if conj.dep_ == "conj" and conj.lemma_.lower() in CUE_VERBS
                and any(g.dep_ == "nsubj" for g in conj.children)
                for t in conj.subtree
            }
            return [t for t in child.subtree if t.i != verb.i and t.i not in others]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and lemma in PASSIVE_CONTENT_VERBS and not any(
        c.dep_ == "dobj" for c in verb.children
    ):
        # "Pigs are considered unclean", "Okafor was declared the winner", "the ban was
        # first reported by a paper": the subject (and what it is called) is the content.
        tokens = list(passive.subtree)
        for child in verb.children:
            if child.dep_ in ("oprd", "attr", "acomp") and child.i > verb.i:
                tokens += list(child.subtree)
        return tokens
    if lemma in AS_VERBS:
        # "sees the plan as a trap", "portrayed him as an outsider": only with "as".
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        role = next(
            (c for c in (list(verb.children) + list(obj.children) if obj is not None else [])
             if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i),
            None,
        )
        if role is not None:
            inside = {t.i for t in obj.subtree}
            return list(obj.subtree) + [t for t in role.subtree if t.i not in inside]
    if lemma in OBJECT_CONTENT_VERBS and _object_is_content(verb, lemma):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        if obj is not None:
            tokens = list(obj.subtree)
            if lemma in TARGET_VERBS:
                # "accused him of lying", "warned China against ...": the charge is content.
                for child in verb.children:
                    if child.dep_ == "prep" and child.i > obj.i and child.lower_ in NOUN_PREPS:
                        tokens += list(child.subtree)
            for child in verb.children:
                # "slammed the plan as too vague", "cited Oslo as the likeliest host": what
                # the object is taken for is part of what was said.
                if child.dep_ == "prep" and child.lower_ == "as" and child.i > obj.i:
                    tokens += list(child.subtree)
            if lemma in FINDING_VERBS:
                # "the poll shows Okafor with a lead", "found gaps in the budget": the
                # finding goes on after the object.
                for child in verb.children:
                    if child.dep_ in ("prep", "oprd", "acomp") and child.i > obj.i:
                        tokens += list(child.subtree)
            if lemma in NAMING_VERBS:
                # "called Trump 'unhinged'": the name given is part of what was said.
                for child in verb.children:
                    if child.dep_ in ("oprd", "acomp") and child.i > obj.i:
                        tokens += list(child.subtree)
            return tokens + _object_modifiers(verb, max(t.i for t in tokens))
    prep_words = CONTENT_PREPS.get(lemma, "").split()
    if prep_words:
        for clause in verb.children:
            # "calling for the council to act": the parser makes "for" a clause marker.
            if clause.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in prep_words for g in clause.children
            ):
                return [t for t in clause.subtree if t.dep_ != "mark" or t.head.i != clause.i]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in prep_words:
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return list(pobj.subtree)
    if _trailing_relcl(verb):
        # "X have an unfavorable view of Trump, the poll found.": the parser hangs the
        # closing attribution on a noun as a relative clause; the sentence is the content.
        inner = {t.i for t in verb.subtree}
        return [t for t in verb.sent.root.subtree if t.i not in inner]
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # "X is Y, he said" and "X, he says, is Y": the clause around the cue is the content.
        inner = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in inner]
    for token in verb.subtree:
        if token.i > verb.i and _that_clause(token, verb):
            return list(token.subtree)
    return []


def _complements(verb) -> list:
    """The verb's children, a clause after "X said" first: with a subject before the verb
    a clause before it is one the parser hung there from the sentence before ("Coverage
    was harsh - the paper said Rubio was rocked"), unless a comma sets it off as what was
    said ('"Pieter is a colleague," she said, "and ..."')."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return children
    doc = verb.doc
    for child in children:
        between = doc[child.right_edge.i + 1 : subject.left_edge.i]
        if child.dep_ in _CONTENT_DEPS and child.i < verb.i and any(
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
    if lemma not in FINDING_VERBS or lemma in SHOWING_VERBS:
        return True
    subject = subject_of(verb)
    return subject is not None and subject.lemma_.lower() in FINDING_SOURCES


def _without_trailing_aside(tokens: list) -> list:
    """Drop a comma-set aside that ends the content: "... would be Trump, who leads the
    race" reports that it would be Trump; the relative clause is the author's."""
    if len(tokens) < 4:
        return tokens
    last, inside = tokens[-1].i, {t.i for t in tokens}
    for token in tokens:
        if token.dep_ not in _ASIDE_DEPS or token.head.i not in inside:
            continue
        comma = token.left_edge.i - 1
        if comma in inside and token.doc[comma].text == "," and token.right_edge.i >= last - 1:
            return spans.trim(t for t in tokens if t.i < comma)
    return tokens


def _through_colon(tokens: list) -> list:
    """'said it fell flat for one reason: the pride ...': the content goes on past a colon
    to the end of its sentence."""
    last = tokens[-1]
    doc = last.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != ":":
        return tokens
    end = last.sent.end
    rest = [t for t in doc[last.i + 2 : end] if not t.is_space]
    if sum(not t.is_punct for t in rest) < 2:
        return tokens
    return spans.trim(tokens + [doc[last.i + 1]] + rest)


def _that_clause(token, verb) -> bool:
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


def _verb_claim(verb, base: int, quotes: list[Seg]) -> RawClaim | None:
    lemma = verb.lemma_.lower()
    subject = subject_of(verb)
    if lemma in RAISING_VERBS:
        return _raising_claim(verb, subject, base)
    tokens = spans.trim(sorted(_content_of(verb, lemma), key=lambda t: t.i))
    tokens = _without_trailing_aside(tokens)
    if not tokens:
        return None
    if verb.i < tokens[0].i:
        tokens = _through_colon(tokens)
    pieces = spans.segments(tokens)
    if len(pieces) == 1 or verb.dep_ != "parataxis":
        pieces = [(pieces[0][0], pieces[-1][1])]
    content = [spans.shift(p, base) for p in pieces]
    if len(content) == 1:
        content = [spans.snap_to_quotes(content[0], verb.idx + base, quotes)]
    source = source_of(verb, subject)
    if source is not None and len(source) == 2:
        subject = verb.head  # resolve "who" through the noun it stands for
    cue_tokens = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")]
    quoted = spans.inside_quotes((content[0][0], content[-1][1]), quotes)
    if lemma in QUOTE_ONLY_VERBS and not quoted:
        return None
    kind = "direct_quote" if quoted else "reported"
    return RawClaim(
        content=content,
        cue=[spans.shift(spans.tokens_span(cue_tokens), base)],
        source=[spans.shift(seg, base) for seg in source] if source else None,
        stance=CUE_VERBS[lemma],
        kind=kind,
        cue_lemma=lemma,
        source_root=subject.idx + base if subject is not None else None,
        source_is_pronoun=subject is not None and subject.pos_ == "PRON",
    )


def _raising_claim(verb, subject, base: int) -> RawClaim | None:
    """'X appears to ...' is the author's impression of X: a claim with no source."""
    comp = next((c for c in verb.children if c.dep_ in _CONTENT_DEPS), None)
    if comp is None:
        return None
    tokens = list(comp.subtree) + (list(subject.subtree) if subject is not None else [])
    tokens = spans.trim(sorted(tokens, key=lambda t: t.i))
    if not tokens:
        return None
    return RawClaim(
        content=[spans.shift(spans.tokens_span(tokens), base)],
        cue=[spans.shift(spans.tokens_span([verb]), base)],
        source=None,
        stance="believe",
        kind="reported",
        cue_lemma=verb.lemma_.lower(),
    )


def _according_to(token, base: int) -> RawClaim | None:
    to = token.doc[token.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    clause = token.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    phrase = set(t.i for t in token.subtree) | {token.i, to.i}
    if pobj is not None:
        phrase |= {t.i for t in pobj.subtree}
    rest = [t for t in clause.subtree if t.i not in phrase and not t.is_punct]
    if not rest:
        return None
    content = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
    source = spans.span_of(pobj) if pobj is not None else None
    return RawClaim(
        content=[spans.shift(content, base)],
        cue=[spans.shift((token.idx, to.idx + len(to.text)), base)],
        source=[spans.shift(source, base)] if source else None,
        stance="assert",
        kind="according_to",
        cue_lemma="according to",
        source_root=pobj.idx + base if pobj is not None else None,
        source_is_pronoun=pobj is not None and pobj.pos_ == "PRON",
    )


def _reportedly(adverb, base: int) -> RawClaim | None:
    """'The agency is reportedly weighing a bid': the clause, less the adverb, is reported
    by someone the article does not name."""
    verb = adverb.head
    if verb.i == adverb.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    tokens = spans.trim(
        t for t in verb.subtree
        if t.i != adverb.i and not (t.is_punct and abs(t.i - adverb.i) == 1)
    )
    if len(tokens) < 3:
        return None
    return RawClaim(
        content=[spans.shift(spans.tokens_span(tokens), base)],
        cue=[spans.shift(spans.tokens_span([adverb]), base)],
        source=None,
        stance="assert",
        kind="reported",
        cue_lemma="reportedly",
    )
