"""Pure correction ops and word nudges, without Qt: each op, then snapshot/restore undoes it."""


import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.domain import boundaries, corrections
from briefing_app.domain.model import Briefing
from briefing_app.domain.ops import add_source, apply_analysis
from briefing_app.storage.project_file import dumps
from support import handmade


@pytest.fixture
def briefing():
    briefing = Briefing()
    source = handmade.make_source()
    add_source(briefing, source)
    apply_analysis(briefing, handmade.make_analysis(source))
    return briefing


def span_of(briefing, needle):
    start = briefing.sources[0].text.index(needle)
    return start, start + len(needle)


def undoes(briefing, op, *args):
    """Run op; restoring the snapshot taken before gives back the same project JSON."""
    before = dumps(briefing)
    snap = corrections.snapshot(briefing)
    changes = op(briefing, *args)
    after = dumps(briefing)
    corrections.restore(briefing, snap)
    assert dumps(briefing) == before
    op(briefing, *args)  # redo from the restored state gives the same result
    assert dumps(briefing) == after
    return changes


def test_add_actor_from_span(briefing):
    undoes(briefing, corrections.add_actor, "aX", "s1", *span_of(briefing, "ministry"),
           "", "organisation")
    actor = briefing.actor("aX")
    assert actor.name == "ministry" and actor.kind == "organisation"
    assert actor.review == "edited" and len(actor.mentions) == 1


def test_add_mention_marks_the_actor_edited(briefing):
    undoes(briefing, corrections.add_mention, "a1", "s1", *span_of(briefing, "Chancellor"))
    actor = briefing.actor("a1")
    assert [briefing.sources[0].text[m.start:m.end] for m in actor.mentions] == [
        "Chancellor", "Markus Vollrath"]
    assert actor.review == "edited"


def test_merge_moves_mentions_and_claims(briefing):
    undoes(briefing, corrections.merge_actors, "a1", ["a3"])
    assert briefing.actor("a3") is None
    assert len(briefing.actor("a1").mentions) == 2
    claim = briefing.claim("c3")
    # The claim followed its actor; the analyst has not checked it, so it stays unreviewed
    # and says what changed.
    assert claim.actor_id == "a1" and claim.review == "machine"
    assert claim.changed_by == ["source actor officials merged into Markus Vollrath"]


def test_merge_reviews_nothing_and_says_so(briefing):
    """A merge is a side effect: the kept actor stays unreviewed and says what happened."""
    briefing.actor("a1").review = "machine"
    undoes(briefing, corrections.merge_actors, "a1", ["a3"], "Vollrath", "organisation")
    kept = briefing.actor("a1")
    assert kept.review == "machine" and kept.changed_by == ["merged with officials"]
    assert (kept.name, kept.kind) == ("Vollrath", "organisation")
    assert briefing.claim("c1").changed_by == ["source actor renamed by a merge"]


def test_merge_refuses_an_unknown_kind(briefing):
    with pytest.raises(ValueError):
        corrections.merge_actors(briefing, "a1", ["a3"], "", "planet")


def test_split_mention_takes_its_claim_along(briefing):
    undoes(briefing, corrections.split_mention, "a2", 0, "aN", "K. Oehlert")
    assert briefing.actor("a2").mentions == []
    assert briefing.actor("aN").name == "K. Oehlert"
    assert briefing.claim("c2").actor_id == "aN"


def test_delete_actor_leaves_its_claims_to_the_author(briefing):
    undoes(briefing, corrections.delete_actor, "a2")
    assert briefing.actor("a2") is None and briefing.claim("c2").actor_id is None


def test_add_claim_with_cue_and_actor(briefing):
    start, end = span_of(briefing, "the ministry is preparing")
    undoes(briefing, corrections.add_claim, "cN", "s1", start, end, "a3",
           span_of(briefing, "According to"))
    claim = briefing.claim("cN")
    assert claim.kind == "reported" and claim.review == "edited" and claim.paragraph == 4
    assert claim.source_span is not None  # taken from the actor's nearest mention
    assert [c.id for c in briefing.claims].index("cN") == 3  # kept in text order


