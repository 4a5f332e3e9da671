"""The main window end to end, on the hand-made engine: highlights, selection, undo, files."""

import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.storage.project_file import dumps
from briefing_app.ui.editing.review_keys import REVIEW_KEYS
from briefing_app.ui.reading.highlighter import marks_for_source, read_marks
from support.child_env import child_env


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
                            env=child_env(), timeout=60)
    assert result.returncode == 0, result.stderr


def test_creating_the_window_leaves_file_formats_and_dialogs_for_later():
    # Start-up pays only for what the first frame shows: readers and writers of file
    # formats, package metadata and dialogs load when the analyst first needs them.
    later = ("docx", "trafilatura", "lxml", "charset_normalizer", "pypdfium2",
             "importlib.metadata", "briefing_app.storage.readers.load",
             "briefing_app.storage.project_file", "briefing_app.storage.word.export",
             "briefing_app.ui.dialogs.about", "briefing_app.ui.dialogs.shortcuts")
    code = ("import sys; from briefing_app.app import create_main_window; "
            "w = create_main_window(); w.show(); "
            f"loaded = [m for m in {later!r} if m in sys.modules]; "
            "assert not loaded, loaded")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=child_env(), timeout=60)
    assert result.returncode == 0, result.stderr


def test_object_names_are_in_place(window):
    for name in ("documentView", "sourcesView", "actorsView", "claimsView", "inspector"):
        assert window.findChild(object, name) is not None, name
    for name in ("actionOpen", "actionSaveProject", "actionExportBriefing", "actionUndo",
                 "actionRedo", "actionOrderArticle", "actionOrderLeastCertain",
                 "actionAdvanceAfterReview", "flaggedProgress", "menuReviewOrder"):
        assert window.findChild(object, name) is not None, name


def test_highlights_read_back_equal_the_spans(analyzed, handmade):
    shown = shown_marks(analyzed)
    assert shown == expected_marks(analyzed)
    text = handmade.TEXT
    # Spot-check against the raw text, after the emoji and the CRLFs.
    assert (text.index("reportedly"), text.index("reportedly") + 10, "hedge", "c2") in shown
    assert any(layer == "mention" and text[s:e] == "Katrin Oehlert" for s, e, layer, _ in shown)


def test_clicking_a_highlight_selects_the_row_and_fills_the_inspector(analyzed, qtbot):
    view = analyzed.article
    offset = handmade_offset(analyzed, "warned")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(offset) + 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert analyzed.claims_panel.current_id() == "c2"
    assert analyzed.inspector.item_id == "c2"
    summary = analyzed.inspector.claim_form.summary.text()
    assert "the strike could last weeks" in summary
    assert "“the strike" not in summary  # reported, not quoted: no quotation marks added
    assert analyzed.inspector.claim_form.actor.currentText().startswith("Katrin Oehlert")


def handmade_offset(window, needle):
    return window.doc.briefing.sources[0].text.index(needle)


def test_selecting_a_row_reveals_the_claim_in_the_text(analyzed):
    analyzed.claims_panel.select_row(analyzed.claims_panel.model.row_of("c3"))
    cursor = analyzed.article.textCursor()
    assert analyzed.article.offsets.to_cp(cursor.position()) == handmade_offset(
        analyzed, "According to")
    assert analyzed.article.extraSelections()


def test_rate_undo_redo_with_menu_labels(analyzed, qtbot):
    undo = analyzed.findChild(object, "actionUndo")
    redo = analyzed.findChild(object, "actionRedo")
    analyzed.select_item("claim", "c2")
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_2)
    claim = analyzed.doc.briefing.claim("c2")
    assert claim.rating.admiralty == "B2"
    assert undo.text() == "Undo Rate claim B2"
    assert analyzed.isWindowModified()
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claim.rating.admiralty == "B?"
    assert redo.text() == "Redo Rate claim B2"
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert claim.rating.admiralty == "B2"


def test_review_whole_article_by_keys_only(analyzed, qtbot):
    view = analyzed.claims_panel.view
    view.setFocus()
    count = len(analyzed.doc.briefing.claims)
    # J then K lands on the first claim whether or not focus already made a row current.
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_K)
    for n in range(count):
        # Rate first: Accept and Reject come last, since they move on to the next claim.
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(view, Qt.Key.Key_3)
        qtbot.keyClick(view, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view, Qt.Key.Key_D)
        if n == 2:
            qtbot.keyClick(view, Qt.Key.Key_I)
        qtbot.keyClick(view, Qt.Key.Key_R if n == 1 else Qt.Key.Key_A)
    claims = analyzed.doc.briefing.claims
    assert [c.review for c in claims] == ["accepted", "rejected", "accepted"]
    assert {c.rating.admiralty for c in claims} == {"C3"}
    assert {c.rating.likelihood for c in claims} == {"likely"}
    assert {c.rating.status for c in claims} == {"disputed"}
    assert [c.included for c in claims] == [True, True, False]
    assert analyzed.status.review_label.text() == "3 of 3 claims reviewed"


