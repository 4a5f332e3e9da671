"""The window under issue 7: a full open-analyse-review-save-export run on the real engine
attempts no network connection, and a bad file leaves the open briefing exactly as it was.
"""

import zipfile

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from briefing_app import paths
from briefing_app.storage.project_file import dumps, load_project
from briefing_app.ui.dialogs.export import ExportDialog


@pytest.mark.model
def test_window_run_opens_no_connection(nlp, make_window, wait_analyzed, qtbot, tmp_path,
                                        monkeypatch, no_sockets):
    window = make_window()  # the real engine; the session's pipeline is already loaded
    assert window.open_path(paths.sample_path("wire_report.txt"))
    wait_analyzed(window)
    claims = window.doc.briefing.claims
    assert claims
    window.settings.set("advance_after_review", False)  # stay on the claim to rate it
    view = window.claims_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_2)
    reviewed = [c for c in window.doc.briefing.claims if c.review == "accepted"]
    assert len(reviewed) == 1 and reviewed[0].rating.admiralty == "B2"
    qtbot.keyClicks(window.briefing_panel.bluf, "Officials expect delays.")
    project = tmp_path / "wire.briefing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(project), ""))
    assert window.save()
    assert load_project(project).claim(reviewed[0].id).review == "accepted"
    out = tmp_path / "wire.docx"
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: (
        dialog.path.setText(str(out)), QDialog.DialogCode.Accepted)[1])
    assert window.export_briefing()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Officials expect delays." in text


def bad_files(folder):
    not_zip = folder / "mangled.docx"
    not_zip.write_bytes(b"this is not a zip file at all")
    truncated = folder / "cut.briefing"
    truncated.write_text('{"schema": "briefing-builder", "version": 1, "briefing": {', "utf-8")
    binary = folder / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = folder / "empty.md"
    empty.write_bytes(b"")
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<" + "a" * 60_000_000 + "/>")
    return [not_zip, truncated, binary, empty, bomb]


def test_a_bad_file_shows_a_message_and_keeps_the_briefing(analyzed, qtbot, tmp_path,
                                                          monkeypatch):
    qtbot.keyClicks(analyzed.briefing_panel.bluf, "Talks broke down.")
    before = dumps(analyzed.doc.briefing)
    undo_steps, source_id = analyzed.doc.undo_stack.count(), analyzed.article.source_id
    warned, asked = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append((a[1], a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]))
    files = bad_files(tmp_path)
    for path in files:
        assert not analyzed.open_path(path)
    assert [title for title, _text in warned] == ["Could not open"] * len(files)
    for path, (_title, text) in zip(files, warned):
        assert path.name in text and "Traceback" not in text
    assert asked == []  # a bad project is refused before any "save changes?" question
    assert dumps(analyzed.doc.briefing) == before
    assert analyzed.doc.undo_stack.count() == undo_steps and analyzed.isWindowModified()
    assert analyzed.article.source_id == source_id
    assert analyzed.briefing_panel.bluf.toPlainText() == "Talks broke down."
