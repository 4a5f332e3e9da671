"""The tagger behind the rules: its contents become claims the rules missed, its doubt
can veto a weak rule claim.

The tagger (nlp/tagger.py) labels words SOURCE, CUE or CONTENT. Its contents are read
here into claims, but who speaks is asked of the rules first: a tagged cue verb gets its
speaker from subjects.source_of (the parser's slips repaired), and that source is then
resolved to an actor in assemble like any rule claim's (pronouns, titles, unnamed
sources); the tagger's own SOURCE words are used only where the parse names nobody.
Rule claims are kept unless the tagger gives their content too little weight, or, for a
reported claim only the rules found, its speaker almost no source weight; tagger claims
are added only where no rule claim already covers that content. The thresholds
were chosen on the held-back part of PolNeAR tune/ (training/combine_eval.py).
Every claim says where it came from in `origin` ("rules", "tagger" or "both") and how much
the tagger believes its content in `support` (and its speaker in `source_support`, a
rival speaker in `rival_support`); nlp/confidence.py turns them into doubt.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import numpy

from briefing_app.nlp import spans
from briefing_app.nlp.claims import discourse_marker
from briefing_app.nlp.colon import UNCONFIRMED_NAME
from briefing_app.nlp.lexicon import CUE_NOUNS, CUE_VERBS
from briefing_app.nlp.records import RawClaim, Seg
from briefing_app.nlp.subjects import source_of, subject_of
from briefing_app.nlp.tagger import LABEL_INDEX, LABELS

_WORD = re.compile(r"\w+")
_CON = [LABEL_INDEX["B-CON"], LABEL_INDEX["I-CON"]]
_SRC = [LABEL_INDEX["B-SRC"], LABEL_INDEX["I-SRC"]]
# Where a doc keeps its word index (_word_index).
_WORD_INDEX = "briefing_app.word_index"


@dataclass
class Settings:
    """How tagger and rules are combined (chosen on held-back tune/)."""

    # Mean content probability an added tagger claim needs: quotes (whose speaker the
    # parse finds well) and reported speech (where most added claims were false).
    # On held-back tune the quote threshold hardly matters (0.5-0.8: F1 within 0.001).
    # Reported 0.85 kept end-to-end F1 highest at first (0.614 vs the rules' 0.608); once
    # the lexicon lost its weakest cues, 0.8 gave F1 0.711 vs 0.708 at the same e2e (0.626).
    add_quote_confidence: float = 0.7
    add_reported_confidence: float = 0.8
    add_max_covered: float = 0.2  # share of its words a rule claim may already hold
    # Without a speaker an added claim was wrong 3 times in 4 on held-back tune.
    add_needs_source: bool = True
    min_words: int = 3  # shorter tagger contents are fragments
    cue_reach: int = 30  # tokens between a tagger content and its cue
    # A veto at 0.1-0.3 cost more recall than it gained precision on held-back tune, so
    # no rule claim is vetoed by default.
    veto_below: float = 0.0  # rule claims whose content the tagger gives less are dropped
    rules: bool = True  # False keeps no rule claim: measures the tagger alone
    # A reported (not quoted) claim only the rules found is dropped when the tagger gives
    # its speaker less source weight than this: "Norrlink said that it had rerouted four
    # ferries and that passengers should expect longer crossings" made "passengers" speak
    # (cue "expect"; tests/nlp/test_tagger.py). On held-back tune 0.05 gave F1
    # 0.7106 -> 0.7141 and e2e 0.6338 -> 0.6384 (0.02: 0.7124; 0.1: 0.7139; with quotes
    # too, or only for cues that are not speech verbs, less).
    veto_doubted_source: float = 0.05
    # ... or when another word of the cue's sentence reads as the speaker by more than this
    # (held-back tune: 0.3 / 0.5 / 0.6 / 0.7 / 0.9 gave F1 0.7150 / 0.7153 / 0.7153 /
    # 0.7152 / 0.7139 and e2e 0.6396 / 0.6403 / 0.6400 / 0.6400 / 0.6389, against 0.7141
    # and 0.6384 without).
    veto_rival_margin: float = 0.5


DEFAULT = Settings()


def _runs(labels: list[str], name: str) -> list[tuple[int, int]]:
    """[start, end) token runs labelled B-/I-`name`; an I- after anything else opens one."""
    runs, start = [], None
    for i, label in enumerate(labels + ["O"]):
        inside = label in (f"B-{name}", f"I-{name}")
        if start is not None and (not inside or label == f"B-{name}"):
            runs.append((start, i))
            start = None
        if inside and start is None:
            start = i
    return runs


def _root(doc, start: int, end: int):
    """The run's token whose head lies outside the run."""
    return next(
        (t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i),
        doc[start],
    )


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def _source(doc, cue_root, src_runs, cue_run):
    """(segments, head token) of who speaks: the rules' speaker of a cue verb, a cue
    noun's owner, else the tagger's nearest SOURCE words in the sentence."""
    if cue_root.pos_ in ("VERB", "AUX"):
        subject = subject_of(cue_root)
        found = source_of(cue_root, subject)
        if found:
            return found, (cue_root.head if len(found) == 2 else subject)
    if cue_root.pos_ == "NOUN":
        owner = next((c for c in cue_root.children if c.dep_ == "poss"), None)
        if owner is not None:
            return [spans.span_of(owner)], owner
    sent = cue_root.sent
    near = [r for r in src_runs if sent.start <= r[0] < sent.end and _gap(r, cue_run) <= 10]
    if not near:
        return None, None
    run = min(near, key=lambda r: _gap(r, cue_run))
    tokens = spans.trim(doc[run[0] : run[1]])
    if not tokens:
        return None, None
    return [spans.tokens_span(tokens)], _root(doc, run[0], run[1])


