"""The inspector's source page: a source's bibliographic metadata (title, outlet, author,
published, URL, accessed), which the export's citations use; each edit is an undo command.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.correction_commands import UpdateSourceCommand
from briefing_app.domain.corrections import SOURCE_FIELDS, actors_in

_PLACEHOLDERS = {"published": "e.g. 2024-05-14", "accessed": "e.g. 2024-05-15",
                 "url": "https://…"}


class SourceForm(QWidget):
    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourceForm")
        self._doc = doc
        self.source_id = ""
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(self.title_label)
        for name in SOURCE_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"source{name.title()}")
            edit.setPlaceholderText(_PLACEHOLDERS.get(name, ""))
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.fields[name] = edit
            form.addRow(name.title() if name != "url" else "URL", edit)

    def _commit(self, name: str) -> None:
        source = self._doc.briefing.source(self.source_id)
        value = self.fields[name].text().strip()
        if source is None or getattr(source, name) == value:
            return
        label = "URL" if name == "url" else name
        self._doc.push(UpdateSourceCommand(self._doc, source.id, {name: value},
                                           f"Edit source {label}"))

    def show_source(self, source_id: str) -> None:
        self.source_id = source_id
        source = self._doc.briefing.source(source_id)
        if source is None:
            return
        number = self._doc.briefing.sources.index(source) + 1
        self.title_label.setText(
            f"<b>Source {number}</b> · {escape(source.format)} · "
            f"{len(source.text.split()):,} words · "
            f"{len(actors_in(self._doc.briefing, source_id))} actors")
        for name, edit in self.fields.items():
            if edit.text() != getattr(source, name):
                edit.blockSignals(True)
                edit.setText(getattr(source, name))
                edit.blockSignals(False)
