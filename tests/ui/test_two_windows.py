"""Two windows on one project: a save over a file another window wrote since it was read
asks first (Overwrite / Save As… / Cancel) instead of silently erasing the other's edits.
"""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.document.briefing_commands import SetBriefingFieldsCommand
from briefing_app.storage.project_file import load_project, save_project


@pytest.fixture
def project(tmp_path, handmade):
    from briefing_app.domain.model import Briefing

    path = tmp_path / "strike.briefing"
    save_project(Briefing(title="Port strike", sources=[handmade.make_source()]), path)
    return path


@pytest.fixture
def box_answers(monkeypatch):
    """Every message box of the test answers with the button of the next text; records the
    questions asked."""
    asked, answers = [], []

    def exec_(box):
        asked.append(box.windowTitle())
        choice = answers.pop(0)
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked, answers


def edit(window, bluf):
    window.doc.push(SetBriefingFieldsCommand(window.doc, {"bluf": bluf}))


@pytest.fixture
def two_windows(make_window, handmade, project):
    first, second = make_window(handmade.FakeEngine()), make_window(handmade.FakeEngine())
    assert first.open_path(project) and second.open_path(project)
    edit(second, "The second window's work.")
    assert second.save()
    edit(first, "The first window's work.")
    return first, second


def test_cancel_keeps_the_other_windows_save(two_windows, project, box_answers):
    first, _second = two_windows
    asked, answers = box_answers
    answers.append("Cancel")
    assert not first.save()
    assert asked == ["Project changed on disk"]
    assert load_project(project).bluf == "The second window's work."
    assert first.isWindowModified()  # nothing was lost on this side either


def test_overwrite_replaces_it_and_later_saves_do_not_ask_again(two_windows, project,
                                                                  box_answers):
    first, second = two_windows
    asked, answers = box_answers
    answers.append("Overwrite")
    assert first.save()
    assert asked == ["Project changed on disk"]
    assert load_project(project).bluf == "The first window's work."
    assert not first.isWindowModified()
    edit(first, "More from the first.")
    assert first.save()  # its own last write is what it stamped: no question
    assert asked == ["Project changed on disk"]
    edit(second, "The second comes back.")
    answers.append("Cancel")
    assert not second.save()  # and now the second window is the one that is asked
    assert len(asked) == 2
    assert load_project(project).bluf == "More from the first."


def test_save_as_keeps_both(two_windows, project, box_answers, monkeypatch, tmp_path):
    first, _second = two_windows
    asked, answers = box_answers
    answers.append("Save As…")
    elsewhere = tmp_path / "strike-first.briefing"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(elsewhere), ""))
    assert first.save()
    assert load_project(project).bluf == "The second window's work."
    assert load_project(elsewhere).bluf == "The first window's work."
    assert first.doc.path == str(elsewhere) and not first.isWindowModified()


def test_a_file_only_touched_is_not_a_change(make_window, handmade, project, box_answers):
    import os

    window = make_window(handmade.FakeEngine())
    assert window.open_path(project)
    stamp = window.doc.file_stamp
    assert stamp is not None and stamp.size == project.stat().st_size
    os.utime(project, ns=(stamp.mtime_ns + 10**9, stamp.mtime_ns + 10**9))  # same bytes
    edit(window, "Mine.")
    assert window.save()
    asked, _answers = box_answers
    assert asked == [] and load_project(project).bluf == "Mine."
