"""Keyboard review: the operations behind the Review menu, applied to the current item.

It moves through claims in the order the claims panel shows them (sorted and filtered);
the review order (article order, or the engine's least certain claims first) sorts that
panel, so J / K and the list on screen never disagree. Accept and Reject move on to the
next unreviewed claim when the analyst wants that (on by default), so a claim that needs
no correction costs one key. It refuses to touch a source whose analysis has not landed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from briefing_app.document import commands
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.flags import ARTICLE_ORDER, LEAST_CERTAIN_FIRST, REVIEW_ORDERS
from briefing_app.domain.vocab import ItemKind
from briefing_app.qtmodels.claims_model import Column
from briefing_app.settings import Settings
from briefing_app.ui.editing.review_keys import ReviewKey
from briefing_app.ui.panels.list_panel import Panel

_WAIT = "The analysis of this article is still running; review it when it has landed."
_ALL_DONE = "Every claim in the Claims panel is reviewed."


class ReviewController(QObject):
    message = Signal(str)
    moveTo = Signal(str, str)  # kind, id: the window selects it
    orderChanged = Signal(str)  # the review order now in force

    def __init__(self, doc: BriefingDocument, claims_panel: Panel, settings: Settings,
                 parent=None):
        super().__init__(parent)
        self._doc = doc
        self._claims = claims_panel
        self._settings = settings
        self.kind, self.item_id = "", ""

    def set_current(self, kind: str, item_id: str) -> None:
        self.kind, self.item_id = kind, item_id

    # ------------------------------------------------------------------ order
    def order(self) -> str:
        """The remembered review order; a value this version does not know is article order."""
        order = self._settings.get("review_order")
        return order if order in REVIEW_ORDERS else ARTICLE_ORDER

    def set_order(self, order: str) -> None:
        """The analyst's choice: the claims sort in `order` and review starts at its first
        unreviewed claim, since that is where the choice asks to begin."""
        self._settings.set("review_order", order)
        self.apply_order()
        first = self._first_unreviewed(self._ids_after(""))
        if first is not None:
            self.moveTo.emit(ItemKind.CLAIM, first)

    def apply_order(self) -> None:
        """Sort the claims panel in the review order (which J / K then follow)."""
        if self.order() == LEAST_CERTAIN_FIRST:
            self._claims.view.sortByColumn(Column.CONFIDENCE, Qt.SortOrder.AscendingOrder)
        else:  # no sort column: the model's own order, which is the articles' order
            self._claims.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.orderChanged.emit(self.order())

    def advances(self) -> bool:
        return self._settings.get("advance_after_review")

    def set_advances(self, on: bool) -> None:
        self._settings.set("advance_after_review", on)

    # --------------------------------------------------------------- actions
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
            self._review_claim(claim, key.value)
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

    def _review_claim(self, claim, state: str) -> None:
        # The order is read before the review lands: a panel sorted or filtered by review
        # state moves or hides the claim just reviewed, and the next one is the one after
        # the place it had.
        ahead = self._ids_after(claim.id)
        if claim.review != state:
            self._doc.push(commands.set_review(self._doc, claim, state))
        if not self.advances():
            return
        following = self._first_unreviewed(ahead)
        if following is None:
            self.message.emit(_ALL_DONE)
        else:
            self.moveTo.emit(ItemKind.CLAIM, following)

    def _first_unreviewed(self, ids: list[str]) -> str | None:
        briefing = self._doc.briefing
        return next((i for i in ids if (c := briefing.claim(i)) is not None
                     and c.review == "machine"), None)

    def _ids_after(self, claim_id: str) -> list[str]:
        """The panel's claims after `claim_id`, then from the top round to it: a claim the
        analyst skipped comes round again instead of being lost below. All of them, in
        order, when `claim_id` is not in the panel."""
        model = self._claims.model
        ids = [model.claim_at(row).id for row in self._claims.visible_rows()]
        if claim_id not in ids:
            return ids
        position = ids.index(claim_id)
        return ids[position + 1:] + ids[:position]

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
