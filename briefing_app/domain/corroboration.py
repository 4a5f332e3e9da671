"""Where the sources of a briefing agree and disagree: claims grouped into propositions.

A proposition is what several claims assert (claim_relation says which claims meet). For
each one: the claims that support it and those that contradict it, source by source, how
many independent sources support it (independence: same outlet, copies, a cited agency),
and suggestions for the analyst. Nothing here changes a claim: a suggestion is applied only
by the analyst's own accept (document/corroboration_commands.py), which reviews that claim.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from briefing_app.domain.claim_relation import ClaimFacts, facts, relation
from briefing_app.domain.independence import Voices, cited_agency, outlet_key
from briefing_app.domain.model import Briefing, Claim

CORROBORATED = "corroborated"
CONTRADICTED = "contradicted"
SINGLE_SOURCE = "single_source"
SUPPORTS = "supports"
CONTRADICTS = "contradicts"


@dataclass
class PropositionClaim:
    """One claim's place in a proposition."""

    claim_id: str
    source: int  # index into briefing.sources
    role: str  # SUPPORTS or CONTRADICTS
    independent: bool  # False when an earlier claim here is the same voice
    note: str = ""  # why it is not independent


@dataclass
class Proposition:
    id: str
    status: str
    independent_sources: int
    claims: list[PropositionClaim] = field(default_factory=list)

    def claim_ids(self, role: str | None = None) -> list[str]:
        return [c.claim_id for c in self.claims if role is None or c.role == role]

    @property
    def sources(self) -> list[int]:
        return sorted({c.source for c in self.claims})


@dataclass
class Suggestion:
    """A rating the evidence suggests for one claim; applied only if the analyst accepts."""

    claim_id: str
    proposition_id: str
    values: dict[str, str]
    reason: str


@dataclass
class Corroboration:
    propositions: list[Proposition]
    suggestions: list[Suggestion]

    def proposition_of(self, claim_id: str) -> Proposition | None:
        return next((p for p in self.propositions if claim_id in p.claim_ids()), None)


def _claim_facts(briefing: Briefing, claim: Claim, texts: dict[str, str]) -> ClaimFacts:
    text = texts[claim.source_id]
    actor = briefing.actor(claim.actor_id)
    name = actor.name if actor else (claim.source_span.text(text) if claim.source_span else "")
    return facts(claim.words(text), claim.cue.text(text) if claim.cue else "", claim.stance,
                 claim.actor_id, name)


def _groups(all_facts: list[ClaimFacts]) -> list[list[int]]:
    """Claims joined wherever two of them are related (either polarity), as index lists."""
    parent = list(range(len(all_facts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only pairs that share two stems (or all their words) can be related: an inverted
    # index finds them without comparing every pair (1,000 claims: 500,000 pairs).
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(all_facts):
        shared: dict[int, int] = defaultdict(int)
        for word in found.stems:
            for j in postings[word]:
                shared[j] += 1
            postings[word].append(i)
        for j, count in shared.items():
            if (count >= 2 or all_facts[i].wording == all_facts[j].wording) \
                    and find(i) != find(j) and relation(all_facts[i], all_facts[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(all_facts)):
        groups[find(i)].append(i)
    return list(groups.values())


def corroborate(briefing: Briefing) -> Corroboration:
    """Group the briefing's claims (rejected and excluded ones left out) into propositions."""
    index = {s.id: i for i, s in enumerate(briefing.sources)}
    texts = {s.id: s.text for s in briefing.sources}
    claims = sorted((c for c in briefing.claims
                     if c.included and c.review != "rejected" and c.source_id in index),
                    key=lambda c: (index[c.source_id], c.start))
    all_facts = [_claim_facts(briefing, c, texts) for c in claims]
    voices = Voices(briefing)
    outlets = {outlet_key(s) for s in briefing.sources} - {""}
    built = []
    for members in _groups(all_facts):
        negative = sum(1 for i in members if all_facts[i].negative)
        # The proposition is what most of its claims assert; a tie goes to the positive
        # reading, which the denials then contradict.
        negative_side = negative > len(members) - negative
        built.append(_proposition([claims[i] for i in members],
                                  [all_facts[i].negative == negative_side for i in members],
                                  briefing, index, voices, outlets, texts))
    built.sort(key=lambda p: (p.status != CONTRADICTED, -p.independent_sources,
                              -len(p.claims), p.claims[0].source,
                              briefing.claim(p.claims[0].claim_id).start))
    for number, proposition in enumerate(built, 1):
        proposition.id = f"p{number}"
    suggestions = [s for p in built for s in _suggestions(briefing, p)]
    return Corroboration(built, suggestions)


def _origin(briefing: Briefing, claim: Claim, texts: dict[str, str], outlets: set[str],
            voices: Voices, source: int) -> tuple[str, object]:
    """Whose report a claim passes on: a cited agency or outlet, else its source's voice."""
    actor = briefing.actor(claim.actor_id)
    name = actor.name if actor else (
        claim.source_span.text(texts[claim.source_id]) if claim.source_span else "")
    agency = cited_agency(name)
    plain = " ".join(name.casefold().split()).removeprefix("the ")
    if agency or plain in outlets:
        return ("cited", agency or plain)
    return ("voice", voices.voice(source))


def _proposition(claims: list[Claim], supporting: list[bool], briefing: Briefing,
                 index: dict[str, int], voices: Voices, outlets: set[str],
                 texts: dict[str, str]) -> Proposition:
    placed, seen = [], {}
    for claim, supports in zip(claims, supporting):
        source = index[claim.source_id]
        role = SUPPORTS if supports else CONTRADICTS
        origin = _origin(briefing, claim, texts, outlets, voices, source)
        first = seen.get((role, origin))
        note = ""
        if first is not None:
            if origin[0] == "cited":
                note = f"cites the same report ({origin[1]})"
            elif first == source:
                note = "same source"
            else:
                note = voices.reason(first, source)
        else:
            seen[(role, origin)] = source
        placed.append(PropositionClaim(claim.id, source, role, first is None, note))
    independent = len({origin for role, origin in seen if role == SUPPORTS})
    if any(c.role == CONTRADICTS for c in placed):
        status = CONTRADICTED
    elif independent >= 2:
        status = CORROBORATED
    else:
        status = SINGLE_SOURCE
    return Proposition("", status, independent, placed)


def _suggestions(briefing: Briefing, proposition: Proposition) -> list[Suggestion]:
    if proposition.status == CORROBORATED:
        wanted = {"credibility": "1", "status": "corroborated"}
        reason = f"confirmed by {proposition.independent_sources} independent sources"
        ids = proposition.claim_ids(SUPPORTS)
    elif proposition.status == CONTRADICTED:
        wanted = {"status": "disputed"}
        reason = "contradicted by another claim"
        ids = proposition.claim_ids()
    else:
        return []
    found = []
    for claim_id in ids:
        claim = briefing.claim(claim_id)
        if claim.rating.status == "false":
            continue  # the analyst found it false: no evidence count overrides that
        values = {k: v for k, v in wanted.items() if getattr(claim.rating, k) != v}
        if values:
            found.append(Suggestion(claim_id, proposition.id, values, reason))
    return found
