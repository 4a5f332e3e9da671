"""The analysis worker: where spaCy runs, off the GUI thread, one job after another.

The real engine runs in a worker process of its own (analysis_process.py): the GUI
process never imports spaCy and shares no GIL with it, so the window keeps both its core
and its interpreter. The process is spawned as early as the program can (`start_early`,
from app.py, before the first frame) and loads the pipeline at once. Cancel is immediate:
the process running the job is ended and a fresh one started, warming up for the next
job. A process that dies on its own (killed, crashed) is restarted, and its job fails with
one sentence (CRASHED). Jobs wait here, on the GUI side, and go to the process one at a
time, so a restart loses only the job that was running.

An engine passed in (tests' hand-made engines, which need not pickle) runs on a worker
thread instead, with the same signals: spaCy-free, so the thread costs the window little.

Either way the worker only ever sees a snapshot of a Source and gives back a plain
Analysis; the main thread decides whether the result is still wanted (job id, sha256).

A QThread destroyed while it runs aborts the whole process, and a worker process left
behind would outlive the window, so a program that ends without closing its window (a
script's last line, QApplication.quit) stops every worker itself: on the application's
aboutToQuit and, for programs that never run the event loop, at interpreter exit.
"""

from __future__ import annotations

import atexit
import copy
import gc
import itertools
import logging
import os
import pickle
import sys
import threading
import time
import weakref

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from briefing_app.document.analysis_process import WorkerProcess
from briefing_app.domain.model import Source
from briefing_app.domain.ops import copy_analysis
from briefing_app.logs import failure

log = logging.getLogger(__name__)

CRASHED = "The analysis stopped unexpectedly; it was restarted — analyse the article again."
NO_START = "The analysis could not start; see the log, then analyse the article again."

# Progress is reported at most this often: a flood of queued signals would stall the GUI.
_PROGRESS_INTERVAL = 0.1
_NICER = 5  # scheduling priority below the GUI thread's (Linux), see _yield_to_the_window
_SWITCH_INTERVAL = 0.001  # seconds; see _short_switch_interval
_running_runners: weakref.WeakSet = weakref.WeakSet()  # runners whose worker is started
_early: list[_Child] = []  # the process start_early spawned, until a runner adopts it


@atexit.register
def _stop_running_workers() -> None:
    """At interpreter exit, before Qt objects are torn down: stop every worker."""
    for runner in list(_running_runners):
        runner.shutdown()
    stop_early()


def start_early(pipeline: str = "") -> None:
    """Spawn the worker process now, loading `pipeline`; the window's runner adopts it."""
    if _early:
        return
    _early.append(_Child(pipeline))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_early)


def stop_early() -> None:
    """Stop the early process if no runner took it (a window closed before its contents)."""
    while _early:
        child = _early.pop()  # held while it stops: its reader thread still signals it
        child.process.stop()


def _short_switch_interval() -> None:
    """With another thread running Python (the analysis thread, or the reader unpickling a
    result), each call from Qt into Python on the GUI thread (the highlighter per text
    block, a model per cell) first waits for the GIL, up to the switch interval: at the
    default 5 ms, laying out twenty blocks of a freshly opened article stalled the window
    ~100 ms. 1 ms keeps those waits short for a few per cent more thread switches."""
    sys.setswitchinterval(_SWITCH_INTERVAL)


