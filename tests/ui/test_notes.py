"""The Notes panel in the real window: notes listed with their anchors, chosen to reveal
their text, edited, deleted and added from the panel, each undone and redone through the
Edit menu; the reading view's margin marks noted paragraphs; notes survive save and reopen.
"""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QToolTip, QWidget

from briefing_app.document import correction_commands as cc
from briefing_app.document.commands import AddSourceCommand
from briefing_app.ui.editing import corrections
from support.window_text import select_text

NEEDLE = "emergency legislation"


def answer(monkeypatch, text):
    """The next note dialogs answer `text`; returns the (title, shown text) they were asked."""
    asked = []

    def ask(_parent, title, _label, shown="", multiline=False, passage=""):
        asked.append((title, shown, multiline))
        return text

    monkeypatch.setattr(corrections, "ask_text", ask)
    return asked


def action(window, name):
    return window.findChild(QAction, name)


@pytest.fixture
def noted(analyzed, monkeypatch):
    """The analysed window with a note on 'emergency legislation' (paragraph 4), made by the
    window's Add Note command, and the Notes tab raised."""
    answer(monkeypatch, "Check with the port\nand the ministry")
    analyzed.anchor = select_text(analyzed, NEEDLE)
    action(analyzed, "actionAddNote").trigger()
    analyzed.findChild(QDockWidget, "notesDock").raise_()
    return analyzed


def rows(window):
    return window.notes_panel.row_texts()


def undo_text(window):
    return action(window, "actionUndo").text()


