"""File > Export briefing through its dialog: the .docx holds the BLUF and judgments, the
choices are remembered, warnings and failures are shown, and a failure keeps the old file.
"""

import errno
import threading

import docx
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from briefing_app.document.briefing_commands import AddJudgmentCommand
from briefing_app.domain.model import Judgment
from briefing_app.errors import ExportError
from briefing_app.settings import Settings
from briefing_app.storage.word import export as docx_export
from briefing_app.ui.dialogs import export as export_dialog
from briefing_app.ui.dialogs.export import ExportDialog

BLUF = "Talks between the union and the port authority broke down on Monday."


@pytest.fixture
def dialog_answers(monkeypatch):
    """Make the modal dialog answer by itself: `setup(dialog)` plays the user's part."""
    answers = {"setup": lambda dialog: None, "code": QDialog.DialogCode.Accepted, "seen": []}

    def exec_(dialog):
        answers["seen"].append(dialog)
        answers["setup"](dialog)
        return answers["code"]

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    return answers


@pytest.fixture
def messages(monkeypatch):
    shown = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda *args, k=kind, **kw: shown.append((k, args[1], args[2])))
    return shown


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def write_briefing(window, qtbot):
    qtbot.keyClicks(window.briefing_panel.bluf, BLUF)
    window.doc.push(AddJudgmentCommand(window.doc, Judgment(
        "j1", "the strike continues past Friday", "likely", "moderate")))


def docx_text(path):
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_export_through_the_dialog_writes_bluf_and_judgments(
        analyzed, qtbot, tmp_path, monkeypatch, dialog_answers, messages, opened):
    write_briefing(analyzed, qtbot)
    target = tmp_path / "out" / "strike"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog_answers["setup"] = lambda dialog: dialog.browse()
    analyzed.findChild(object, "actionExportBriefing").trigger()
    written = target.with_suffix(".docx")
    text = docx_text(written)
    assert BLUF in text
    # The analyst's own sentence, untouched, under its likelihood and confidence label.
    assert "strike continues past Friday" in text
    assert "Likely (55-80 %) · moderate confidence" in text
    assert "It is likely" not in text
    assert messages == [] and opened == []
    assert analyzed.statusBar().currentMessage().startswith("Exported strike.docx")


def test_choices_are_remembered_and_the_mark_joins_the_briefing(
        analyzed, qtbot, tmp_path, dialog_answers, messages, opened):
    target = tmp_path / "strike.docx"

    def choose(dialog):
        dialog.path.setText(str(target))
        dialog.mark.setCurrentText("TLP:GREEN")
        dialog.open_after.setChecked(True)

    dialog_answers["setup"] = choose
    assert analyzed.export_briefing()
    assert opened and opened[0].toLocalFile() == str(target.resolve())
    assert analyzed.doc.briefing.mark == "TLP:GREEN"
    assert analyzed.doc.undo_stack.undoText() == "Set handling mark"
    header = docx.Document(str(target)).sections[0].header.paragraphs[0].text
    assert "TLP:GREEN" in header
    # Read back from disk: the choices outlive the window (written on the settings thread).
    qtbot.waitUntil(lambda: Settings().get("export_mark") == "TLP:GREEN")
    stored = Settings()
    assert stored.get("export_folder") == str(tmp_path)
    assert stored.get("export_mark") == "TLP:GREEN"
    assert stored.get("export_open_after") is True
    dialog_answers["setup"] = lambda dialog: None
    dialog_answers["code"] = QDialog.DialogCode.Rejected
    assert not analyzed.export_briefing()
    again = dialog_answers["seen"][-1]
    # Beside the article (tmp_path), named after its title.
    assert again.path.text() == str(tmp_path / "Port strike 😀 talks stall.docx")
    assert again.open_after.isChecked() and again.mark.currentText() == "TLP:GREEN"


@pytest.mark.parametrize("failure", ["disk full", "export error"])
def test_a_failed_export_shows_a_message_and_keeps_the_old_file(
        analyzed, tmp_path, monkeypatch, dialog_answers, messages, failure):
    target = tmp_path / "strike.docx"
    target.write_bytes(b"the previous briefing")
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(target))
    if failure == "disk full":
        def full(*_args):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(docx_export, "atomic_write_bytes", full)
    else:
        def refuse(*_args, **_kwargs):
            raise ExportError("Could not use the template t.dotm: macro-enabled templates "
                              "are not supported.")
        monkeypatch.setattr(docx_export, "export_briefing", refuse)
    assert not analyzed.export_briefing()
    assert target.read_bytes() == b"the previous briefing"
    assert len(messages) == 1 and messages[0][:2] == ("warning", "Could not export")
    assert "strike.docx" in messages[0][2] or "template" in messages[0][2]


def test_warnings_are_shown(analyzed, tmp_path, monkeypatch, dialog_answers, messages):
    target = tmp_path / "strike.docx"
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(target))
    real = docx_export.export_briefing
    monkeypatch.setattr(docx_export, "export_briefing",
                        lambda *a, **k: real(*a, **k) + ["The template lacks 'Quote'."])
    assert analyzed.export_briefing()
    assert messages == [("information", "Exported with warnings",
                         "strike.docx was written.\n\nThe template lacks 'Quote'.")]


