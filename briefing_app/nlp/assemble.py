"""Turn the engine's raw findings into domain objects: actors, resolved sources, hedges.

Plain data in, plain data out: this is where a claim's source span is tied to an actor
(names, pronouns, unnamed sources), hedges are attached, and the author's own hedged or
factual sentences become cue-less claims.
"""

from __future__ import annotations

import bisect
import re

from briefing_app.domain.model import Actor, Analysis, Claim, Mention, PipelineInfo, Source, Span
from briefing_app.nlp import actor_kinds, actors, confidence, lexicon, names, pronouns
from briefing_app.nlp.claims import RawClaim

_WORD = re.compile(r"[\w’'.-]+")
_HEDGE = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(w) for w in lexicon.HEDGE_WORDS), key=len, reverse=True))
    + r"|"
    + "|".join(re.escape(p) for p in lexicon.HEDGE_PHRASES if p != "according to")
    + r")\b",
    re.IGNORECASE,
)
_FACT = re.compile(r"\d")
_MIN_ASSERTION_WORDS = 8
# How far back (characters, about two sentences) a subject beats a nearer non-subject.
_SUBJECT_REACH = 400


class _Register:
    """The article's actors while sources are being resolved."""

    def __init__(self, clusters: list[actors.Cluster]):
        self.clusters = clusters
        self.spans = sorted(
            (m.start, m.end, i, m.subject) for i, c in enumerate(clusters) for m in c.mentions
        )
        self.starts = [span[0] for span in self.spans]
        self.unnamed: dict[str, int] = {}
        self.genders: dict[int, str] = {}
        self.quoted: list[tuple[int, int]] = []

    def at(self, start: int, end: int) -> int | None:
        """The actor with a mention inside [start, end), preferring the last (the head)."""
        hit = None
        index = bisect.bisect_left(self.starts, start)
        while index < len(self.spans) and self.spans[index][0] < end:
            if self.spans[index][1] <= end + 1:
                hit = self.spans[index][2]
            index += 1
        return hit

    def before(self, position: int, kinds: tuple[str, ...], gender: str = "") -> int | None:
        """The antecedent of a pronoun at `position`: the last subject of a fitting kind
        close before it ("Sanders said ... he would"), one of the pronoun's known gender
        first; else the nearest fitting mention."""
        index = bisect.bisect_left(self.starts, position) - 1
        nearest = subject_found = None
        while index >= 0 and position - self.spans[index][0] < 3000:
            _start, _end, cluster, subject = self.spans[index]
            if self._quoted(_start):
                index -= 1
                continue  # a name inside quoted words is not the one speaking them
            kind, known = self.clusters[cluster].kind, self.genders.get(cluster)
            # The model often tags a person ORG; a gendered pronoun after it says otherwise.
            fits = kind in kinds or (
                gender and known == gender and kind == "organisation"
                and pronouns.could_be_person(self.clusters[cluster].name)
            )
            if fits and not (gender and known and known != gender):
                close = subject and position - self.spans[index][0] < _SUBJECT_REACH
                if close and (known == gender or not gender):
                    return cluster
                if close and subject_found is None:
                    subject_found = cluster
                if nearest is None:
                    nearest = cluster
            index -= 1
        return subject_found if subject_found is not None else nearest

    def near(self, cluster: int, position: int) -> bool:
        """Whether `cluster` is mentioned within a subject's reach before `position`."""
        low = bisect.bisect_left(self.starts, position - _SUBJECT_REACH)
        high = bisect.bisect_left(self.starts, position)
        return any(self.spans[i][2] == cluster for i in range(low, high))

    def _quoted(self, position: int) -> bool:
        index = bisect.bisect_right(self.quoted, (position, float("inf"))) - 1
        return index >= 0 and self.quoted[index][0] < position < self.quoted[index][1]

    def by_surname(self, word: str, start: int, end: int, text: str) -> int | None:
        """A person named in full elsewhere whose surname the model did not tag here."""
        if not word[:1].isupper():
            return None
        found = [
            n for n, c in enumerate(self.clusters)
            if c.kind == "person" and " " in c.name and c.name.split()[-1] == word
        ]
        if len(found) != 1:
            return None
        self.clusters[found[0]].mentions.append(
            actors.RawMention(start, end, text[start:end], "person")
        )
        return found[0]

    def unnamed_actor(self, text: str, start: int, end: int, affiliation: str) -> int | None:
        described = actor_kinds.described_source(text, start, end, affiliation)
        if described is None:
            return None  # "the push for a settlement": an abstract noun is never an actor
        text, start, end, affiliation = described
        name = " ".join(w for w in text.split() if w.lower() not in ("a", "an", "the", "some"))
        k = name.lower()
        if k not in self.unnamed:
            self.clusters.append(actors.Cluster(name, "unnamed", [], "", affiliation))
            self.unnamed[k] = len(self.clusters) - 1
        cluster = self.clusters[self.unnamed[k]]
        cluster.mentions.append(actors.RawMention(start, end, text, "unnamed"))
        # A later pronoun may stand for it ("The ministry warned ..., they said").
        at = bisect.bisect_left(self.starts, start)
        self.spans.insert(at, (start, end, self.unnamed[k], True))
        self.starts.insert(at, start)
        return self.unnamed[k]


