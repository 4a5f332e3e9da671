"""Corroboration on three made-up reports of one fire: propositions, independence and
suggestions, exactly, with the real engine's claims."""

import pytest

from briefing_app.domain.corroboration import corroborate
from support.corroboration_briefing import sample_briefing, words

pytestmark = pytest.mark.model

WIRE, COPY, POST = 0, 1, 2


@pytest.fixture(scope="module")
def briefing(nlp):
    return sample_briefing(nlp)


def _shape(briefing, proposition):
    return (proposition.status, proposition.independent_sources,
            [(c.source, c.role, c.independent, words(briefing, c.claim_id))
             for c in proposition.claims])


def test_sources_keep_their_outlets(briefing):
    assert [s.outlet for s in briefing.sources] == [
        "Syldavian Wire Service", "Borduria Herald", "Klow Evening Post"]


def test_propositions_exactly(briefing):
    found = [_shape(briefing, p) for p in corroborate(briefing).propositions]
    warnings = "the port authority had ignored repeated safety warnings about the terminal's wiring"
    fire = "the blaze destroyed three warehouses at the terminal"
    shipping = "Shipping through the port is expected to resume on Wednesday"
    assert found == [
        # The union's charge, carried by the wire and its copy, denied by the authority.
        ("contradicted", 1, [(WIRE, "supports", True, warnings),
                             (COPY, "supports", False, warnings),
                             (POST, "contradicts", True,
                              "that it had ignored safety warnings about the wiring")]),
        # What all three confirm, in the Post's own words: two independent sources, not three.
        ("corroborated", 2, [(WIRE, "supports", True, fire),
                             (COPY, "supports", False, fire),
                             (POST, "supports", True, "Three warehouses were destroyed by the "
                                                      "fire at the Klow grain terminal")]),
        ("single_source", 1, [(WIRE, "supports", True, "We told them twice this year"),
                              (COPY, "supports", False, "We told them twice this year")]),
        ("single_source", 1, [(WIRE, "supports", True, shipping),
                              (COPY, "supports", False, shipping)]),
        ("single_source", 1, [(WIRE, "supports", True, "to resume on Wednesday"),
                              (COPY, "supports", False, "to resume on Wednesday")]),
        # Only the Post has it.
        ("single_source", 1, [(POST, "supports", True, "an electrical fault in the loading "
                                                       "hall probably started the fire")]),
    ]


def test_the_copy_says_why_it_is_not_independent(briefing):
    first = corroborate(briefing).propositions[1]
    assert [c.note for c in first.claims] == ["", "republished copy of the same text", ""]


def test_same_outlet_is_one_voice(briefing):
    briefing.sources[POST].outlet = "Syldavian Wire Service"
    try:
        fire = corroborate(briefing).propositions[1]
    finally:
        briefing.sources[POST].outlet = "Klow Evening Post"
    assert (fire.status, fire.independent_sources) == ("single_source", 1)
    assert fire.claims[2].note == "same outlet (Syldavian Wire Service)"


def test_suggestions_exactly_and_nothing_changed(briefing):
    result = corroborate(briefing)
    contested, confirmed = result.propositions[0], result.propositions[1]
    assert [(s.claim_id, s.proposition_id, s.values) for s in result.suggestions] == (
        [(c, "p1", {"status": "disputed"}) for c in contested.claim_ids()]
        + [(c, "p2", {"credibility": "1", "status": "corroborated"})
           for c in confirmed.claim_ids()])
    # Suggestions only: no claim was rated or reviewed by working them out.
    assert all(c.rating.status == "unverified" and not c.rating.credibility
               and c.review == "machine" and not c.changed_by for c in briefing.claims)


def test_a_claim_already_rated_gets_no_suggestion_and_false_stays_false(briefing):
    result = corroborate(briefing)
    confirmed = result.propositions[1].claim_ids()
    first, second = briefing.claim(confirmed[0]), briefing.claim(confirmed[1])
    first.rating.credibility, first.rating.status = "1", "corroborated"
    second.rating.status = "false"
    try:
        again = {s.claim_id for s in corroborate(briefing).suggestions}
    finally:
        for claim in (first, second):
            claim.rating.credibility, claim.rating.status = "", "unverified"
    assert first.id not in again and second.id not in again and confirmed[2] in again


def test_rejected_claims_are_left_out(briefing):
    denial = corroborate(briefing).propositions[0].claim_ids("contradicts")[0]
    briefing.claim(denial).review = "rejected"
    try:
        statuses = [p.status for p in corroborate(briefing).propositions]
    finally:
        briefing.claim(denial).review = "machine"
    assert "contradicted" not in statuses


def _hand_briefing(first_speaker: str, second_speaker: str):
    from briefing_app.domain.model import Briefing, Claim, Source, Span

    content = "Syldavian troops crossed the border near Klow"
    briefing = Briefing()
    # Two texts in their own words around the claim: not copies of each other.
    for number, (outlet, speaker, rest) in enumerate((
            ("Klow Evening Post", first_speaker, "Markets in Szohod were calm on Friday."),
            ("Borduria Herald", second_speaker, "The envoy in Klow has been recalled."))):
        text = f"{content}, according to {speaker}. {rest}"
        source = Source(id=f"s{number}", text=text, outlet=outlet)
        speaker_at = text.index(speaker)
        briefing.sources.append(source)
        briefing.claims.append(Claim(
            id=f"c{number}", source_id=source.id, kind="according_to",
            content=Span(0, len(content)),
            source_span=Span(speaker_at, speaker_at + len(speaker))))
    return briefing


def test_two_outlets_citing_one_agency_are_one_confirmation():
    agency = corroborate(_hand_briefing("Reuters", "Reuters")).propositions
    own = corroborate(_hand_briefing("border guards", "a Bordurian officer")).propositions
    assert [(p.status, p.independent_sources) for p in agency] == [("single_source", 1)]
    assert [c.note for c in agency[0].claims] == ["", "cites the same report (reuters)"]
    assert [(p.status, p.independent_sources) for p in own] == [("corroborated", 2)]
