"""The analysis worker process: spaCy in a spawned process of its own, fed and read over pipes.

No Qt here, on purpose: the child imports this module to run `serve`, and a child that
only imports the standard library, the domain and nlp/ starts loading the pipeline at once.
The GUI process never imports spaCy, and the two processes share no GIL.

Only plain data crosses: a pickled Source goes in, the pickled Analysis comes back. A
large Analysis is sent in slices (`_SLICE` actors or claims at a time), because unpickling
one holds the GIL of the GUI process: a whole 100,000-word analysis took 120-170 ms in
one call, a slice a few milliseconds, and the window runs between slices.

`WorkerProcess` is the GUI side's handle on one child: it starts it (the pipeline starts
loading right away), sends jobs from a writer thread (a big source must never block the
GUI thread on a full pipe while the child is busy), reads replies on a reader thread and
hands each one to a callback, and stops it.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import sys
import threading
import time
from collections.abc import Callable

from briefing_app import collector
from briefing_app.domain.model import Analysis
from briefing_app.logs import failure

log = logging.getLogger(__name__)

_PROGRESS_INTERVAL = 0.1  # seconds between progress replies: a flood would stall the GUI
_NICER = 5  # the child's priority below the window's, for a machine busy on every core
_SLICE = {"actors": 40, "claims": 200}  # items per reply, see the module docstring
_PROTOCOL = pickle.HIGHEST_PROTOCOL
# Seconds between hand-backs of freed memory during a job (see _Child.run): each walks the
# heap for a few ms, and one per batch of the engine's (~0.5-1 s) is what lowers the peak.
_TRIM_INTERVAL = 0.25


# ----------------------------------------------------------------------------- the child
def serve(jobs, replies, pipeline: str) -> None:
    """The child's whole life: load `pipeline`, then run jobs until the GUI side goes away.

    Messages in: ("warm", name), ("job", job_id, pickled Source, name). Replies:
    ("hello", pid), ("ready", name) once the first pipeline is loaded or known not to load,
    ("progress", job_id, fraction), ("part", job_id, field, pickled list),
    ("finished", job_id, Analysis without actors and claims),
    ("failed", job_id, message, where for the log).
    """
    _watch_parent()
    if hasattr(os, "nice"):
        try:
            os.nice(_NICER)
        except OSError:  # not permitted in some sandboxes: the default priority will do
            pass
    _reply(replies, ("hello", os.getpid()))
    child = _Child(replies)
    from briefing_app.domain import places

    places.prepare()  # first, while the process is small: see places.prepare
    child.warm(pipeline)  # before any job asks for it
    _reply(replies, ("ready", pipeline))
    while True:
        try:
            message = pickle.loads(jobs.recv_bytes())
        except (EOFError, OSError):  # the GUI side closed its end: nothing more to do
            return
        if message[0] == "warm":
            child.warm(message[1])
        elif message[0] == "job":
            child.run(*message[1:])


def usable_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows and macOS
        return os.cpu_count() or 1


def _watch_parent() -> None:
    """End the child when the GUI process dies (killed, crashed): a job could otherwise run
    on for minutes with no one to read it."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _reply(replies, message: tuple) -> None:
    replies.send_bytes(pickle.dumps(message, protocol=_PROTOCOL))


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, None elsewhere (musl, macOS, Windows have none). The freed
    memory of a parse (numpy buffers, Docs) stays in the C heap: a 100,000-word job left
    the process ~60 MB above what it still used, until malloc_trim handed it back."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