def build_analysis(
    source: Source,
    info: PipelineInfo,
    raw_claims: list[RawClaim],
    mentions: list[actors.RawMention],
    sentences: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    evidence: list[tuple[str, dict[str, float]]] | None = None,
) -> Analysis:
    """The source's Analysis; with `evidence`, each cued claim's (id, facts) is added to
    it too (training/calibrate.py fits the confidence model on them)."""
    text = source.text
    register = _Register(actors.cluster(mentions))
    register.genders = pronouns.genders(text, register.spans)
    for index in register.genders:
        cluster = register.clusters[index]
        if cluster.kind == "organisation" and pronouns.could_be_person(cluster.name):
            cluster.kind = "person"  # "Ingrid Solberg-Aas ... she": a person the model missed
    register.quoted = _union(
        seg for c in raw_claims if c.kind == "direct_quote" for seg in c.content
    )
    raw_claims = _dedupe(raw_claims)
    resolved = [_resolve(text, register, claim) for claim in raw_claims]
    raw_claims = raw_claims + _author_claims(text, raw_claims, sentences)
    resolved += [None] * (len(raw_claims) - len(resolved))
    actor_ids = [f"{source.id}-a{n}" for n in range(len(register.clusters))]
    actor_kinds.finish(register.clusters, text)  # kinds from names and places; confidence, flags
    domain_actors = [
        Actor(
            id=actor_ids[n],
            name=c.name,
            kind=c.kind,
            role=c.role,
            affiliation=c.affiliation,
            mentions=[Mention(source.id, m.start, m.end) for m in c.mentions],
            confidence=c.confidence,
            flags=list(c.flags),
        )
        for n, c in enumerate(register.clusters)
    ]
    domain_claims = []
    paragraph_starts = [s for s, _ in paragraphs]
    model = confidence.shipped_model()
    for n, (raw, actor_index) in enumerate(zip(raw_claims, resolved)):
        content = _span(raw.content)
        claim = Claim(
            id=f"{source.id}-c{n}",
            source_id=source.id,
            kind=raw.kind,
            content=content,
            source_span=_span(raw.source) if raw.source else None,
            cue=_span(raw.cue) if raw.cue else None,
            stance=raw.stance if raw.cue else "",
            actor_id=actor_ids[actor_index] if actor_index is not None else None,
        )
        claim.hedges = _hedges(text, claim)
        claim.origin = raw.origin
        facts = _facts(text, raw, register, actor_index) if raw.cue else None
        claim.confidence, claim.flags = confidence.judge(facts, model)
        if evidence is not None and facts is not None:
            evidence.append((claim.id, facts))
        claim.paragraph = max(1, bisect.bisect_right(paragraph_starts, claim.start))
        domain_claims.append(claim)
    domain_claims.sort(key=lambda c: c.start)
    return Analysis(
        source_id=source.id,
        sha256=source.sha256,
        pipeline=info,
        actors=[a for a in domain_actors if a.mentions],
        claims=domain_claims,
    )


def _facts(text: str, raw: RawClaim, register: _Register,
           actor_index: int | None) -> dict[str, float]:
    """The confidence facts of a cued claim, with what only the register knows: the
    source's actor kind, and whether another actor is named between source and words."""
    kind = register.clusters[actor_index].kind if actor_index is not None else None
    between = 0
    if raw.source_root is not None:
        first, last = raw.content[0][0], max(e for _s, e in raw.content)
        low, high = (raw.source_root, first) if raw.source_root < first else (last, raw.source_root)
        index = bisect.bisect_left(register.starts, low + 1)
        while index < len(register.spans) and register.spans[index][0] < high:
            between += register.spans[index][2] != actor_index
            index += 1
    return confidence.facts_of(text, raw, kind, register.quoted, between)