def tagger_claims(doc, base: int, probs: numpy.ndarray, quotes: list[Seg],
                  settings: Settings = DEFAULT) -> list[RawClaim]:
    """The claims the tagger's labels spell out in `doc` (a piece starting at `base`)."""
    if not len(doc):
        return []
    best = probs.argmax(axis=1)
    labels = ["O" if t.is_space else LABELS[best[t.i]] for t in doc]
    content_weight = probs[:, _CON].sum(axis=1)
    cue_runs, src_runs = _runs(labels, "CUE"), _runs(labels, "SRC")
    found: dict[tuple[int, int], list] = {}
    for run in _runs(labels, "CON"):
        tokens = spans.trim(doc[run[0] : run[1]])
        if sum(not t.is_punct for t in tokens) < settings.min_words or not cue_runs:
            continue
        cue_run = min(cue_runs, key=lambda c: _gap(c, run))
        if _gap(cue_run, run) > settings.cue_reach:
            continue
        seg = spans.shift(spans.tokens_span(tokens), base)
        found.setdefault(cue_run, []).append((seg, float(content_weight[run[0] : run[1]].mean())))
    out = []
    for cue_run, contents in found.items():
        cue_root = _root(doc, *cue_run)
        if discourse_marker(cue_root):
            continue
        # A quote split by its attribution ('"A," she said, "B."') is one claim.
        quoted = [c for c in contents if spans.inside_quotes(c[0], quotes)]
        groups = [quoted] if len(quoted) > 1 else []
        groups += [[c] for c in contents if len(quoted) < 2 or c not in quoted]
        source, head = _source(doc, cue_root, src_runs, cue_run)
        lemma = cue_root.lemma_.lower()
        for group in groups:
            segs = sorted(seg for seg, _weight in group)
            out.append(RawClaim(
                content=segs,
                cue=[spans.shift(spans.tokens_span(doc[cue_run[0] : cue_run[1]]), base)],
                source=[spans.shift(s, base) for s in source] if source else None,
                stance=CUE_VERBS.get(lemma) or CUE_NOUNS.get(lemma) or "assert",
                kind="direct_quote" if spans.inside_quotes(segs[0], quotes) else "reported",
                cue_lemma=lemma,
                source_root=head.idx + base if head is not None else None,
                source_is_pronoun=head is not None and head.pos_ == "PRON",
                origin="tagger",
                support=sum(w for _seg, w in group) / len(group),
            ))
    return out


def _words(text: str, segs: list[Seg]) -> set[tuple[int, int]]:
    return {(m.start() + s, m.end() + s) for s, e in segs for m in _WORD.finditer(text[s:e])}


def _weights(doc, base: int, probs: numpy.ndarray, labels: list[int], tokens,
             segs: list[Seg], inside: bool = True) -> list[float]:
    """The tagger's probability of `labels` for each word of `tokens` (the doc or one of
    its spans) that lies inside `segs` (or outside them, with inside=False)."""
    starts, words = _word_index(doc)
    lo, hi = (0, len(doc)) if tokens is doc else (tokens.start, tokens.end)
    at = starts[lo:hi] + base
    hit = numpy.zeros(hi - lo, dtype=bool)
    for s, e in segs:
        hit |= (at >= s) & (at < e)
    keep = words[lo:hi] & (hit == inside)
    return probs[lo:hi][keep][:, labels].sum(axis=1).tolist()


