"""The Notes panel: every analyst note with where it is anchored; choosing one shows its
text in the article, and the analyst adds free notes, edits and deletes them here.

Each edit is one undo command from document.correction_commands. The list is rebuilt from
the domain on every notes or sources Change (a briefing holds dozens of notes, not
thousands) with its signals blocked, so a refresh never moves the reading view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.document import correction_commands as cc
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import notes
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind
from briefing_app.ui.editing import corrections
from briefing_app.ui.window.actions import make_action

_ID_ROLE = Qt.ItemDataRole.UserRole
_EXCERPT = 200


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"


class NotesPanel(QWidget):
    """A list of notes (text, anchor) with Add note…, Edit… and Delete."""

    noteChosen = Signal(str, int, int)  # source id, start, end of an anchored note

    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._doc = doc
        self.view = QTreeWidget(self, objectName="notesView")
        self.view.setHeaderLabels(["Note", "Where"])
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.add_action = self._action("actionNotesAdd", "&Add note…", self.add_note)
        self.edit_action = self._action("actionNotesEdit", "&Edit…", self.edit_note)
        self.delete_action = self._action("actionNotesDelete", "&Delete", self.delete_note)
        # Shown in the menu only: the Delete key is handled by the list itself (see
        # eventFilter), since the window's Reject shortcut owns it everywhere else.
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        self.buttons = {}
        for name, action in (("add", self.add_action), ("edit", self.edit_action),
                             ("delete", self.delete_action)):
            button = QPushButton(action.text().replace("&", ""), self,
                                 objectName=f"notes{name.title()}Button")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._popup)
        self.view.installEventFilter(self)
        self.view.currentItemChanged.connect(lambda *_: self._chosen())
        self.view.itemActivated.connect(lambda *_: self.edit_note())
        doc.changed.connect(self._on_change)
        doc.reset.connect(self.refresh)
        self.refresh()

    def _action(self, name: str, text: str, slot) -> QAction:
        return make_action(self, name, text, slot)

    # ---------------------------------------------------------------- refresh
    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.NOTES, ChangeKind.SOURCES):
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows from the domain, keeping the current note when it still exists."""
        current = self.current_note_id()
        row = self.view.indexOfTopLevelItem(self.view.currentItem()) if current else -1
        briefing = self._doc.briefing
        labels = notes.anchor_labels(briefing)
        with QSignalBlocker(self.view):
            self.view.clear()
            for note in briefing.notes:
                item = QTreeWidgetItem([notes.first_line(note.text), labels[note.id]])
                item.setData(0, _ID_ROLE, note.id)
                item.setToolTip(0, note.text)
                item.setToolTip(1, self._anchor_tip(note))
                self.view.addTopLevelItem(item)
            if not self.select_note(current) and row >= 0 and self.view.topLevelItemCount():
                # The current note went (deleted): its neighbour takes its place.
                self.view.setCurrentItem(
                    self.view.topLevelItem(min(row, self.view.topLevelItemCount() - 1)))
        self._enable()

    def _anchor_tip(self, note) -> str:
        source = self._doc.briefing.source(note.source_id) if note.source_id else None
        if source is None:
            return "A free note, on no text"
        return f"“{_excerpt(source.text[note.start:note.end])}”"

    def _enable(self) -> None:
        chosen = bool(self.current_note_id())
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(chosen)
        self.buttons["edit"].setEnabled(chosen)
        self.buttons["delete"].setEnabled(chosen)

    # -------------------------------------------------------------- selection
    def current_note_id(self) -> str:
        item = self.view.currentItem()
        return item.data(0, _ID_ROLE) if item is not None else ""

    def select_note(self, note_id: str) -> bool:
        for row in range(self.view.topLevelItemCount()):
            item = self.view.topLevelItem(row)
            if item.data(0, _ID_ROLE) == note_id:
                self.view.setCurrentItem(item)
                return True
        return False

    def row_texts(self) -> list[tuple[str, str]]:
        """(note, where) per row as shown (tests and the screenshot check read it)."""
        return [(self.view.topLevelItem(r).text(0), self.view.topLevelItem(r).text(1))
                for r in range(self.view.topLevelItemCount())]

    def _chosen(self) -> None:
        self._enable()
        note = self._note()
        if note is not None and self._doc.briefing.source(note.source_id) is not None:
            self.noteChosen.emit(note.source_id, note.start, note.end)

    def _note(self):
        note_id = self.current_note_id()
        return next((n for n in self._doc.briefing.notes if n.id == note_id), None)

    # ------------------------------------------------------------------ edits
    def add_note(self) -> None:
        """A free note, on no text (a note on the text is made from the selected text)."""
        text = corrections.ask_text(self, "Add note", "Note (on no text):", multiline=True)
        if text:
            command = cc.add_note(self._doc, text)
            self._doc.push(command)
            self.select_note(command.new_id)

    def edit_note(self) -> None:
        note = self._note()
        source = note and self._doc.briefing.source(note.source_id)
        # The passage the note is on, as Add Note shows it; a free note has none.
        passage = " ".join(source.text[note.start:note.end].split()) if source else ""
        text = note and corrections.ask_text(self, "Edit note", "Note:", note.text,
                                              multiline=True, passage=passage)
        if text and text != note.text:
            self._doc.push(cc.edit_note(self._doc, note.id, text))

    def delete_note(self) -> None:
        note = self._note()
        if note is not None:
            self._doc.push(cc.delete_note(self._doc, note.id))

    # ------------------------------------------------------------- menu, keys
    def _popup(self, pos) -> None:
        menu = QMenu(self)
        menu.addActions([self.edit_action, self.delete_action])
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, watched, event) -> bool:
        is_delete = (event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                     and event.key() == Qt.Key.Key_Delete
                     and event.modifiers() == Qt.KeyboardModifier.NoModifier)
        if watched is self.view and is_delete and self.current_note_id():
            # Accepting the override keeps the window's Delete (Reject claim) from firing.
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.delete_note()
            return True
        return super().eventFilter(watched, event)
