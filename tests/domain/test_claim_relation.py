"""Content words, polarity and the pair relation on sentences written for the test."""

import pytest

from briefing_app.domain.claim_relation import CONTRADICTION, SAME, facts, relation
from briefing_app.domain.content_words import content_stems, negated, stem
from briefing_app.domain.independence import cited_agency, republished, shingles


@pytest.mark.parametrize("word, expected", [
    ("warehouses", "warehouse"), ("destroyed", "destroy"), ("destroying", "destroy"),
    ("stopped", "stop"), ("troops", "troop"), ("crossed", "cross"), ("cities", "city"),
    ("went", "go"), ("killed", "kill"),
])
def test_stems_meet_across_forms(word, expected):
    assert stem(word) == stem(expected)


def test_content_words_leave_out_function_words_and_negations():
    assert content_stems("The troops did not cross the border") == {"troop", "cross", "border"}
    assert negated("Troops didn't cross it") and not negated("Troops crossed it")


def test_a_paraphrase_is_the_same_proposition():
    a = facts("Syldavian troops crossed the border near Klow", "said", "assert")
    b = facts("the border near Klow was crossed by Syldavian troops", "reported", "assert")
    assert relation(a, b) == SAME


def test_a_denial_and_a_negation_contradict():
    claim = facts("Syldavian troops crossed the border near Klow", "said")
    denial = facts("Syldavian troops crossed the border near Klow", "denied", "deny")
    negation = facts("Syldavian troops did not cross the border near Klow", "said")
    assert relation(claim, denial) == CONTRADICTION
    assert relation(claim, negation) == CONTRADICTION
    assert relation(denial, negation) == SAME  # both say it did not happen


def test_unrelated_claims_do_not_meet():
    a = facts("Syldavian troops crossed the border near Klow", "said")
    b = facts("the harvest in Borduria was the best in a decade", "said")
    assert relation(a, b) == ""


def test_claims_of_two_named_actors_need_a_closer_overlap():
    a = facts("the new tariffs will hurt Syldavian farmers this spring", "said",
              actor_id="a1", actor_name="Ottokar Wendt")
    b = facts("Syldavian farmers will be hurt by the tariffs", "warned", actor_id="a1",
              actor_name="Wendt")
    unknown = facts("Syldavian farmers will be hurt by the tariffs", "warned",
                    actor_name="he")
    other = facts("Syldavian farmers will be hurt by the tariffs", "warned", actor_id="a2",
                  actor_name="Alma Rastapopoulos")
    assert relation(a, b) == SAME and relation(a, unknown) == SAME
    assert relation(a, other) == ""


def test_a_negation_counts_only_on_the_shared_words_of_its_clause():
    claim = facts("I would bring back waterboarding and a lot worse", "said")
    quote = facts("Not since medieval times have we seen this. I would bring back "
                  "waterboarding and worse", "said")
    assert relation(claim, quote) == SAME
    assert relation(claim, facts("he would never bring back waterboarding", "said")) == \
        CONTRADICTION
    # A negated cue turns the content around as a denial does.
    assert relation(claim, facts("he would bring back waterboarding", "did not say")) == \
        CONTRADICTION


def test_republished_text_and_cited_agencies():
    story = "A fire swept through the grain terminal at the port of Klow on Monday night " * 3
    assert republished(shingles(story), shingles("KLOW (SWS) - " + story + " Supplied."))
    assert not republished(shingles(story), shingles("Three warehouses burned in Klow."))
    assert cited_agency("the Associated Press") == "associated press"
    assert cited_agency("Reuters") == "reuters" and cited_agency("the ministry") == ""


def test_opposite_words_contradict_and_a_rejected_offer_does_not():
    rose = facts("grain prices in Klow rose sharply after the fire", "said")
    fell = facts("grain prices in Klow fell sharply after the fire", "reported")
    assert relation(rose, fell) == CONTRADICTION
    offer = facts("the port authority would pay the union to end the strike", "said")
    refusal = facts("offer by the port authority to pay the union to end the strike",
                    "rejected")
    assert relation(offer, refusal) == ""  # a reaction to a proposal, not a denial of it


def test_polarity_needs_a_negated_predicate_and_a_real_denial():
    # "not" governs a name here, not what is asserted: both say the minister will resign.
    claim = facts("the Syldavian minister will resign over the fire inquiry", "said")
    names = facts("not Wendt but the Syldavian minister will resign over the fire inquiry",
                  "said")
    assert relation(claim, names) == SAME
    # "claiming without evidence" hedges the claim; it does not deny it.
    hedged = facts("the Syldavian minister will resign over the fire inquiry",
                   "claimed without any evidence")
    assert relation(claim, hedged) == SAME
    # Sharing only names is not asserting the same thing.
    assert relation(facts("Ottokar Wendt met Alma Rastapopoulos in Klow", "said"),
                    facts("Ottokar Wendt criticised Alma Rastapopoulos in Klow", "said")) == ""
