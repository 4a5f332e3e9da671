"""The Register dialog: the analyst's remembered actors listed and searched, one edited,
added or deleted at a time, imported from and exported to CSV or JSON for a team.

The register lives outside any briefing, so these edits are not on a briefing's undo
stack; a delete asks first, and leaving an entry with unsaved changes (another row, New
Entry, Import, Close) asks whether to save them. File choices and the questions go through
module-level functions, so tests answer them without a modal dialog.

Keyboard: typing in the list searches, Enter edits the chosen entry (Enter in a field
saves it), Delete deletes it, Escape closes. No button is a default button: Enter in a
field must save the entry, never close the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from briefing_app.domain.model import ACTOR_KINDS
from briefing_app.domain.register_match import RegisterEntry
from briefing_app.errors import RegisterError
from briefing_app.storage.register import export_entries, import_entries
from briefing_app.storage.register.exchange import ALIAS_SEPARATOR, FILTERS

COLUMNS = ("Name", "Kind", "Also called", "Role", "Affiliation", "Note")
LEARN_TEXT = {"always": "Always", "ask": "Ask each time", "never": "Never"}
EMPTY = ("Your register is empty. It learns from your merges, renames and kinds, or import "
         "a team's file.")


def ask_open_path(parent) -> str:
    return QFileDialog.getOpenFileName(parent, "Import register", "", FILTERS)[0]


def ask_save_path(parent) -> str:
    return QFileDialog.getSaveFileName(parent, "Export register", "actor-register.csv",
                                       FILTERS)[0]


def confirm_delete(parent, name: str) -> bool:
    answer = QMessageBox.question(parent, "Delete entry",
                                  f"Delete {name} from your actor register?")
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent, name: str) -> str:
    """'save', 'discard' or 'cancel' for the unsaved changes to entry `name`."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent, "Unsaved changes", f"Save your changes to {name}?",
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def _entries_word(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def _fields(entry: RegisterEntry) -> tuple:
    return (entry.name, entry.kind, list(entry.aliases), entry.role, entry.affiliation,
            entry.note)


class _ListKeys(QObject):
    """The list's keys: letters go to the search field, Enter edits, Delete deletes."""

    def __init__(self, dialog: RegisterDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        dialog, key = self.dialog, event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            dialog.edit_current()
            return True
        if watched is dialog.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                dialog.table.setFocus()
                # The same press moves in the list too, as it would in a file chooser.
                QApplication.sendEvent(dialog.table,
                                       QKeyEvent(event.type(), key, event.modifiers()))
                return True
            return False
        if key == Qt.Key.Key_Delete:
            dialog.delete_entry()
            return True
        shortcut = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                         | Qt.KeyboardModifier.KeypadModifier)
        if event.text().isprintable() and event.text().strip() and not shortcut:
            dialog.search.setFocus()
            dialog.search.end(False)
            dialog.search.insert(event.text())
            return True
        return False


class RegisterDialog(QDialog):
    def __init__(self, register, settings, parent=None):
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle("Actor register")
        self.resize(820, 560)
        self.register, self.settings = register, settings
        self.entries: list[RegisterEntry] = []
        # The entry the fields show: a save updates it, whichever row is chosen meanwhile.
        self.shown = RegisterEntry("", "state")
        self._refreshing = False
        self.search = QLineEdit(self, placeholderText="Search names, aliases, roles, notes…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(self._row_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_current())
        keys = _ListKeys(self)
        self.table.installEventFilter(keys)
        self.search.installEventFilter(keys)
        self.message = QLabel(self, wordWrap=True)
        layout = QVBoxLayout(self)
        for widget, stretch in ((self.search, 0), (self.table, 1), (self._entry_box(), 0),
                                (self.message, 0)):
            layout.addWidget(widget, stretch)
        layout.addLayout(self._bottom_row())
        self.refresh()
        self.table.setFocus()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field saves; it never presses a button
        button.clicked.connect(slot)
        return button

    def _entry_box(self) -> QGroupBox:
        box = self.entry_box = QGroupBox("Entry", self)
        self.name, self.aliases = QLineEdit(box), QLineEdit(box)
        self.aliases.setPlaceholderText(f"other names, separated by {ALIAS_SEPARATOR}")
        self.kind = QComboBox(box)
        self.kind.addItems(ACTOR_KINDS)
        self.role, self.affiliation, self.note = QLineEdit(box), QLineEdit(box), QLineEdit(box)
        form = QFormLayout()
        for label, widget in (("&Name", self.name), ("&Kind", self.kind),
                              ("Also &called", self.aliases), ("&Role", self.role),
                              ("A&ffiliation", self.affiliation), ("N&ote", self.note)):
            form.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.save_entry)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for name, text, slot in (("newEntry", "Ne&w Entry", self.new_entry),
                                 ("deleteEntry", "&Delete Entry", self.delete_entry),
                                 ("saveEntry", "&Save Entry", self.save_entry)):
            buttons.addWidget(self._button(name, text, slot))
        column = QVBoxLayout(box)
        for part in (form, buttons):
            column.addLayout(part)
        return box

    def _bottom_row(self) -> QHBoxLayout:
        self.learn = QComboBox(self)
        for value, text in LEARN_TEXT.items():
            self.learn.addItem(text, value)
        self.learn.setCurrentIndex(
            max(0, self.learn.findData(self.settings.get("register_learn"))))
        self.learn.activated.connect(
            lambda _i: self.settings.set("register_learn", self.learn.currentData()))
        label = QLabel("&Learn from my merges, renames and kinds:", self)
        label.setBuddy(self.learn)
        row = QHBoxLayout()
        for widget in (label, self.learn):
            row.addWidget(widget)
        row.addStretch(1)
        for name, text, slot in (("importRegister", "&Import…", self.import_file),
                                 ("exportRegister", "E&xport…", self.export_file),
                                 ("closeRegister", "Close", self.reject)):
            row.addWidget(self._button(name, text, slot))
        return row

    def _row_changed(self, row: int, _column: int, previous: int, _previous_column: int) -> None:
        target = self.entries[row].id if 0 <= row < len(self.entries) else None
        if self._refreshing or (target is not None and target == self.shown.id):
            return
        if not self.settle():
            # Cancelled: the chosen row goes back to the entry still being edited.
            self._choose(previous)
            return
        # A save reloads the list, so the row asked for is found again by its entry.
        self._choose(next((n for n, e in enumerate(self.entries) if e.id == target), row))
        self._show(self.table.currentRow())

    def _choose(self, row: int) -> None:
        """Make `row` the chosen one without treating it as the analyst's move."""
        self._refreshing = True
        self.table.setCurrentCell(row, 0 if row >= 0 else -1)
        self._refreshing = False

    def edited(self) -> RegisterEntry:
        """The shown entry as the fields have it now."""
        aliases = [" ".join(a.split()) for a in self.aliases.text().split(ALIAS_SEPARATOR)
                   if a.strip()]
        return RegisterEntry(" ".join(self.name.text().split()), self.kind.currentText(),
                             aliases, self.role.text().strip(),
                             self.affiliation.text().strip(), self.note.text().strip(),
                             self.shown.id)

    def has_unsaved(self) -> bool:
        edited, shown = self.edited(), self.shown
        if shown.id is None and not edited.name:
            return False  # an untouched new entry, or one only given a kind
        return _fields(edited) != _fields(shown)

    def settle(self) -> bool:
        """Before leaving the shown entry: True to go on (saved or discarded), False to stay."""
        if not self.has_unsaved():
            return True
        answer = ask_unsaved(self, self.shown.name or self.edited().name or "the new entry")
        if answer == "save":
            return self.save_entry()
        return answer == "discard"

    def reject(self) -> None:
        if self.settle():
            super().reject()

    def _search_changed(self) -> None:
        current = self.current()
        self.refresh(select_id=current.id if current else None)

    def refresh(self, *_args, select_id: int | None = None, row: int = 0) -> None:
        """Reload the list under the search; select `select_id` if listed, else `row`."""
        try:
            self.entries = self.register.entries(self.search.text())
        except RegisterError as error:
            self.entries = []
            self.say(str(error))
        self.table.setRowCount(len(self.entries))
        for number, entry in enumerate(self.entries):
            values = (entry.name, entry.kind, f"{ALIAS_SEPARATOR} ".join(entry.aliases),
                      entry.role, entry.affiliation, entry.note)
            for column, value in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        row = next((n for n, e in enumerate(self.entries) if e.id == select_id),
                   min(row, len(self.entries) - 1))
        self._choose(row)
        if not self.has_unsaved():  # a search never wipes what the analyst is typing
            self._show(row)
        self.setWindowTitle(f"Actor register ({_entries_word(len(self.entries))}"
                            f"{' found' if self.search.text().strip() else ''})")
        if not self.entries and not self.search.text().strip() and not self.message.text():
            self.say(EMPTY)

    def current(self) -> RegisterEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else RegisterEntry("", "state")
        self.shown = entry
        self.entry_box.setTitle("Entry" if entry.id is not None else "New entry")
        self.name.setText(entry.name)
        self.kind.setCurrentText(entry.kind)
        self.aliases.setText(f"{ALIAS_SEPARATOR} ".join(entry.aliases))
        for widget, value in ((self.role, entry.role), (self.affiliation, entry.affiliation),
                              (self.note, entry.note)):
            widget.setText(value)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def edit_current(self) -> None:
        """Put the keyboard in the chosen entry's name; with none chosen, start a new one."""
        if self.current() is None:
            self.new_entry()
            return
        self.name.setFocus()
        self.name.selectAll()

    def new_entry(self) -> None:
        if not self.settle():
            return
        self.table.clearSelection()
        self._choose(-1)
        self._show(-1)
        self.name.setFocus()

    def save_entry(self) -> bool:
        """Save the fields to the shown entry (a new one if none); False when it could not."""
        entry = self.edited()
        if not entry.name:
            self.say("Give the entry a name first.")
            return False
        try:
            saved = self.register.save(entry)
        except RegisterError as error:
            self.say(str(error))
            return False
        self.say(f"Saved {saved.name}.")
        self.shown = saved
        self.refresh(select_id=saved.id)
        self.table.setFocus()
        return True

    def delete_entry(self) -> None:
        entry, row = self.current(), self.table.currentRow()
        if entry is None or not confirm_delete(self, entry.name):
            return
        try:
            self.register.delete(entry.id)
        except RegisterError as error:
            self.say(str(error))
            return
        self.say(f"Deleted {entry.name}.")
        if self.shown.id == entry.id:
            self._show(-1)  # its unsaved changes went with it
        self.refresh(row=row)  # the entry that took its place is chosen
        self.table.setFocus()

    def import_file(self) -> None:
        if not self.settle():
            return
        path = ask_open_path(self)
        if not path:
            return
        try:
            report = import_entries(self.register, path)
        except RegisterError as error:
            self.say(str(error))
            return
        said = f"Imported {_entries_word(report.read)}."
        if report.joined:
            joins = "; ".join(f"{name} now also holds {', '.join(others)}"
                              for name, others in report.joined)
            said += (f" Some shared a name with another entry and were joined: {joins}. If "
                     "two of them are different actors, remove the alias from that entry and "
                     "add the other actor as a new one.")
        self.say(said)
        self.refresh()

    def export_file(self) -> None:
        path = ask_save_path(self)
        if not path:
            return
        if not path.lower().endswith((".csv", ".json")):
            path += ".csv"
        try:
            count = export_entries(self.register, path)
        except RegisterError as error:
            self.say(str(error))
            return
        self.say(f"Exported {_entries_word(count)} to {path}.")