class _Child:
    """The pipelines loaded so far and the job loop's steps, inside the child."""

    def __init__(self, replies):
        self._replies = replies
        self._pipelines: dict[str, object] = {}
        self._errors: dict[str, Exception] = {}
        self._trim = _malloc_trim()

    def pipeline(self, name: str):
        """The loaded pipeline `name` ('' is the default); raises what loading raised."""
        if name in self._errors:
            raise self._errors[name]
        if name not in self._pipelines:
            from briefing_app.nlp.pipeline import load_pipeline

            try:
                self._pipelines[name] = load_pipeline(name or None)
            except Exception as error:  # said when a job needs it (see warm)
                self._errors[name] = error
                raise
            finally:
                # A pipeline is ~90,000 objects that live as long as the process: frozen, a
                # full garbage collection no longer walks them.
                gc.freeze()
        return self._pipelines[name]

    def warm(self, name: str) -> None:
        """Load `name` ahead of the jobs. A pipeline that does not load is said by the first
        job that needs it (in the user's words: not installed, or broken); raised here it
        ended the process, and every job failed as a crash."""
        try:
            self.pipeline(name)
        except Exception:  # noqa: BLE001 - kept in _errors, raised again for that job
            pass

    def run(self, job_id: int, source_data: bytes, name: str) -> None:
        try:
            self._run(job_id, source_data, name)
        finally:
            # The job's objects are gone: a warm process waits small, not at its peak.
            gc.collect()
            self._release()

    def _release(self) -> None:
        """Give freed C-heap memory back to the system (glibc); nothing elsewhere."""
        if self._trim is not None:
            self._trim(0)

    def _run(self, job_id: int, source_data: bytes, name: str) -> None:
        from briefing_app.nlp.engine import analyze

        last = [0.0, time.monotonic()]  # the last progress reply, the last release

        def progress(fraction: float) -> None:
            now = time.monotonic()
            if now - last[0] >= _PROGRESS_INTERVAL:
                last[0] = now
                _reply(self._replies, ("progress", job_id, fraction))
            # Each batch of pieces the engine parses and tags takes ~40 MB for a moment
            # and frees it; handed back between batches, the next one does not land on
            # top of what the C heap kept (the worker's peak at 100,000 words: 229-232 MB
            # without, see benchmarks/ui.md).
            if now - last[1] >= _TRIM_INTERVAL:
                last[1] = now
                self._release()

        try:
            analysis = analyze(self.pipeline(name), pickle.loads(source_data),
                               progress=progress)
        except Exception as error:  # an engine failure must reach the status bar
            _reply(self._replies,
                   ("failed", job_id, str(error) or type(error).__name__, failure(error)))
            return
        for field in ("actors", "claims"):
            items, size = getattr(analysis, field), _SLICE[field]
            for start in range(0, len(items), size):
                data = pickle.dumps(items[start:start + size], protocol=_PROTOCOL)
                _reply(self._replies, ("part", job_id, field, data))
        shell = dataclasses.replace(analysis, actors=[], claims=[])
        _reply(self._replies, ("finished", job_id, shell))


# ------------------------------------------------------------------------ the GUI side
def _whole(reply: tuple, parts: dict[str, list], spares: dict[str, list]) -> tuple:
    """The "finished" reply with the result and its spare copy put together from the parts."""
    shell: Analysis = reply[2]
    analysis = dataclasses.replace(shell, **parts)
    spare = dataclasses.replace(shell, warnings=list(shell.warnings), **spares)
    return ("finished", reply[1], analysis, spare)


