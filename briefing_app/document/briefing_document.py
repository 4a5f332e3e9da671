"""BriefingDocument: the one owner of the Briefing being edited and of its undo stack.

Widgets never change the Briefing directly: they push commands here, and every command
reports what it touched through `changed`, which the Qt models and the article view follow.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing_app.domain.model import Briefing
from briefing_app.domain.ops import Change


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

    def push(self, command: QUndoCommand) -> None:
        """Run `command` (push calls its redo) and keep it for undo."""
        self.undo_stack.push(command)

    def notify(self, changes: Change | list[Change]) -> None:
        for change in changes if isinstance(changes, list) else [changes]:
            self.changed.emit(change)

    def replace(self, briefing: Briefing, path: str = "") -> None:
        """Start over on `briefing` (new or loaded project): no history, nothing unsaved."""
        self.briefing = briefing
        self.path = path
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

    def mark_saved(self, path: str) -> None:
        self.path = path
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def set_pending(self, source_id: str, pending: bool) -> None:
        if pending:
            self._pending.add(source_id)
        else:
            self._pending.discard(source_id)
        self.pendingChanged.emit(source_id)

    def is_pending(self, source_id: str) -> bool:
        """True while the source's analysis runs: review actions on it must wait."""
        return source_id in self._pending
