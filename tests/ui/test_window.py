"""The main window end to end, on the hand-made engine: highlights, selection, undo, files."""

import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.storage.project_file import dumps
from briefing_app.ui.highlighter import marks_for_source, read_marks
from briefing_app.ui.review_keys import REVIEW_KEYS


def expected_marks(window):
    source_id = window.article.source_id
    return {(m.start, m.end, m.layer, m.item_id)
            for m in marks_for_source(window.doc.briefing, source_id)}


def shown_marks(window):
    return read_marks(window.article.document(), window.article.offsets)


def test_creating_the_window_does_not_import_spacy():
    code = ("import sys; from briefing_app.app import create_main_window; "
            "w = create_main_window(); assert 'spacy' not in sys.modules, 'spacy imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert result.returncode == 0, result.stderr


def test_creating_the_window_leaves_file_formats_and_dialogs_for_later():
    # Start-up pays only for what the first frame shows: readers and writers of file
    # formats, package metadata and dialogs load when the analyst first needs them.
    later = ("docx", "trafilatura", "lxml", "charset_normalizer", "pypdfium2",
             "importlib.metadata", "briefing_app.storage.loaders",
             "briefing_app.storage.project_file", "briefing_app.storage.docx_export",
             "briefing_app.ui.about_dialog", "briefing_app.ui.dialogs")
    code = ("import sys; from briefing_app.app import create_main_window; "
            "w = create_main_window(); w.show(); "
            f"loaded = [m for m in {later!r} if m in sys.modules]; "
            "assert not loaded, loaded")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""}, timeout=60)
    assert result.returncode == 0, result.stderr


def test_object_names_are_in_place(window):
    for name in ("documentView", "sourcesView", "actorsView", "claimsView", "inspector"):
        assert window.findChild(object, name) is not None, name
    for name in ("actionOpen", "actionSaveProject", "actionExportBriefing", "actionUndo",
                 "actionRedo"):
        assert window.findChild(object, name) is not None, name


def test_highlights_read_back_equal_the_spans(analysed, handmade):
    shown = shown_marks(analysed)
    assert shown == expected_marks(analysed)
    text = handmade.TEXT
    # Spot-check against the raw text, after the emoji and the CRLFs.
    assert (text.index("reportedly"), text.index("reportedly") + 10, "hedge", "c2") in shown
    assert any(layer == "mention" and text[s:e] == "Katrin Oehlert" for s, e, layer, _ in shown)


def test_clicking_a_highlight_selects_the_row_and_fills_the_inspector(analysed, qtbot):
    view = analysed.article
    offset = handmade_offset(analysed, "warned")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset) + 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert analysed.claims_panel.current_id() == "c2"
    assert analysed.inspector.item_id == "c2"
    summary = analysed.inspector.claim_form.summary.text()
    assert "the strike could last weeks" in summary
    assert "“the strike" not in summary  # reported, not quoted: no quotation marks added
    assert analysed.inspector.claim_form.actor.currentText().startswith("Katrin Oehlert")


def handmade_offset(window, needle):
    return window.doc.briefing.sources[0].text.index(needle)


def test_selecting_a_row_reveals_the_claim_in_the_text(analysed):
    analysed.claims_panel.select_row(analysed.claims_panel.model.row_of("c3"))
    cursor = analysed.article.textCursor()
    assert analysed.article.offsets.to_cp(cursor.position()) == handmade_offset(
        analysed, "According to")
    assert analysed.article.extraSelections()


def test_rate_undo_redo_with_menu_labels(analysed, qtbot):
    undo = analysed.findChild(object, "actionUndo")
    redo = analysed.findChild(object, "actionRedo")
    analysed.select_item("claim", "c2")
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_2)
    claim = analysed.doc.briefing.claim("c2")
    assert claim.rating.admiralty == "B2"
    assert undo.text() == "Undo Rate claim B2"
    assert analysed.isWindowModified()
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claim.rating.admiralty == "B?"
    assert redo.text() == "Redo Rate claim B2"
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert claim.rating.admiralty == "B2"


