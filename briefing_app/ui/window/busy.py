"""Runs one long job (the Word export) on a thread while the window waits for it.

The window keeps painting and a busy dialog appears if the job takes long; the analyst's
clicks and keys wait until the job is done, so the briefing the job reads cannot change
under it (analysis results are held back by the caller for the same reason).
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


def running() -> str:
    """The label of the job under way, or '' when none is."""
    return _running[-1] if _running else ""


class _Finished(QObject):
    done = Signal()


def run_busy(parent: QWidget, label: str, job: Callable[[], T]) -> T:
    """Run `job` on a thread and return its result (or raise its exception) here."""
    outcome: dict[str, object] = {}
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
            finished.done.emit()

    dialog = QProgressDialog(label, None, 0, 0, parent)
    dialog.setWindowTitle(label.rstrip("…."))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # Shown by our own timer: QProgressDialog times its minimum duration from setValue()
    # calls, and a busy job (no steps) makes none, so it would wait its default 4 s.
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    QTimer.singleShot(SHOW_AFTER_MS, dialog, dialog.show)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    thread = threading.Thread(target=work, name="busy-job", daemon=True)
    _running.append(label)
    thread.start()
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        thread.join()
    finally:
        _running.pop()
        QApplication.restoreOverrideCursor()
        dialog.reset()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