def test_the_notes_dock_is_tabbed_with_the_inspector(window):
    notes_dock = window.findChild(QDockWidget, "notesDock")
    assert notes_dock.widget().findChild(object, "notesView") is window.notes_panel.view
    tabbed = window.tabifiedDockWidgets(window.findChild(QDockWidget, "inspectorDock"))
    assert {d.objectName() for d in tabbed} == {"briefingDock", "notesDock", "corroborationDock"}
    assert window.dockWidgetArea(notes_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_note_on_the_text_is_listed_with_its_anchor(noted):
    note = noted.doc.briefing.notes[-1]
    assert (note.source_id, note.start, note.end) == (noted.article.source_id, *noted.anchor)
    assert rows(noted) == [("Check with the port", "#1 ¶4")]
    assert undo_text(noted) == "Undo Add note"


def test_the_margin_marks_the_noted_paragraph(noted, qtbot):
    view = noted.article
    assert set(view.noted_paragraphs) == {4}
    block = view.document().findBlock(view.offsets.to_qt(noted.anchor[0]))
    top = round(view.blockBoundingGeometry(block).translated(view.contentOffset()).top())
    assert "Check with the port<br>and the ministry" in view.margin_tooltip(top + 2)
    margin = view.findChild(QWidget, "paragraphMargin")
    point = QPoint(3, top + 2)
    QApplication.sendEvent(margin, QHelpEvent(QEvent.Type.ToolTip, point,
                                              margin.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert "Check with the port" in QToolTip.text()
    QToolTip.hideText()
    first = view.document().firstBlock()
    top = round(view.blockBoundingGeometry(first).translated(view.contentOffset()).top())
    assert view.margin_tooltip(top + 2) == ""  # paragraph 1 holds no note
    action(noted, "actionUndo").trigger()
    assert view.noted_paragraphs == {}


def test_clicking_a_margin_mark_brings_its_note_forward(noted, qtbot):
    view = noted.article
    noted.findChild(QDockWidget, "inspectorDock").raise_()
    noted.notes_panel.view.setCurrentItem(None)
    block = view.document().findBlock(view.offsets.to_qt(noted.anchor[0]))
    top = round(view.blockBoundingGeometry(block).translated(view.contentOffset()).top())
    margin = view.findChild(QWidget, "paragraphMargin")
    qtbot.mouseClick(margin, Qt.MouseButton.LeftButton, pos=QPoint(3, top + 2))
    assert noted.notes_panel.current_note_id() == noted.doc.briefing.notes[0].id
    qtbot.waitUntil(noted.notes_panel.isVisible, timeout=3000)  # its tab is the raised one


def test_choosing_a_note_reveals_its_text(noted):
    view = noted.article
    noted.select_item("claim", "c1")  # the view is elsewhere first
    assert view.textCursor().position() != view.offsets.to_qt(noted.anchor[0])
    noted.notes_panel.view.setCurrentItem(noted.notes_panel.view.topLevelItem(0))
    assert view.textCursor().position() == view.offsets.to_qt(noted.anchor[0])
    marked = view.extraSelections()
    assert [s.cursor.selectedText() for s in marked] == [NEEDLE]


def test_edit_through_the_panel_undoes_and_redoes(noted, monkeypatch, qtbot):
    panel = noted.notes_panel
    panel.select_note(noted.doc.briefing.notes[-1].id)
    asked = answer(monkeypatch, "Call the harbour master")
    qtbot.mouseClick(panel.buttons["edit"], Qt.MouseButton.LeftButton)
    assert asked == [("Edit note", "Check with the port\nand the ministry", True)]
    assert rows(noted) == [("Call the harbour master", "#1 ¶4")]
    assert undo_text(noted) == "Undo Edit note"
    action(noted, "actionUndo").trigger()
    assert rows(noted) == [("Check with the port", "#1 ¶4")]
    assert undo_text(noted) == "Undo Add note"
    action(noted, "actionRedo").trigger()
    assert rows(noted) == [("Call the harbour master", "#1 ¶4")]
    assert noted.article.noted_paragraphs == {4: ["Call the harbour master"]}


def test_editing_a_note_shows_the_passage_it_is_on(noted, monkeypatch, qtbot):
    passages = []
    monkeypatch.setattr(corrections, "ask_text",
                        lambda *_args, passage="", **_kw: passages.append(passage))
    noted.notes_panel.select_note(noted.doc.briefing.notes[-1].id)
    qtbot.mouseClick(noted.notes_panel.buttons["edit"], Qt.MouseButton.LeftButton)
    assert passages == [NEEDLE]


def test_cancelling_the_edit_changes_nothing(noted, monkeypatch, qtbot):
    panel = noted.notes_panel
    panel.select_note(noted.doc.briefing.notes[-1].id)
    answer(monkeypatch, None)
    count = noted.doc.undo_stack.count()
    panel.edit_action.trigger()
    assert noted.doc.undo_stack.count() == count
    assert rows(noted) == [("Check with the port", "#1 ¶4")]


def test_delete_key_deletes_the_note_not_the_claim(noted, qtbot):
    panel = noted.notes_panel
    noted.select_item("claim", "c3")  # the window's Delete key rejects the current claim
    panel.select_note(noted.doc.briefing.notes[-1].id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert rows(noted) == []
    assert noted.doc.briefing.claim("c3").review == "machine"
    assert undo_text(noted) == "Undo Delete note"
    assert noted.article.noted_paragraphs == {}
    action(noted, "actionUndo").trigger()
    assert rows(noted) == [("Check with the port", "#1 ¶4")]
    assert set(noted.article.noted_paragraphs) == {4}
    action(noted, "actionRedo").trigger()
    assert rows(noted) == []
    assert not panel.buttons["delete"].isEnabled()


def test_a_free_note_from_the_panel(noted, monkeypatch, qtbot):
    panel = noted.notes_panel
    answer(monkeypatch, "Brief the minister on Monday")
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert rows(noted) == [("Check with the port", "#1 ¶4"),
                           ("Brief the minister on Monday", "free")]
    free = noted.doc.briefing.notes[-1]
    assert (free.source_id, free.start, free.end) == ("", 0, 0)
    assert panel.current_note_id() == free.id
    assert set(noted.article.noted_paragraphs) == {4}  # a free note marks no paragraph
    assert undo_text(noted) == "Undo Add note"
    action(noted, "actionUndo").trigger()
    assert rows(noted) == [("Check with the port", "#1 ¶4")]


def test_notes_survive_save_and_reopen(noted, make_window, handmade, tmp_path, qtbot,
                                       monkeypatch):
    project = tmp_path / "strike.briefing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(project), ""))
    action(noted, "actionSaveProject").trigger()
    assert project.exists() and not noted.isWindowModified()
    reopened = make_window(handmade.FakeEngine())
    assert reopened.open_path(project)
    qtbot.waitUntil(lambda: reopened.notes_panel.row_texts() != [], timeout=5000)
    assert reopened.notes_panel.row_texts() == [("Check with the port", "#1 ¶4")]
    assert set(reopened.article.noted_paragraphs) == {4}


def test_a_note_on_another_source_brings_that_source_into_view(noted, handmade):
    doc = noted.doc
    second = handmade.make_source(source_id="s2")
    doc.push(AddSourceCommand(doc, second))
    start = second.text.index("officials")
    doc.push(cc.add_note(doc, "Which officials?", "s2", start, start + len("officials")))
    assert rows(noted)[-1] == ("Which officials?", "#2 ¶4")
    first_id = noted.article.source_id
    assert first_id != "s2" and set(noted.article.noted_paragraphs) == {4}
    noted.notes_panel.select_note(doc.briefing.notes[-1].id)
    view = noted.article
    assert view.source_id == "s2"
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["officials"]
    assert view.noted_paragraphs == {4: ["Which officials?"]}
    noted.notes_panel.select_note(doc.briefing.notes[0].id)
    assert view.source_id == first_id

