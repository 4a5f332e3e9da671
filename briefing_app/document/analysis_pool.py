"""The window's worker processes: one kept warm, a second while sources wait behind it.

One process is always kept (spawned as early as the program can, `start_early`, and
loading the pipeline at once). When jobs wait while every process is busy (several
sources opened at once), the pool starts another, up to one per core, and a job goes to
whichever process is free first. A process that comes free with nothing waiting ends,
unless it is the last one: each holds its own pipeline (~185 MB), which a window reading
one article at a time does not need twice.

A process loading its pipeline takes a job only when no process has loaded one yet (the
first job of a session waits in the pipe rather than here); otherwise the next job stays
queued for whichever process is free first.

Cancel ends every busy process at once and keeps an idle one warm (or starts a fresh one
when none was idle). A process that dies on its own fails its job with one sentence
(CRASHED); the last one is restarted.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from briefing_app.document.analysis_process import WorkerProcess, usable_cores

log = logging.getLogger(__name__)

CRASHED = "The analysis stopped unexpectedly; it was restarted — analyse the article again."
NO_START = "The analysis could not start; see the log, then analyse the article again."
# Each process holds a pipeline of its own: beyond four, memory costs more than the cores
# give back for the handful of articles an analyst opens at once.
_MOST_PROCESSES = 4
_early: list[_Child] = []  # the process start_early spawned, until a pool adopts it


def start_early(pipeline: str = "") -> None:
    """Spawn the first worker process now, loading `pipeline`; the window's pool adopts it."""
    if _early:
        return
    try:
        _early.append(_Child(pipeline))
    except (OSError, RuntimeError) as error:  # the pool tries again when a job needs one
        log.error("analysis worker could not be started early: %s", error)
        return
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_early)


def stop_early() -> None:
    """Stop the early process if no pool took it (a window closed before its contents)."""
    while _early:
        child = _early.pop()  # held while it stops: its reader thread still signals it
        child.process.stop()


class _Child(QObject):
    """The GUI thread's end of one worker process. Replies come from its reader thread as
    queued signals; until a pool adopts the process (`handler`), they wait here."""

    arrived = Signal(object)

    def __init__(self, pipeline: str):
        super().__init__()
        self.handler = None
        self.greeted = False  # the process said hello: Python and our code started there
        self.ready = False  # its first pipeline is loaded (or known not to load)
        self.job = 0  # the job it is working on, 0 when idle
        self._waiting: list[tuple] = []
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.process = WorkerProcess(pipeline, self.arrived.emit)

    def adopt(self, handler) -> None:
        self.handler = handler
        waiting, self._waiting = self._waiting, []
        for reply in waiting:
            handler(self, reply)

    @Slot(object)
    def _deliver(self, reply: tuple) -> None:
        if reply[0] == "hello":
            self.greeted = True
        elif reply[0] == "ready":
            self.ready = True
        if self.handler is None:
            self._waiting.append(reply)
        else:
            self.handler(self, reply)


