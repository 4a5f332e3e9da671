"""Risky claims first, one key per claim: the review order (article order or least certain
first) that J / K follow, accept-and-advance, and the engine's doubts shown in the Claims
panel, the inspector, the highlight's tooltip and the status bar."""

import pytest
from PySide6.QtCore import Qt

from briefing_app.qtmodels.claims_model import Column
from briefing_app.settings import Settings
from briefing_app.ui.reading.highlighter import marks_for_source
from briefing_app.ui.reading.tooltips import describe_marks
from support.scores import score_claims


@pytest.fixture
def scored(analyzed):
    score_claims(analyzed.doc)
    view = analyzed.claims_panel.view
    view.setFocus()
    return analyzed


def panel_order(window):
    model = window.claims_panel.model
    return [model.claim_at(row).id for row in window.claims_panel.visible_rows()]


def claim_marks(briefing, claim_id):
    """The highlights of one claim, as the mouse finds them under the pointer."""
    source_id = briefing.claim(claim_id).source_id
    return [m for m in marks_for_source(briefing, source_id) if m.item_id == claim_id]


@pytest.fixture
def press(qtbot):
    """A real key press in the Claims panel, where the analyst reviews from."""
    def key_press(window, key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(window.claims_panel.view, key, modifier)

    return key_press


def test_least_certain_first_orders_the_panel_and_j_k(scored, press, qtbot):
    assert panel_order(scored) == ["c1", "c2", "c3"]  # article order by default
    scored.findChild(object, "actionOrderLeastCertain").trigger()
    assert panel_order(scored) == ["c2", "c3", "c1"]  # 0.34, 0.62, 0.91
    assert scored.findChild(object, "actionOrderLeastCertain").isChecked()
    assert not scored.findChild(object, "actionOrderArticle").isChecked()
    assert scored.claims_panel.current_id() == "c2"  # review starts at the top of the order
    seen = []
    for key in (Qt.Key.Key_J, Qt.Key.Key_J, Qt.Key.Key_K):
        press(scored, key)
        seen.append(scored.claims_panel.current_id())
    assert seen == ["c3", "c1", "c3"]
    # Remembered: the settings file says so (written on its own thread), not only the window.
    qtbot.waitUntil(lambda: Settings(scored.settings.path).get("review_order")
                    == "least_certain")
    scored.findChild(object, "actionOrderArticle").trigger()
    assert panel_order(scored) == ["c1", "c2", "c3"]
    qtbot.waitUntil(lambda: Settings(scored.settings.path).get("review_order") == "article")


def test_the_remembered_order_is_in_force_at_the_next_start(make_window, handmade, article,
                                                           wait_analyzed):
    settings = Settings()
    settings.set("review_order", "least_certain")
    settings.save()
    window = make_window(handmade.FakeEngine())
    assert window.findChild(object, "actionOrderLeastCertain").isChecked()
    assert window.open_path(article)
    wait_analyzed(window)
    score_claims(window.doc)
    assert panel_order(window) == ["c2", "c3", "c1"]


def test_unscored_claims_come_after_the_scored_ones(scored):
    scored.doc.briefing.claim("c2").confidence = None  # e.g. a claim marked by hand
    score_claims(scored.doc, {"c1": (0.91, []), "c3": (0.62, ["no_cue"])})
    scored.findChild(object, "actionOrderLeastCertain").trigger()
    assert panel_order(scored) == ["c3", "c1", "c2"]
    row = scored.claims_panel.model.row_of("c2")
    assert scored.claims_panel.model.index(row, Column.CONFIDENCE).data() == ""


def test_accept_and_reject_move_on_to_the_next_unreviewed_claim(scored, press):
    scored.select_item("claim", "c1")
    press(scored, Qt.Key.Key_A)
    assert scored.doc.briefing.claim("c1").review == "accepted"
    assert scored.claims_panel.current_id() == "c2"
    assert scored.inspector.item_id == "c2"
    press(scored, Qt.Key.Key_R)
    assert scored.doc.briefing.claim("c2").review == "rejected"
    assert scored.claims_panel.current_id() == "c3"
    press(scored, Qt.Key.Key_A)  # the last one: it stays, and says so
    assert [c.review for c in scored.doc.briefing.claims] == ["accepted", "rejected",
                                                              "accepted"]
    assert scored.claims_panel.current_id() == "c3"
    assert "Every claim" in scored.status.currentMessage()
    assert scored.status.review_label.text() == "3 of 3 claims reviewed"
    # One key a claim, and each is its own step on the undo stack.
    press(scored, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert scored.doc.briefing.claim("c3").review == "machine"
    assert scored.doc.undo_stack.count() - scored.doc.undo_stack.index() == 1


def test_a_skipped_claim_comes_round_again(scored, press):
    scored.findChild(object, "actionOrderLeastCertain").trigger()  # at c2, the least certain
    press(scored, Qt.Key.Key_J)  # skipped to c3
    assert scored.claims_panel.current_id() == "c3"
    press(scored, Qt.Key.Key_A)
    assert scored.claims_panel.current_id() == "c1"
    press(scored, Qt.Key.Key_A)
    assert scored.claims_panel.current_id() == "c2"  # round from the top to the skipped one
    assert scored.doc.briefing.claim("c2").review == "machine"  # moving never reviews


def test_moving_on_can_be_turned_off(scored, press, qtbot):
    toggle = scored.findChild(object, "actionAdvanceAfterReview")
    assert toggle.isChecked()
    toggle.trigger()
    assert not toggle.isChecked()
    qtbot.waitUntil(lambda: Settings(scored.settings.path).get("advance_after_review") is False)
    scored.select_item("claim", "c1")
    press(scored, Qt.Key.Key_A)
    assert scored.doc.briefing.claim("c1").review == "accepted"
    assert scored.claims_panel.current_id() == "c1"


def test_sorting_by_another_column_leaves_both_orders_unchecked(scored, press):
    scored.findChild(object, "actionOrderLeastCertain").trigger()
    scored.claims_panel.view.sortByColumn(Column.ACTOR, Qt.SortOrder.DescendingOrder)
    assert not scored.findChild(object, "actionOrderLeastCertain").isChecked()
    assert not scored.findChild(object, "actionOrderArticle").isChecked()
    order = panel_order(scored)
    assert order == ["c3", "c1", "c2"]  # officials, Markus Vollrath, Katrin Oehlert
    scored.select_item("claim", "c3")
    press(scored, Qt.Key.Key_J)  # J follows the panel as the analyst sorted it
    assert scored.claims_panel.current_id() == "c1"


def test_the_status_bar_counts_flagged_claims_left_to_review(scored, press):
    label = scored.status.flagged_label
    assert label.isVisible() and label.text() == "2 flagged unreviewed"
    scored.select_item("claim", "c3")
    press(scored, Qt.Key.Key_R)
    assert label.text() == "1 flagged unreviewed"
    scored.select_item("claim", "c1")  # not flagged: the count stays
    press(scored, Qt.Key.Key_A)
    assert label.text() == "1 flagged unreviewed"
    scored.doc.undo_stack.undo()
    scored.doc.undo_stack.undo()
    assert label.text() == "2 flagged unreviewed"


def test_the_panel_shows_confidence_and_flags_in_words(scored):
    model = scored.claims_panel.model
    row = model.row_of("c2")
    assert model.index(row, Column.CONFIDENCE).data() == "0.34"
    assert model.index(row, Column.FLAGS).data() == (
        "source is a pronoun; attribution after the quote")
    tip = model.index(row, Column.FLAGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Engine confidence: 0.34" in tip and "check whom it stands for" in tip
    assert model.index(model.row_of("c1"), Column.FLAGS).data() == ""
    # The delegate draws the bar; the number is there for the eye and a screen reader.
    delegate = scored.claims_panel.view.itemDelegateForColumn(Column.CONFIDENCE)
    assert type(delegate).__name__ == "ConfidenceDelegate"


def test_the_inspector_and_the_tooltip_say_why_a_claim_is_flagged(scored):
    scored.select_item("claim", "c2")
    doubts = scored.inspector.claim_form.doubts.text()
    assert "0.34" in doubts and "(low)" in doubts
    assert "source is a pronoun" in doubts and "attribution after the quote" in doubts
    scored.select_item("claim", "c1")
    assert "nothing flagged" in scored.inspector.claim_form.doubts.text()
    briefing = scored.doc.briefing
    tip = describe_marks(briefing, claim_marks(briefing, "c2"))
    assert "Engine confidence: 0.34" in tip
    assert "<b>Flagged</b>: source is a pronoun" in tip and "attribution after the quote" in tip


def test_a_claim_never_scored_reads_as_not_scored(analyzed):
    analyzed.select_item("claim", "c1")
    assert "not scored" in analyzed.inspector.claim_form.doubts.text()
    briefing = analyzed.doc.briefing
    assert "Engine confidence: not scored" in describe_marks(briefing,
                                                             claim_marks(briefing, "c1"))
    assert analyzed.status.flagged_label.text() == "0 flagged unreviewed"
