"""Undo commands for corrections: one command class runs any pure correction op.

The command snapshots the register (shallow: see domain.corrections) before its first
redo, and undo restores that snapshot. Ops take every id they create as an argument, made
here once, so a redo after an undo rebuilds exactly the same objects under the same ids.
Consecutive nudges of the same target merge, so a burst of key presses undoes as one.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.merge_ids import MergeId
from briefing_app.domain import boundaries, corrections
from briefing_app.domain.ops import new_id


class CorrectionCommand(QUndoCommand):
    """Runs `op(briefing, *args)`; `merge_key` lets equal-keyed commands merge (nudges)."""

    def __init__(self, doc: BriefingDocument, text: str, op, *args, merge_key=None,
                 new_id: str = ""):
        super().__init__(text)
        self._doc = doc
        self.new_id = new_id  # the id of the item this command creates, if it creates one
        self._calls = [(op, args)]
        self._snapshot = None
        self.merge_key = merge_key

    def id(self) -> int:
        return MergeId.NUDGE if self.merge_key is not None else MergeId.NONE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, CorrectionCommand) or other.merge_key != self.merge_key:
            return False
        self._calls.extend(other._calls)
        return True

    def redo(self) -> None:
        briefing = self._doc.briefing
        if self._snapshot is None:
            self._snapshot = corrections.snapshot(briefing)
        changes = []
        for op, args in self._calls:
            changes += op(briefing, *args)
        if not changes and len(self._calls) == 1:
            # Nothing to undo (a nudge at a limit): Qt drops an obsolete command on push.
            self.setObsolete(True)
        self._doc.notify(changes)

    def undo(self) -> None:
        self._doc.notify(corrections.restore(self._doc.briefing, self._snapshot))


def new_actor(doc, source_id: str, start: int, end: int, name: str = "",
              kind: str = "person") -> CorrectionCommand:
    actor_id = new_id("a")
    return CorrectionCommand(doc, "New actor", corrections.add_actor, actor_id, source_id,
                             start, end, name, kind, new_id=actor_id)


def add_mention(doc, actor_id: str, source_id: str, start: int, end: int) -> CorrectionCommand:
    return CorrectionCommand(doc, "Add mention", corrections.add_mention, actor_id, source_id,
                             start, end)


def merge_actors(doc, keep_id: str, other_ids: list[str], name: str = "",
                 kind: str = "") -> CorrectionCommand:
    return CorrectionCommand(doc, f"Merge {len(other_ids) + 1} actors",
                             corrections.merge_actors, keep_id, list(other_ids), name, kind)


def split_mention(doc, actor_id: str, index: int, name: str = "") -> CorrectionCommand:
    actor_id_new = new_id("a")
    return CorrectionCommand(doc, "Split mention into new actor", corrections.split_mention,
                             actor_id, index, actor_id_new, name, new_id=actor_id_new)


def delete_actor(doc, actor_id: str) -> CorrectionCommand:
    return CorrectionCommand(doc, "Delete actor", corrections.delete_actor, actor_id)


def new_claim(doc, source_id: str, start: int, end: int, actor_id: str | None = None,
              cue: tuple[int, int] | None = None, source_span: tuple[int, int] | None = None,
              stance: str = "") -> CorrectionCommand:
    claim_id = new_id("c")
    return CorrectionCommand(doc, "New claim", corrections.add_claim, claim_id, source_id,
                             start, end, actor_id, cue, source_span, stance, new_id=claim_id)


def delete_claim(doc, claim_id: str) -> CorrectionCommand:
    return CorrectionCommand(doc, "Delete claim", corrections.delete_claim, claim_id)


def set_claim_actor(doc, claim_id: str, actor_id: str | None) -> CorrectionCommand:
    return CorrectionCommand(doc, "Change claim source actor", corrections.set_claim_actor,
                             claim_id, actor_id)


def add_note(doc, text: str, source_id: str = "", start: int = 0, end: int = 0
             ) -> CorrectionCommand:
    note_id = new_id("n")
    return CorrectionCommand(doc, "Add note", corrections.add_note, note_id, text,
                             source_id, start, end, new_id=note_id)


def edit_note(doc, note_id: str, text: str) -> CorrectionCommand:
    return CorrectionCommand(doc, "Edit note", corrections.edit_note, note_id, text)


def delete_note(doc, note_id: str) -> CorrectionCommand:
    return CorrectionCommand(doc, "Delete note", corrections.delete_note, note_id)


def nudge(doc, target: tuple, edge: str, step: int) -> CorrectionCommand:
    what = {"mention": "mention", "content": "claim content", "cue": "cue",
            "source_span": "claim source"}
    label = what.get(target[2] if target[0] == "claim" else "mention", "span")
    return CorrectionCommand(doc, f"Nudge {label} {edge}", boundaries.nudge, target, edge,
                             step, merge_key=(target, edge))


class UpdateSourceCommand(QUndoCommand):
    """Set fields of a source's metadata (title, outlet, author, dates, URL)."""

    def __init__(self, doc, source_id: str, values: dict, text: str):
        super().__init__(text)
        self._doc, self._source_id, self._values = doc, source_id, dict(values)
        source = doc.briefing.source(source_id)
        self._old = {name: getattr(source, name) for name in values}

    def redo(self) -> None:
        self._doc.notify(corrections.update_source(self._doc.briefing, self._source_id,
                                                   self._values))

    def undo(self) -> None:
        self._doc.notify(corrections.update_source(self._doc.briefing, self._source_id,
                                                   self._old))