def _union(segments) -> list[tuple[int, int]]:
    """Sorted, separate spans covering `segments`: two claims can quote the same words, so
    a lookup by bisection must not meet one span inside another."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(segments):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _dedupe(raw_claims: list[RawClaim]) -> list[RawClaim]:
    seen, out = set(), []
    for claim in raw_claims:
        k = tuple(claim.content)
        if k in seen:
            continue
        seen.add(k)
        out.append(claim)
    return out


def _resolve(text: str, register: _Register, claim: RawClaim) -> int | None:
    if claim.source_root is None:
        return None
    start, end = claim.source[0] if claim.source else (claim.source_root, claim.source_root + 1)
    head = _WORD.match(text, claim.source_root)
    head_word = head.group(0).lower() if head else ""
    if claim.source_is_pronoun:
        if head_word in ("he", "his", "him"):
            return register.before(start, ("person",), "male")
        if head_word in ("she", "her"):
            return register.before(start, ("person",), "female")
        if head_word in ("i", "me"):
            return register.before(start, ("person",))
        if head_word in ("it", "its"):
            return register.before(start, ("organisation", "state"))
        if head_word in ("they", "them", "their"):
            # Officials, a group or a body, before a country or a person named near them:
            # "The ministry warned that Borduria would face sanctions, they said."
            found = register.before(start, ("unnamed", "group", "organisation"))
            if found is not None and register.near(found, start):
                return found
        return register.before(start, ("unnamed", "group", "organisation", "state", "person"))
    hit = register.at(start, end)
    # A capitalised head inside the phrase is a name ("The Federal Ministry of Transport").
    named = head is not None and head.group(0)[:1].isupper() and claim.source_root > start
    if not named and (
        head_word in lexicon.UNNAMED_SOURCE_NOUNS
        or head_word.rstrip("s") in lexicon.UNNAMED_SOURCE_NOUNS
    ):
        # "State Department officials", "a U.S. official", "Vollrath's spokesperson": an
        # unnamed source; a named actor inside the phrase is who they speak for.
        affiliation = register.clusters[hit].name if hit is not None else ""
        for word in text[start:end].split():
            affiliation = affiliation or names.DEMONYMS.get(word.lower(), "")
        return register.unnamed_actor(text[start:end], start, end, affiliation)
    if hit is not None:
        return hit
    if head is not None and head.group(0)[:1].islower() and head.group(0).isalpha():
        # "the mayor", "the coastguard": a described source is an actor too.
        return register.unnamed_actor(text[start:end], start, end, "")
    return register.by_surname(head.group(0) if head else "", start, end, text)


def _author_claims(
    text: str, raw_claims: list[RawClaim], sentences: list[tuple[int, int]]
) -> list[RawClaim]:
    """The author's hedged or factual sentences that no attribution covers."""
    taken = sorted((min(s for s, _ in c.content), max(e for _, e in c.content)) for c in raw_claims)
    starts = [s for s, _ in taken]
    out = []
    for start, end in sentences:
        index = bisect.bisect_left(starts, end)
        if any(s < end and start < e for s, e in taken[max(0, index - 20) : index]):
            continue
        sentence = text[start:end]
        if len(sentence.split()) < _MIN_ASSERTION_WORDS:
            continue
        stripped = sentence.rstrip()
        kind = (
            "hedged_assertion"
            if _HEDGE.search(sentence)
            else "assertion"
            if _FACT.search(sentence)
            else None
        )
        if kind:
            out.append(
                RawClaim(
                    content=[(start, start + len(stripped))],
                    cue=None,
                    source=None,
                    stance="",
                    kind=kind,
                )
            )
    return out


def _hedges(text: str, claim: Claim) -> list[Span]:
    # Start a little early: "is believed to" begins before its cue "believed".
    start, end = claim.start, claim.end
    window = max(0, start - 16)
    return [
        Span(m.start() + window, m.end() + window)
        for m in _HEDGE.finditer(text[window:end])
        if m.end() + window > start
    ]


def _span(segments: list[tuple[int, int]]) -> Span:
    segments = sorted(set(segments))
    start, end = segments[0][0], max(e for _, e in segments)
    return Span(start, end, segments if len(segments) > 1 else None)


