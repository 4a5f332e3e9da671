"""Autosave and crash recovery: unsaved work is written to data_dir()/autosave at most
DELAY_MS after the last edit, and a session that died leaves its file behind to restore.

Each session holds a QLockFile next to its autosave; a lock whose process is gone is stale,
which is how a later start tells a crashed session from one still running in another window.
A clean save, an undo back to the saved state or a clean close removes the files.

A long article's briefing takes more than 100 ms to turn into JSON, so the timed autosave
never does it in one go on the GUI thread: the text is built in slices of a few
milliseconds between events (an edit in between abandons it; that edit starts the timer
again), and the finished bytes are written and synced to disk by a short-lived thread.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from briefing_app import paths
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.storage.atomic import atomic_write_bytes
from briefing_app.storage.formats import PROJECT_SUFFIX

log = logging.getLogger(__name__)

DELAY_MS = 5000
# Continuous editing restarts the timer; past this much unsaved time it is no longer pushed back.
MAX_WAIT_S = 30.0
SLICE_S = 0.008  # JSON building per event-loop turn: well under a frame's worth of time


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


class Autosaver(QObject):
    """Writes the document's unsaved state shortly after edits; removes it once saved."""

    written = Signal(str)  # the autosave file, after each write
    _write_ended = Signal(bool)  # from the writer thread: the file is on disk (or failed)

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
        deadline = time.perf_counter() + SLICE_S
        for piece in pieces:
            done.append(piece)
            if not whole and time.perf_counter() > deadline:
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
            return False  # the next edit tries again; see save_now
        return True

    def _write(self, data: bytes, meta: bytes) -> None:
        """In the writer thread: the project, then the note of where it came from."""
        try:
            atomic_write_bytes(self.file, data)
            atomic_write_bytes(self.file.with_suffix(".json"), meta)
        except OSError as error:
            log.warning("autosave write failed (%s)", error.strerror or type(error).__name__)
            self._write_ended.emit(False)
            return
        self._write_ended.emit(True)

    def _after_write(self, ok: bool) -> None:
        self._join_writer()
        if self._finished or not self.doc.is_modified():
            self.clear()  # saved or closed while the bytes were on their way: not wanted
        elif ok:
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
        except (BriefingError, OSError):
            # An autosave that cannot be written must not interrupt the analyst; the next
            # edit tries again, and a real save reports its own errors.
            return
        self.written.emit(str(self.file))

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