def test_review_whole_article_by_keys_only(analysed, qtbot):
    view = analysed.claims_panel.view
    view.setFocus()
    count = len(analysed.doc.briefing.claims)
    # J then K lands on the first claim whether or not focus already made a row current.
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_K)
    for n in range(count):
        if n:
            qtbot.keyClick(view, Qt.Key.Key_J)
        qtbot.keyClick(view, Qt.Key.Key_R if n == 1 else Qt.Key.Key_A)
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(view, Qt.Key.Key_3)
        qtbot.keyClick(view, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view, Qt.Key.Key_D)
        if n == 2:
            qtbot.keyClick(view, Qt.Key.Key_I)
    claims = analysed.doc.briefing.claims
    assert [c.review for c in claims] == ["accepted", "rejected", "accepted"]
    assert {c.rating.admiralty for c in claims} == {"C3"}
    assert {c.rating.likelihood for c in claims} == {"likely"}
    assert {c.rating.status for c in claims} == {"disputed"}
    assert [c.included for c in claims] == [True, True, False]
    assert analysed.status.review_label.text() == "3 of 3 claims reviewed"


def test_review_waits_for_the_analysis(make_window, handmade, article, qtbot):
    import threading

    gate = threading.Event()
    window = make_window(handmade.FakeEngine(gate))
    window.open_path(article)
    wait_analysed_once(qtbot, window, gate)
    window.select_item("claim", "c1")
    window.reanalyse()  # holds the source in analysis again
    qtbot.keyClick(window.claims_panel.view, Qt.Key.Key_A)
    assert window.doc.briefing.claim("c1").review == "machine"
    assert "still running" in window.status.currentMessage()
    assert not window.inspector.claim_form.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not window.analysis.busy(), timeout=5000)
    assert window.doc.undo_stack.undoText() == "Re-analyse article"


def wait_analysed_once(qtbot, window, gate):
    gate.set()
    qtbot.waitUntil(lambda: bool(window.doc.briefing.claims), timeout=5000)
    qtbot.waitUntil(lambda: not window.analysis.busy(), timeout=5000)
    gate.clear()


def test_save_and_reopen_gives_the_same_project_and_highlights(analysed, make_window,
                                                              handmade, tmp_path, qtbot,
                                                              monkeypatch):
    analysed.select_item("claim", "c1")
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_A)
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_1)
    project = tmp_path / "strike.briefing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(project), ""))
    analysed.findChild(object, "actionSaveProject").trigger()
    assert project.exists() and not analysed.isWindowModified()
    assert analysed.windowTitle().startswith("strike.briefing")
    reopened = make_window(handmade.FakeEngine())
    assert reopened.open_path(project)
    qtbot.waitUntil(lambda: not reopened.article.is_highlighting(), timeout=5000)
    assert dumps(reopened.doc.briefing) == dumps(analysed.doc.briefing)
    assert shown_marks(reopened) == shown_marks(analysed)
    assert not reopened.isWindowModified()
    assert json.loads(project.read_text())["briefing"]["claims"][0]["review"] == "accepted"
    assert str(project.resolve()) in reopened.settings.get("recent_files")


def test_closing_with_unsaved_changes_asks(analysed, monkeypatch):
    asked = []

    def answer(choice):
        def question(*args, **kwargs):
            asked.append(args[1])
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert analysed.isWindowModified()
    assert not analysed.close()
    assert analysed.isVisible() and asked == ["Unsaved changes"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert analysed.close()


def test_open_failure_is_shown_not_raised(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not window.open_path(empty)
    assert shown and "empty.txt" in shown[0]


def test_shortcuts_help_lists_every_key(window):
    from briefing_app.ui.dialogs import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    keys = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    for key in REVIEW_KEYS:
        assert " or ".join(key.keys) in keys
        action = window.findChild(object, f"action{key.name}")
        shortcuts = {s.toString() for s in action.shortcuts()}
        assert shortcuts == {QKeySequence(k).toString() for k in key.keys}


def test_find_selects_the_match(analysed, qtbot):
    qtbot.keyClick(analysed.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert analysed.find_bar.isVisible()
    qtbot.keyClicks(analysed.find_bar.edit, "legislation")
    assert analysed.article.textCursor().selectedText() == "legislation"


def test_zoom_keys_change_the_font(analysed, qtbot):
    size = analysed.article.font().pointSizeF()
    qtbot.keyClick(analysed.article, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert analysed.article.font().pointSizeF() > size
    qtbot.keyClick(analysed.article, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert analysed.article.font().pointSizeF() == size


def test_paragraph_numbers_follow_source_paragraphs(analysed):
    numbers = analysed.article._paragraph_at_block
    assert sorted(numbers.values()) == [1, 2, 3, 4]
    assert sorted(numbers) == [0, 2, 4, 6]  # blank lines between paragraphs are blocks too
