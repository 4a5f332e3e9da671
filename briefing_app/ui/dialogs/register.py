"""The Register dialog: the analyst's remembered actors listed and searched, one edited,
added or deleted at a time, imported from and exported to CSV or JSON for a team.

The register lives outside any briefing, so these edits are not on a briefing's undo
stack; a delete asks first. File choices and the question go through module-level
functions, so tests answer them without a modal dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
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
LEARN_TEXT = {"always": "Learn my merges, renames and kinds", "ask": "Ask before learning",
              "never": "Never learn"}


def ask_open_path(parent) -> str:
    return QFileDialog.getOpenFileName(parent, "Import register", "", FILTERS)[0]


def ask_save_path(parent) -> str:
    return QFileDialog.getSaveFileName(parent, "Export register", "actor-register.csv",
                                       FILTERS)[0]


def confirm_delete(parent, name: str) -> bool:
    answer = QMessageBox.question(parent, "Delete entry",
                                  f"Delete {name} from your actor register?")
    return answer == QMessageBox.StandardButton.Yes


class RegisterDialog(QDialog):
    def __init__(self, register, settings, parent=None):
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle("Actor register")
        self.resize(820, 520)
        self.register, self.settings = register, settings
        self.entries: list[RegisterEntry] = []
        self.search = QLineEdit(self, placeholderText="Search names, aliases, roles, notes…")
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.name, self.aliases = QLineEdit(self), QLineEdit(self)
        self.aliases.setPlaceholderText(f"other names, separated by {ALIAS_SEPARATOR}")
        self.kind = QComboBox(self)
        self.kind.addItems(ACTOR_KINDS)
        self.role, self.affiliation, self.note = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        form = QFormLayout()
        for label, widget in (("Name", self.name), ("Kind", self.kind),
                              ("Also called", self.aliases), ("Role", self.role),
                              ("Affiliation", self.affiliation), ("Note", self.note)):
            form.addRow(label, widget)
        self.learn = QComboBox(self)
        for value, text in LEARN_TEXT.items():
            self.learn.addItem(text, value)
        self.learn.setCurrentIndex(max(0, self.learn.findData(settings.get("register_learn"))))
        self.learn.activated.connect(
            lambda _i: settings.set("register_learn", self.learn.currentData()))
        form.addRow("From my corrections", self.learn)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for name, text, slot in (("saveEntry", "&Save Entry", self.save_entry),
                                 ("newEntry", "&New Entry", self.new_entry),
                                 ("deleteEntry", "&Delete Entry", self.delete_entry),
                                 ("importRegister", "&Import…", self.import_file),
                                 ("exportRegister", "E&xport…", self.export_file)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (self.search, self.table):
            layout.addWidget(part)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, *_args, select_id: int | None = None) -> None:
        try:
            self.entries = self.register.entries(self.search.text())
        except RegisterError as error:
            self.entries = []
            self.say(str(error))
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = (entry.name, entry.kind, f"{ALIAS_SEPARATOR} ".join(entry.aliases),
                      entry.role, entry.affiliation, entry.note)
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        row = next((n for n, e in enumerate(self.entries) if e.id == select_id), 0)
        if self.entries:
            self.table.selectRow(row)
        self._show(row if self.entries else -1)

    def current(self) -> RegisterEntry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else RegisterEntry("",
                                                                                      "state")
        self.name.setText(entry.name)
        self.kind.setCurrentText(entry.kind)
        self.aliases.setText(f"{ALIAS_SEPARATOR} ".join(entry.aliases))
        for widget, value in ((self.role, entry.role), (self.affiliation, entry.affiliation),
                              (self.note, entry.note)):
            widget.setText(value)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def new_entry(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)
        self._show(-1)
        self.name.setFocus()

    def save_entry(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.say("Give the entry a name first.")
            return
        aliases = [" ".join(a.split()) for a in self.aliases.text().split(ALIAS_SEPARATOR)
                   if a.strip()]
        current = self.current()
        entry = RegisterEntry(name, self.kind.currentText(), aliases, self.role.text().strip(),
                              self.affiliation.text().strip(), self.note.text().strip(),
                              current.id if current else None)
        try:
            self.register.save(entry)
        except RegisterError as error:
            self.say(str(error))
            return
        self.say(f"Saved {name}.")
        self.refresh(select_id=entry.id)

    def delete_entry(self) -> None:
        entry = self.current()
        if entry is None or not confirm_delete(self, entry.name):
            return
        try:
            self.register.delete(entry.id)
        except RegisterError as error:
            self.say(str(error))
            return
        self.say(f"Deleted {entry.name}.")
        self.refresh()

    def import_file(self) -> None:
        path = ask_open_path(self)
        if not path:
            return
        try:
            count = import_entries(self.register, path)
        except RegisterError as error:
            self.say(str(error))
            return
        self.say(f"Imported {count} entries.")
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
        self.say(f"Exported {count} entries to {path}.")