def test_delete_claim_and_change_actor(briefing):
    undoes(briefing, corrections.set_claim_actor, "c1", "a2")
    assert briefing.claim("c1").actor_id == "a2" and briefing.claim("c1").review == "edited"
    undoes(briefing, corrections.delete_claim, "c1")
    assert briefing.claim("c1") is None


def test_note_is_anchored(briefing):
    undoes(briefing, corrections.add_note, "n1", "check this", "s1",
           *span_of(briefing, "emergency legislation"))
    assert briefing.notes[0].text == "check this" and briefing.notes[0].source_id == "s1"


def test_edit_note_keeps_its_anchor(briefing):
    start, end = span_of(briefing, "emergency legislation")
    corrections.add_note(briefing, "n1", "check this", "s1", start, end)
    corrections.add_note(briefing, "n2", "free thought")
    changes = undoes(briefing, corrections.edit_note, "n1", "Ask the ministry\nby Friday")
    assert [(c.kind, c.ids) for c in changes] == [("notes", ["n1"])]
    note = briefing.notes[0]
    assert (note.id, note.text, note.source_id, note.start, note.end) == (
        "n1", "Ask the ministry\nby Friday", "s1", start, end)
    assert [n.id for n in briefing.notes] == ["n1", "n2"]


def test_edit_note_to_the_same_text_changes_nothing(briefing):
    corrections.add_note(briefing, "n1", "check this")
    assert corrections.edit_note(briefing, "n1", "check this") == []


def test_edit_note_refuses_empty_text_and_unknown_ids(briefing):
    corrections.add_note(briefing, "n1", "check this")
    with pytest.raises(ValueError):
        corrections.edit_note(briefing, "n1", "  \n")
    with pytest.raises(KeyError):
        corrections.edit_note(briefing, "nobody", "text")
    with pytest.raises(KeyError):
        corrections.delete_note(briefing, "nobody")
    assert briefing.notes[0].text == "check this"


def test_delete_note(briefing):
    corrections.add_note(briefing, "n1", "first")
    corrections.add_note(briefing, "n2", "second", "s1", *span_of(briefing, "officials"))
    changes = undoes(briefing, corrections.delete_note, "n1")
    assert [(c.kind, c.ids) for c in changes] == [("notes", ["n1"])]
    assert [n.id for n in briefing.notes] == ["n2"]


def test_bad_spans_are_refused(briefing):
    with pytest.raises(ValueError):
        corrections.add_actor(briefing, "aX", "s1", 5, 5)
    with pytest.raises(KeyError):
        corrections.add_mention(briefing, "nobody", "s1", 0, 3)


def test_nudge_a_word_at_a_time(briefing):
    target = ("claim", "c2", "content")
    text = briefing.sources[0].text
    undoes(briefing, boundaries.nudge, target, "end", -1)
    claim = briefing.claim("c2")
    assert text[claim.content.start:claim.content.end] == "the strike could last"
    boundaries.nudge(briefing, target, "start", -1)
    assert text[claim.content.start:claim.content.end] == "that the strike could last"
    boundaries.nudge(briefing, target, "start", 1)
    boundaries.nudge(briefing, target, "end", 1)
    assert text[claim.content.start:claim.content.end] == "the strike could last weeks"
    assert claim.review == "edited"


def test_nudge_of_a_mention(briefing):
    undoes(briefing, boundaries.nudge, ("mention", "a1", 0), "start", -1)
    mention = briefing.actor("a1").mentions[0]
    assert briefing.sources[0].text[mention.start:mention.end] == "Chancellor Markus Vollrath"


def test_mentions_by_source(briefing):
    assert corrections.mentions_by_source(briefing, briefing.actor("a1")) == [("s1", 1)]


words = st.text(alphabet="ab .,\r\n😀", min_size=1, max_size=30)


@given(words, st.data())
def test_stepping_keeps_a_span_inside_the_text(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    edge = data.draw(st.sampled_from(["start", "end"]))
    step = data.draw(st.sampled_from([-1, 1]))
    new_start, new_end = boundaries.stepped(text, start, end, edge, step)
    assert 0 <= new_start < new_end <= len(text)
