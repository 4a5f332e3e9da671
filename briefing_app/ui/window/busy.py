"""Runs one long job (reading a file, saving, the Word export) on a thread while the window
waits for it.

The window keeps painting and a busy dialog appears if the job takes long; the analyst's
clicks and keys wait until the job is done, so the briefing the job reads cannot change
under it (analysis results are held back by the caller for the same reason).

A job that only reads (opening a project, reading an article) can be cancelled: its dialog
has a Cancel button, and Cancel returns to the window at once. The job's thread cannot be
stopped from outside (it may be blocked in the kernel, reading a pipe), so it is abandoned:
it runs on in the background and its result is dropped. Saves are never cancellable, as a
save abandoned halfway would leave the analyst not knowing what is on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400  # a quick job should not flash a dialog
_running: list[str] = []  # labels of the jobs under way (nested ones included)


class JobCancelled(Exception):
    """The analyst cancelled the job; its thread's result will be dropped."""


def running() -> str:
    """The label of the job under way, or '' when none is."""
    return _running[-1] if _running else ""


class _Finished(QObject):
    done = Signal()


def run_busy(parent: QWidget, label: str, job: Callable[[], T], *,
             cancellable: bool = False) -> T:
    """Run `job` on a thread and return its result (or raise its exception) here; with
    `cancellable`, the dialog's Cancel raises JobCancelled instead."""
    outcome: dict[str, object] = {}
    ended = threading.Event()
    finished = _Finished()
    loop = QEventLoop()
    # Queued: `done` is emitted from the job's thread, the loop lives on this one.
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["value"] = job()
        except BaseException as error:  # handed back to the caller, whatever it is
            outcome["error"] = error
        finally:
            ended.set()  # before `done`: run_busy checks it before waiting again
            finished.done.emit()

    dialog = QProgressDialog(label, "Cancel" if cancellable else None, 0, 0, parent)
    dialog.setWindowTitle(label.rstrip("…."))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # Shown by our own timer: QProgressDialog times its minimum duration from setValue()
    # calls, and a busy job (no steps) makes none, so it would wait its default 4 s.
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    cancelled = []
    if cancellable:
        dialog.canceled.connect(lambda: (cancelled.append(True), loop.quit()))
    show_timer = QTimer(dialog, singleShot=True, interval=SHOW_AFTER_MS)
    show_timer.timeout.connect(dialog.show)
    if cancellable:
        # The Cancel button needs the input events the first wait holds back: once the
        # window-modal dialog is up (and so blocks the window), the wait lets them through.
        show_timer.timeout.connect(loop.quit)
    show_timer.start()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    thread = threading.Thread(target=work, name="busy-job", daemon=True)
    _running.append(label)
    thread.start()
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if cancellable and not ended.is_set() and not cancelled:
            QApplication.restoreOverrideCursor()  # the Cancel button must look clickable
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            loop.exec()
        if not cancelled:
            thread.join()
    finally:
        _running.pop()
        show_timer.stop()
        QApplication.restoreOverrideCursor()
        dialog.reset()
        dialog.deleteLater()
    if cancelled and not ended.is_set():
        raise JobCancelled(label)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
