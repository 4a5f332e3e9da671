"""Merge suggestions (same surname, acronym) and the name and kind a merge pre-chooses."""

from briefing_app.domain.merge_suggestions import (
    MergeSuggestion,
    acronym_of,
    preferred_name_and_kind,
    suggest_merges,
)
from briefing_app.domain.model import Actor, Briefing
from support.briefing_builders import make_source, mention

PARAGRAPHS = [
    "The Kingdom of Syldavia closed its border. Syldavia blamed Borduria.",
    "Anna Kovac, the Syldavian envoy, said the KS would not yield. Syldavia waited.",
    "Kovac flew home. The Syldavian Rail Authority halted trains; the SRA gave no date.",
]


def briefing():
    source = make_source("s1", PARAGRAPHS)
    actors = [
        Actor("long", "Kingdom of Syldavia", "organisation",
              mentions=[mention(source, "Kingdom of Syldavia")]),
        Actor("short", "Syldavia", "organisation",
              mentions=[mention(source, "Syldavia", 1), mention(source, "Syldavia", 3)]),
        Actor("abbr", "KS", "organisation", mentions=[mention(source, "KS")]),
        Actor("anna", "Anna Kovac", "person", mentions=[mention(source, "Anna Kovac")]),
        Actor("kovac", "Kovac", "person", mentions=[mention(source, "Kovac", 1)]),
        Actor("sra", "Syldavian Rail Authority", "organisation",
              mentions=[mention(source, "Syldavian Rail Authority")]),
        Actor("sra2", "SRA", "organisation", mentions=[mention(source, "SRA")]),
        Actor("b", "Borduria", "state", mentions=[mention(source, "Borduria")]),
    ]
    return Briefing(sources=[source], actors=actors)


def test_acronym_of_leaves_out_small_words():
    assert acronym_of("the Kingdom of Syldavia") == "KS"
    assert acronym_of("Syldavian Rail Authority") == "SRA"


def test_same_surname_and_acronyms_are_suggested():
    found = suggest_merges(briefing())
    assert MergeSuggestion("anna", "kovac", "same surname") in found
    assert MergeSuggestion("sra", "sra2", "acronym of Syldavian Rail Authority") in found
    assert MergeSuggestion("long", "abbr", "acronym of Kingdom of Syldavia") in found
    assert not any("b" in (s.keep_id, s.other_id) for s in found)


def test_a_dismissed_pair_is_not_suggested_again():
    found = suggest_merges(briefing(), {frozenset(("anna", "kovac"))})
    assert not any({s.keep_id, s.other_id} == {"anna", "kovac"} for s in found)


def test_a_country_merged_keeps_its_short_name_as_a_state():
    assert preferred_name_and_kind(briefing(), ["long", "short", "abbr"]) == (
        "Syldavia", "state")


def test_a_person_keeps_the_full_name():
    assert preferred_name_and_kind(briefing(), ["kovac", "anna"]) == ("Anna Kovac", "person")


def test_two_names_of_one_country_in_the_place_library_are_suggested():
    source = make_source("s2", ["ROK envoys met. South Korea said no. South Korea waited."])
    korea = Actor("kr", "South Korea", "state",
                  mentions=[mention(source, "South Korea"), mention(source, "South Korea", 1)])
    rok = Actor("rok", "ROK", "organisation", mentions=[mention(source, "ROK")])
    found = suggest_merges(Briefing(sources=[source], actors=[rok, korea]))
    assert found == [MergeSuggestion("kr", "rok", "both name South Korea")]
    assert preferred_name_and_kind(Briefing(sources=[source], actors=[rok, korea]),
                                   ["kr", "rok"]) == ("South Korea", "state")


def test_a_person_named_like_a_country_is_no_country():
    source = make_source("s3", ["Jordan said yes. Jordan closed its border."])
    person = Actor("p", "Jordan", "person", mentions=[mention(source, "Jordan")])
    state = Actor("j", "Jordan", "state", mentions=[mention(source, "Jordan", 1)])
    assert suggest_merges(Briefing(sources=[source], actors=[person, state])) == []
