"""The inspector says what a side effect changed on an item nobody has checked, and stops
saying it once the analyst reviews the item."""

from PySide6.QtCore import Qt

from briefing_app.domain.ops import Change, note_change
from briefing_app.domain.vocab import ChangeKind


def test_a_claim_changed_by_a_merge_says_so_until_the_analyst_accepts_it(analyzed, qtbot):
    claim = analyzed.doc.briefing.claim("c2")
    note_change(claim, "source actor renamed by a merge")
    analyzed.doc.notify(Change(ChangeKind.CLAIMS, ["c2"]))
    analyzed.select_item("claim", "c2")
    label = analyzed.inspector.claim_form.changes
    assert not label.isHidden()
    assert label.text() == ("Changed since the analysis, not checked: "
                            "source actor renamed by a merge.")
    analyzed.claims_panel.view.setFocus()
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_A)  # the analyst's own act
    assert claim.review == "accepted"
    analyzed.select_item("claim", "c2")
    assert label.isHidden()


def test_an_actor_changed_by_a_side_effect_says_so(analyzed):
    actor = analyzed.doc.briefing.actors[0]
    note_change(actor, "merged with BRD")
    analyzed.doc.notify(Change(ChangeKind.ACTORS, [actor.id]))
    analyzed.select_item("actor", actor.id)
    label = analyzed.inspector.actor_form.changes
    assert not label.isHidden()
    assert label.text() == "Changed since the analysis, not checked: merged with BRD."