def test_without_moving_on_j_moves_and_a_stays(analyzed, qtbot):
    analyzed.findChild(object, "actionAdvanceAfterReview").trigger()  # off
    view = analyzed.claims_panel.view
    analyzed.select_item("claim", "c1")
    for key in (Qt.Key.Key_A, Qt.Key.Key_J, Qt.Key.Key_R):
        qtbot.keyClick(view, key)
    claims = analyzed.doc.briefing.claims
    assert [c.review for c in claims] == ["accepted", "rejected", "machine"]
    assert analyzed.claims_panel.current_id() == "c2"


def test_review_waits_for_the_analysis(make_window, handmade, article, qtbot):
    import threading

    gate = threading.Event()
    window = make_window(handmade.FakeEngine(gate))
    window.open_path(article)
    wait_analyzed_once(qtbot, window, gate)
    window.select_item("claim", "c1")
    window.reanalyze()  # holds the source in analysis again
    qtbot.keyClick(window.claims_panel.view, Qt.Key.Key_A)
    assert window.doc.briefing.claim("c1").review == "machine"
    assert "still running" in window.status.currentMessage()
    assert not window.inspector.claim_form.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not window.analysis.busy(), timeout=5000)
    assert window.doc.undo_stack.undoText() == "Re-analyse article"


def wait_analyzed_once(qtbot, window, gate):
    gate.set()
    qtbot.waitUntil(lambda: bool(window.doc.briefing.claims), timeout=5000)
    qtbot.waitUntil(lambda: not window.analysis.busy(), timeout=5000)
    gate.clear()


def test_save_and_reopen_gives_the_same_project_and_highlights(analyzed, make_window,
                                                              handmade, tmp_path, qtbot,
                                                              monkeypatch):
    analyzed.select_item("claim", "c1")
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_A)
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_1)
    project = tmp_path / "strike.briefing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(project), ""))
    analyzed.findChild(object, "actionSaveProject").trigger()
    assert project.exists() and not analyzed.isWindowModified()
    assert analyzed.windowTitle().startswith("strike.briefing")
    reopened = make_window(handmade.FakeEngine())
    assert reopened.open_path(project)
    qtbot.waitUntil(lambda: not reopened.article.is_highlighting(), timeout=5000)
    assert dumps(reopened.doc.briefing) == dumps(analyzed.doc.briefing)
    assert shown_marks(reopened) == shown_marks(analyzed)
    assert not reopened.isWindowModified()
    assert json.loads(project.read_text())["briefing"]["claims"][0]["review"] == "accepted"
    assert str(project.resolve()) in reopened.settings.get("recent_files")


def test_closing_with_unsaved_changes_asks(analyzed, monkeypatch, qtbot):
    asked = []

    def answer(choice):
        def question(*args, **kwargs):
            asked.append(args[1])
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    analyzed.select_item("claim", "c1")
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_A)  # the analyst's own change
    assert analyzed.isWindowModified()
    assert not analyzed.close()
    assert analyzed.isVisible() and asked == ["Unsaved changes"]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert analyzed.close()


def test_open_failure_is_shown_not_raised(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not window.open_path(empty)
    assert shown and "empty.txt" in shown[0]


def test_shortcuts_help_lists_every_key(window):
    from briefing_app.ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    shown = {text for _group, text, _keys in dialog.shown_rows()}
    for key in REVIEW_KEYS:
        assert key.text in shown
        action = window.findChild(object, f"action{key.name}")
        shortcuts = {s.toString() for s in action.shortcuts()}
        assert shortcuts == {QKeySequence(k).toString() for k in key.keys}


def test_find_selects_the_match(analyzed, qtbot):
    qtbot.keyClick(analyzed.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert analyzed.find_bar.isVisible()
    qtbot.keyClicks(analyzed.find_bar.edit, "legislation")
    assert analyzed.article.textCursor().selectedText() == "legislation"


def test_zoom_keys_change_the_font(analyzed, qtbot):
    size = analyzed.article.font().pointSizeF()
    qtbot.keyClick(analyzed.article, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert analyzed.article.font().pointSizeF() > size
    qtbot.keyClick(analyzed.article, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert analyzed.article.font().pointSizeF() == size


def test_paragraph_numbers_follow_source_paragraphs(analyzed):
    numbers = analyzed.article._paragraph_at_block
    assert sorted(numbers.values()) == [1, 2, 3, 4]
    assert sorted(numbers) == [0, 2, 4, 6]  # blank lines between paragraphs are blocks too
