"""Keyboard review: the operations behind the Review menu, applied to the current item.

It moves through claims in the order the claims panel shows them (sorted and filtered), and
refuses to touch a source whose analysis has not landed yet.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from briefing_app.document import commands
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.vocab import ItemKind
from briefing_app.ui.editing.review_keys import ReviewKey
from briefing_app.ui.panels.list_panel import Panel

_WAIT = "The analysis of this article is still running; review it when it has landed."


class ReviewController(QObject):
    message = Signal(str)
    moveTo = Signal(str, str)  # kind, id: the window selects it

    def __init__(self, doc: BriefingDocument, claims_panel: Panel, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._claims = claims_panel
        self.kind, self.item_id = "", ""

    def set_current(self, kind: str, item_id: str) -> None:
        self.kind, self.item_id = kind, item_id

    def trigger(self, key: ReviewKey) -> None:
        if key.op == "move":
            self.move(key.value)
            return
        claim = self._doc.briefing.claim(self.item_id) if self.kind == ItemKind.CLAIM else None
        actor = self._doc.briefing.actor(self.item_id) if self.kind == ItemKind.ACTOR else None
        if claim is not None and self._doc.is_pending(claim.source_id):
            self.message.emit(_WAIT)
            return
        if actor is not None and key.op in ("review", "include"):
            self._review_actor(actor, key)
        elif claim is None:
            self.message.emit("Select a claim first (J / K move between claims).")
        elif key.op == "review":
            if claim.review != key.value:
                self._doc.push(commands.set_review(self._doc, claim, key.value))
        elif key.op == "include":
            on = not claim.included
            self._doc.push(commands.edit_claim(self._doc, claim, {"included": on},
                                               "Include claim" if on else "Exclude claim"))
        elif key.op in ("reliability", "credibility"):
            self._doc.push(commands.rate_claim(self._doc, claim, **{key.op: key.value}))
        elif key.op == "likelihood":
            self._doc.push(commands.edit_claim(self._doc, claim, {"likelihood": key.value},
                                               f"Set likelihood {key.value}"))
        elif key.op == "status":
            self._doc.push(commands.edit_claim(self._doc, claim, {"status": key.value},
                                               f"Mark claim {key.value}"))

    def _review_actor(self, actor, key: ReviewKey) -> None:
        if key.op == "include":
            on = not actor.included
            values, text = {"included": on}, "Include actor" if on else "Exclude actor"
        else:
            values = {"review": key.value}
            text = "Accept actor" if key.value == "accepted" else "Reject actor"
        self._doc.push(commands.UpdateActorCommand(self._doc, actor.id, values, text))

    def move(self, step: int) -> None:
        """Select the next (1) or previous (-1) claim in the panel's order."""
        rows = self._claims.visible_rows()
        if not rows:
            self.message.emit("No claims to review yet.")
            return
        model = self._claims.model
        current = model.row_of(self.item_id) if self.kind == ItemKind.CLAIM else -1
        if current in rows:
            position = min(max(rows.index(current) + step, 0), len(rows) - 1)
        else:
            position = 0 if step > 0 else len(rows) - 1
        self.moveTo.emit(ItemKind.CLAIM, model.claim_at(rows[position]).id)