def _yield_to_the_window() -> None:
    """Lower this thread's scheduling priority: when the machine is busy and the window and
    the analysis both want a core, the window gets it first and stays responsive, while an
    idle machine still gives the analysis all it wants. Linux only (a thread there is a task
    with its own nice value); elsewhere threads keep the process priority."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, thread, os.getpriority(os.PRIO_PROCESS, thread) + _NICER)
    except OSError:  # not permitted (some sandboxes): the default priority is fine too
        pass


class _Child(QObject):
    """The GUI thread's end of one worker process. Replies come from its reader thread as
    queued signals; until a runner adopts the process (`handler`), they wait here."""

    arrived = Signal(object)

    def __init__(self, pipeline: str):
        super().__init__()
        self.handler = None
        self.greeted = False  # the process said hello: Python and our code started there
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
        if self.handler is None:
            self._waiting.append(reply)
        else:
            self.handler(self, reply)


class _Worker(QObject):
    """Lives in the worker thread (injected engines); its slots run there, one job after
    another."""

    progress = Signal(int, float)
    finished = Signal(int, object, object)  # job id, Analysis, a copy the GUI may adopt
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self, engine, cancel_below):
        super().__init__()
        self._engine = engine
        self._cancel_below = cancel_below
        self._pipelines: dict[str, object] = {}
        self._niced = False

    def _in_thread(self) -> None:
        """Once, in the worker thread itself: the first slot that runs there calls this."""
        if not self._niced:
            self._niced = True
            _yield_to_the_window()

    def _nlp(self, name: str):
        if name not in self._pipelines:
            self._pipelines[name] = self._engine.load(name or None)
            # Whatever an engine loads lives as long as the app: frozen, a full garbage
            # collection (run in whichever thread triggers it, holding the GIL) skips it.
            gc.freeze()
        return self._pipelines[name]

    @Slot(str)
    def warm_up(self, pipeline: str) -> None:
        self._in_thread()
        try:
            self._nlp(pipeline)
        except Exception as error:  # reported when a job needs the pipeline; a warm-up has
            log.warning("pipeline warm-up failed (%s)", type(error).__name__)  # no one to tell

    @Slot(int, object, str)
    def run(self, job_id: int, source: Source, pipeline: str) -> None:
        self._in_thread()

        def cancelled() -> bool:
            return job_id < self._cancel_below()

        if cancelled():
            self.cancelled.emit(job_id)
            return
        last = [0.0]

        def progress(fraction: float) -> None:
            now = time.monotonic()
            if now - last[0] >= _PROGRESS_INTERVAL:
                last[0] = now
                self.progress.emit(job_id, fraction)

        try:
            analysis = self._engine.analyze(self._nlp(pipeline), source, progress, cancelled)
        except Exception as error:  # an engine failure must reach the status bar
            log.error("analysis job %d failed: %s", job_id, failure(error))
            self.failed.emit(job_id, str(error) or type(error).__name__)
            return
        if analysis is None:
            self.cancelled.emit(job_id)
        else:
            # The briefing needs objects of its own (the analysis is kept for redo); copying
            # thousands of them here rather than on the GUI thread keeps the window live.
            self.finished.emit(job_id, analysis, copy_analysis(analysis))


class AnalysisRunner(QObject):
    """Main-thread front of the worker: submit sources, cancel, and shut down cleanly.

    `engine` None is the real engine, in a worker process; any other engine runs on a
    worker thread (see the module docstring)."""

    progress = Signal(int, float)
    finished = Signal(int, object, object)  # job id, Analysis, its spare copy
    failed = Signal(int, str)
    cancelled = Signal(int)
    _submit = Signal(int, object, str)
    _warm = Signal(str)
    _cancel_later = Signal(int)  # queued: cancel_all never calls back into its caller

    def __init__(self, engine=None, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        self._ids = itertools.count(1)
        self._closed = False
        self.jobs: dict[int, str] = {}  # running or queued job id -> source id
        self._cancel_later.connect(self._job_cancelled, Qt.ConnectionType.QueuedConnection)
        # The thread, for an injected engine.
        self._lock = threading.Lock()
        self._cancel_below_id = 0
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        # The process, for the real engine.
        self._child: _Child | None = None
        self._pipeline = ""  # the pipeline a (re)started process loads first
        self._waiting: list[tuple[int, bytes, str]] = []  # jobs not yet sent: id, source, pipeline
        self._running = 0  # the job the process is working on, 0 when idle

    @property
    def worker_pid(self) -> int | None:
        """The worker process's id, None without one (a thread runs an injected engine)."""
        return self._child.process.pid if self._child else None

    def _started(self) -> bool:
        """Start the worker on first use; False once shut down (none is started again)."""
        if self._closed:
            return False
        if self._thread is not None or self._child is not None:
            return True
        _short_switch_interval()
        if self._engine is None:
            self._start_process()
        else:
            self._start_thread()
        if self not in _running_runners:  # a process that never started is tried again
            _running_runners.add(self)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.shutdown)
        return True

    def _start_thread(self) -> None:
        self._thread = QThread(self)
        self._thread.setObjectName("analysis-worker")
        self._worker = _Worker(self._engine, self._cancel_below)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._submit.connect(self._worker.run)
        self._warm.connect(self._worker.warm_up)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._job_done)
        self._worker.failed.connect(self._job_failed)
        self._worker.cancelled.connect(self._job_cancelled)
        self._thread.start()

    def _start_process(self) -> None:
        """Adopt the early process if there is one (it may load another pipeline first:
        the window asks for its own by warm_up), else spawn one."""
        # This runs once the window is built (its first warm-up or job): its ~100,000 Qt
        # wrappers, modules and settings live as long as it. Frozen, a full garbage
        # collection skips them; unfrozen, the first ones took 60 ms while an article opened.
        gc.freeze()
        self._child = _early.pop() if _early else _Child(self._pipeline)
        self._child.adopt(self._on_reply)

    def _cancel_below(self) -> int:
        with self._lock:
            return self._cancel_below_id

    def warm_up(self, pipeline: str = "") -> None:
        """Load the pipeline in the background, before a job needs it."""
        if self._engine is None:
            self._pipeline = pipeline
            if self._started():  # a pipeline already loaded makes this a no-op there
                self._child.process.warm(pipeline)
        elif self._started():
            self._warm.emit(pipeline)

    def submit(self, source: Source, pipeline: str = "") -> int:
        """Queue a snapshot of `source` for analysis; returns the job id (0 after shutdown)."""
        if self._engine is None and not self.jobs:
            self._pipeline = pipeline  # a process started now loads the one it will need
        if not self._started():
            return 0
        job_id = next(self._ids)
        self.jobs[job_id] = source.id
        if self._engine is None:
            self._waiting.append((job_id, pickle.dumps(source, pickle.HIGHEST_PROTOCOL),
                                  pipeline))
            self._send_next()
        else:
            self._submit.emit(job_id, copy.deepcopy(source), pipeline)
        return job_id

    def cancel_all(self) -> None:
        """Stop every queued and running job: a job in the process stops at once (the
        process is replaced), on the thread between paragraphs."""
        if self._engine is not None:
            with self._lock:
                self._cancel_below_id = max(self.jobs, default=0) + 1
            return
        for job_id, _source, _pipeline in self._waiting:
            self._cancel_later.emit(job_id)
        self._waiting.clear()
        if self._running:
            self._cancel_later.emit(self._running)
            self._running = 0
            self._replace_process()

    def is_busy(self) -> bool:
        return bool(self.jobs)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything, stop the worker and wait for it; True when it has stopped."""
        self._closed = True  # first: a cancelled process is not replaced
        self.cancel_all()
        stopped = True
        if self._child is not None:
            child, self._child = self._child, None
            stopped = child.process.stop(timeout_ms / 1000)
        if self._thread is not None:
            self._thread.quit()
            stopped = self._thread.wait(timeout_ms) and stopped
            self._thread = None
        _running_runners.discard(self)
        return stopped

    # ----------------------------------------------------------- the process's side
    def _replace_process(self) -> None:
        """End the current process (its late replies are ignored) and start a fresh one."""
        child, self._child = self._child, None
        if child is not None and not child.process.stop():
            log.warning("analysis worker %s did not stop", child.process.pid)
        if not self._closed:
            self._child = _Child(self._pipeline)
            self._child.adopt(self._on_reply)

    def _send_next(self) -> None:
        if self._running or not self._waiting or self._child is None:
            return
        job_id, source_data, pipeline = self._waiting.pop(0)
        self._running = job_id
        self._child.process.run(job_id, source_data, pipeline)

    def _on_reply(self, child: _Child, reply: tuple) -> None:
        if child is not self._child:
            return  # from a process already replaced or stopped
        kind = reply[0]
        if kind == "hello":
            return
        job_id = reply[1] if kind != "gone" else 0
        if kind == "gone":
            self._process_gone(child)
        elif job_id != self._running:
            return
        elif kind == "progress":
            self.progress.emit(job_id, reply[2])
        elif kind == "finished":
            self._running = 0
            self._job_done(job_id, reply[2], reply[3])
        elif kind == "failed":
            self._running = 0
            log.error("analysis job %d failed: %s", job_id, reply[3])
            self._job_failed(job_id, reply[2])
        self._send_next()

    def _process_gone(self, child: _Child) -> None:
        """The process ended on its own: restart it, and fail the job it was running."""
        code = child.process.exit_code()
        log.error("analysis worker %s ended unexpectedly (exit code %s)", child.process.pid,
                  code)
        job_id, self._running = self._running, 0
        child.process.stop()
        self._child = None
        if child.greeted:
            self._replace_process()
            if job_id:
                self._job_failed(job_id, CRASHED)
            return
        # It died before running any of our code: restarting would likely fail the same way,
        # so every job fails and the next one tries again.
        for waiting_id, _source, _pipeline in self._waiting:
            self._job_failed(waiting_id, NO_START)
        self._waiting.clear()
        if job_id:
            self._job_failed(job_id, NO_START)

    # --------------------------------------------------------------- results
    def _job_done(self, job_id: int, analysis, spare) -> None:
        self.jobs.pop(job_id, None)
        self.finished.emit(job_id, analysis, spare)

    def _job_failed(self, job_id: int, message: str) -> None:
        self.jobs.pop(job_id, None)
        self.failed.emit(job_id, message)

    def _job_cancelled(self, job_id: int) -> None:
        self.jobs.pop(job_id, None)
        self.cancelled.emit(job_id)
