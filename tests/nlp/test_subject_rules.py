"""Each rule that finds a cue verb's speaker, called on its own on a sentence it handles,
and the order the cascade tries them in."""

import pytest

from briefing_app.nlp import subjects
from briefing_app.nlp.subjects import (
    NO_SPEAKER,
    SUBJECT_RULES,
    bare_clause_subject,
    controller_subject,
    gerund_after_preposition,
    inverted_speaker,
    made_thing_relative,
    maker_of_made_thing,
    modified_noun,
    name_before_comma,
    nominal_subject,
    object_control,
    opening_participle,
    passive_agent,
    purpose_infinitive,
    reporter_of_reported_clause,
    share_of_people,
    source_of,
    speaker_in_opening_phrase,
    subject_before_relative,
    subject_of,
    subjectless_root,
    surname_as_adverb,
)
from tests.nlp.rule_helpers import cue, deciding, listed_order

# (rule, sentence, cue word, the speaker the rule gives: a token's text or None for NO_SPEAKER).
CASES = [
    (made_thing_relative, "The Klow Herald recently ran a piece that noted the port would "
     "lose money.", "noted", "Herald"),
    (nominal_subject, "The mayor said the harbour will reopen.", "said", "mayor"),
    (passive_agent, "The ban was announced by the ministry.", "announced", "ministry"),
    (surname_as_adverb, '"The harbour will reopen in May," Viguerie notes.', "notes",
     "Viguerie"),
    (share_of_people, "About 4 in 10 say they want the next president to be younger.", "say",
     "10"),
    (inverted_speaker, '"The harbour will reopen in May," added Connolly.', "added",
     "Connolly"),
    (bare_clause_subject, "Voters going to the polls on Tuesday said they backed the ban.",
     "said", "Voters"),
    (speaker_in_opening_phrase,
     "In a call with reporters on Tuesday, Col. Marek, a military spokesman, said the raid "
     "was over.", "said", "Marek"),
    (name_before_comma, "Marek, meanwhile, was making a fresh pitch to the farmers, refusing "
     "to concede that the harbour would close.", "making", "Marek"),
    (opening_participle, "Noting that the port has been shut since May, Kovac told reporters "
     "the strike would go on.", "Noting", "Kovac"),
    (subject_before_relative, "Kovac, meanwhile, who sits at zero such endorsements, said "
     "that fact speaks volumes about the strike.", "said", "Kovac"),
    (subjectless_root, "Tell them the harbour is closed.", "Tell", None),
    (gerund_after_preposition, "The mayor responded by saying the harbour would reopen.",
     "saying", "mayor"),
    (purpose_infinitive, "The mayor flew in to tell the crowd that the harbour would reopen.",
     "tell", "mayor"),
    (object_control, "The law required Republicans to recognize that the election was fair.",
     "recognize", "Republicans"),
    (reporter_of_reported_clause,
     "Trump argued that a wall would work, saying it would stop crime.", "saying", "Trump"),
    (controller_subject, "He left the room, saying that the talks had failed.", "saying", "He"),
    (maker_of_made_thing, "The campaign rolled out ads attacking him as a liar.", "attacking",
     "campaign"),
    (modified_noun, "She met a group calling for a ban.", "calling", "group"),
]


def _speaker(found):
    """A rule's answer as text: the token's, or None for NO_SPEAKER."""
    assert found is not None, "the rule did not apply"
    return None if found is NO_SPEAKER else found.text


@pytest.mark.parametrize(("rule", "text", "word", "expected"), CASES,
                         ids=[case[0].__name__ for case in CASES])
def test_rule_finds_the_speaker_of_its_construction(nlp, rule, text, word, expected):
    verb = cue(nlp, text, word)
    assert _speaker(rule(verb)) == expected
    # ... and it is the rule the cascade reaches first for this sentence.
    assert deciding(SUBJECT_RULES, verb) is rule
    found = subject_of(verb)
    assert (found.text if found is not None else None) == expected


def test_every_rule_has_a_case():
    assert [case[0] for case in CASES] == list(SUBJECT_RULES)


def test_the_order_is_the_one_the_module_documents():
    assert [rule.__name__ for rule in SUBJECT_RULES] == listed_order(subjects.__doc__)


def test_a_share_of_people_is_named_by_its_whole_phrase(nlp):
    verb = cue(nlp, "About 4 in 10 say they want the next president to be younger.", "say")
    [(start, end)] = source_of(verb, share_of_people(verb))
    assert verb.doc.text[start:end] == "About 4 in 10"


