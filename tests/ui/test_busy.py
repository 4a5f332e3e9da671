"""Long file work runs on a thread while the window waits: open, save, and errors."""

import threading

import pytest
from PySide6.QtCore import QTimer

from briefing_app.storage import project_file
from briefing_app.storage.readers import load
from briefing_app.ui.window import busy
from briefing_app.ui.window.busy import run_busy


def test_run_busy_returns_the_result_or_raises_the_jobs_error(qapp):
    def fail():
        raise ValueError("bad template")

    with pytest.raises(ValueError, match="bad template"):
        run_busy(None, "Working…", fail)
    assert run_busy(None, "Working…", lambda: 42) == 42


def test_reading_and_saving_files_leave_the_gui_thread(analyzed, article, tmp_path,
                                                       monkeypatch):
    on_main = []

    def spy(module, name):
        real = getattr(module, name)

        def call(*args, **kwargs):
            on_main.append((name, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, call)

    for module, name in ((project_file, "save_project"), (project_file, "load_project"),
                         (load, "load_path")):
        spy(module, name)
    target = tmp_path / "strike.briefing"
    assert analyzed._save_to(str(target))
    assert analyzed.open_path(target)
    assert analyzed.open_path(article)  # read again, then found to be open already
    assert on_main == [("save_project", False), ("load_project", False),
                       ("load_path", False)]



def test_closing_waits_while_a_file_is_being_written(window):
    closed, gate = [], threading.Event()

    def close_meanwhile():  # what a window manager's close button does during the save
        closed.append(window.close())
        gate.set()

    QTimer.singleShot(0, close_meanwhile)
    assert run_busy(window, "Saving the project…",
                    lambda: gate.wait(10) and "written") == "written"
    assert closed == [False] and window.isVisible()
    assert window.statusBar().currentMessage() == "Saving the project first…"


def test_a_long_job_shows_the_busy_dialog_and_a_short_one_does_not(window):
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from briefing_app.ui.window import busy

    def shown() -> bool:
        return any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())

    seen, gate = [], threading.Event()

    def look():
        seen.append(shown())
        gate.set()

    QTimer.singleShot(busy.SHOW_AFTER_MS + 300, look)
    run_busy(window, "Writing the Word briefing…", lambda: gate.wait(10))
    assert seen == [True] and not shown()  # up while the job ran, gone once it ended
    run_busy(window, "Saving the project…", lambda: None)
    assert not shown()


def _click_cancel_once_shown(clicked):
    """A timer that clicks the busy dialog's Cancel button as soon as the dialog is up."""
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                buttons = widget.findChildren(QPushButton)
                clicked.append([b.text() for b in buttons])
                timer.stop()
                if buttons:
                    buttons[0].click()

    timer = QTimer(interval=20)
    timer.timeout.connect(look)
    timer.start()
    return timer


@pytest.mark.parametrize("kind", ["project", "article"])
def test_opening_a_file_that_never_finishes_can_be_cancelled(window, tmp_path, monkeypatch,
                                                             qtbot, kind):
    # A read that blocks like a FIFO with no writer: only the gate lets it return.
    gate, ended = threading.Event(), threading.Event()

    def blocked_read(*args, **kwargs):
        gate.wait(30)
        ended.set()
        raise AssertionError("a cancelled read's result must be dropped")

    if kind == "project":
        path = tmp_path / "pipe.briefing"
        monkeypatch.setattr(project_file, "load_project", blocked_read)
    else:
        path = tmp_path / "pipe.txt"
        monkeypatch.setattr(load, "load_path", blocked_read)
    path.write_text("")
    clicked = []
    timer = _click_cancel_once_shown(clicked)
    try:
        assert window.open_path(path) is False  # back at once, the read still blocked
    finally:
        timer.stop()
    assert clicked == [["Cancel"]] and not ended.is_set()
    assert window.doc.briefing.sources == [] and window.doc.path == ""
    assert window.statusBar().currentMessage() == f"Stopped opening {path.name}."
    assert busy.running() == ""  # the window may close again
    gate.set()  # the abandoned read ends in the background; its error is never raised here
    qtbot.waitUntil(lambda: not any(t.name == "busy-job" and t.is_alive()
                                    for t in threading.enumerate()), timeout=5000)
    assert ended.is_set() and window.doc.briefing.sources == []


def test_a_save_has_no_cancel_button(window, tmp_path, monkeypatch):
    gate = threading.Event()
    real = project_file.save_project

    def slow_save(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(project_file, "save_project", slow_save)
    clicked = []
    timer = _click_cancel_once_shown(clicked)
    QTimer.singleShot(busy.SHOW_AFTER_MS + 300, gate.set)
    try:
        assert window._save_to(str(tmp_path / "strike.briefing"))
    finally:
        timer.stop()
    assert clicked == [[]]  # the dialog was up, with nothing to cancel a save with
    assert (tmp_path / "strike.briefing").exists()
