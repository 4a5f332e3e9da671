"""Nudging boundaries from the keyboard: Alt+arrows move the selected mention's or claim
part's start or end one word, and the highlight follows at once (it redraws on each Change).

Keys: Alt+Right / Alt+Left move the end right / left; Alt+Shift+Left / Alt+Shift+Right move
the start left / right; Alt+Down / Alt+Up pick the claim part (content, cue, source).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from briefing_app.document import correction_commands as cc
from briefing_app.domain.boundaries import target_span
from briefing_app.domain.corrections import CLAIM_PARTS
from briefing_app.domain.vocab import ItemKind
from briefing_app.qtmodels.roles import ITEM_KIND_ROLE, SPAN_ROLE
from briefing_app.ui.window.actions import make_action

NUDGE_KEYS = (
    ("actionNudgeEndRight", "Extend End by a Word", "Alt+Right", "end", 1),
    ("actionNudgeEndLeft", "Shrink End by a Word", "Alt+Left", "end", -1),
    ("actionNudgeStartLeft", "Extend Start by a Word", "Alt+Shift+Left", "start", -1),
    ("actionNudgeStartRight", "Shrink Start by a Word", "Alt+Shift+Right", "start", 1),
)
PART_NAMES = {"content": "content", "cue": "cue", "source_span": "source"}


class Nudger(QObject):
    """Finds what the window has selected and pushes one nudge command per key press."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.part = "content"
        self._target: tuple | None = None
        self.actions: list[QAction] = []
        for name, text, keys, edge, step in NUDGE_KEYS:
            self._add(name, text, keys, lambda e=edge, s=step: self.nudge(e, s))
        self._add("actionNextClaimPart", "Next Claim Part", "Alt+Down", lambda: self.cycle(1))
        self._add("actionPreviousClaimPart", "Previous Claim Part", "Alt+Up",
                  lambda: self.cycle(-1))

    def _add(self, name, text, keys, slot) -> None:
        self.actions.append(make_action(self.window, name, text, slot, keys,
                                        add_to=self.window))

    def target(self) -> tuple | None:
        """("claim", id, part) or ("mention", actor id, index) for the current selection."""
        review, briefing = self.window.review, self.doc.briefing
        if review.kind == ItemKind.CLAIM and briefing.claim(review.item_id):
            claim = briefing.claim(review.item_id)
            if getattr(claim, self.part) is None:
                self.part = "content"
            return ("claim", claim.id, self.part)
        actor = briefing.actor(review.item_id) if review.kind == ItemKind.ACTOR else None
        if actor is None or not actor.mentions:
            return None
        index = self.window.actors_panel.view.currentIndex()
        span = index.data(SPAN_ROLE) if index.isValid() else None
        if index.isValid() and index.data(ITEM_KIND_ROLE) == "mention" and span:
            keys = [(m.source_id, m.start, m.end) for m in actor.mentions]
            if tuple(span) in keys:
                return ("mention", actor.id, keys.index(tuple(span)))
        # After a nudge the actors tree is rebuilt and loses its current row: keep ours.
        if self._target and self._target[:2] == ("mention", actor.id) \
                and self._target[2] < len(actor.mentions):
            return self._target
        shown = self.window.article.source_id
        here = [n for n, m in enumerate(actor.mentions) if m.source_id == shown]
        return ("mention", actor.id, here[0] if here else 0)

    def nudge(self, edge: str, step: int) -> None:
        target = self.target()
        if target is None:
            self.window.statusBar().showMessage("Select a claim or an actor's mention to "
                                                "nudge its boundaries.", 5000)
            return
        where = target_span(self.doc.briefing, target)
        if where is None or self.doc.is_pending(where[0]):
            return
        self._target = target if target[0] == "mention" else None
        self.doc.push(cc.nudge(self.doc, target, edge, step))
        self._show(target)

    def cycle(self, step: int) -> None:
        claim = self.doc.briefing.claim(self.window.review.item_id) \
            if self.window.review.kind == ItemKind.CLAIM else None
        if claim is None:
            return
        parts = [p for p in CLAIM_PARTS if getattr(claim, p) is not None]
        position = parts.index(self.part) if self.part in parts else 0
        self.part = parts[(position + step) % len(parts)]
        self._show(("claim", claim.id, self.part))

    def _show(self, target: tuple) -> None:
        where = target_span(self.doc.briefing, target)
        if where is None:
            return
        source_id, start, end = where
        self.window.show_source(source_id)
        self.window.article.reveal(start, end)
        text = " ".join(self.doc.briefing.source(source_id).text[start:end].split())
        what = PART_NAMES[target[2]] if target[0] == "claim" else "mention"
        self.window.statusBar().showMessage(f"Nudging {what}: “{text[:80]}”", 5000)
