"""Each claim's confidence and flags: the shipped model, their range and vocabulary, and
that a doubtful construction reads as less certain than a plain one."""

import json

from briefing_app.domain.flags import FLAGS
from briefing_app.nlp import confidence
from briefing_app.nlp.records import RawClaim

ARTICLE = (
    "Anna Kovac, the Syldavian defence minister, said on Tuesday that the army would stay "
    "in the northern valleys until the spring.\n\n"
    "Later she said that talks with Borduria could resume next month.\n\n"
    "\"We will not give up the port,\" the minister told reporters in Klow.\n\n"
    "The harbour has been closed to tankers for 42 days, the longest closure since 1998."
)


def test_the_model_ships_with_the_package_and_weighs_every_fact(no_sockets):
    path = confidence.model_path()
    assert path.stat().st_size < 10_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(confidence.FEATURES)
    assert "a fold tagger that never saw it" in data["fitted_on"]
    assert confidence.shipped_model() is not None


def test_every_claim_is_scored_in_range_with_documented_flags(run):
    result = run(ARTICLE)
    assert result.analysis.claims
    for claim in result.analysis.claims:
        assert 0.0 <= claim.confidence <= 1.0
        assert set(claim.flags) <= set(FLAGS), claim.flags
        if claim.cue is None:
            assert (claim.confidence, claim.flags) == (confidence.UNMEASURED, ["no_cue"])
        else:
            assert claim.origin in ("rules", "tagger", "both")


def test_a_pronoun_source_is_flagged_and_less_certain_than_a_named_one(run):
    result = run(ARTICLE)
    named = result.claim("army would stay")
    pronoun = result.claim("talks with Borduria")
    assert result.source_text(pronoun) == "she"
    assert "pronoun_source" in pronoun.flags and "pronoun_source" not in named.flags
    assert pronoun.confidence < named.confidence


def test_a_flag_is_shown_only_where_it_lowers_the_chance():
    model = confidence.Model(0.0, {"pronoun_source": -1.0, "closing_attribution": 0.5})
    facts = dict.fromkeys(confidence.FEATURES, 0.0)
    facts.update(pronoun_source=1.0, closing_attribution=1.0)
    assert model.flags(facts) == ["pronoun_source"]
    assert 0.0 < model.chance(facts) < 0.5


def test_a_flag_read_off_a_measure_counts_the_measure_s_weight_too():
    # The fit may put the tagger's doubt on its support number and give the step a small
    # positive weight: the flag still shows, since together they lower the chance.
    model = confidence.Model(0.0, {"source_support": 1.6, "tagger_doubts_source": 0.25})
    facts = dict.fromkeys(confidence.FEATURES, 0.0)
    facts.update(tagger_doubts_source=1.0, source_support=0.05)
    assert model.flags(facts) == ["tagger_doubts_source"]
    outweighed = confidence.Model(0.0, {"source_support": 0.1, "tagger_doubts_source": 0.25})
    assert outweighed.flags(facts) == []


def test_a_source_the_tagger_does_not_read_as_one_is_doubted():
    text = "The harbour reopened, the mayor said."
    def facts(support):
        raw = RawClaim(content=[(0, 20)], cue=[(32, 36)], source=[(22, 31)], stance="assert",
                       kind="reported", cue_lemma="say", source_root=26,
                       source_support=support)
        return confidence.facts_of(text, raw, "person", [])
    assert facts(0.05)["tagger_doubts_source"] == 1.0
    assert facts(0.9)["tagger_doubts_source"] == 0.0
    # No reading (no tagger, or the source outside the tagger's piece) is no doubt.
    assert facts(None)["tagger_doubts_source"] == 0.0
    assert "tagger_doubts_source" in confidence.shipped_model().flags(facts(0.05))


def test_a_name_glued_to_a_pages_buttons_is_no_actor():
    text = "Mila KovacFlagShareLikeReply 5pts Vidal Says The Port Will Reopen"
    def facts(source):
        start = text.index(source)
        raw = RawClaim(content=[(45, len(text))], cue=[(40, 44)],
                       source=[(start, start + len(source))], stance="assert",
                       kind="reported", cue_lemma="say", source_root=start)
        return confidence.facts_of(text, raw, "person", [])
    glued = facts("Mila KovacFlagShareLikeReply")
    assert glued["glued_source"] == glued["source_not_an_actor"] == 1.0
    # One capital inside a name ("McDonald", "LeVell") is an ordinary name.
    assert facts("Vidal")["glued_source"] == 0.0
    model = confidence.shipped_model()
    assert model.chance(glued) < model.chance(facts("Vidal"))
