"""A claim as the sentence an analyst writes: built from its parts, the content's words
never changed, quotes only where the article quoted, hedges kept and named."""

import pytest

from briefing_app.domain.claim_sentence import (
    attribution_line,
    claim_sentence,
    judgment_label,
    rating_line,
)
from briefing_app.domain.model import Actor, Claim, Rating, Span


def span(text, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase))


KOVAC = Actor("a1", "Anna Kovac", "person")
MINISTER = Actor("a2", "Rauf Mammadli", "person")


def test_reported_speech_names_the_speaker_and_keeps_the_words_between():
    text = "On Monday, Kovac cautioned Borduria against closing the strait to tankers."
    claim = Claim("c", "s", "reported", span(text, "against closing the strait to tankers"),
                  source_span=span(text, "Kovac"), cue=span(text, "cautioned"), stance="warn")
    said = claim_sentence(claim, text, KOVAC)
    assert said.text == "Anna Kovac cautioned Borduria against closing the strait to tankers."
    assert not said.quoted
    assert attribution_line(claim, text, said) == "Reported speech."


def test_a_direct_quote_keeps_its_marks_and_speaker():
    text = '"We are ready," the minister said.'
    claim = Claim("c", "s", "direct_quote", span(text, "We are ready"),
                  source_span=span(text, "the minister"), cue=span(text, "said"))
    said = claim_sentence(claim, text, None)
    assert said.text == "“We are ready,” the minister said."
    assert said.quoted and attribution_line(claim, text, said) == "Direct quote."


def test_a_quote_ending_in_a_question_keeps_its_mark():
    text = '"Are we ready?" she asked.'
    claim = Claim("c", "s", "direct_quote", span(text, '"Are we ready?"'),
                  source_span=span(text, "she"), cue=span(text, "asked"))
    assert claim_sentence(claim, text, KOVAC).text == "“Are we ready?” Anna Kovac asked."


def test_a_paraphrase_is_never_dressed_as_a_quote():
    # The old clipboard wrote: “that all options are being considered,” the minister
    # emphasizing.
    text = "The minister, emphasizing that all options are being considered, left early."
    claim = Claim("c", "s", "direct_quote", span(text, "that all options are being considered"),
                  source_span=span(text, "The minister"), cue=span(text, "emphasizing"))
    said = claim_sentence(claim, text, MINISTER)
    assert "“" not in said.text and "\"" not in said.text
    assert "that all options are being considered" in said.text
    assert attribution_line(claim, text, said).startswith("Reported speech")


def test_content_first_stays_first_and_unchanged():
    text = "The next round of talks is scheduled for early May, officials said."
    claim = Claim("c", "s", "reported",
                  span(text, "The next round of talks is scheduled for early May"),
                  source_span=span(text, "officials"), cue=span(text, "said"))
    assert claim_sentence(claim, text, Actor("o", "officials", "unnamed")).text == text


def test_hedges_stay_in_the_sentence_and_are_named_after_it():
    text = "Energy sources say Baku reportedly raised the issue in February."
    claim = Claim("c", "s", "reported", span(text, "Baku reportedly raised the issue in February"),
                  source_span=span(text, "Energy sources"), cue=span(text, "say"),
                  hedges=[span(text, "reportedly")], rating=Rating("B", "2", "likely"),
                  paragraph=3)
    said = claim_sentence(claim, text, None)
    assert said.text == text
    assert attribution_line(claim, text, said) == "Reported speech, hedged (“reportedly”)."
    assert rating_line(claim) == "Rated B2, likely, unverified."


def test_the_authors_hedged_assertion_reads_as_written():
    text = "Ships waited. The strike is believed to be the longest since 1998."
    first, last = span(text, "The strike"), span(text, "the longest since 1998")
    claim = Claim("c", "s", "hedged_assertion",
                  Span(first.start, last.end, [(first.start, first.end), (last.start, last.end)]),
                  cue=span(text, "is believed to be"), hedges=[span(text, "is believed to")])
    said = claim_sentence(claim, text)
    assert said.text == "The strike is believed to be the longest since 1998."
    assert attribution_line(claim, text, said) == (
        "The author's own assertion, hedged (“is believed to”).")


def test_a_claim_starting_mid_sentence_borrows_a_short_lead_or_opens_with_an_ellipsis():
    text = "He is believed to be wary of Russia."
    claim = Claim("c", "s", "reported", span(text, "to be wary of Russia"),
                  cue=span(text, "believed"), hedges=[span(text, "is believed to")])
    assert claim_sentence(claim, text).text == "He is believed to be wary of Russia."
    long = ("Russia has long opposed any pipeline that would carry gas to Europe, and it "
            "reportedly raised the issue.")
    claim = Claim("c", "s", "reported", span(long, "it reportedly raised the issue"),
                  cue=span(long, "reportedly"), hedges=[span(long, "reportedly")])
    assert claim_sentence(claim, long).text == "… it reportedly raised the issue."


def test_according_to_far_from_its_content_is_composed():
    text = ("According to officials, who spoke on condition of anonymity because they were "
            "not authorised to talk to the press about it, the visit was cancelled.")
    claim = Claim("c", "s", "according_to", span(text, "the visit was cancelled"),
                  source_span=span(text, "officials"), cue=span(text, "According to"))
    said = claim_sentence(claim, text, Actor("o", "officials", "unnamed"))
    assert said.text == "According to officials, the visit was cancelled."


def test_a_pronoun_becomes_the_name_and_a_fuller_source_stays():
    text = "Its chief executive, Thomas Brenneke, said that talks would resume."
    claim = Claim("c", "s", "reported", span(text, "talks would resume"),
                  source_span=span(text, "Its chief executive, Thomas Brenneke"),
                  cue=span(text, "said"))
    assert claim_sentence(claim, text, Actor("t", "Thomas Brenneke")).text == text
    text = "She added that talks would resume."
    claim = Claim("c", "s", "reported", span(text, "that talks would resume"),
                  source_span=span(text, "She"), cue=span(text, "added"))
    assert claim_sentence(claim, text, KOVAC).text == "Anna Kovac added that talks would resume."


@pytest.mark.parametrize("likelihood, confidence, expected", [
    ("likely", "moderate", "Likely (55-80 %) · moderate confidence"),
    ("", "high", "High confidence"),
    ("almost certain", "", "Almost certain (95-99 %)"),
    ("", "", ""),
])
def test_judgment_label(likelihood, confidence, expected):
    assert judgment_label(likelihood, confidence) == expected


def test_not_rated():
    assert rating_line(Claim("c", "s", "assertion", Span(0, 1))) == "Not rated; unverified."
