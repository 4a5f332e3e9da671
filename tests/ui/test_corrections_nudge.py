"""Nudging boundaries by keys: Alt+arrows move a claim part or a mention a word at a time,
the highlight follows, a burst of nudges undoes as one step, and redo brings it back.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from briefing_app.storage.project_file import dumps
from briefing_app.ui.highlighter import marks_for_source, read_marks

ALT = Qt.KeyboardModifier.AltModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def span_text(window, span):
    return window.doc.briefing.sources[0].text[span.start:span.end]


def test_nudge_claim_content_and_cue(analysed, qtbot, wait_analysed):
    analysed.select_item("claim", "c2")
    view = analysed.claims_panel.view
    view.setFocus()
    before = dumps(analysed.doc.briefing)
    claim = analysed.doc.briefing.claim("c2")
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert span_text(analysed, claim.content) == "the strike could"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT_SHIFT)
    assert span_text(analysed, claim.content) == "that the strike could"
    assert claim.review == "edited"
    wait_analysed(analysed)
    shown = read_marks(analysed.article.document(), analysed.article.offsets)
    expected = {(m.start, m.end, m.layer, m.item_id)
                for m in marks_for_source(analysed.doc.briefing, analysed.article.source_id)}
    assert shown == expected  # the highlight follows the new boundaries
    after = dumps(analysed.doc.briefing)
    undo = analysed.findChild(QAction, "actionUndo")
    assert undo.text() == "Undo Nudge claim content start"
    undo.trigger()  # the start nudge
    undo.trigger()  # both end nudges: merged into one step
    assert dumps(analysed.doc.briefing) == before
    analysed.findChild(QAction, "actionRedo").trigger()
    analysed.findChild(QAction, "actionRedo").trigger()
    assert dumps(analysed.doc.briefing) == after
    # Alt+Down picks the next part: the cue ("warned") grows by a word to the right.
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert span_text(analysed, claim.cue) == "warned that"


def test_nudge_a_mention_of_the_selected_actor(analysed, qtbot):
    panel = analysed.actors_panel
    parent = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("a1"), 0))
    panel.view.setCurrentIndex(panel.proxy.index(0, 0, parent))
    panel.view.setFocus()
    before = dumps(analysed.doc.briefing)
    qtbot.keyClick(panel.view, Qt.Key.Key_Left, ALT_SHIFT)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, ALT_SHIFT)
    qtbot.keyClick(panel.view, Qt.Key.Key_Left, ALT_SHIFT)
    mention = analysed.doc.briefing.actor("a1").mentions[0]
    assert span_text(analysed, mention) == "Chancellor Markus Vollrath"
    analysed.findChild(QAction, "actionUndo").trigger()
    assert dumps(analysed.doc.briefing) == before


def test_nudge_at_a_limit_leaves_no_undo_step(analysed, qtbot):
    analysed.select_item("claim", "c3")
    view = analysed.claims_panel.view
    count = analysed.doc.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)  # the cue "According to"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    cue = analysed.doc.briefing.claim("c3").cue
    assert span_text(analysed, cue) == "According"
    assert analysed.doc.undo_stack.count() == count + 1