def test_a_gerund_charged_to_the_object_has_no_speaker(nlp):
    # "accused him of saying": the saying is his, and the engine does not guess at it.
    verb = cue(nlp, "The senator accused him of saying the port was closed.", "saying")
    assert gerund_after_preposition(verb) is NO_SPEAKER
    assert subject_of(verb) is None


def test_a_purpose_infinitive_gives_way_to_an_object_who_could_speak(nlp):
    # In "sent Okafor to tell" Okafor tells, not the council.
    verb = cue(nlp, "The council sent Okafor to tell residents that the harbour would close.",
               "tell")
    assert purpose_infinitive(verb) is None
    assert subject_of(verb) is None


@pytest.mark.parametrize(("text", "word", "expected"), [
    # Two subjects: the name after the description is its apposition, split off.
    ("One farmer backing the plan, Tomas Vidal of Klow, said he had called 100 neighbours.",
     "said", "Vidal"),
    # The parser hung the name on the description's last noun ("Kovac"), not on "pastor".
    ("One pastor supporting Mr. Kovac, Darran Whiting of the Baptist church in Klow, said "
     "he had made 150 calls.", "said", "Whiting"),
    # A participle right after someone who could speak, on a clause of an event.
    ("The interview ended with Marek asking the minister whether she would resign.",
     "asking", "Marek"),
    # A participle on an event someone held is the holder's.
    ("Tuesday, the Syldavian premier opened a Klow rally blasting the opposition.",
     "blasting", "premier"),
    # A description with a name beside it speaks by the name.
    ("The other speaker on the stage, former mayor Ilse Brandt, drew a contrast, saying "
     "that the tax was not to be dismissed.", "saying", "Brandt"),
    # Right after a quotation, the name after "said" however the parser hung it.
    ("“Having the harbour board on our side is valuable,” said Skelly, explaining he had "
     "worked with them.", "said", "Skelly"),
    ('"What is shaping up is a battle for the harbour," said Anna Kolar, a port confidant '
     "who heads the dockers.", "said", "Kolar"),
    # ... but a body of people named by a noun speaks itself.
    ("She met a group calling for a ban.", "calling", "group"),
    # Through the clause of a name the parser did not take for the subject.
    ("Marek, meanwhile, was making a fresh pitch to the farmers, refusing to concede that "
     "the harbour would close.", "concede", "Marek"),
    # A perfect participle opening the sentence is the main clause subject's.
    ("Having announced that he would not close the port, Judge Marek proceeded to read the "
     "ruling.", "announced", "Marek"),
    # A second verb hung on a conjunct of the reported clause is the reporter's.
    ("Marek pushed back on Thursday, saying that the plan had the right safeguards but was "
     "sunk by voter mistrust - and arguing that he and Bloom shared the same views.",
     "arguing", "Marek"),
    # A participle opening the sentence, before a quotation the main clause introduces.
    ('Stressing the danger to the harbour, Kovac said, "If we do not act fast, we will not '
     'have a port anymore."', "Stressing", "Kovac"),
    # A passive's second verb is done by its subject, not by its agent.
    ("Dockers were angered by the ruling and predicted it would close the harbour.",
     "predicted", "Dockers"),
    # What one is under pressure to do is one's own.
    ("The ministers will also be under pressure to pledge that the harbour would reopen.",
     "pledge", "ministers"),
    # A name the parser left as the root when it took the verb for a modifier.
    ('Kovac defended eminent domain, calling it an "absolute necessity" for the harbour.',
     "calling", "Kovac"),
    # What a passive complements is done by the passive's subject.
    ("Minister Olaf Bloom also is reported to have called the plan a fraud.", "called",
     "Bloom"),
])
def test_repaired_speakers(nlp, text, word, expected):
    assert subject_of(cue(nlp, text, word)).text == expected


def test_a_day_after_said_is_no_speaker(nlp):
    assert inverted_speaker(cue(nlp, '"The talks are over," said Monday a spokesman.',
                                "said")) is None


def test_a_noun_no_one_made_is_the_speaker_itself(nlp):
    verb = cue(nlp, "She met a group calling for a ban.", "calling")
    assert maker_of_made_thing(verb) is None
    assert modified_noun(verb).text == "group"


def test_a_capital_opening_the_sentence_is_no_sign_of_a_surname(nlp):
    # Every word opening a sentence is capitalised, so there the capital says nothing.
    verb = cue(nlp, "Jolly said the harbour would reopen.", "said")
    assert surname_as_adverb(verb) is None
