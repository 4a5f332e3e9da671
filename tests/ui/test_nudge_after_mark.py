"""Nudging works from the first key press after a claim is marked by hand: the window takes
the keyboard back from the Mark-as-claim dialog (its shortcuts reach only an active window).
"""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from support.window_text import select_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_first_alt_right_after_marking_a_claim_moves_its_end(analyzed, qtbot):
    # The dialog is not modal (a click in the text can pick its cue): find it by name.
    QTimer.singleShot(0, lambda: qtbot.keyClick(analyzed.findChild(QDialog, "claimDialog"),
                                                Qt.Key.Key_Return))
    select_text(analyzed, "the port would")
    analyzed.article.setFocus()
    qtbot.keyClick(analyzed.article, Qt.Key.Key_L, CTRL_SHIFT)
    claim = analyzed.doc.briefing.claim(analyzed.review.item_id)
    text = analyzed.doc.briefing.sources[0].text
    assert text[claim.content.start:claim.content.end] == "the port would"
    # Before the fix the window stayed inactive after the dialog and lost these keys.
    qtbot.waitUntil(analyzed.isActiveWindow, timeout=2000)
    qtbot.keyClick(analyzed.focusWidget(), Qt.Key.Key_Right, ALT)
    assert text[claim.content.start:claim.content.end] == "the port would reopen"
    qtbot.keyClick(analyzed.focusWidget(), Qt.Key.Key_Right, ALT)
    assert text[claim.content.start:claim.content.end] == "the port would reopen soon"
