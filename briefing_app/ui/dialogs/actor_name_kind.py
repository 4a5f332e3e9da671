"""A small dialog asking an actor's name and kind, with both pre-chosen: for a new actor
marked in the text (its guessed kind) and for a merge (which of the merged names to keep)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from briefing_app.domain.model import ACTOR_KINDS


class NameKindDialog(QDialog):
    """`names` fill the editable name box (the first is chosen); `kind` is pre-chosen."""

    def __init__(self, title: str, intro: str, names: list[str], kind: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nameKindDialog")
        self.setWindowTitle(title)
        self.name = QComboBox(self)
        self.name.setObjectName("actorName")
        self.name.setEditable(True)
        self.name.addItems(list(dict.fromkeys(names)))
        self.name.setMinimumContentsLength(28)
        self.kind = QComboBox(self)
        self.kind.setObjectName("actorKind")
        self.kind.addItems(ACTOR_KINDS)
        self.kind.setCurrentText(kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        form.addRow(text)
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        form.addRow(buttons)

    def values(self) -> tuple[str, str] | None:
        name = " ".join(self.name.currentText().split())
        return (name, self.kind.currentText()) if name else None


def ask_name_kind(parent, title: str, intro: str, names: list[str], kind: str
                  ) -> tuple[str, str] | None:
    """(name, kind) the analyst chose, or None when they cancel or leave the name blank."""
    dialog = NameKindDialog(title, intro, names, kind, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
