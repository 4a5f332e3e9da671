"""The actor errors the hand audit of issue 14 found most often, one construction each."""

from spacy.tokens import Span

from briefing_app.nlp import actor_kinds, actors, names
from briefing_app.nlp.actors import Cluster, RawMention


def _mention(text: str, kind: str, start: int = 0) -> RawMention:
    return RawMention(start, start + len(text), text, kind)


def test_treaties_beliefs_fragments_and_headlines_name_no_actor():
    for text, kind in [
        ("the Trans-Caspian Free Trade Agreement", "organisation"),
        ("the Second Amendment", "organisation"),
        ("Islamophobia", "organisation"),
        ("Navy Capt.", "organisation"),
        ("pro-Horvat", "person"),
        ("Port Strike Leader Arrested By Police", "organisation"),
        ("Evening Report 360", "person"),
    ]:
        assert names.names_no_actor(text, kind), text
    for text, kind in [("Bank of Syldavia", "organisation"), ("Milan Horvat", "person"),
                       ("Movement for Democratic Change", "organisation"), ("G20", "state")]:
        assert not names.names_no_actor(text, kind), text


def test_a_treaty_labelled_a_body_is_not_clustered():
    clusters = actors.cluster([
        _mention("the Trans-Caspian Free Trade Agreement", "organisation"),
        _mention("the Dock Workers' Union", "organisation", 60),
    ])
    assert [c.name for c in clusters] == ["Dock Workers' Union"]


def test_initials_no_place_library_knows_are_a_body_not_a_state():
    text = "The F.B.I. and NYC disagreed."
    bureau = Cluster("F.B.I.", "state", [_mention("F.B.I.", "state", 4)])
    city = Cluster("NYC", "state", [_mention("NYC", "state", 15)])
    actor_kinds.finish([bureau, city], text)
    assert (bureau.kind, city.kind) == ("organisation", "state")


def test_a_survey_by_an_organisation_stays_the_survey():
    survey = Cluster("survey by the organization in March", "unnamed",
                     [_mention("A survey by the organization in March", "unnamed")])
    actor_kinds.finish([survey], "A survey by the organization in March found a lead.")
    assert survey.kind == "unnamed"


def test_a_phrase_headed_by_an_abstract_noun_is_no_actor_or_its_owner():
    def described(text):
        found = actor_kinds.described_source(text, 10, 10 + len(text), "")
        return found and found[0]

    assert described("The landmark 40-page agreement") is None
    assert described("The question") is None
    assert described("the harbour authority's statement") == "the harbour authority"
    assert described("his campaign") == "his campaign"  # a body of people, not an idea
    assert described("A survey by the institute") == "A survey by the institute"


def test_a_lone_first_name_labelled_a_body_joins_the_person():
    clusters = actors.cluster([
        _mention("Vera Lindqvist", "person"),
        _mention("Vera", "organisation", 40),
        _mention("Lindqvist", "person", 80),
    ])
    assert [(c.name, c.kind, len(c.mentions)) for c in clusters] == [
        ("Vera Lindqvist", "person", 3)]


def test_a_body_named_of_a_place_is_not_that_place():
    clusters = actors.cluster([
        _mention("Eastern Syldavia", "state"),
        _mention("the University of Eastern Syldavia", "organisation", 40),
        _mention("the Syldavian Security Council", "organisation", 90),
        _mention("the Security Council", "organisation", 140),
    ])
    assert sorted(c.name for c in clusters) == [
        "Eastern Syldavia", "Security Council", "University of Eastern Syldavia"]


def test_a_name_after_a_role_noun_labelled_a_body_is_a_person(nlp):
    doc = nlp("In a statement, Syldavia Forward chief strategist Milan Horvat said the ad "
              "was false.")
    start = next(t.i for t in doc if t.text == "Milan")
    doc.ents = [Span(doc, start, start + 2, label="ORG")]
    [mention] = actors.collect(doc, 0)
    assert (mention.text, mention.kind) == ("Milan Horvat", "person")
    doc.ents = [Span(doc, 4, 6, label="ORG")]  # "Syldavia Forward" stays a body
    assert [m.kind for m in actors.collect(doc, 0)] == ["organisation"]
