"""BriefingDocument: the one owner of the Briefing being edited and of its undo stack.

Widgets never change the Briefing directly: they push commands here, and every command
reports what it touched through `changed`, which the Qt models and the article view follow.

The document also remembers what each project file was when it was opened or last saved
(a FileStamp), so a save can tell that someone else (another window) wrote it meanwhile.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing_app.domain.model import Briefing
from briefing_app.domain.ops import Change


@dataclass(frozen=True)
class FileStamp:
    """A file as it was: its modification time, its size and the sha256 of its bytes."""

    mtime_ns: int
    size: int
    sha256: str


def stamp_file(path: str | os.PathLike[str]) -> FileStamp | None:
    """The file's stamp now, or None when there is no file to stamp. Reads the whole file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return FileStamp(info.st_mtime_ns, info.st_size, digest.hexdigest())


def changed_since(path: str | os.PathLike[str], stamp: FileStamp | None) -> bool:
    """True when the file at `path` no longer holds the bytes `stamp` saw (a file that is
    gone holds nothing to lose, so it has not changed in that sense)."""
    if stamp is None:
        return False
    try:
        info = os.stat(path)
    except OSError:
        return False
    if (info.st_mtime_ns, info.st_size) == (stamp.mtime_ns, stamp.size):
        return False  # the quick answer; only a touched file needs its bytes read
    now = stamp_file(path)
    return now is not None and now.sha256 != stamp.sha256


class BriefingDocument(QObject):
    """Holds the Briefing, its file path, its undo stack and which sources await analysis."""

    changed = Signal(object)  # a domain Change
    reset = Signal()  # the whole Briefing was replaced (new or opened project)
    pendingChanged = Signal(str)  # a source's analysis started or landed

    def __init__(self, briefing: Briefing | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.briefing = briefing or Briefing()
        self.path = ""
        self.undo_stack = QUndoStack(self)
        self._pending: set[str] = set()
        # By path: an undone restore swaps the path back, and its stamp must come with it.
        self._stamps: dict[str, FileStamp] = {}

    @property
    def file_stamp(self) -> FileStamp | None:
        """What the project file at `path` was when this document last read or wrote it."""
        return self._stamps.get(self.path)

    def push(self, command: QUndoCommand) -> None:
        """Run `command` (push calls its redo) and keep it for undo."""
        self.undo_stack.push(command)

    def notify(self, changes: Change | list[Change]) -> None:
        for change in changes if isinstance(changes, list) else [changes]:
            self.changed.emit(change)

    def replace(self, briefing: Briefing, path: str = "", stamp: FileStamp | None = None) -> None:
        """Start over on `briefing` (new or loaded project): no history, nothing unsaved;
        `stamp` is the project file as it was read."""
        self.briefing = briefing
        self.path = path
        self._stamps = {path: stamp} if path and stamp else {}
        self._pending.clear()
        self.undo_stack.clear()
        self.reset.emit()

    def swap(self, briefing: Briefing, path: str) -> tuple[Briefing, str]:
        """Put `briefing` in place of the current one, keeping the history; returns the
        briefing and path it replaced (RestoreBriefingCommand swaps them back on undo)."""
        old = self.briefing, self.path
        self.briefing, self.path = briefing, path
        self.reset.emit()
        return old

    def mark_saved(self, path: str, stamp: FileStamp | None = None) -> None:
        """The briefing is now in `path`; `stamp` is that file as written."""
        self.path = path
        if stamp is not None:
            self._stamps[path] = stamp
        else:  # written but not readable back: an old stamp would call our own file changed
            self._stamps.pop(path, None)
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def is_blank(self) -> bool:
        """A new briefing the analyst has not touched: no file, no source, no history. An
        article opened into it (and the machine's analysis of it) is its baseline, not an
        edit: nothing to undo and nothing unsaved."""
        return not self.path and not self.briefing.sources and self.undo_stack.count() == 0

    def apply_baseline(self, changes: Change | list[Change]) -> None:
        """Report a change made outside the undo stack (the baseline of a blank briefing)."""
        self.notify(changes)

    def set_pending(self, source_id: str, pending: bool) -> None:
        if pending:
            self._pending.add(source_id)
        else:
            self._pending.discard(source_id)
        self.pendingChanged.emit(source_id)

    def is_pending(self, source_id: str) -> bool:
        """True while the source's analysis runs: review actions on it must wait."""
        return source_id in self._pending
