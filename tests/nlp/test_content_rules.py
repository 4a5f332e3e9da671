"""Each rule that finds a cue verb's content, called on its own on a sentence it handles,
and the order the cascade tries them in."""

import pytest

from briefing_app.nlp import content_rules
from briefing_app.nlp.content_rules import (
    CONTENT_RULES,
    clausal_complement,
    closing_relative_clause,
    content_of,
    detached_that_clause,
    object_as_role,
    object_content,
    parenthetical_cue,
    passive_subject,
    prepositional_clause,
    prepositional_object,
)
from tests.nlp.rule_helpers import cue, deciding, listed_order, words

# (rule, sentence, cue word, the content's tokens as the rule gives them).
CASES = [
    (clausal_complement, "The mayor said the harbour will reopen.", "said",
     "the harbour will reopen"),
    (passive_subject, "Pigs are considered unclean in many faiths.", "considered",
     "Pigs unclean"),
    (object_as_role, "The union sees the plan as a trap.", "sees", "the plan as a trap"),
    (object_content, "The senator accused him of lying about the budget.", "accused",
     "him of lying about the budget"),
    (prepositional_clause, "Protesters marched through the city, calling for the council to act.",
     "calling", "the council to act"),
    (prepositional_object, "Residents complained about the noise from the port.", "complained",
     "the noise from the port"),
    (closing_relative_clause,
     "Six in 10 Americans have an unfavorable view of Trump, the poll found.", "found",
     "Six in 10 Americans have an unfavorable view of Trump , ."),
    (parenthetical_cue, "The harbour, he says, is ready.", "says", "The harbour is ready ."),
    (detached_that_clause, "The mayor told reporters in a statement that the harbour would close.",
     "told", "that the harbour would close"),
]


@pytest.mark.parametrize(("rule", "text", "word", "expected"), CASES,
                         ids=[case[0].__name__ for case in CASES])
def test_rule_finds_the_content_of_its_construction(nlp, rule, text, word, expected):
    verb = cue(nlp, text, word)
    lemma = verb.lemma_.lower()
    assert words(rule(verb, lemma)) == expected
    # ... and it is the rule the cascade reaches first for this sentence.
    assert deciding(CONTENT_RULES, verb, lemma) is rule
    assert words(content_of(verb, lemma)) == expected


def test_every_rule_has_a_case():
    assert [case[0] for case in CASES] == list(CONTENT_RULES)


def test_the_order_is_the_one_the_module_documents():
    assert [rule.__name__ for rule in CONTENT_RULES] == listed_order(content_rules.__doc__)


def test_passive_subject_takes_what_the_subject_is_declared(nlp):
    verb = cue(nlp, "Okafor was declared the winner.", "declared")
    assert words(passive_subject(verb, "declare")) == "Okafor the winner"


def test_object_content_keeps_a_finding_after_the_object(nlp):
    verb = cue(nlp, "The poll shows Okafor with a clear lead.", "shows")
    assert words(object_content(verb, "show")) == "Okafor with a clear lead"


def test_object_content_keeps_the_name_given(nlp):
    verb = cue(nlp, "She called the plan a disaster.", "called")
    assert words(object_content(verb, "call")) == "the plan a disaster"


def test_an_object_is_no_finding_unless_a_study_found_it(nlp):
    verb = cue(nlp, "She found a job in the city.", "found")
    assert object_content(verb, "find") is None


def test_object_as_role_needs_the_as(nlp):
    verb = cue(nlp, "The union sees the plan.", "sees")
    assert object_as_role(verb, "see") is None


def test_a_clause_before_the_speaker_comes_from_the_sentence_before(nlp):
    # The parser hangs "Coverage was harsh" on "said"; the clause after it is the content.
    verb = cue(nlp, "Coverage was harsh - the paper said Rubio was rocked.", "said")
    assert words(clausal_complement(verb, "say")) == "Rubio was rocked"


def test_a_second_speaker_joined_on_is_left_to_their_own_claim(nlp):
    # The parser joins "most residents say" to "rising", inside the first content.
    verb = cue(nlp, "The report says costs are rising and most residents say they will move.",
               "says")
    assert words(clausal_complement(verb, "say")) == "costs are rising and"


def test_a_verb_with_none_of_the_constructions_has_no_content(nlp):
    verb = cue(nlp, "The minister resigned on Monday.", "resigned")
    assert deciding(CONTENT_RULES, verb, "resign") is None
    assert content_of(verb, "resign") == []


def test_a_second_that_clause_of_the_same_verb_stays_in_the_content(nlp):
    # "insisted" has a subject of its own, but its own "that" makes it a second thing the
    # envoy said, not another speaker's claim.
    verb = cue(nlp, "The former envoy said that a prisoner swap carried real risks but that "
                    "if the ministry chose one, it should have insisted on bringing every "
                    "detainee home.", "said")
    assert words(clausal_complement(verb, "say")).endswith("insisted on bringing every "
                                                           "detainee home")


def test_a_clause_the_parser_broke_in_two_is_one_content(nlp):
    # The parser hangs "the Syldavians released by the United States" and "were ..." on
    # "said" as two complements, one straight after the other.
    verb = cue(nlp, "Foreign Minister Anna Kovac said the Syldavians released by the United "
                    "States were in some cases close to completing their sentences.", "said")
    assert [c.dep_ for c in verb.children].count("ccomp") == 2
    assert words(clausal_complement(verb, "say")) == (
        "the Syldavians released by the United States were in some cases close to "
        "completing their sentences")


@pytest.mark.parametrize(("text", "expected"), [
    # The parser hangs the speaker's next act on the reported clause.
    ("Tomas Vidal, a dock worker, said he earns 30,000 korun a year and questioned how the "
     "new port tax would help him.", "he earns 30,000 korun a year and"),
    ("Vidal said he saw no reason to change the strike plan, telling the radio that the "
     "dockers stood together.", "he saw no reason to change the strike plan ,"),
])
def test_the_speakers_next_act_is_left_to_its_own_claim(nlp, text, expected):
    verb = cue(nlp, text, "said")
    assert words(clausal_complement(verb, "say")) == expected
