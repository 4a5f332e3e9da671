"""Autosave and crash recovery: unsaved work is written to data_dir()/autosave at most
DELAY_MS after the last edit, and a session that died leaves its file behind to restore.

Each session holds a QLockFile next to its autosave; a lock whose process is gone is stale,
which is how a later start tells a crashed session from one still running in another window.
A clean save, an undo back to the saved state or a clean close removes the files.

A long article's briefing takes more than 100 ms to turn into JSON, so the timed autosave
never does it in one go on the GUI thread: the text is built in slices of a few
milliseconds between events (an edit in between abandons it; that edit starts the timer
again), each slice from pieces that take well under a millisecond (project_file cuts long
texts and lists into chunks) and with no garbage collection in it, and the finished bytes
are written and synced to disk by a short-lived thread.

A write that fails (disk full, folder gone) is announced by `failed` for the window to
show; the next edit tries again. A session killed between a write's fsync and its rename
leaves a complete temporary file: the next start finishes that rename, so the work is
offered back, and removes temporary files that are incomplete or older than their
session's autosave.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from briefing_app import collector, paths
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error
from briefing_app.storage.formats import PROJECT_SUFFIX

log = logging.getLogger(__name__)

DELAY_MS = 5000
# Continuous editing restarts the timer; past this much unsaved time it is no longer pushed back.
MAX_WAIT_S = 30.0
SLICE_S = 0.008  # JSON building per event-loop turn: well under a frame's worth of time
# A temporary file this old is no live write's, even when its name does not say whose it is.
STALE_TEMP_S = 120.0
# atomic_write_bytes names its temporary file after the target, when it does: '.session-…'.
_TEMP_OWNER = re.compile(r"^\.(session-[^.]+)\.")


def autosave_dir() -> Path:
    return paths.data_dir() / "autosave"


@dataclass
class Recovery:
    """The autosave a dead session left: its project file and the path it was editing."""

    file: Path
    original_path: str
    saved_at: float

    def discard(self) -> None:
        for path in (self.file, self.file.with_suffix(".json"), self.file.with_suffix(".lock")):
            try:
                path.unlink()
            except OSError:
                pass


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Autosaves of sessions that did not close cleanly, newest first."""
    folder = folder or autosave_dir()
    _settle_temp_files(folder)
    found = []
    for lock_path in folder.glob("session-*.lock"):
        if not lock_path.with_suffix(PROJECT_SUFFIX).exists():
            # A session that died with nothing unsaved: only its stale lock is left to tidy.
            orphan = QLockFile(str(lock_path))
            orphan.setStaleLockTime(0)
            if orphan.tryLock(0):
                orphan.unlock()
    for file in folder.glob(f"session-*{PROJECT_SUFFIX}"):
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)  # age says nothing: a long session holds its lock for hours
        # tryLock succeeds only if no live process holds the lock (a dead holder is stale).
        if not lock.tryLock(0):
            continue
        lock.unlock()
        try:
            meta = json.loads(file.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        original = meta.get("path", "") if isinstance(meta, dict) else ""
        found.append(Recovery(file, original if isinstance(original, str) else "",
                              file.stat().st_mtime))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _is_live(lock_path: Path) -> bool:
    """True while a running process holds the session lock at `lock_path`."""
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return lock_path.exists()


def _settle_temp_files(folder: Path) -> None:
    """Finish or remove what a session killed mid-write left: its '*.tmp' files."""
    try:
        temps = [path for path in folder.glob("*.tmp") if path.is_file()]
    except OSError:
        return
    if not temps:
        return
    sessions = {path.stem for path in folder.glob("session-*")
                if path.suffix in (PROJECT_SUFFIX, ".lock")}
    live = {session for session in sessions if _is_live(folder / f"{session}.lock")}
    dead = sorted(sessions - live)
    for temp in temps:
        owner = _TEMP_OWNER.match(temp.name)
        try:
            age = time.time() - temp.stat().st_mtime
        except OSError:
            continue
        if owner:
            session = owner.group(1)
            if session in live:
                continue  # a write under way in a running window
        else:
            if live and age < STALE_TEMP_S:
                continue  # it may be a running window's: only its age can say it is not
            # A short name does not say whose it is; with one dead session it can only be
            # that one's, otherwise it becomes a recovered session of its own.
            session = dead[0] if len(dead) == 1 else ""
        _settle_temp_file(temp, folder, session)


def _settle_temp_file(temp: Path, folder: Path, session: str) -> None:
    from briefing_app.errors import BriefingError
    from briefing_app.storage.project_file import loads

    try:
        text = temp.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    target = None
    try:
        meta = json.loads(text)
    except ValueError:
        meta = None
    if isinstance(meta, dict) and set(meta) == {"path", "pid"}:
        if session:  # the note of where the work came from, killed before its rename
            target = folder / f"{session}.json"
    else:
        try:
            loads(text, name=temp.name)
        except BriefingError:
            pass  # incomplete, or not a project at all: nothing to offer
        else:
            target = folder / f"{session or 'session-0-' + uuid.uuid4().hex[:8]}{PROJECT_SUFFIX}"
    try:
        if target is not None and not _newer_or_same(target, temp):
            os.replace(temp, target)  # the rename the killed session did not get to make
        else:
            temp.unlink()
    except OSError as error:
        log.warning("stale autosave temp file left (%s)", error.strerror or type(error).__name__)


def _newer_or_same(path: Path, than: Path) -> bool:
    try:
        return path.stat().st_mtime_ns >= than.stat().st_mtime_ns
    except OSError:
        return False


def take_pieces(pieces: Iterator[str], done: list[str], deadline: float | None) -> bool:
    """Add the next pieces of the text to `done` until the perf_counter passes `deadline`
    (None: to the end); True once there are no more.

    No garbage collection runs meanwhile. The pieces make only short-lived dicts and lists,
    which reference counting frees, and many of them: without this, the allocations of an
    otherwise tiny piece could start a full collection over every object of a long
    article's briefing (once 85 ms on the GUI thread). With collections held off for the
    slice, the count of new objects is back near where it was when it ends, so the
    collection is not merely pushed onto the next event.
    """
    with collector.paused():
        for piece in pieces:
            done.append(piece)
            if deadline is not None and time.perf_counter() > deadline:
                return False
    return True


class Autosaver(QObject):
    """Writes the document's unsaved state shortly after edits; removes it once saved."""

    written = Signal(str)  # the autosave file, after each write
    failed = Signal(str)  # a write (or the lock before it) failed: the reason, in a few words
    _write_ended = Signal(str)  # from the writer thread: '' once on disk, else why it failed

    def __init__(self, doc: BriefingDocument, folder: Path | None = None,
                 delay_ms: int = DELAY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        folder = folder or autosave_dir()
        session = f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = folder / f"{session}{PROJECT_SUFFIX}"
        # Taken at the first write, so a session that never autosaves leaves nothing on disk.
        self._lock = QLockFile(str(self.file.with_suffix(".lock")))
        self._first_unsaved = 0.0
        self._revision = 0  # bumped by every edit: a JSON text begun before one is stale
        self._pieces = None  # the text being built: (revision, piece iterator, pieces)
        self._writer: threading.Thread | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._begin)
        self._slicer = QTimer(self, interval=0)
        self._slicer.timeout.connect(lambda: self._build_slice())
        self._write_ended.connect(self._after_write)
        doc.undo_stack.indexChanged.connect(self._edited)
        doc.changed.connect(self._edited)  # merged commands change the text, not the index
        doc.undo_stack.cleanChanged.connect(self._clean_changed)
        doc.reset.connect(self._edited)
        # The undo stack announces its own clearing while it is being destroyed; by then
        # there is nothing left to save, and touching it would raise.
        doc.destroyed.connect(self._forget)
        self._finished = False

    def _forget(self, *_args) -> None:
        self._finished = True

    def _edited(self, *_args) -> None:
        if self._finished:
            return
        self._revision += 1
        if not self.doc.is_modified():
            self.clear()
            return
        now = time.monotonic()
        if not self._first_unsaved:
            self._first_unsaved = now
        if not self._timer.isActive() or now - self._first_unsaved < MAX_WAIT_S:
            self._timer.start()

    def _clean_changed(self, clean: bool) -> None:
        if clean and not self._finished:  # not while torn down: an unclean exit keeps it
            self.clear()

    def _begin(self) -> None:
        if self._finished or not self.doc.is_modified():
            return
        if self._writer is not None:  # the previous text is still being written
            self._timer.start()
            return
        from briefing_app.storage.project_file import compact_pieces

        self._pieces = (self._revision, compact_pieces(self.doc.briefing), [])
        if self._first_unsaved and time.monotonic() - self._first_unsaved >= MAX_WAIT_S:
            # Edits keep abandoning the sliced text: build it whole this once, or a steady
            # stream of edits would starve the autosave for good.
            self._build_slice(whole=True)
        else:
            self._slicer.start()

    def _build_slice(self, whole: bool = False) -> None:
        revision, pieces, done = self._pieces
        if revision != self._revision or self._finished:
            self._abandon()  # edited meanwhile: the edit has started the timer again
            return
        if not take_pieces(pieces, done, None if whole else time.perf_counter() + SLICE_S):
            return
        self._abandon()
        self._first_unsaved = 0.0
        if not self._take_lock():
            return
        data = "".join(done).encode("utf-8", errors="backslashreplace")
        meta = json.dumps({"path": self.doc.path, "pid": os.getpid()}).encode()
        self._writer = threading.Thread(target=self._write, args=(data, meta),
                                        name="autosave", daemon=True)
        self._writer.start()

    def _abandon(self) -> None:
        self._slicer.stop()
        self._pieces = None

    def _take_lock(self) -> bool:
        try:
            if not self._lock.isLocked():
                self.file.parent.mkdir(parents=True, exist_ok=True)
                self._lock.tryLock(0)
        except OSError as error:
            log.warning("autosave lock failed (%s)", error.strerror or type(error).__name__)
            self.failed.emit(describe_os_error(error))
            return False  # the next edit tries again; see save_now
        return True

    def _write(self, data: bytes, meta: bytes) -> None:
        """In the writer thread: the project, then the note of where it came from."""
        try:
            atomic_write_bytes(self.file, data)
            atomic_write_bytes(self.file.with_suffix(".json"), meta)
        except OSError as error:
            log.warning("autosave write failed (%s)", error.strerror or type(error).__name__)
            self._write_ended.emit(describe_os_error(error))
            return
        self._write_ended.emit("")

    def _after_write(self, failure: str) -> None:
        self._join_writer()
        if self._finished or not self.doc.is_modified():
            self.clear()  # saved or closed while the bytes were on their way: not wanted
        elif failure:
            self.failed.emit(failure)
        else:
            self.written.emit(str(self.file))

    def _join_writer(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._writer = None

    def save_now(self) -> None:
        """Write the autosave now, whole and on this thread, if there is anything unsaved."""
        from briefing_app.errors import BriefingError
        from briefing_app.storage.project_file import save_project

        self._abandon()
        self._join_writer()
        if self._finished or not self.doc.is_modified():
            return
        self._first_unsaved = 0.0
        try:
            if not self._take_lock():
                return
            save_project(self.doc.briefing, self.file, compact=True)
            meta = {"path": self.doc.path, "pid": os.getpid()}
            atomic_write_bytes(self.file.with_suffix(".json"), json.dumps(meta).encode())
        except (BriefingError, OSError) as error:
            # An autosave that cannot be written must not interrupt the analyst: the window
            # marks it, the next edit tries again, and a real save reports its own errors.
            cause = error if isinstance(error, OSError) else error.__cause__
            self.failed.emit(describe_os_error(cause) if isinstance(cause, OSError)
                             else str(error))
            return
        self.written.emit(str(self.file))

    def is_idle(self) -> bool:
        """True when no autosave is timed, being built or on its way to the disk."""
        return not (self._timer.isActive() or self._pieces is not None
                    or self._writer is not None)

    def clear(self) -> None:
        """Forget the autosave: the work is saved (or deliberately thrown away)."""
        self._timer.stop()
        self._abandon()
        self._join_writer()  # a write on its way would bring the file back
        self._first_unsaved = 0.0
        for path in (self.file, self.file.with_suffix(".json")):
            try:
                path.unlink()
            except OSError:  # already gone, or not ours to remove: nothing to do
                pass

    def finish(self) -> None:
        """A clean close: remove the autosave and release the session lock."""
        self.clear()
        self._finished = True
        self._lock.unlock()

    def park(self) -> None:
        """The process is being ended (SIGTERM): write the unsaved work now and release the
        session lock, so the next start offers the work back."""
        self._timer.stop()
        self.save_now()
        self._finished = True
        self._lock.unlock()
