"""The note dialog: the analyst's note in a box that wraps its lines, under the passage it
is about (quoted, read-only, shortened when very long). Ctrl+Enter accepts, Esc cancels;
Enter starts a new line, Tab moves on to the buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.short_text import shortened

# A passage longer than this is shown cut at a word with "…": the dialog stays small.
PASSAGE_LIMIT = 300


class NoteDialog(QDialog):
    def __init__(self, title: str, label: str, text: str = "", passage: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.passage = QLabel(self, objectName="notePassage")
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.PlainText)
        if passage:
            self.passage.setText(f"“{shortened(passage, PASSAGE_LIMIT)}”")
            self.passage.setToolTip("The passage this note is about")
            layout.addWidget(self.passage)
        else:
            self.passage.hide()
        self.edit = QPlainTextEdit(self, objectName="noteText")
        self.edit.setPlainText(text)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        # Enter is a new line in a note, so Tab must leave the box for the buttons.
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText("Ctrl+Enter to save")
        prompt = QLabel(label, self)
        prompt.setBuddy(self.edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout.addWidget(prompt)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(460, 300)
        self.edit.setFocus()
        self.edit.moveCursor(QTextCursor.MoveOperation.End)

    def value(self) -> str | None:
        text = self.edit.toPlainText().strip()
        return text or None


def ask_note(parent, title: str, label: str, text: str = "", passage: str = ""
             ) -> str | None:
    """The note the analyst wrote (trimmed), or None when they cancel or leave it blank."""
    dialog = NoteDialog(title, label, text, passage, parent)
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
