"""Find attributions in one parsed paragraph: who (source) says (cue) what (content).

Works on spaCy's dependency parse. A cue is a reporting verb or noun from the lexicon, or
"according to"; its subject is the source as written; its clausal complement (or a quote
next to it) is the content. Quotes with no cue of their own are handled in quote_links.
Returns RawClaim records with absolute character offsets; no spaCy object leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_app.nlp.lexicon import CUE_NOUNS, CUE_VERBS, RAISING_VERBS
from briefing_app.nlp.quotes import overlapping

Seg = tuple[int, int]

_CONTENT_DEPS = ("ccomp", "xcomp", "csubj")
_OBJECT_CONTENT_VERBS = {
    "announce",
    "deny",
    "reject",
    "dismiss",
    "criticize",
    "criticise",
    "cite",
    "praise",
    "promise",
    "pledge",
    "vow",
    "endorse",
    "confirm",
    "acknowledge",
    "admit",
    "reveal",
    "predict",
    "question",
    "describe",
    "highlight",
    "tout",
    "blast",
    "slam",
    "denounce",
    "condemn",
    "mock",
    "decry",
    "tweet",
    "post",
    "write",
    "propose",
    "demand",
    "urge",
    "seek",
    "want",
    "support",
    "mention",
    "list",
    "detail",
    "estimate",
    "fear",
    "expect",
    "dispute",
    "disavow",
    "downplay",
    "blame",
    "attack",
    "accuse",
    "lament",
    "request",
}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass
class RawClaim:
    """One attribution found in a paragraph, in absolute character offsets."""

    content: list[Seg]
    cue: list[Seg] | None
    source: list[Seg] | None
    stance: str
    kind: str
    cue_lemma: str = ""
    source_root: int | None = None  # char offset of the source's head word
    source_is_pronoun: bool = False
    hedges: list[Seg] = field(default_factory=list)


def extract(doc, base: int, quotes: list[Seg]) -> list[RawClaim]:
    """All attributions whose cue lies in `doc` (a paragraph starting at `base`)."""
    claims: list[RawClaim] = []
    used_heads: set[int] = set()
    for token in doc:
        claim = None
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            claim = _according_to(token, base)
        elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS:
            claim = _verb_claim(token, base, quotes)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS:
            claim = _noun_claim(token, base)
        if claim is not None and token.i not in used_heads:
            used_heads.add(token.i)
            claims.append(claim)
    return claims


def _verb_claim(verb, base: int, quotes: list[Seg]) -> RawClaim | None:
    lemma = verb.lemma_.lower()
    content_head = None
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS and child.dep_ != "csubj":
            content_head = child
            break
    if content_head is None and lemma in _OBJECT_CONTENT_VERBS:
        content_head = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    if content_head is None and verb.dep_ == "parataxis":
        # "X is Y, he said": spaCy sometimes hangs the reporting verb off the clause.
        content_head = verb.head
        if verb.head.i > verb.i:
            content_head = None
    if content_head is None:
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None
        )
        if prep is not None and lemma in ("call", "push", "press", "ask", "vote"):
            content_head = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if content_head is None:
        return None
    content = _subtree_span(content_head, exclude=verb)
    if content is None:
        return None
    content = _snap_to_quotes(content, base, verb, quotes)
    subject = _subject(verb)
    source = _span_of(subject) if subject is not None else None
    cue_tokens = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")]
    if lemma in RAISING_VERBS and subject is not None and content_head.dep_ == "xcomp":
        # "X appears to ..." is the author's hedge about X, not X speaking.
        return None
    kind = "direct_quote" if _inside_quotes(content, quotes, base) else "reported"
    return RawClaim(
        content=[_abs(content, base)],
        cue=[_abs(_tokens_span(cue_tokens), base)],
        source=[_abs(source, base)] if source else None,
        stance=CUE_VERBS[lemma],
        kind=kind,
        cue_lemma=lemma,
        source_root=subject.idx + base if subject is not None else None,
        source_is_pronoun=subject is not None and subject.pos_ == "PRON",
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
    source = _span_of(pobj) if pobj is not None else None
    return RawClaim(
        content=[_abs(content, base)],
        cue=[_abs((token.idx, to.idx + len(to.text)), base)],
        source=[_abs(source, base)] if source else None,
        stance="assert",
        kind="according_to",
        cue_lemma="according to",
        source_root=pobj.idx + base if pobj is not None else None,
        source_is_pronoun=pobj is not None and pobj.pos_ == "PRON",
    )


def _noun_claim(noun, base: int) -> RawClaim | None:
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = _subtree_span(clause)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ in ("dobj", "nsubj"):
        owner = _subject(noun.head) if noun.dep_ == "dobj" else None
    source = _span_of(owner) if owner is not None else None
    return RawClaim(
        content=[_abs(content, base)],
        cue=[_abs((noun.idx, noun.idx + len(noun.text)), base)],
        source=[_abs(source, base)] if source else None,
        stance=CUE_NOUNS[noun.lemma_.lower()],
        kind="reported",
        cue_lemma=noun.lemma_.lower(),
        source_root=owner.idx + base if owner is not None else None,
        source_is_pronoun=owner is not None and owner.pos_ == "PRON",
    )


def _subject(verb):
    """The speaker of a cue verb: its subject, a passive agent, or its controller's subject."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        return _subject(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.head
    return None


def _span_of(token) -> Seg | None:
    """The noun phrase headed by `token`, without relative clauses or appositions after it."""
    if token is None:
        return None
    keep = [
        t
        for t in token.subtree
        if not any(
            a.dep_ in ("relcl", "acl", "appos") and a.i > token.i
            for a in _ancestors_until(t, token)
        )
    ]
    keep = [t for t in keep if not t.is_punct] or [token]
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _ancestors_until(token, stop):
    out = []
    while token.i != stop.i and token.head.i != token.i:
        out.append(token)
        token = token.head
    return out


def _subtree_span(head, exclude=None) -> Seg | None:
    tokens = [t for t in head.subtree if exclude is None or t.i != exclude.i]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "\"”’'"):
        tokens.pop()
    while tokens and tokens[0].is_punct and tokens[0].text not in "\"“‘'":
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _tokens_span(tokens) -> Seg:
    tokens = sorted(tokens, key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _abs(seg: Seg, base: int) -> Seg:
    return seg[0] + base, seg[1] + base


def _inside_quotes(seg: Seg, quotes: list[Seg], base: int) -> bool:
    start, end = seg[0] + base, seg[1] + base
    covered = sum(
        min(end, q_end) - max(start, q_start) for q_start, q_end in overlapping(quotes, start, end)
    )
    return covered >= 0.6 * (end - start)


def _snap_to_quotes(seg: Seg, base: int, verb, quotes: list[Seg]) -> Seg:
    """Widen content that overlaps a quote to the whole quote, as a reader would cite it."""
    start, end = seg[0] + base, seg[1] + base
    cue_pos = verb.idx + base
    for q_start, q_end in overlapping(quotes, start, end):
        if q_start < end and start < q_end and not (q_start <= cue_pos < q_end):
            start, end = min(start, q_start), max(end, q_end)
    return start - base, end - base
