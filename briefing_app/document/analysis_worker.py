"""The analysis worker: where spaCy runs, off the GUI thread, one job after another.

The real engine runs in worker processes of their own (analysis_pool.py, one kept warm and
a second while sources wait): the GUI process never imports spaCy and shares no GIL with
them, so the window keeps both its core and its interpreter. Cancel is immediate: a
process running a job is ended and a warm one kept for the next. A process that dies on
its own fails its job with one sentence (CRASHED).

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

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from briefing_app.document.analysis_pool import ProcessPool, stop_early
from briefing_app.domain.model import Source
from briefing_app.domain.ops import copy_analysis
from briefing_app.logs import failure

log = logging.getLogger(__name__)

# Progress is reported at most this often: a flood of queued signals would stall the GUI.
_PROGRESS_INTERVAL = 0.1
_NICER = 5  # scheduling priority below the GUI thread's (Linux), see _yield_to_the_window
_SWITCH_INTERVAL = 0.001  # seconds; see _short_switch_interval
_running_runners: weakref.WeakSet = weakref.WeakSet()  # runners whose worker is started


@atexit.register
def _stop_running_workers() -> None:
    """At interpreter exit, before Qt objects are torn down: stop every worker."""
    for runner in list(_running_runners):
        runner.shutdown()
    stop_early()


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

    `engine` None is the real engine, in worker processes (at most `processes`, default
    one per core up to four); any other engine runs on a worker thread (see the module
    docstring)."""

    progress = Signal(int, float)
    finished = Signal(int, object, object)  # job id, Analysis, its spare copy
    failed = Signal(int, str)
    cancelled = Signal(int)
    _submit = Signal(int, object, str)
    _warm = Signal(str)

    def __init__(self, engine=None, parent: QObject | None = None, *,
                 processes: int | None = None):
        super().__init__(parent)
        self._engine = engine
        self._ids = itertools.count(1)
        self._closed = False
        self.jobs: dict[int, str] = {}  # running or queued job id -> source id
        # The thread, for an injected engine.
        self._lock = threading.Lock()
        self._cancel_below_id = 0
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        # The processes, for the real engine.
        self._pool: ProcessPool | None = None
        if engine is None:
            self._pool = ProcessPool(processes, self)
            self._pool.progress.connect(self.progress)
            self._pool.finished.connect(self._job_done)
            self._pool.failed.connect(self._job_failed)
            self._pool.cancelled.connect(self._job_cancelled)
        self._pool_started = False

    @property
    def worker_pid(self) -> int | None:
        """The longest-lived worker process's id, None without one (a thread runs an
        injected engine, or none is running)."""
        return self.worker_pids[0] if self.worker_pids else None

    @property
    def worker_pids(self) -> list[int]:
        return self._pool.pids if self._pool is not None else []

    def _started(self) -> bool:
        """Start the worker on first use; False once shut down (none is started again)."""
        if self._closed:
            return False
        if self._thread is not None or self._pool_started:
            return True
        _short_switch_interval()
        if self._pool is not None:
            self._pool_started = True
            self._pool.start()
        else:
            self._start_thread()
        if self not in _running_runners:
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

    def _cancel_below(self) -> int:
        with self._lock:
            return self._cancel_below_id

    def warm_up(self, pipeline: str = "") -> None:
        """Load the pipeline in the background, before a job needs it."""
        if self._pool is not None:
            self._pool.pipeline = pipeline
            if self._started():
                self._pool.warm(pipeline)
        elif self._started():
            self._warm.emit(pipeline)

    def submit(self, source: Source, pipeline: str = "") -> int:
        """Queue a snapshot of `source` for analysis; returns the job id (0 after shutdown)."""
        if self._pool is not None and not self.jobs:
            self._pool.pipeline = pipeline  # a process started now loads the one it will need
        if not self._started():
            return 0
        job_id = next(self._ids)
        self.jobs[job_id] = source.id
        if self._pool is not None:
            self._pool.submit(job_id, pickle.dumps(source, pickle.HIGHEST_PROTOCOL), pipeline)
        else:
            self._submit.emit(job_id, copy.deepcopy(source), pipeline)
        return job_id

    def cancel_all(self) -> None:
        """Stop every queued and running job: a job in a process stops at once (the
        process is ended), on the thread between paragraphs."""
        if self._pool is not None:
            if self._pool_started:
                self._pool.cancel_all()
            return
        with self._lock:
            self._cancel_below_id = max(self.jobs, default=0) + 1

    def is_busy(self) -> bool:
        return bool(self.jobs)

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything, stop the worker and wait for it; True when it has stopped."""
        self._closed = True  # first: no process is started again
        self.cancel_all()
        stopped = True
        if self._pool is not None:
            stopped = self._pool.shutdown(timeout_ms / 1000)
        if self._thread is not None:
            self._thread.quit()
            stopped = self._thread.wait(timeout_ms) and stopped
            self._thread = None
        _running_runners.discard(self)
        return stopped

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
