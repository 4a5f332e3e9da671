"""Review states are the analyst's alone: every correction op, run on a briefing nobody has
reviewed, reviews at most the item the analyst acted on, and says what it changed on the
unreviewed items it changed along the way."""

import inspect

import pytest

from briefing_app.domain import boundaries, corrections, review
from briefing_app.domain.model import Actor, Analysis, Briefing, Mention, PipelineInfo
from briefing_app.domain.ops import add_source, apply_analysis
from support import handmade


@pytest.fixture
def briefing():
    briefing = Briefing()
    source = handmade.make_source()
    add_source(briefing, source)
    apply_analysis(briefing, handmade.make_analysis(source))
    assert {item.review for item in briefing.actors + briefing.claims} == {"machine"}
    return briefing


def at(briefing, needle):
    start = briefing.sources[0].text.index(needle)
    return start, start + len(needle)


def states(briefing):
    return {item.id: item.review for item in briefing.actors + briefing.claims}


# (op, arguments, ids the analyst acted on); a callable argument is given the briefing.
OPS = {
    "add_actor": (corrections.add_actor,
                  lambda b: ("aX", "s1", *at(b, "ministry"), "", "organisation"), {"aX"}),
    "add_mention": (corrections.add_mention, lambda b: ("a1", "s1", *at(b, "Chancellor")),
                    {"a1"}),
    "merge_actors": (corrections.merge_actors, lambda b: ("a1", ["a3", "a2"]), set()),
    "split_mention": (corrections.split_mention, lambda b: ("a2", 0, "aN", "K. Oehlert"),
                      {"a2", "aN"}),
    "delete_actor": (corrections.delete_actor, lambda b: ("a2",), set()),
    "add_claim": (corrections.add_claim,
                  lambda b: ("cN", "s1", *at(b, "the ministry is preparing"), "a3",
                             at(b, "According to")), {"cN"}),
    "delete_claim": (corrections.delete_claim, lambda b: ("c1",), set()),
    "set_claim_actor": (corrections.set_claim_actor, lambda b: ("c1", "a2"), {"c1"}),
    "add_note": (corrections.add_note, lambda b: ("nX", "Check.", "s1", *at(b, "port")),
                 set()),
    "edit_note": (corrections.edit_note, lambda b: ("n1", "Check again."), set()),
    "delete_note": (corrections.delete_note, lambda b: ("n1",), set()),
    "update_source": (corrections.update_source, lambda b: ("s1", {"title": "New"}), set()),
}
QUERIES = {"snapshot", "restore", "mentions_by_source", "actors_in"}


def test_every_correction_op_is_checked():
    public = {name for name, value in vars(corrections).items()
              if inspect.isfunction(value) and value.__module__ == corrections.__name__
              and not name.startswith("_")}
    assert public - QUERIES == set(OPS)


@pytest.mark.parametrize("name", sorted(OPS))
def test_an_op_reviews_only_what_the_analyst_acted_on(briefing, name):
    op, args, owned = OPS[name]
    corrections.add_note(briefing, "n1", "A note.", "s1", *at(briefing, "port"))
    before = states(briefing)
    op(briefing, *args(briefing))
    after = states(briefing)
    for item_id, state in after.items():
        if item_id in owned:
            assert state == "edited", item_id
        else:
            assert state == before.get(item_id, "machine"), (name, item_id)


def test_merging_three_actors_keeps_their_claims_unreviewed(briefing):
    corrections.merge_actors(briefing, "a1", ["a2", "a3"])
    claims = {c.id: c for c in briefing.claims}
    assert [c.review for c in claims.values()] == ["machine"] * 3
    assert claims["c1"].changed_by == []  # it was the kept actor's already
    assert claims["c2"].changed_by == ["source actor Katrin Oehlert merged into Markus Vollrath"]
    assert claims["c3"].changed_by == ["source actor officials merged into Markus Vollrath"]


