"""Find attributions in one parsed paragraph: who (source) says (cue) what (content).

Works on spaCy's dependency parse. A cue is a reporting verb or noun from the lexicon,
"according to", or a headline colon ("Trump: ..."); its subject is the source as written;
its clausal complement (or a quote next to it) is the content, found by the ordered
rules in content_rules. Cues inside a quotation belong to the quoted speaker's words, not
to the article, and are skipped. Quotes with no cue of their own are handled in
quote_links. Returns RawClaim records with absolute character offsets; no spaCy object
leaves this module.
"""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.colon import colon_claim
from briefing_app.nlp.content_rules import CONTENT_DEPS, content_of
from briefing_app.nlp.frames import frame_claim
from briefing_app.nlp.lexicon import (
    CUE_ADJECTIVES,
    CUE_NOUNS,
    CUE_VERBS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
)
from briefing_app.nlp.quotes import overlapping
from briefing_app.nlp.records import RawClaim, Seg
from briefing_app.nlp.stance_words import adjective_claim, noun_claim
from briefing_app.nlp.subjects import body_of_people, may_speak, source_of, speaker_and_rule

# How an aside of the author's, set off by a comma, hangs in the content ("..., who leads").
_ASIDE_DEPS = {"relcl", "appos", "advcl"}
_DISCOURSE_MARKERS = ("that said ,", "that being said ,", "having said that ,")


def extract(doc, base: int, quotes: list[Seg]) -> list[RawClaim]:
    """All attributions whose cue lies in `doc` (a paragraph starting at `base`)."""
    text = doc.text
    closed = [
        q for q in overlapping(quotes, base, base + len(text)) if _closes(text, base, q)
    ]
    claims: list[RawClaim] = []
    # Quotes are sorted and never overlap, and tokens come in text order: one sweep over
    # both finds the quote that could hold each token (a scan per token grew as tokens x
    # quotes on a text thick with quotation marks).
    current = 0
    for token in doc:
        pos = token.idx + base
        while current < len(closed) and closed[current][1] - 1 <= pos:
            current += 1
        if current < len(closed) and closed[current][0] < pos:
            continue  # a cue inside quoted words is the speaker's, not the article's
        if token.i > 0 and doc[token.i - 1].text in ("<", "</"):
            continue  # a tag's name in markup pasted as text ("<tweet author=...>")
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
        elif token.pos_ == "NOUN" and token.lower_ in CUE_VERBS and _takes_clause(token):
            claim = _verb_read_as_noun(token, base)
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


def _verb_claim(verb, base: int, quotes: list[Seg]) -> RawClaim | None:
    lemma = verb.lemma_.lower()
    if discourse_marker(verb):
        return None
    subject, rule = speaker_and_rule(verb)
    if lemma in RAISING_VERBS:
        return _raising_claim(verb, subject, base)
    tokens = spans.trim(sorted(content_of(verb, lemma), key=lambda t: t.i))
    tokens = _without_trailing_aside(tokens)
    if not tokens:
        return None
    if verb.i < tokens[0].i:
        tokens = _through_colon(tokens)
    pieces = spans.segments(tokens)
    if len(pieces) == 1 or verb.dep_ != "parataxis":
        # One span; but a "that" clause after a cue set in the middle of what it reports
        # stays apart, so the speaker and cue are not quoted as the words ("there is a
        # risk, they said, that ...").
        after = next((t for t in tokens if t.i > verb.i), None)
        split = after is not None and after.lower_ == "that" and after.dep_ == "mark" \
            and tokens[0].i < verb.i
        before = [p for p in pieces if split and p[1] <= verb.idx]
        rest = [p for p in pieces if p not in before]
        pieces = [(part[0][0], part[-1][1]) for part in (before, rest) if part]
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
        source_by=rule if subject is not None else "",
    )


def discourse_marker(verb) -> bool:
    """"That said, ..." and "Having said that, ..." open the author's next point; nobody
    says anything in them."""
    doc = verb.doc
    phrase = " ".join(t.lower_ for t in doc[verb.sent.start:min(verb.i + 3, len(doc))])
    return verb.lemma_.lower() == "say" and phrase.startswith(_DISCOURSE_MARKERS)


def _raising_claim(verb, subject, base: int) -> RawClaim | None:
    """'X appears to ...' is the author's impression of X: a claim with no source. When what
    X appears to do is itself saying or thinking ("Obama seemed to recognize that ..."), the
    claim is X's, hedged, and the complement's own cue makes it."""
    comp = next((c for c in verb.children if c.dep_ in CONTENT_DEPS), None)
    if comp is None:
        return None
    if comp.lemma_.lower() in CUE_VERBS and subject is not None \
            and (may_speak(subject) or body_of_people(subject)) \
            and subject.lower_ not in ("it", "this", "that"):
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


def _takes_clause(token) -> bool:
    return any(c.dep_ == "ccomp" for c in token.children)


def _verb_read_as_noun(token, base: int) -> RawClaim | None:
    """A cue verb the parser read as a noun: in "Reports state that the army moved" it
    makes "state" a noun modified by "Reports"; a clause hanging off it says otherwise."""
    clause = next(c for c in token.children if c.dep_ == "ccomp")
    speaker = next(
        (c for c in token.children if c.i < token.i and c.dep_ in ("amod", "compound", "nsubj")
         and c.pos_ in ("NOUN", "PROPN")), None)
    if speaker is None:
        return None
    tokens = spans.trim(clause.subtree)
    if not tokens:
        return None
    return RawClaim(
        content=[spans.shift(spans.tokens_span(tokens), base)],
        cue=[spans.shift(spans.tokens_span([token]), base)],
        source=[spans.shift(spans.span_of(speaker), base)],
        stance=CUE_VERBS[token.lower_],
        kind="reported",
        cue_lemma=token.lower_,
        source_root=speaker.idx + base,
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
    if verb.lemma_.lower() in CUE_VERBS:
        # "Kovac reportedly said the port would reopen": the verb's own claim names the
        # speaker and keeps "reportedly" as its hedge; a second, sourceless claim over
        # the whole clause would only repeat it.
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
