"""The find bar under the article (Ctrl+F): type to find, Enter/F3 next, Shift+Enter/Shift+F3
previous, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    def __init__(self, view: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self._view = view
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        for text, step in (("Previous", -1), ("Next", 1)):
            button = QToolButton(self)
            button.setText(text)
            button.clicked.connect(lambda _c=False, s=step: self.find(s))
            layout.addWidget(button)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.edit.textEdited.connect(lambda _t: self.find(1, from_start=True))
        # Keys of the find box only. Help > Keyboard shortcuts lists them under this bar's
        # title, each with its description (what's this).
        self.setWindowTitle("Find bar")
        for keys, text, slot in (
            (("Return", "Enter"), "Next match", lambda: self.find(1)),
            (("Shift+Return", "Shift+Enter"), "Previous match", lambda: self.find(-1)),
            (("Escape",), "Close the find bar", self.close_bar),
        ):
            shortcut = QShortcut(self.edit)
            shortcut.setKeys([QKeySequence(k) for k in keys])
            shortcut.setWhatsThis(text)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._view.setFocus()

    def find(self, step: int, from_start: bool = False) -> bool:
        """Select the next (step 1) or previous (-1) match, wrapping around the article."""
        text = self.edit.text()
        if not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if step < 0 else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self._view.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self._view.setTextCursor(cursor)
        found = self._view.find(text, flags)
        if not found:
            cursor = self._view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if step < 0
                                else QTextCursor.MoveOperation.Start)
            self._view.setTextCursor(cursor)
            found = self._view.find(text, flags)
        self.status.setText("" if found else "Not found")
        return found
