"""`analyze --jobs N`: a batch of articles spread over N worker processes.

The parent keeps the queue (biggest file first, so a long article does not start last and
leave the other cores idle) and hands one path at a time to whichever worker is free, so
it always knows which file a worker holds: a worker that dies costs that one file, a
replacement takes its place and the batch goes on. Each worker loads the spaCy pipeline
once, then loads and analyses files. Only plain data crosses the pipes: a path in, a JSON
dict (briefing-app/analysis@1) or an error sentence out.

Workers are started with the spawn method everywhere: it behaves the same on Linux,
Windows and macOS and in a PyInstaller bundle (packaging/launcher.py calls
freeze_support()), and a forked copy of a parent that holds Qt or threads is not safe.
The parent imports neither spaCy nor the readers; a module that needs both nlp and
storage lives here, at the top level, by the layer rules.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterator
from multiprocessing.connection import wait
from pathlib import Path

from briefing_app.document.analysis_process import usable_cores

# What a worker sends: (READY, None) once its pipeline is loaded, (FATAL, sentence) when it
# cannot load it, then one (OK, result dict) or (BAD, sentence) per path it was given.
READY, FATAL, OK, BAD = "ready", "fatal", "ok", "bad"
# How long a worker told to stop may take to exit before it is terminated.
_STOP_GRACE = 10.0


class BatchError(Exception):
    """The batch cannot go on at all (the pipeline does not load); one sentence."""


def default_jobs(files: int) -> int:
    """The cores this process may use, at most one per file."""
    return max(1, min(usable_cores(), files))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker's load says what is wrong with it


def _serve(conn, model: str | None, limits: dict) -> None:
    """A worker's life: load the pipeline, then answer each path until told to stop."""
    # Ctrl+C reaches the whole process group; the parent alone decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from briefing_app.errors import BriefingError
    from briefing_app.nlp.pipeline import load_pipeline

    try:
        try:
            nlp = load_pipeline(model)
        except BriefingError as error:
            conn.send((FATAL, str(error)))
            return
        conn.send((READY, None))
        while (path := conn.recv()) is not None:
            conn.send(_analyse(nlp, Path(path), limits))
    except (EOFError, OSError):
        return  # the parent is gone (killed, or its reader left): nobody to answer


def _analyse(nlp, path: Path, limits: dict) -> tuple[str, object]:
    from briefing_app.errors import BriefingError
    from briefing_app.nlp.engine import analyze
    from briefing_app.storage.analysis_json import analysis_to_json
    from briefing_app.storage.readers.load import load_path

    try:
        source = load_path(path, **limits)
    except BriefingError as error:
        return BAD, str(error)
    try:
        return OK, analysis_to_json(source, analyze(nlp, source))
    except Exception as error:  # noqa: BLE001 - an engine fault costs one file, not the batch
        return BAD, (f"could not be analysed ({type(error).__name__}); "
                     "the other files go on.")


class _Worker:
    """One worker process, its end of the pipe and the index of the file it holds."""

    def __init__(self, context, model: str | None, limits: dict):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, model, limits),
                                       daemon=True)
        self.process.start()
        child.close()  # else the parent holds the child's end open and never sees EOF
        self.held: int | None = None

    def receive(self):
        """The next message, or None when the worker is gone."""
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            return None

    def stop(self) -> None:
        if self.process.is_alive():
            if self.held is None:
                try:
                    self.conn.send(None)
                except OSError:
                    pass
            else:
                self.process.terminate()  # busy on a file nobody waits for any more
        self.process.join(_STOP_GRACE)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.conn.close()


def _how(process) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _death(process) -> str:
    return (f"the process analysing it stopped ({_how(process)}) before it finished; "
            "the other files go on.")


def analyse_in_workers(paths: list[Path], jobs: int, model: str | None,
                       limits: dict) -> Iterator[tuple[int, str, object]]:
    """Yield (index into paths, OK or BAD, result dict or sentence) as files finish.

    Raises BatchError when the workers cannot load the pipeline, or all of them die
    before taking a file. Closing the generator stops the workers.
    """
    context = multiprocessing.get_context("spawn")
    queue = deque(sorted(range(len(paths)), key=lambda i: -_size(paths[i])))
    workers = [_Worker(context, model, limits) for _ in range(min(jobs, len(paths)))]
    last_death = ""  # how the latest worker to die ended
    try:
        while queue or any(w.held is not None for w in workers):
            if not workers:
                raise BatchError(f"every worker process stopped ({last_death}) "
                                 "while loading the spaCy pipeline; the files left were not "
                                 "analysed.")
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers])
            for worker in [w for w in workers if w.conn in ready or w.process.sentinel in ready]:
                message = worker.receive()
                if message is None:
                    worker.process.join()
                    worker.conn.close()
                    workers.remove(worker)
                    last_death = _how(worker.process)
                    if worker.held is not None:
                        yield worker.held, BAD, _death(worker.process)
                        worker.held = None
                        # The file killed it, not the pipeline: a new worker takes over.
                        if queue:
                            workers.append(_Worker(context, model, limits))
                    continue
                kind, payload = message
                if kind == FATAL:
                    raise BatchError(payload)
                done, worker.held = worker.held, None
                # The next file goes out before the result is handed on: writing it (an
                # fsync) or printing must not leave the worker idle.
                if queue:
                    worker.held = queue.popleft()
                    worker.conn.send(str(paths[worker.held]))
                if kind != READY:
                    yield done, kind, payload
    finally:
        for worker in workers:
            worker.stop()
