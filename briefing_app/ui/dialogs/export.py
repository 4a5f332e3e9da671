"""File > Export briefing: a dialog for the path, handling mark, template and "open after",
then the export itself with a busy cursor, its warnings and its errors shown.

The last choices live in the settings. A name that would overwrite the project, one of its
articles or the template, or that names another kind of file, is refused in one sentence
(storage.word.output_path, the rule the command line uses too). A failed export says so in
one message box and, the write being atomic, leaves any previous file as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from briefing_app.document.briefing_commands import SetBriefingFieldsCommand
from briefing_app.domain.model import HANDLING_MARKS
from briefing_app.errors import BriefingError, ExportError
from briefing_app.settings import Settings
from briefing_app.storage.formats import TEMPLATE_FILTER, WORD_FILTER, WORD_SUFFIX
from briefing_app.storage.word.output_path import briefing_output_path, suggested_path
from briefing_app.ui.window.busy import run_busy


@dataclass
class ExportChoices:
    path: str
    mark: str
    template: str  # '' for the built-in template
    open_after: bool


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return row


class ExportDialog(QDialog):
    """`inputs` are the files the briefing comes from; the dialog refuses to write over them."""

    def __init__(self, settings: Settings, suggested: str, mark: str,
                 parent: QWidget | None = None, *, inputs: Iterable[str] = ()):
        super().__init__(parent)
        self._inputs = list(inputs)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Word briefing")
        self._settings = settings
        self.path = QLineEdit(str(suggested), self, objectName="exportPath")
        browse = QPushButton("Browse…", self, objectName="exportBrowse")
        browse.clicked.connect(self.browse)
        self.mark = QComboBox(self, objectName="exportMark", editable=True)
        self.mark.addItems(HANDLING_MARKS)
        self.mark.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mark.setCurrentText(mark or settings.get("export_mark"))
        self.template = QLineEdit(settings.get("export_template"), self,
                                  objectName="exportTemplate")
        self.template.setPlaceholderText("Built-in template")
        choose = QPushButton("Choose…", self, objectName="exportChooseTemplate")
        choose.clicked.connect(self.choose_template)
        clear = QPushButton("Built-in", self, objectName="exportClearTemplate")
        clear.clicked.connect(self.template.clear)
        self.open_after = QCheckBox("Open the briefing after export", self,
                                    objectName="exportOpenAfter")
        self.open_after.setChecked(settings.get("export_open_after"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(
            lambda text: self.export_button.setEnabled(bool(text.strip())))
        form = QFormLayout(self)
        form.addRow("Save as", _row(self.path, browse))
        form.addRow("Handling mark", self.mark)
        form.addRow("Template", _row(self.template, choose, clear))
        form.addRow("", self.open_after)
        form.addRow(self.buttons)
        self.resize(620, self.sizeHint().height())

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, "Export Word briefing",
                                                    self.path.text(), WORD_FILTER)
        if path:
            self.path.setText(path)

    def choose_template(self) -> None:
        start = self.template.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, "Word template", start,
                                                    TEMPLATE_FILTER)
        if path:
            self.template.setText(path)

    def accept(self) -> None:
        """Close only on a name the briefing may be written to; else say why and stay open."""
        choices = self.choices()
        try:
            briefing_output_path(choices.path, self._inputs + _template(choices))
        except ExportError as error:
            QMessageBox.warning(self, "Choose another name", str(error))
            return
        super().accept()

    def choices(self) -> ExportChoices:
        """The choices as typed; export_to gives the path its .docx name."""
        path = self.path.text().strip()
        return ExportChoices(path, self.mark.currentText().strip(),
                             self.template.text().strip(), self.open_after.isChecked())

    def remember(self) -> None:
        """Put the choices in the settings; the window writes them (off its thread)."""
        choices = self.choices()
        self._settings.set("export_folder", str(Path(choices.path).parent))
        self._settings.set("export_mark", choices.mark)
        self._settings.set("export_template", choices.template)
        self._settings.set("export_open_after", choices.open_after)


def _template(choices: ExportChoices) -> list[str]:
    return [choices.template] if choices.template else []


def _inputs(doc) -> list[str]:
    """The files an export must never replace: the project and the articles it holds."""
    return ([doc.path] if doc.path else []) + [s.path for s in doc.briefing.sources if s.path]


def run_export(window) -> bool:
    """Ask for the export choices, export, and report; True when a file was written."""
    doc = window.doc
    # Beside the project or the article; the last export's folder only when neither is a file.
    suggested = suggested_path(doc.briefing, doc.path, WORD_SUFFIX,
                               window.settings.get("export_folder") or Path.home())
    dialog = ExportDialog(window.settings, str(suggested), doc.briefing.mark, window,
                          inputs=_inputs(doc))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.choices().path:
        return False
    dialog.remember()
    choices = dialog.choices()
    if choices.mark != doc.briefing.mark:
        # The mark is part of the briefing (the panel and the saved project show it too).
        doc.push(SetBriefingFieldsCommand(doc, {"mark": choices.mark}))
    written = export_to(window, choices)
    # On the settings writer's thread, as every other save (an fsync can wait long on a busy
    # disk), and after the export, so a failure joins the export's message, not hides under it.
    window.save_settings()
    return written


def export_to(window, choices: ExportChoices) -> bool:
    from briefing_app.storage.word.export import export_briefing

    colours = window.settings.get("highlight_colours")  # read here, not on the job's thread
    try:
        # Checked again here, the one door to the write, whoever filled in the choices.
        path = briefing_output_path(choices.path, _inputs(window.doc) + _template(choices))
    except ExportError as error:
        QMessageBox.warning(window, "Could not export", str(error))
        return False
    choices = replace(choices, path=str(path))

    def export() -> list[str]:
        return export_briefing(window.doc.briefing, choices.path, mark=choices.mark,
                               template=choices.template or None, highlight_colours=colours)

    try:
        with window.analysis.holding():  # the briefing must not change while it is read
            warnings = run_busy(window, "Writing the Word briefing…", export)
    except (BriefingError, OSError) as error:
        # OSError too: anything the exporter did not foresee still gets a message, not a crash.
        QMessageBox.warning(window, "Could not export", str(error))
        return False
    name = Path(choices.path).name
    if warnings:
        QMessageBox.information(window, "Exported with warnings",
                                f"{name} was written.\n\n" + "\n".join(warnings))
    window.statusBar().showMessage(
        f"Exported {name}" + (f" ({len(warnings)} warnings)" if warnings else ""), 8000)
    if choices.open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(choices.path).resolve())))
    return True