def test_split_and_delete_say_what_they_did(briefing):
    corrections.split_mention(briefing, "a2", 0, "aN", "K. Oehlert")
    assert briefing.claim("c2").changed_by == ["source actor split off as K. Oehlert"]
    corrections.delete_actor(briefing, "aN")
    assert briefing.claim("c2").changed_by == ["source actor split off as K. Oehlert",
                                               "source actor K. Oehlert deleted"]
    assert briefing.claim("c2").review == "machine"


def test_a_reviewed_claim_needs_no_note(briefing):
    review.update_claim(briefing, "c2", {"review": "accepted"})
    corrections.merge_actors(briefing, "a1", ["a2"])
    assert briefing.claim("c2").changed_by == []
    assert briefing.claim("c2").review == "accepted"


def test_notes_undo_with_the_snapshot(briefing):
    snap = corrections.snapshot(briefing)
    corrections.merge_actors(briefing, "a1", ["a2"])
    corrections.restore(briefing, snap)
    assert briefing.claim("c2").changed_by == [] and briefing.claim("c2").actor_id == "a2"


@pytest.mark.parametrize("target, owned", [
    (("mention", "a1", 0), "a1"), (("claim", "c1", "content"), "c1"),
    (("claim", "c2", "cue"), "c2"), (("claim", "c3", "source_span"), "c3")])
def test_a_nudge_reviews_only_its_own_item(briefing, target, owned):
    before = states(briefing)
    assert boundaries.nudge(briefing, target, "end", 1)
    after = states(briefing)
    assert after.pop(owned) == "edited"
    assert after == {k: v for k, v in before.items() if k != owned}


def test_reanalysis_reviews_nothing_and_says_what_it_filled(briefing):
    source = briefing.sources[0]
    found = handmade.make_analysis(source)
    for actor in found.actors:
        actor.affiliation = "Port Authority"
    briefing.actor("a2").review = "accepted"
    apply_analysis(briefing, found)
    assert states(briefing) == {"a1": "machine", "a2": "accepted", "a3": "machine",
                                "c1": "machine", "c2": "machine", "c3": "machine"}
    assert briefing.actor("a1").affiliation == "Port Authority"
    assert briefing.actor("a1").changed_by == ["affiliation filled in by an analysis"]
    # The actor the analyst checked keeps what they saw: no machine guess slips in.
    assert briefing.actor("a2").affiliation == "" and briefing.actor("a2").changed_by == []


def test_reanalysis_keeps_an_excluded_claim_excluded(briefing):
    review.update_claim(briefing, "c2", {"included": False})
    apply_analysis(briefing, handmade.make_analysis(briefing.sources[0]))
    claims = [c for c in briefing.claims if c.content.start == briefing.claim("c2").content.start]
    assert len(claims) == 1 and claims[0].included is False and claims[0].review == "machine"


def test_an_analysis_of_another_source_reviews_nothing(briefing):
    other = handmade.make_source(source_id="s2")
    add_source(briefing, other)
    before = states(briefing)
    apply_analysis(briefing, Analysis("s2", other.sha256, PipelineInfo(), actors=[
        Actor("z1", "Markus Vollrath", "person", mentions=[Mention("s2", 0, 4)])]))
    assert states(briefing) == before


def test_checked_counts_count_what_the_briefing_shows(briefing):
    review.update_claim(briefing, "c1", {"review": "accepted"})
    review.update_claim(briefing, "c2", {"review": "rejected"})
    review.update_actor(briefing, "a3", {"review": "edited"})
    shown = lambda item: item.included and item.review != "rejected"  # noqa: E731
    assert review.checked_counts(briefing, shown) == (1, 2, 1, 3)


def test_triage_is_not_a_judgment():
    assert review.reviewed_after("machine", {"included": False}, review.CLAIM_JUDGED) == "machine"
    assert review.reviewed_after("machine", {"status": "false"}, review.CLAIM_JUDGED) == "edited"
    assert review.reviewed_after("accepted", {"comment": "x"}, review.CLAIM_JUDGED) == "accepted"
    assert review.reviewed_after("machine", {"kind": "group"}, review.ACTOR_JUDGED) == "edited"