class WorkerProcess:
    """One spawned child running `serve`: start, send, stop; replies go to `on_reply`.

    `on_reply(reply)` is called on the reader thread with ("hello", pid), ("ready", name),
    ("progress", job_id, fraction), ("finished", job_id, Analysis, spare copy),
    ("failed", job_id, message, where) and, once the child has gone, ("gone",).
    """

    def __init__(self, pipeline: str, on_reply: Callable[[tuple], None]):
        context = multiprocessing.get_context("spawn")
        jobs_out, self._jobs = context.Pipe(duplex=False)
        self._replies, replies_in = context.Pipe(duplex=False)
        self.process = context.Process(target=serve, args=(jobs_out, replies_in, pipeline),
                                       name="analysis-worker", daemon=True)
        self.process.start()
        self.pid: int = self.process.pid
        # Only the child may hold these ends now: its death then reads as end-of-file here.
        jobs_out.close()
        replies_in.close()
        self._on_reply = on_reply
        self._stopped = False
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name="analysis-writer",
                                        daemon=True)
        self._reader = threading.Thread(target=self._read, name="analysis-reader",
                                        daemon=True)
        self._writer.start()
        self._reader.start()

    def warm(self, pipeline: str) -> None:
        self._send(("warm", pipeline))

    def run(self, job_id: int, source_data: bytes, pipeline: str) -> None:
        """Send a job: `source_data` is the pickled Source, its snapshot at submit time."""
        self._send(("job", job_id, source_data, pipeline))

    def _send(self, message: tuple) -> None:
        self._outbox.put(pickle.dumps(message, protocol=_PROTOCOL))

    def exit_code(self) -> int | None:
        """The child's exit status once it has ended (negative: killed by that signal)."""
        self.process.join(1.0)  # its pipe has closed, so it has ended or is about to
        return self.process.exitcode

    def stop(self, timeout: float = 10.0) -> bool:
        """End the child at once (a running job is abandoned) and join it and both threads;
        True when all of them have ended. Called on the GUI thread, like exit_code."""
        if self._stopped:
            return True
        self._outbox.put(None)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout)
        if self.process.is_alive():  # terminate is SIGTERM on POSIX: a stuck child gets kill
            self.process.kill()
            self.process.join(timeout)
        self._writer.join(timeout)
        self._reader.join(timeout)
        stopped = not (self.process.is_alive() or self._writer.is_alive()
                       or self._reader.is_alive())
        if stopped:
            self._stopped = True
            self.process.close()
        return stopped

    def _write(self) -> None:
        while True:
            data = self._outbox.get()
            if data is None:
                break
            try:
                self._jobs.send_bytes(data)
            except OSError:  # the child has gone; the reader says so
                break
        self._jobs.close()

    def _read(self) -> None:
        parts: dict[str, list] = {"actors": [], "claims": []}
        spares: dict[str, list] = {"actors": [], "claims": []}
        arriving = contextlib.ExitStack()  # holds collector.paused() while a result arrives
        with arriving:
            while True:
                try:
                    reply = pickle.loads(self._replies.recv_bytes())
                except (EOFError, OSError):
                    break
                if reply[0] == "part":
                    # A full garbage collection walks every object in the process holding
                    # the GIL: with a 100,000-word result arriving (tens of thousands of
                    # objects, twice) they ran 55-120 ms, the window's longest stalls. None
                    # runs while it arrives, and once it is whole it is frozen (below).
                    if not parts["actors"] and not parts["claims"]:
                        arriving.enter_context(collector.paused())
                    # Two loads of the same bytes: the result, and the spare copy the
                    # briefing adopts, made here rather than on the GUI thread.
                    parts[reply[2]].extend(pickle.loads(reply[3]))
                    spares[reply[2]].extend(pickle.loads(reply[3]))
                    continue
                if reply[0] == "finished":
                    reply = _whole(reply, parts, spares)
                if reply[0] in ("finished", "failed"):
                    parts = {"actors": [], "claims": []}
                    spares = {"actors": [], "claims": []}
                    # The result lives as long as the briefing: frozen, later collections
                    # skip it (it is still freed by reference counting; it holds no cycles).
                    gc.freeze()
                    arriving.close()
                self._tell(reply)
                # Not held while the next reply is awaited: a baseline briefing adopts the
                # spare, and the result itself (a 100,000-word article's, ~10 MB) can go.
                del reply
        self._replies.close()
        self._tell(("gone",))  # the GUI thread joins the child: one thread reaps it

    def _tell(self, reply: tuple) -> None:
        try:
            self._on_reply(reply)
        except RuntimeError:  # its receiver was deleted (the program is ending): no one listens
            pass
