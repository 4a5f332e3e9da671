"""Undo commands: every edit is undoable, labelled, and re-analysis keeps the analyst's work."""

import pytest

from briefing_app.document import commands
from briefing_app.document.commands import ApplyAnalysisCommand
from briefing_app.domain import review


@pytest.fixture
def analyzed(doc, handmade):
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(doc.briefing.sources[0])))
    return doc


def test_apply_analysis_undo_redo(analyzed):
    assert [c.id for c in analyzed.briefing.claims] == ["c1", "c2", "c3"]
    analyzed.undo_stack.undo()
    assert analyzed.briefing.claims == [] and analyzed.briefing.actors == []
    analyzed.undo_stack.redo()
    assert len(analyzed.briefing.claims) == 3 and len(analyzed.briefing.actors) == 3


def test_rate_is_labelled_with_the_code_and_undoes(analyzed):
    claim = analyzed.briefing.claim("c2")
    analyzed.push(commands.rate_claim(analyzed, claim, reliability="B"))
    analyzed.push(commands.rate_claim(analyzed, claim, credibility="2"))
    assert analyzed.undo_stack.undoText() == "Rate claim B2"
    assert claim.rating.admiralty == "B2" and claim.review == "edited"
    analyzed.undo_stack.undo()
    assert claim.rating.admiralty == "B?"
    analyzed.undo_stack.undo()
    assert claim.rating.admiralty == "" and claim.review == "machine"
    analyzed.undo_stack.redo()
    analyzed.undo_stack.redo()
    assert claim.rating.admiralty == "B2"


def test_review_state_commands(analyzed):
    claim = analyzed.briefing.claim("c1")
    analyzed.push(commands.set_review(analyzed, claim, "accepted"))
    assert analyzed.undo_stack.undoText() == "Accept claim"
    analyzed.push(commands.set_review(analyzed, claim, "rejected"))
    assert analyzed.undo_stack.undoText() == "Reject claim"
    assert claim.review == "rejected"
    analyzed.undo_stack.undo()
    assert claim.review == "accepted"


def test_rating_an_accepted_claim_keeps_it_accepted(analyzed):
    claim = analyzed.briefing.claim("c1")
    analyzed.push(commands.set_review(analyzed, claim, "accepted"))
    analyzed.push(commands.rate_claim(analyzed, claim, reliability="A"))
    assert claim.review == "accepted"


def test_comment_typing_merges_into_one_undo_step(analyzed):
    claim = analyzed.briefing.claim("c3")
    for text in ("S", "Si", "Single source"):
        analyzed.push(commands.edit_claim(analyzed, claim, {"comment": text}, "Edit comment",
                                          merge=True))
    assert analyzed.undo_stack.count() == 3  # add source, analysis, one comment edit
    analyzed.undo_stack.undo()
    assert claim.comment == ""


def test_reanalysis_keeps_analyst_work_and_is_undoable(analyzed, handmade):
    claim = analyzed.briefing.claim("c2")
    analyzed.push(commands.rate_claim(analyzed, claim, reliability="C"))
    again = handmade.make_analysis(analyzed.briefing.sources[0])
    analyzed.push(ApplyAnalysisCommand(analyzed, again, "Re-analyse article"))
    kept = analyzed.briefing.claim("c2")
    assert kept.rating.reliability == "C"
    assert len(analyzed.briefing.claims) == 3
    analyzed.undo_stack.undo()
    assert analyzed.briefing.claim("c2").rating.reliability == "C"


def test_actor_edit_marks_it_edited(analyzed):
    analyzed.push(commands.edit_actor(analyzed, "a1", {"role": "Chancellor of Germany"},
                                      "Edit actor role"))
    actor = analyzed.briefing.actor("a1")
    assert (actor.role, actor.review) == ("Chancellor of Germany", "edited")
    analyzed.undo_stack.undo()
    assert (actor.role, actor.review) == ("Chancellor", "machine")


def test_changes_name_the_touched_claim(analyzed, qtbot):
    claim = analyzed.briefing.claim("c1")
    with qtbot.waitSignal(analyzed.changed) as blocker:
        analyzed.push(commands.edit_claim(analyzed, claim, {"included": False}, "Exclude"))
    assert (blocker.args[0].kind, blocker.args[0].ids) == ("claims", ["c1"])


def test_invalid_values_are_refused(analyzed):
    with pytest.raises(ValueError):
        review.update_claim(analyzed.briefing, "c1", {"reliability": "Z"})
    with pytest.raises(KeyError):
        review.update_claim(analyzed.briefing, "c1", {"content": None})


def test_modified_follows_the_clean_state(analyzed):
    assert analyzed.is_modified()
    analyzed.mark_saved("/tmp/x.briefing")
    assert not analyzed.is_modified()
    analyzed.undo_stack.undo()
    assert analyzed.is_modified()


def test_a_spare_copy_is_adopted_once_and_redo_copies_the_analysis(doc, handmade):
    from briefing_app.domain.ops import copy_analysis

    analysis = handmade.make_analysis(doc.briefing.sources[0])
    spare = copy_analysis(analysis)
    assert spare.claims[0] is not analysis.claims[0]
    assert spare.claims[0].content is not analysis.claims[0].content
    doc.push(ApplyAnalysisCommand(doc, analysis, spare=spare))
    # The worker's copy becomes the briefing's own: nothing is copied on the GUI thread.
    assert {id(c) for c in doc.briefing.claims} == {id(c) for c in spare.claims}
    claim = doc.briefing.claim("c2")
    doc.push(commands.rate_claim(doc, claim, reliability="B"))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.briefing.claims == [] and doc.briefing.actors == []
    doc.undo_stack.redo()
    # A redo applies copies of the untouched analysis, never the adopted objects again.
    redone = doc.briefing.claim("c2")
    assert redone is not claim and all(redone is not c for c in analysis.claims)
    assert redone == analysis.claims[1] and redone.rating.reliability == ""
    assert len(doc.briefing.actors) == 3
