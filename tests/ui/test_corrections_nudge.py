"""Nudging boundaries by keys: Alt+arrows move a claim part or a mention a word at a time,
the highlight follows, a burst of nudges undoes as one step, and redo brings it back.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from briefing_app.storage.project_file import dumps
from briefing_app.ui.reading.highlighter import marks_for_source, read_marks

ALT = Qt.KeyboardModifier.AltModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def span_text(window, span):
    return window.doc.briefing.sources[0].text[span.start:span.end]


def test_nudge_claim_content_and_cue(analyzed, qtbot, wait_analyzed):
    analyzed.select_item("claim", "c2")
    view = analyzed.claims_panel.view
    view.setFocus()
    before = dumps(analyzed.doc.briefing)
    claim = analyzed.doc.briefing.claim("c2")
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert span_text(analyzed, claim.content) == "the strike could"
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT_SHIFT)
    assert span_text(analyzed, claim.content) == "that the strike could"
    assert claim.review == "edited"
    wait_analyzed(analyzed)
    shown = read_marks(analyzed.article.document(), analyzed.article.offsets)
    expected = {(m.start, m.end, m.layer, m.item_id)
                for m in marks_for_source(analyzed.doc.briefing, analyzed.article.source_id)}
    assert shown == expected  # the highlight follows the new boundaries
    after = dumps(analyzed.doc.briefing)
    undo = analyzed.findChild(QAction, "actionUndo")
    assert undo.text() == "Undo Nudge claim content start"
    undo.trigger()  # the start nudge
    undo.trigger()  # both end nudges: merged into one step
    assert dumps(analyzed.doc.briefing) == before
    analyzed.findChild(QAction, "actionRedo").trigger()
    analyzed.findChild(QAction, "actionRedo").trigger()
    assert dumps(analyzed.doc.briefing) == after
    # Alt+Down picks the next part: the cue ("warned") grows by a word to the right.
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert span_text(analyzed, claim.cue) == "warned that"


def test_nudge_a_mention_of_the_selected_actor(analyzed, qtbot):
    panel = analyzed.actors_panel
    parent = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("a1"), 0))
    panel.view.setCurrentIndex(panel.proxy.index(0, 0, parent))
    panel.view.setFocus()
    before = dumps(analyzed.doc.briefing)
    qtbot.keyClick(panel.view, Qt.Key.Key_Left, ALT_SHIFT)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right, ALT_SHIFT)
    qtbot.keyClick(panel.view, Qt.Key.Key_Left, ALT_SHIFT)
    mention = analyzed.doc.briefing.actor("a1").mentions[0]
    assert span_text(analyzed, mention) == "Chancellor Markus Vollrath"
    analyzed.findChild(QAction, "actionUndo").trigger()
    assert dumps(analyzed.doc.briefing) == before


def test_nudge_at_a_limit_leaves_no_undo_step(analyzed, qtbot):
    analyzed.select_item("claim", "c3")
    view = analyzed.claims_panel.view
    count = analyzed.doc.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)  # the cue "According to"
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    cue = analyzed.doc.briefing.claim("c3").cue
    assert span_text(analyzed, cue) == "According"
    assert analyzed.doc.undo_stack.count() == count + 1
