"""Merge suggestions in the Actors panel: a quiet line names two actors likely one (same
surname, an acronym); Y merges them (one undoable command, the pre-chosen name and kind),
N says they are not one, and the next suggestion shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from briefing_app.document import correction_commands as cc
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.merge_suggestions import (
    MergeSuggestion,
    preferred_name_and_kind,
    suggest_merges,
)
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.ui.window.actions import make_action


class MergeHints(QObject):
    """Keeps the Actors panel's suggestion line up to date with the register."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.panel = window.actors_panel
        self.dismissed: set[frozenset[str]] = set()
        self.current: MergeSuggestion | None = None
        self.actions = [
            make_action(window, "actionAcceptMergeSuggestion", "Accept Merge Suggestion",
                        self.accept, "Y", add_to=self.panel),
            make_action(window, "actionDismissMergeSuggestion", "Dismiss Merge Suggestion",
                        self.dismiss, "N", add_to=self.panel),
        ]
        for action in self.actions:
            # Y and N are letters: only while the Actors panel has the focus (the filter
            # box still takes them as typing).
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.doc.changed.connect(self._on_changed)
        self.doc.reset.connect(self.refresh)
        self.refresh()

    def _on_changed(self, change) -> None:
        if change.kind == ChangeKind.ACTORS:
            self.refresh()

    def refresh(self) -> None:
        found = suggest_merges(self.doc.briefing, self.dismissed)
        self.current = found[0] if found else None
        for action in self.actions:
            action.setEnabled(self.current is not None)
        if self.current is None:
            self.panel.show_notice("")
            return
        keep = self.doc.briefing.actor(self.current.keep_id)
        other = self.doc.briefing.actor(self.current.other_id)
        self.panel.show_notice(
            f"“{safe_label(other.name)}” and “{safe_label(keep.name)}” may be one actor "
            f"({self.current.reason}): Y merges them, N keeps them apart.")

    def accept(self) -> None:
        hint = self.current
        if hint is None:
            return
        ids = [hint.keep_id, hint.other_id]
        name, kind = preferred_name_and_kind(self.doc.briefing, ids)
        self.doc.push(cc.merge_actors(self.doc, hint.keep_id, [hint.other_id], name, kind))
        self.window.select_item(ItemKind.ACTOR, hint.keep_id)
        self.panel.view.setFocus()

    def dismiss(self) -> None:
        if self.current is not None:
            self.dismissed.add(frozenset((self.current.keep_id, self.current.other_id)))
            self.refresh()