def _word_index(doc) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Each token's offset and whether it is a word, kept on the doc: every claim of a
    piece asks, and a loop over the tokens per claim was a tenth of the analysis."""
    found = doc.user_data.get(_WORD_INDEX)
    if found is None:
        starts = numpy.fromiter((t.idx for t in doc), dtype=numpy.int64, count=len(doc))
        words = numpy.fromiter((not (t.is_punct or t.is_space) for t in doc), dtype=bool,
                               count=len(doc))
        found = doc.user_data[_WORD_INDEX] = (starts, words)
    return found


def content_support(doc, base: int, probs: numpy.ndarray, segs: list[Seg]) -> float:
    """The tagger's mean content probability over the words of `segs` in this piece."""
    inside = _weights(doc, base, probs, _CON, doc, segs)
    return float(numpy.mean(inside)) if inside else 1.0


def source_support(doc, base: int, probs: numpy.ndarray, segs: list[Seg] | None) -> float | None:
    """The tagger's highest source probability over the words of `segs` in this piece: a
    second, independent opinion on who speaks (None when no word of it is here)."""
    inside = _weights(doc, base, probs, _SRC, doc, segs) if segs else []
    return float(max(inside)) if inside else None


def rival_support(doc, base: int, probs: numpy.ndarray, claim: RawClaim) -> float | None:
    """The tagger's highest source probability over the other words of the cue's sentence
    (neither the claim's source nor its content): someone else the tagger reads as the
    speaker. None without a cue in this piece."""
    if not claim.cue:
        return None
    cue_span = doc.char_span(claim.cue[0][0] - base, claim.cue[0][1] - base,
                             alignment_mode="expand")
    if cue_span is None or not len(cue_span):
        return None
    taken = list(claim.source or ()) + list(claim.content) + list(claim.cue)
    others = _weights(doc, base, probs, _SRC, cue_span[0].sent, taken, inside=False)
    return float(max(others)) if others else 0.0


def combine(text: str, doc, base: int, probs: numpy.ndarray, rule_claims: list[RawClaim],
            quotes: list[Seg], settings: Settings = DEFAULT) -> list[RawClaim]:
    """The rules' claims of one piece, less those the tagger vetoes, plus the tagger's
    claims no rule claim covers; each marked with its origin."""
    tagged = tagger_claims(doc, base, probs, quotes, settings)
    if not settings.rules:
        rule_claims = []
    rule_words = [_words(text, c.content) for c in rule_claims]
    out: list[RawClaim] = []
    claimed: set[tuple[int, int]] = set()
    rule_cues = [seg for c in rule_claims for seg in c.cue or ()]
    for claim, words in zip(rule_claims, rule_words):
        agreed = any(_dice(words, _words(text, t.content)) >= 0.5 for t in tagged)
        support = content_support(doc, base, probs, claim.content)
        if not agreed and support < settings.veto_below:
            continue
        out.append(dataclasses.replace(claim, origin="both" if agreed else "rules",
                                       support=support))
        claimed |= words
    for claim in tagged:
        words = _words(text, claim.content)
        needed = (
            settings.add_quote_confidence
            if claim.kind == "direct_quote"
            else settings.add_reported_confidence
        )
        if not words or claim.support < needed:
            continue
        if settings.add_needs_source and claim.source is None:
            continue
        if _read_by_rules(doc, base, claim.cue, rule_cues):
            continue  # the rules read this cue already: their content and source stand
        if len(words & claimed) > settings.add_max_covered * len(words):
            continue
        out.append(claim)
        claimed |= words
    scored = [dataclasses.replace(c, source_support=source_support(doc, base, probs, c.source),
                                  rival_support=rival_support(doc, base, probs, c))
              for c in out]
    return [c for c in scored if not vetoed(c, settings)]


def _read_by_rules(doc, base: int, cue: list[Seg], rule_cues: list[Seg]) -> bool:
    """Whether a tagged cue is a rule cue, or hangs from one: "interview" in "Okafor said
    in an interview" belongs to the rules' "said", whose quote may go on after it."""
    if any(s < e2 and s2 < e for s, e in cue for s2, e2 in rule_cues):
        return True
    span = doc.char_span(cue[0][0] - base, cue[0][1] - base, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(s <= t.idx + base < e for t in span.root.ancestors for s, e in rule_cues)


def vetoed(claim: RawClaim, settings: Settings) -> bool:
    """True for a reported claim only the rules found whose speaker the tagger does not
    see, or sees elsewhere in the sentence. A line opened by a word the parser reads as
    a noun ("Sanders: ...") is left to colon.confirm_names, which asks the whole article
    whether that word names someone: the tagger sees only the line."""
    if claim.origin != "rules" or claim.kind == "direct_quote" or claim.source_support is None:
        return False
    if claim.source_by == UNCONFIRMED_NAME:
        return False
    rival = claim.rival_support or 0.0
    return (claim.source_support < settings.veto_doubted_source
            or rival - claim.source_support > settings.veto_rival_margin)


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