class ProcessPool(QObject):
    """Jobs (pickled sources) in, results out as signals, over one or more processes."""

    progress = Signal(int, float)
    finished = Signal(int, object, object)  # job id, Analysis, its spare copy
    failed = Signal(int, str)
    cancelled = Signal(int)
    _cancel_later = Signal(int)  # queued: cancel_all never calls back into its caller
    _fail_later = Signal(int, str)  # queued: submit never calls back into its caller

    def __init__(self, size: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.size = max(1, size or min(usable_cores(), _MOST_PROCESSES))
        self.pipeline = ""  # what a process started from now on loads first
        self._children: list[_Child] = []
        self._waiting: list[tuple[int, bytes, str]] = []  # jobs not yet sent
        self._closed = False
        self._cancel_later.connect(self.cancelled, Qt.ConnectionType.QueuedConnection)
        self._fail_later.connect(self.failed, Qt.ConnectionType.QueuedConnection)

    @property
    def pids(self) -> list[int]:
        """The processes' ids, the longest-lived first."""
        return [child.process.pid for child in self._children]

    def start(self) -> None:
        """Adopt the early process if there is one (the window asks for its own pipeline by
        warm), else spawn one."""
        # This runs once the window is built (its first warm-up or job): its ~100,000 Qt
        # wrappers, modules and settings live as long as it. Frozen, a full garbage
        # collection skips them; unfrozen, the first ones took 60 ms while an article opened.
        gc.freeze()
        if _early:
            child = _early.pop()
            child.adopt(self._on_reply)
            self._children.append(child)
        else:
            self._spawn()

    def warm(self, pipeline: str) -> None:
        for child in self._children:  # a pipeline already loaded makes this a no-op there
            child.process.warm(pipeline)

    def submit(self, job_id: int, source_data: bytes, pipeline: str) -> None:
        self._waiting.append((job_id, source_data, pipeline))
        self._dispatch()

    def cancel_all(self) -> None:
        """Every queued and running job stops at once: busy processes are ended."""
        for job_id, _source, _pipeline in self._waiting:
            self._cancel_later.emit(job_id)
        self._waiting.clear()
        for child in [c for c in self._children if c.job]:
            self._cancel_later.emit(child.job)
            self._end(child)
        if not self._children and not self._closed:
            self._spawn()  # warming up for the next job

    def shutdown(self, timeout: float) -> bool:
        """Cancel everything and stop every process; True when all have stopped."""
        self._closed = True
        self.cancel_all()
        stopped = True
        for child in list(self._children):
            stopped = self._end(child, timeout) and stopped
        return stopped

    # ------------------------------------------------------------------ internals
    def _spawn(self) -> bool:
        """Start one more process; False when the system would not start it (no memory or
        processes left, a frozen program without freeze_support), said in the log."""
        try:
            child = _Child(self.pipeline)
        except (OSError, RuntimeError) as error:
            log.error("analysis worker could not be started: %s", error)
            return False
        child.adopt(self._on_reply)
        self._children.append(child)
        return True

    def _end(self, child: _Child, timeout: float = 10.0) -> bool:
        self._children.remove(child)  # first: its late replies are ignored
        stopped = child.process.stop(timeout)
        if not stopped:
            log.warning("analysis worker %s did not stop", child.process.pid)
        return stopped

    def _dispatch(self) -> None:
        any_ready = any(child.ready for child in self._children)
        while self._waiting:
            free = [c for c in self._children if not c.job and (c.ready or not any_ready)]
            if not free:
                self._grow()
                return
            job_id, source_data, pipeline = self._waiting.pop(0)
            free[0].job = job_id
            free[0].process.run(job_id, source_data, pipeline)
        for child in [c for c in self._children if c.ready and not c.job]:
            if len(self._children) > 1:
                self._end(child)

    def _grow(self) -> None:
        """Jobs wait and every process is busy: one more, unless one started for that is
        still loading. The first process may still be loading too: the two load side by
        side, on two cores."""
        loading = sum(not child.ready for child in self._children)
        if self._closed or len(self._children) >= self.size or loading > 1 or (
                loading and any(child.ready for child in self._children)):
            return
        if not self._spawn() and not self._children:
            # Nothing runs and nothing could start: the waiting jobs fail now, not never.
            failed, self._waiting = [job[0] for job in self._waiting], []
            for job_id in failed:
                self._fail_later.emit(job_id, NO_START)

    def _on_reply(self, child: _Child, reply: tuple) -> None:
        if child not in self._children:
            return  # from a process already ended
        kind = reply[0]
        if kind == "hello":
            return
        if kind == "gone":
            self._gone(child)
        elif kind == "ready":
            pass  # it may take a waiting job now
        elif reply[1] != child.job:
            return
        elif kind == "progress":
            self.progress.emit(child.job, reply[2])
            return
        elif kind == "finished":
            child.job = 0
            self.finished.emit(reply[1], reply[2], reply[3])
        elif kind == "failed":
            child.job = 0
            log.error("analysis job %d failed: %s", reply[1], reply[3])
            self.failed.emit(reply[1], reply[2])
        self._dispatch()

    def _gone(self, child: _Child) -> None:
        """A process ended on its own: fail its job; the last one is restarted."""
        log.error("analysis worker %s ended unexpectedly (exit code %s)", child.process.pid,
                  child.process.exit_code())
        job_id = child.job
        self._end(child)
        if child.greeted:
            if not self._children and not self._closed:
                self._spawn()
            if job_id:
                self.failed.emit(job_id, CRASHED)
            return
        # It died before running any of our code: restarting would likely fail the same way,
        # so its job and every waiting one fail, and the next job tries again.
        failed = ([job_id] if job_id else []) + [job[0] for job in self._waiting]
        self._waiting.clear()
        for failed_id in failed:
            self.failed.emit(failed_id, NO_START)
