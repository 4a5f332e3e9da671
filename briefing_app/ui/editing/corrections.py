"""Correcting from the window: actions on the selected text, the actors and the claims,
offered in context menus, an Edit > Correct submenu and shortcuts; each pushes one command.

The questions they ask (which actor, what name, what note) go through the module-level
`ask_*` functions, so tests can answer them without a modal dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu

from briefing_app.document import commands
from briefing_app.document import correction_commands as cc
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.kind_guess import guess_kind
from briefing_app.domain.merge_suggestions import preferred_name_and_kind
from briefing_app.domain.model import ACTOR_KINDS
from briefing_app.domain.vocab import ItemKind
from briefing_app.domain.word_snap import snap_to_words
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE
from briefing_app.ui.dialogs import actor_name_kind, mark_claim, note
from briefing_app.ui.editing.merge_hints import MergeHints
from briefing_app.ui.window.actions import make_action


def ask_actor(parent, briefing, title: str, exclude: str | None = None,
              allow_none: bool = False):
    """An actor id chosen from the register; '' for "(the author)"; None when cancelled."""
    actors = [a for a in briefing.actors if a.id != exclude]
    labels = (["(the author)"] if allow_none else []) + [f"{safe_label(a.name)} ({a.kind})"
                                                              for a in actors]
    ids = ([""] if allow_none else []) + [a.id for a in actors]
    if not ids:
        return None
    label, ok = QInputDialog.getItem(parent, title, "Actor:", labels, 0, False)
    return ids[labels.index(label)] if ok and label in labels else None


def ask_text(parent, title: str, label: str, text: str = "", multiline: bool = False,
             passage: str = ""):
    """The text the analyst typed, or None when cancelled. A multi-line text is a note:
    it is asked in the note dialog, which wraps it and shows the `passage` it is about."""
    if multiline:
        return note.ask_note(parent, title, label, text, passage)
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def ask_claim(parent, briefing, source_id, start, end, view=None):
    return mark_claim.ask_claim(parent, briefing, source_id, start, end, view)


def ask_name_kind(parent, title, intro, names, kind):
    return actor_name_kind.ask_name_kind(parent, title, intro, names, kind)


class Corrections(QObject):
    """Owns the correction actions of a MainWindow (window.doc, .article, panels, .review)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        a = self._action
        self.text_actions = [
            a("actionNewActor", "Mark as New &Actor", self.mark_actor, "Ctrl+Shift+A"),
            a("actionAddMention", "Add as &Mention of…", self.mark_mention, "Ctrl+Shift+M"),
            a("actionNewClaim", "Mark as &Claim…", self.mark_claim, "Ctrl+Shift+L"),
            a("actionAddNote", "Add &Note…", self.mark_note, "Ctrl+Shift+N"),
        ]
        self.actor_actions = [
            a("actionMergeActors", "Mer&ge Selected Actors", self.merge, "Ctrl+Shift+G"),
            a("actionSplitMention", "S&plit Mention into New Actor", self.split),
            a("actionRenameActor", "&Rename Actor…", self.rename, "F2"),
            a("actionDeleteActor", "&Delete Actor", self.delete_actor),
        ]
        # Actions of other collaborators offered on a claim too (Copy with Citation).
        self.claim_extra_actions: list[QAction] = []
        self.kind_menu = QMenu("Actor &Kind", window)
        for kind in ACTOR_KINDS:
            self.kind_menu.addAction(a(f"actionActorKind{kind.title()}", kind,
                                       lambda k=kind: self.set_kind(k)))
        self.claim_actions = [
            a("actionChangeClaimActor", "Change Source Ac&tor…", self.change_claim_actor),
            a("actionDeleteClaim", "Delete C&laim", self.delete_claim, "Ctrl+Delete"),
        ]
        self.merge_hints = MergeHints(window)
        window.actors_panel.view.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection)
        for widget, menu in ((window.article, self.text_menu),
                             (window.actors_panel.view, self.actor_menu),
                             (window.claims_panel.view, self.claim_menu)):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            widget.customContextMenuRequested.connect(
                lambda pos, w=widget, m=menu: self._popup(w, m(), pos))

    def _action(self, name: str, text: str, slot, keys: str = "") -> QAction:
        return make_action(self.window, name, text, slot, keys, add_to=self.window)

    def fill_menu(self, menu: QMenu) -> None:
        """Edit > Correct: every correction action, so each shortcut has a menu entry."""
        for group in (self.text_actions, self.actor_actions, self.merge_hints.actions):
            menu.addActions(group)
            menu.addSeparator()
        menu.addMenu(self.kind_menu)
        menu.addSeparator()
        menu.addActions(self.claim_actions)

    def _popup(self, widget, menu: QMenu, pos) -> None:
        target = widget.viewport() if hasattr(widget, "viewport") else widget
        menu.exec(target.mapToGlobal(pos))

    def text_menu(self) -> QMenu:
        menu = self.window.article.createStandardContextMenu()
        menu.addSeparator()
        enabled = self.selection() is not None
        for action in self.text_actions:
            action.setEnabled(enabled)
            menu.addAction(action)
        return menu

    def actor_menu(self) -> QMenu:
        menu = QMenu(self.window)
        menu.addActions(self.actor_actions)
        menu.addMenu(self.kind_menu)
        return menu

    def claim_menu(self) -> QMenu:
        menu = QMenu(self.window)
        menu.addActions(self.claim_actions)
        if self.claim_extra_actions:
            menu.addSeparator()
            menu.addActions(self.claim_extra_actions)
        return menu

    # ------------------------------------------------------------ selected text
    def selection(self) -> tuple[str, int, int] | None:
        """(source id, start, end) of the selected text snapped to whole words (trimmed
        of spaces and punctuation, a quotation's marks kept); None without one."""
        view = self.window.article
        cursor = view.textCursor()
        source = self.doc.briefing.source(view.source_id)
        if source is None or not cursor.hasSelection() or self.doc.is_pending(source.id):
            return None
        start = view.offsets.to_cp(cursor.selectionStart())
        end = view.offsets.to_cp(cursor.selectionEnd())
        start, end = snap_to_words(source.text, start, end)
        return (source.id, start, end) if end > start else None

    def _need_selection(self):
        where = self.selection()
        if where is None:
            self.window.statusBar().showMessage(
                "Select some text of an analysed article first.", 5000)
        return where

    def _back_to_window(self) -> None:
        """Give the keyboard back to the window after a dialog: its shortcuts (the nudges
        that follow a new claim) reach only the active window, and a closed modal dialog
        does not always hand activation back before the next key press."""
        self.window.activateWindow()
        self.window.article.setFocus()

    def _words(self, where: tuple[str, int, int]) -> str:
        """The selected text on one line."""
        return " ".join(self.doc.briefing.source(where[0]).text[where[1]:where[2]].split())

    def mark_actor(self) -> None:
        where = self._need_selection()
        if not where:
            return
        words = self._words(where)
        answer = ask_name_kind(self.window, "New actor", "Mark the selected words as a new "
                               "actor:", [words], guess_kind(self.doc.briefing, words))
        self._back_to_window()
        if answer:
            command = cc.new_actor(self.doc, *where, *answer)
            self.doc.push(command)
            self.window.select_item(ItemKind.ACTOR, command.new_id, where)

    def mark_mention(self) -> None:
        where = self._need_selection()
        actor_id = where and ask_actor(self.window, self.doc.briefing, "Add as mention of")
        self._back_to_window()
        if actor_id:
            self.doc.push(cc.add_mention(self.doc, actor_id, *where))
            self.window.select_item(ItemKind.ACTOR, actor_id, where)

    def mark_claim(self) -> None:
        where = self._need_selection()
        answer = where and ask_claim(self.window, self.doc.briefing, *where,
                                     view=self.window.article)
        self._back_to_window()
        if answer:
            command = cc.new_claim(self.doc, *where, answer.actor_id, answer.cue,
                                   answer.source_span, answer.stance)
            self.doc.push(command)
            self.window.select_item(ItemKind.CLAIM, command.new_id)

    def mark_note(self) -> None:
        where = self._need_selection()
        text = where and ask_text(self.window, "Add note", "Note:", multiline=True,
                                  passage=self._words(where))
        self._back_to_window()
        if text:
            self.doc.push(cc.add_note(self.doc, text, *where))
            self.window.statusBar().showMessage("Note added.", 4000)

    # ----------------------------------------------------------------- actors
    def selected_actor_ids(self) -> list[str]:
        view = self.window.actors_panel.view
        rows = view.selectionModel().selectedRows()
        ids = [i.data(ID_ROLE) for i in rows if i.data(ITEM_KIND_ROLE) == ItemKind.ACTOR]
        current = view.currentIndex()
        if current.isValid() and current.data(ITEM_KIND_ROLE) == ItemKind.ACTOR:
            # The current actor is the one that stays: it goes first.
            ids = [current.data(ID_ROLE)] + [i for i in ids if i != current.data(ID_ROLE)]
        return list(dict.fromkeys(ids)) or ([self.window.review.item_id]
                                            if self.window.review.kind == ItemKind.ACTOR else [])

    def merge(self) -> None:
        ids = self.selected_actor_ids()
        if len(ids) < 2:
            self.window.statusBar().showMessage("Select two or more actors to merge.", 5000)
            return
        self.merge_ids(ids)

    def merge_ids(self, ids: list[str]) -> None:
        """Ask which name and kind the merged actor keeps, then merge `ids` into ids[0]."""
        briefing = self.doc.briefing
        name, kind = preferred_name_and_kind(briefing, ids)
        names = [name] + [briefing.actor(i).name for i in ids]
        listed = ", ".join(safe_label(briefing.actor(i).name) for i in ids)
        answer = ask_name_kind(self.window, "Merge actors", f"Merge {listed} into one actor "
                               "called:", names, kind)
        self._back_to_window()
        if answer:
            self.doc.push(cc.merge_actors(self.doc, ids[0], ids[1:], *answer))
            self.window.select_item(ItemKind.ACTOR, ids[0])

    def split(self) -> None:
        index = self.window.actors_panel.view.currentIndex()
        if not index.isValid() or index.data(ITEM_KIND_ROLE) != "mention":
            self.window.statusBar().showMessage("Select a mention under an actor first.", 5000)
            return
        row = self.window.actors_panel.source_index(index).row()
        command = cc.split_mention(self.doc, index.data(ID_ROLE), row)
        self.doc.push(command)
        self.window.select_item(ItemKind.ACTOR, command.new_id)

    def rename(self) -> None:
        ids = self.selected_actor_ids()
        actor = self.doc.briefing.actor(ids[0]) if ids else None
        name = actor and ask_text(self.window, "Rename actor", "Name:", actor.name)
        if name and name != actor.name:
            self.doc.push(commands.edit_actor(self.doc, actor.id, {"name": name},
                                              "Rename actor"))

    def set_kind(self, kind: str) -> None:
        for actor_id in self.selected_actor_ids()[:1]:
            if self.doc.briefing.actor(actor_id).kind != kind:
                self.doc.push(commands.edit_actor(self.doc, actor_id, {"kind": kind},
                                                  "Set actor kind"))

    def delete_actor(self) -> None:
        ids = self.selected_actor_ids()
        if ids:
            self.doc.push(cc.delete_actor(self.doc, ids[0]))

    # ----------------------------------------------------------------- claims
    def current_claim_id(self) -> str:
        review = self.window.review
        return review.item_id if review.kind == ItemKind.CLAIM else ""

    def change_claim_actor(self) -> None:
        claim = self.doc.briefing.claim(self.current_claim_id())
        actor_id = claim and ask_actor(self.window, self.doc.briefing, "Source actor",
                                       exclude=claim.actor_id, allow_none=True)
        if actor_id is not None and claim and (actor_id or None) != claim.actor_id:
            self.doc.push(cc.set_claim_actor(self.doc, claim.id, actor_id or None))

    def delete_claim(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id and self.doc.briefing.claim(claim_id):
            self.doc.push(cc.delete_claim(self.doc, claim_id))
