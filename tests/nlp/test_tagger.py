"""The trained attribution tagger: shipped weights, its labels on a sentence written for
these tests, and its claims combined in behind the rules."""

import dataclasses

import pytest

from briefing_app.nlp import combine, engine
from briefing_app.nlp.tagger import LABELS, features, load_tagger

SENTENCE = "The mayor hinted that the harbour would reopen next week."


def test_weights_load_from_the_package_without_network(no_sockets):
    tagger = load_tagger()
    assert tagger is not None
    assert tagger.settings["labels"] == list(LABELS)


def test_tags_a_sentence(nlp):
    doc = nlp(SENTENCE)
    probs = load_tagger().probabilities([features(doc)])[0]
    labels = {t.text: LABELS[probs[t.i].argmax()] for t in doc}
    assert labels["mayor"].endswith("SRC")
    assert labels["hinted"].endswith("CUE")
    assert labels["harbour"].endswith("CON")


def test_a_claim_only_the_tagger_finds(run, monkeypatch):
    # "hint" is not in the rules' lexicon: only the tagger reads this attribution, and the
    # rules' resolver gives it its speaker.
    claim = run(SENTENCE).claim("harbour would reopen")
    assert (claim.cue is not None, run(SENTENCE).source_text(claim)) == (True, "The mayor")
    monkeypatch.setattr(engine, "load_tagger", lambda: None)
    assert run(SENTENCE).claims() == []


def test_tagger_claims_are_marked_as_such(nlp):
    doc = nlp(SENTENCE)
    probs = load_tagger().probabilities([features(doc)])[0]
    found = combine.combine(doc.text, doc, 0, probs, [], [])
    assert [c.origin for c in found] == ["tagger"]


@pytest.mark.parametrize("text", [SENTENCE, '"The pier is safe," the harbour master said.'])
def test_output_is_deterministic(run, text):
    first, second = run(text), run(text)
    key = [(c.content, c.cue, c.source_span) for c in first.analysis.claims]
    assert key == [(c.content, c.cue, c.source_span) for c in second.analysis.claims]


def test_each_claim_carries_the_taggers_reading_of_its_source(nlp):
    doc = nlp(SENTENCE)
    probs = load_tagger().probabilities([features(doc)])[0]
    [claim] = combine.combine(doc.text, doc, 0, probs, [], [])
    assert doc.text[slice(*claim.source[0])] == "The mayor"
    assert claim.source_support > 0.5
    harbour = SENTENCE.index("the harbour")
    assert combine.source_support(doc, 0, probs, [(harbour, harbour + 11)]) < 0.2
    assert combine.source_support(doc, 0, probs, None) is None
    # No other word of the sentence reads as a speaker, so no rival.
    assert claim.rival_support < 0.2


def test_another_speaker_the_tagger_prefers_is_a_rival(nlp):
    # Credit the words to "next week" instead of the mayor: the mayor is now the rival.
    doc = nlp(SENTENCE)
    probs = load_tagger().probabilities([features(doc)])[0]
    [claim] = combine.combine(doc.text, doc, 0, probs, [], [])
    week = SENTENCE.index("next week")
    wrong = dataclasses.replace(claim, source=[(week, week + 9)])
    assert combine.rival_support(doc, 0, probs, wrong) > 0.5


def test_a_reported_claim_whose_speaker_the_tagger_does_not_see_is_vetoed(run, monkeypatch):
    # "passengers should expect" is part of what Norrlink said, not the passengers' claim.
    text = ("The shipping line Norrlink said that it had rerouted four ferries and that "
            "passengers should expect longer crossings.")
    result = run(text)
    assert [result.source_text(c) for c in result.analysis.claims] == ["Norrlink"]
    monkeypatch.setattr(combine.DEFAULT, "veto_doubted_source", 0.0)
    monkeypatch.setattr(combine.DEFAULT, "veto_rival_margin", 1.0)
    unvetoed = run(text)
    doubted = [c for c in unvetoed.analysis.claims if unvetoed.source_text(c) == "passengers"]
    assert len(doubted) == 1 and "tagger_doubts_source" in doubted[0].flags


def test_a_rule_claim_whose_speaker_the_tagger_reads_elsewhere_is_vetoed(nlp):
    # A rule claim crediting the words to "next week" while the tagger reads "The mayor" as
    # the speaker is dropped; the same claim with the mayor as speaker stands.
    doc = nlp(SENTENCE)
    probs = load_tagger().probabilities([features(doc)])[0]
    [tagged] = combine.combine(doc.text, doc, 0, probs, [], [])
    week = SENTENCE.index("next week")

    def read(source):
        claim = dataclasses.replace(tagged, origin="rules", kind="reported", source=source)
        return dataclasses.replace(
            claim, source_support=combine.source_support(doc, 0, probs, source),
            rival_support=combine.rival_support(doc, 0, probs, claim))

    assert combine.vetoed(read([(week, week + 9)]), combine.DEFAULT)
    assert not combine.vetoed(read(tagged.source), combine.DEFAULT)
