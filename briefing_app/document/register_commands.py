"""The undoable "Apply actor register" step, pushed right after an analysis baseline so one
undo gives back the actors exactly as the engine found them."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import corrections
from briefing_app.domain.register_match import RegisterEntry, apply_register


class ApplyRegisterCommand(QUndoCommand):
    """Runs domain.register_match.apply_register on one source's actors; a command that
    changes nothing makes itself obsolete, so Qt drops it on push."""

    def __init__(self, doc: BriefingDocument, entries: list[RegisterEntry], source_id: str):
        super().__init__("Apply actor register")
        self._doc, self._entries, self._source_id = doc, list(entries), source_id
        self._snapshot = None
        self.changed = False

    def redo(self) -> None:
        briefing = self._doc.briefing
        if self._snapshot is None:
            self._snapshot = corrections.snapshot(briefing)
        else:
            corrections.restore(briefing, self._snapshot)
        changes = apply_register(briefing, self._entries, self._source_id)
        self.changed = bool(changes)
        if not changes:
            self.setObsolete(True)
        self._doc.notify(changes)

    def undo(self) -> None:
        self._doc.notify(corrections.restore(self._doc.briefing, self._snapshot))
