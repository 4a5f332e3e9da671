"""Autosave and crash recovery: unsaved work is written to data_dir()/autosave at most
DELAY_MS after the last edit, and a session that died leaves its file behind to restore.

Each session holds a QLockFile next to its autosave; a lock whose process is gone is stale,
which is how a later start tells a crashed session from one still running in another window.
A clean save, an undo back to the saved state or a clean close removes the files.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from briefing_app import paths
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.storage.atomic import atomic_write_bytes

DELAY_MS = 5000
# Continuous editing restarts the timer; past this much unsaved time it is no longer pushed back.
MAX_WAIT_S = 30.0
SUFFIX = ".briefing"


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
        if not lock_path.with_suffix(SUFFIX).exists():
            # A session that died with nothing unsaved: only its stale lock is left to tidy.
            orphan = QLockFile(str(lock_path))
            orphan.setStaleLockTime(0)
            if orphan.tryLock(0):
                orphan.unlock()
    for file in folder.glob(f"session-*{SUFFIX}"):
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

    def __init__(self, doc: BriefingDocument, folder: Path | None = None,
                 delay_ms: int = DELAY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        folder = folder or autosave_dir()
        session = f"session-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = folder / f"{session}{SUFFIX}"
        # Taken at the first write, so a session that never autosaves leaves nothing on disk.
        self._lock = QLockFile(str(self.file.with_suffix(".lock")))
        self._first_unsaved = 0.0
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.save_now)
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

    def save_now(self) -> None:
        """Write the autosave now (atomic), if there is anything unsaved."""
        from briefing_app.errors import BriefingError
        from briefing_app.storage.project_file import save_project

        if self._finished or not self.doc.is_modified():
            return
        self._first_unsaved = 0.0
        try:
            if not self._lock.isLocked():
                self.file.parent.mkdir(parents=True, exist_ok=True)
                self._lock.tryLock(0)
            # Compact: it runs on the GUI thread, and nobody reads an autosave by eye.
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