def test_a_template_from_the_dialog_is_used(analyzed, qtbot, tmp_path, monkeypatch,
                                            dialog_answers, messages):
    template = tmp_path / "house.docx"
    docx.Document().save(str(template))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    used = []
    real = docx_export.export_briefing
    monkeypatch.setattr(docx_export, "export_briefing",
                        lambda *a, **k: used.append(k["template"]) or real(*a, **k))

    def choose(dialog):
        dialog.path.setText(str(tmp_path / "strike"))
        dialog.choose_template()

    dialog_answers["setup"] = choose
    assert analyzed.export_briefing()
    assert used == [str(template)] and (tmp_path / "strike.docx").exists()
    qtbot.waitUntil(lambda: Settings().get("export_template") == str(template))
    assert export_dialog.TEMPLATE_FILTER.startswith("Word templates (*.docx *.dotx)")


def test_a_long_export_leaves_the_window_painting(analyzed, tmp_path, monkeypatch,
                                                   dialog_answers, messages):
    # 500 claims take the exporter most of a second: it runs on a thread, and the window's
    # event loop keeps turning meanwhile (timers fire, the window repaints).
    from support.briefing_builders import large_briefing

    analyzed.doc.replace(large_briefing(words=20_000, n_claims=500, n_actors=100))
    target = tmp_path / "long.docx"
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(target))
    ticks, threads = [], set()
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    real = docx_export.export_briefing

    def export(*args, **kwargs):
        threads.add(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(docx_export, "export_briefing", export)
    timer.start()
    try:
        assert analyzed.export_briefing()
    finally:
        timer.stop()
    assert threads == {False}  # not on the GUI thread
    assert ticks  # the event loop turned while the briefing was being written
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Source 1" in text and messages == []



def test_export_over_the_open_project_is_refused_and_keeps_the_review_work(
        analyzed, tmp_path, dialog_answers, messages, opened):
    from briefing_app.storage.project_file import save_project

    project = tmp_path / "strike.briefing"
    save_project(analyzed.doc.briefing, project)
    analyzed.doc.mark_saved(str(project))
    before = project.read_bytes()
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(project))
    assert not analyzed.export_briefing()
    assert project.read_bytes() == before
    assert len(messages) == 1 and messages[0][:2] == ("warning", "Could not export")
    assert "strike.briefing" in messages[0][2] and ".docx" in messages[0][2]


@pytest.mark.parametrize("name", ["port_strike.txt", "notes.pdf"])
def test_export_over_an_article_name_is_refused(analyzed, tmp_path, dialog_answers, messages,
                                               name):
    article = tmp_path / "port_strike.txt"  # the article the window opened
    before = article.read_bytes()
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(tmp_path / name))
    assert not analyzed.export_briefing()
    assert article.read_bytes() == before and not (tmp_path / "notes.pdf").exists()
    assert len(messages) == 1 and name in messages[0][2]


def test_the_dialog_stays_open_on_a_name_that_is_an_input(qtbot, tmp_path, messages):
    article = tmp_path / "wire.docx"
    docx.Document().save(str(article))
    link = tmp_path / "link.docx"
    link.symlink_to(article)
    dialog = ExportDialog(Settings(), "briefing.docx", "", inputs=[str(article)])
    qtbot.addWidget(dialog)
    dialog.path.setText(str(link))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert messages == [("warning", "Choose another name",
                         "link.docx is the input of this briefing and would be overwritten; "
                         "choose another name for the Word file.")]
    dialog.path.setText(str(tmp_path / "brief"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and len(messages) == 1


def test_export_starts_beside_the_article_named_after_the_title(
        analyzed, qtbot, article, dialog_answers, messages):
    from PySide6.QtCore import Qt

    title = analyzed.briefing_panel.title
    qtbot.keyClicks(title, "Syldavia: port talks stall?")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    dialog_answers["code"] = QDialog.DialogCode.Rejected
    qtbot.keyClick(analyzed.article, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    shown = dialog_answers["seen"][-1]
    assert shown.path.text() == str(article.parent / "Syldavia - port talks stall.docx")


def test_the_remembered_choices_are_written_off_the_gui_thread_and_a_failure_said(
        analyzed, qtbot, tmp_path, dialog_answers, messages, opened, monkeypatch):
    writers = []

    def read_only(*_args, **_kwargs):
        writers.append(threading.current_thread() is threading.main_thread())
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("briefing_app.settings.atomic_write_bytes", read_only)
    dialog_answers["setup"] = lambda dialog: dialog.path.setText(str(tmp_path / "b.docx"))
    assert analyzed.export_briefing()  # the briefing is written all the same
    assert (tmp_path / "b.docx").is_file()
    qtbot.waitUntil(lambda: "read-only" in analyzed.statusBar().currentMessage())
    shown = analyzed.statusBar().currentMessage()
    assert shown.startswith("Exported b.docx · Could not save the settings"), shown
    assert writers == [False] and messages == []
