"""Long file work runs on a thread while the window waits: open, save, and errors."""

import threading

import pytest
from PySide6.QtCore import QTimer

from briefing_app.storage import project_file
from briefing_app.storage.readers import load
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
