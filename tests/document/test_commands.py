"""Undo commands: every edit is undoable, labelled, and re-analysis keeps the analyst's work."""

import pytest

from briefing_app.document import commands
from briefing_app.document.commands import ApplyAnalysisCommand
from briefing_app.domain import review


@pytest.fixture
def analysed(doc, handmade):
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(doc.briefing.sources[0])))
    return doc


def test_apply_analysis_undo_redo(analysed):
    assert [c.id for c in analysed.briefing.claims] == ["c1", "c2", "c3"]
    analysed.undo_stack.undo()
    assert analysed.briefing.claims == [] and analysed.briefing.actors == []
    analysed.undo_stack.redo()
    assert len(analysed.briefing.claims) == 3 and len(analysed.briefing.actors) == 3


def test_rate_is_labelled_with_the_code_and_undoes(analysed):
    claim = analysed.briefing.claim("c2")
    analysed.push(commands.rate_claim(analysed, claim, reliability="B"))
    analysed.push(commands.rate_claim(analysed, claim, credibility="2"))
    assert analysed.undo_stack.undoText() == "Rate claim B2"
    assert claim.rating.admiralty == "B2" and claim.review == "edited"
    analysed.undo_stack.undo()
    assert claim.rating.admiralty == "B?"
    analysed.undo_stack.undo()
    assert claim.rating.admiralty == "" and claim.review == "machine"
    analysed.undo_stack.redo()
    analysed.undo_stack.redo()
    assert claim.rating.admiralty == "B2"


def test_review_state_commands(analysed):
    claim = analysed.briefing.claim("c1")
    analysed.push(commands.set_review(analysed, claim, "accepted"))
    assert analysed.undo_stack.undoText() == "Accept claim"
    analysed.push(commands.set_review(analysed, claim, "rejected"))
    assert analysed.undo_stack.undoText() == "Reject claim"
    assert claim.review == "rejected"
    analysed.undo_stack.undo()
    assert claim.review == "accepted"


def test_rating_an_accepted_claim_keeps_it_accepted(analysed):
    claim = analysed.briefing.claim("c1")
    analysed.push(commands.set_review(analysed, claim, "accepted"))
    analysed.push(commands.rate_claim(analysed, claim, reliability="A"))
    assert claim.review == "accepted"


def test_comment_typing_merges_into_one_undo_step(analysed):
    claim = analysed.briefing.claim("c3")
    for text in ("S", "Si", "Single source"):
        analysed.push(commands.edit_claim(analysed, claim, {"comment": text}, "Edit comment",
                                          merge=True))
    assert analysed.undo_stack.count() == 3  # add source, analysis, one comment edit
    analysed.undo_stack.undo()
    assert claim.comment == ""


def test_reanalysis_keeps_analyst_work_and_is_undoable(analysed, handmade):
    claim = analysed.briefing.claim("c2")
    analysed.push(commands.rate_claim(analysed, claim, reliability="C"))
    again = handmade.make_analysis(analysed.briefing.sources[0])
    analysed.push(ApplyAnalysisCommand(analysed, again, "Re-analyse article"))
    kept = analysed.briefing.claim("c2")
    assert kept.rating.reliability == "C"
    assert len(analysed.briefing.claims) == 3
    analysed.undo_stack.undo()
    assert analysed.briefing.claim("c2").rating.reliability == "C"


def test_actor_edit_marks_it_edited(analysed):
    analysed.push(commands.edit_actor(analysed, "a1", {"role": "Chancellor of Germany"},
                                      "Edit actor role"))
    actor = analysed.briefing.actor("a1")
    assert (actor.role, actor.review) == ("Chancellor of Germany", "edited")
    analysed.undo_stack.undo()
    assert (actor.role, actor.review) == ("Chancellor", "machine")


def test_changes_name_the_touched_claim(analysed, qtbot):
    claim = analysed.briefing.claim("c1")
    with qtbot.waitSignal(analysed.changed) as blocker:
        analysed.push(commands.edit_claim(analysed, claim, {"included": False}, "Exclude"))
    assert (blocker.args[0].kind, blocker.args[0].ids) == ("claims", ["c1"])


def test_invalid_values_are_refused(analysed):
    with pytest.raises(ValueError):
        review.update_claim(analysed.briefing, "c1", {"reliability": "Z"})
    with pytest.raises(KeyError):
        review.update_claim(analysed.briefing, "c1", {"content": None})


def test_modified_follows_the_clean_state(analysed):
    assert analysed.is_modified()
    analysed.mark_saved("/tmp/x.briefing")
    assert not analysed.is_modified()
    analysed.undo_stack.undo()
    assert analysed.is_modified()


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
