"""Marking by hand: a selection snaps to whole words, a new actor's kind is guessed, and a
hand-marked claim's cue, source and stance are pre-picked from the sentence's words."""

import pytest

from briefing_app.domain.claim_guess import guess_claim
from briefing_app.domain.cue_lexicon import cue_stance, verb_lemma
from briefing_app.domain.kind_guess import guess_kind, shape_kind
from briefing_app.domain.model import Actor, Briefing
from briefing_app.domain.word_snap import snap_to_words
from support.briefing_builders import make_source, mention

TEXT = "Analysts and insiders about the “deal is dead,” he said. Franco-Bordurian talks."


def snapped(start, end, text=TEXT):
    a, b = snap_to_words(text, start, end)
    return text[a:b]


@pytest.mark.parametrize("start, end, expected", [
    (1, 23, "Analysts and insiders about"),  # "nalysts and insiders ab"
    (TEXT.index("deal") + 1, TEXT.index("dead") + 2, "deal is dead"),
    (TEXT.index("“") - 1, TEXT.index("”") + 2, "“deal is dead,”"),  # a quote keeps its marks
    (TEXT.index("“"), TEXT.index("dead") + 4, "deal is dead"),  # half a quote does not
    (TEXT.index(" he"), TEXT.index("said.") + 5, "he said"),
    (TEXT.index("ranco"), TEXT.index("talks") + 2, "Franco-Bordurian talks"),
])
def test_snap_to_words(start, end, expected):
    assert snapped(start, end) == expected


def test_a_selection_without_words_snaps_to_nothing():
    start = TEXT.index(". F")
    assert snap_to_words(TEXT, start, start + 2) == (start, start)


@pytest.mark.parametrize("words, kind", [
    ("Ministry of Transport", "organisation"), ("Dock Workers' Union", "organisation"),
    ("Klow Shipping Ltd.", "organisation"), ("Syltrans plc", "organisation"),
    ("the Republic of Syldavia", "state"), ("officials", "unnamed"),
    ("senior analysts", "unnamed"), ("the protesters", "group"), ("SDU", "organisation"),
    ("Anna Kovac", "person"), ("ROK", "state"), ("S. Korea", "state"),
    ("the Kremlin", "state"),
])
def test_the_shape_of_a_name_gives_its_kind(words, kind):
    assert shape_kind(words) == kind


def test_the_briefing_knows_the_same_words_already():
    source = make_source("s1", ["Syldavia closed the port. Officials in Syldavia agreed."])
    briefing = Briefing(sources=[source])
    briefing.actors.append(Actor("a1", "Syldavia", "state",
                                 mentions=[mention(source, "Syldavia")]))
    assert guess_kind(briefing, "syldavia") == "state"
    assert guess_kind(briefing, "Bordurian Federation") == "state"


@pytest.mark.parametrize("word, lemma, stance", [
    ("cautioned", "caution", "warn"), ("said", "say", "assert"), ("denies", "deny", "deny"),
    ("committed", "commit", "commit"), ("accused", "accuse", "accuse"),
    ("warning", "warn", "warn"), ("statements", "statement", "assert"),
])
def test_cue_words_and_their_stance(word, lemma, stance):
    assert cue_stance(word) == (lemma, stance)


def test_ordinary_words_are_no_cue():
    assert cue_stance("strait") is None and verb_lemma("the") is None


def claim_briefing(paragraph):
    source = make_source("s1", [paragraph])
    briefing = Briefing(sources=[source])
    for n, name in enumerate(("Kovac", "Borduria", "Syldavia")):
        if name in paragraph:
            briefing.actors.append(Actor(f"a{n}", name, mentions=[mention(source, name)]))
    return briefing, source


def guess(paragraph, content):
    briefing, source = claim_briefing(paragraph)
    start = source.text.index(content)
    found = guess_claim(briefing, "s1", start, start + len(content))
    cue = source.text[found.cue.start:found.cue.end] if found.cue else None
    return cue, found.actor_id, found.stance


def test_the_source_is_the_cues_subject_not_the_nearest_name():
    assert guess("President Kovac cautioned Borduria against closing the strait.",
                 "against closing the strait") == ("cautioned", "a0", "warn")


def test_an_inverted_cue_after_a_quote_takes_the_name_after_it():
    assert guess("“Borduria will not close the strait,” said Kovac on Monday.",
                 "Borduria will not close the strait") == ("said", "a0", "assert")


def test_according_to_takes_its_object():
    assert guess("According to Syldavia, Borduria has moved troops.",
                 "Borduria has moved troops") == ("According", "a2", "assert")


def test_a_pronoun_subject_leaves_the_source_open():
    assert guess("Kovac arrived. She denied that Borduria had mined the strait.",
                 "Borduria had mined the strait") == ("denied", None, "deny")


def test_no_cue_in_the_sentence():
    assert guess("Borduria closed the strait.", "Borduria closed the strait") == (
        None, None, "")
