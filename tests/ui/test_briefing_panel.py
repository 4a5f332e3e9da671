"""The Briefing panel: BLUF typing is one undo step per burst, judgments add/edit/move/undo,
fields follow undo, and the outline agrees with what the export includes.
"""

from PySide6.QtCore import Qt

from briefing_app.document import briefing_commands
from briefing_app.domain import briefing_ops
from briefing_app.storage.word.sections import shown


def test_bluf_typing_is_one_undo_step(window, qtbot):
    panel = window.briefing_panel
    stack = window.doc.undo_stack
    before = stack.count()
    qtbot.keyClicks(panel.bluf, "Talks broke down on Monday.")
    assert window.doc.briefing.bluf == "Talks broke down on Monday."
    assert stack.count() == before + 1
    assert stack.undoText() == "Edit bottom line"
    assert window.isWindowModified()
    stack.undo()
    assert window.doc.briefing.bluf == "" and panel.bluf.toPlainText() == ""
    stack.redo()
    assert panel.bluf.toPlainText() == "Talks broke down on Monday."


def test_a_pause_starts_a_new_undo_step(window, qtbot, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(briefing_commands.time, "monotonic", lambda: clock[0])
    panel, stack = window.briefing_panel, window.doc.undo_stack
    qtbot.keyClicks(panel.bluf, "One.")
    clock[0] += briefing_commands.BURST_SECONDS + 1
    qtbot.keyClicks(panel.bluf, " Two.")
    assert stack.count() == 2
    stack.undo()
    assert window.doc.briefing.bluf == "One."


def test_typing_back_to_the_start_leaves_nothing_to_undo(window, qtbot):
    panel, stack = window.briefing_panel, window.doc.undo_stack
    qtbot.keyClicks(panel.bluf, "ab")
    qtbot.keyClick(panel.bluf, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.bluf, Qt.Key.Key_Backspace)
    assert stack.count() == 0 and not window.isWindowModified()


def test_judgments_add_edit_move_remove_and_undo(window, qtbot):
    panel, stack = window.briefing_panel, window.doc.undo_stack
    briefing = window.doc.briefing
    first = panel.add_judgment()
    assert panel.judgment_text.hasFocus() or panel.judgment_text.selectedText()
    panel.judgment_text.clear()
    qtbot.keyClicks(panel.judgment_text, "the strike continues past Friday")
    panel.likelihood.activated.emit(6)  # very likely
    panel.confidence.activated.emit(3)  # high
    second = panel.add_judgment()
    assert [j.id for j in briefing.judgments] == [first, second]
    judgment = briefing.judgments[0]
    assert (judgment.text, judgment.likelihood, judgment.confidence) == (
        "the strike continues past Friday", "very likely", "high")
    assert panel.judgments.topLevelItem(0).text(1) == "very likely"
    panel.move_judgment(-1)
    assert [j.id for j in briefing.judgments] == [second, first]
    panel.select_judgment(first)
    panel.remove_judgment()
    assert [j.id for j in briefing.judgments] == [second]
    labels = [stack.text(i) for i in range(stack.count())]
    assert labels == ["Add key judgment", "Edit key judgment", "Set judgment likelihood",
                      "Set judgment confidence", "Add key judgment", "Move key judgment",
                      "Remove key judgment"]
    for _ in range(3):
        stack.undo()
    assert [j.id for j in briefing.judgments] == [first]
    stack.undo()
    assert briefing.judgments[0].confidence == ""  # the analyst had not picked one yet
    panel.select_judgment(first)
    assert panel.confidence.currentText() == "(no confidence)"
    while stack.canUndo():
        stack.undo()
    assert briefing.judgments == [] and panel.judgments.topLevelItemCount() == 0


def test_title_author_and_mark_are_undoable(window, qtbot):
    panel, briefing = window.briefing_panel, window.doc.briefing
    panel.title.setText("Port strike talks stall")
    panel.title.editingFinished.emit()
    panel.mark.setCurrentText("TLP:GREEN")
    panel.mark.activated.emit(panel.mark.currentIndex())
    panel.mark.setCurrentText("ACME CONFIDENTIAL")
    panel.mark.lineEdit().editingFinished.emit()
    assert (briefing.title, briefing.mark) == ("Port strike talks stall", "ACME CONFIDENTIAL")
    window.doc.undo_stack.undo()
    assert panel.mark.currentText() == "TLP:GREEN"
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert panel.title.text() == "" and briefing.title == ""


def test_outline_counts_what_the_export_includes(analyzed, qtbot):
    panel, briefing = analyzed.briefing_panel, analyzed.doc.briefing
    analyzed.select_item("claim", "c1")
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_Delete)  # reject c1
    panel.refresh_outline()
    texts = panel.outline_texts()
    claims = [c for c in briefing.claims if shown(c)]
    actors = [a for a in briefing.actors if shown(a)]
    assert f"Key claims — {len(claims)} of {len(briefing.claims)} included" in texts
    assert f"Key actors — {len(actors)} of {len(briefing.actors)} included" in texts
    assert texts[0] == briefing.sources[0].title
    assert "Bottom line up front — not written yet" in texts
    assert [briefing_ops.included(c) for c in briefing.claims] == [
        shown(c) for c in briefing.claims]
    unreviewed = briefing_ops.unreviewed_count(briefing)
    assert unreviewed and str(unreviewed) in panel.unreviewed.text()
    qtbot.keyClicks(panel.bluf, "Talks broke down.")
    qtbot.waitUntil(lambda: "Bottom line up front — 3 words" in panel.outline_texts(),
                    timeout=2000)


def _show_briefing_tab(window, qtbot):
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "briefingDock")
    dock.show()
    dock.raise_()
    qtbot.waitUntil(window.briefing_panel.isVisible)
    return window.briefing_panel


def test_typing_after_add_goes_into_the_new_judgment(window, qtbot):
    from PySide6.QtWidgets import QApplication

    panel = _show_briefing_tab(window, qtbot)
    briefing = window.doc.briefing
    for text in ("Syldavia keeps the port closed", "Borduria sends no ships"):
        qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
        assert QApplication.focusWidget() is panel.judgment_text
        assert panel.judgment_text.isEnabled()
        qtbot.keyClicks(QApplication.focusWidget(), text)
    assert [j.text for j in briefing.judgments] == ["Syldavia keeps the port closed",
                                                     "Borduria sends no ships"]
    assert briefing.bluf == ""
    # No likelihood or confidence until the analyst picks one.
    assert {(j.likelihood, j.confidence) for j in briefing.judgments} == {("", "")}
    assert panel.likelihood.currentText() == "(no likelihood)"
    assert panel.judgments.topLevelItem(1).text(1) == ""


def test_add_with_the_list_focused_enables_the_new_judgment(window, qtbot):
    from PySide6.QtWidgets import QApplication

    panel = _show_briefing_tab(window, qtbot)
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.judgment_text, "Syldavia keeps the port closed")
    panel.judgments.setFocus()
    qtbot.keyClick(panel.judgments, Qt.Key.Key_Home)  # the list has focus and a current row
    qtbot.keyClick(panel.judgments, Qt.Key.Key_Tab)
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert panel.judgment_text.isEnabled()
    assert QApplication.focusWidget() is panel.judgment_text
    qtbot.keyClicks(panel.judgment_text, "Ports reopen")
    assert [j.text for j in window.doc.briefing.judgments][-1] == "Ports reopen"
