"""Undo commands for the briefing's prose: title, author, mark, BLUF and key judgments.

Each calls a pure op of domain.briefing_ops and refers to judgments by id. Typing-like edits
(the BLUF, a judgment's text) merge into one undo step per editing burst: consecutive edits of
the same field less than BURST_SECONDS apart.
"""

from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.merge_ids import MergeId
from briefing_app.domain import briefing_ops as ops
from briefing_app.domain.model import Judgment

BURST_SECONDS = 2.0
FIELD_LABELS = {"title": "Edit title", "author": "Edit author", "mark": "Set handling mark",
                "bluf": "Edit bottom line"}


class _Merging(QUndoCommand):
    """Merges with the next command of the same kind and key while the burst lasts."""

    merge_id = MergeId.NONE

    def __init__(self, text: str, key: str, merge: bool):
        super().__init__(text)
        self._key, self._merge = key, merge
        self._last = time.monotonic()

    def id(self) -> int:
        return self.merge_id if self._merge else MergeId.NONE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or other._key != self._key or not other._merge:
            return False
        if other._last - self._last > BURST_SECONDS:
            return False
        self._last = other._last
        self._values.update(other._values)
        # A burst that ends where it began leaves nothing to undo.
        self.setObsolete(self._values == self._old)
        return True


class SetBriefingFieldsCommand(_Merging):
    merge_id = MergeId.BRIEFING_FIELD

    def __init__(self, doc: BriefingDocument, values: dict[str, str], text: str = "",
                 merge: bool = False):
        text = text or FIELD_LABELS.get(next(iter(values)), "Edit briefing")
        super().__init__(text, ",".join(sorted(values)), merge)
        self._doc, self._values = doc, dict(values)
        self._old = ops.briefing_values(doc.briefing, values)

    def redo(self) -> None:
        self._doc.notify(ops.set_briefing_fields(self._doc.briefing, self._values))

    def undo(self) -> None:
        self._doc.notify(ops.set_briefing_fields(self._doc.briefing, self._old))


class UpdateJudgmentCommand(_Merging):
    merge_id = MergeId.JUDGMENT

    def __init__(self, doc: BriefingDocument, judgment_id: str, values: dict[str, str],
                 text: str = "Edit key judgment", merge: bool = False):
        super().__init__(text, judgment_id + ":" + ",".join(sorted(values)), merge)
        self._doc, self._id, self._values = doc, judgment_id, dict(values)
        self._old = ops.judgment_values(doc.briefing, judgment_id, values)

    def redo(self) -> None:
        self._doc.notify(ops.update_judgment(self._doc.briefing, self._id, self._values))

    def undo(self) -> None:
        self._doc.notify(ops.update_judgment(self._doc.briefing, self._id, self._old))


class AddJudgmentCommand(QUndoCommand):
    def __init__(self, doc: BriefingDocument, judgment: Judgment, index: int | None = None):
        super().__init__("Add key judgment")
        self._doc, self._judgment, self._index = doc, judgment, index

    def redo(self) -> None:
        self._doc.notify(ops.add_judgment(self._doc.briefing, self._judgment, self._index))

    def undo(self) -> None:
        self._doc.notify(ops.remove_judgment(self._doc.briefing, self._judgment.id))


class RemoveJudgmentCommand(QUndoCommand):
    def __init__(self, doc: BriefingDocument, judgment_id: str):
        super().__init__("Remove key judgment")
        self._doc = doc
        self._index = ops.judgment_index(doc.briefing, judgment_id)
        self._judgment = doc.briefing.judgments[self._index]

    def redo(self) -> None:
        self._doc.notify(ops.remove_judgment(self._doc.briefing, self._judgment.id))

    def undo(self) -> None:
        self._doc.notify(ops.add_judgment(self._doc.briefing, self._judgment, self._index))


class MoveJudgmentCommand(QUndoCommand):
    def __init__(self, doc: BriefingDocument, judgment_id: str, to_index: int):
        super().__init__("Move key judgment")
        self._doc, self._id, self._to = doc, judgment_id, to_index
        self._from = ops.judgment_index(doc.briefing, judgment_id)

    def redo(self) -> None:
        self._doc.notify(ops.move_judgment(self._doc.briefing, self._id, self._to))

    def undo(self) -> None:
        self._doc.notify(ops.move_judgment(self._doc.briefing, self._id, self._from))


class RestoreBriefingCommand(QUndoCommand):
    """Swap in a whole briefing (an autosave being restored) as one undoable, unsaved step."""

    def __init__(self, doc: BriefingDocument, briefing, path: str,
                 text: str = "Restore autosaved work"):
        super().__init__(text)
        self._doc, self._other, self._other_path = doc, briefing, path

    def _swap(self) -> None:
        self._other, self._other_path = self._doc.swap(self._other, self._other_path)

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()
