"""The main window's file side: open articles and projects, save, export, recent files,
and asking before unsaved work is thrown away. A mixin, so main_window.py stays readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.errors import BriefingError
from briefing_app.storage.formats import (
    OPEN_FILTER,
    PROJECT_FILTER,
    PROJECT_SUFFIX,
    is_project,
    with_suffix,
)

if TYPE_CHECKING:
    from briefing_app.domain.model import Briefing



class FileActionsMixin:
    """Needs self.build, self.doc, self.settings, self.analysis, self.show_source and
    self.refresh_recent."""

    def new_briefing(self) -> Briefing:
        return self.settings.new_briefing()

    def choose_and_open(self) -> None:
        folder = str(Path(self.doc.path).parent) if self.doc.path else ""
        path, _filter = QFileDialog.getOpenFileName(self, "Open", folder, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path) -> bool:
        """Open an article (new source, analysed in the worker) or a .briefing project."""
        self.build()  # a no-op unless called before the window's contents were built
        path = str(path)
        try:
            if is_project(path):
                opened = self._open_project(path)
            else:
                opened = self._open_article(path)
        except BriefingError as error:
            QMessageBox.warning(self, "Could not open", str(error))
            return False
        if opened:
            self.settings.add_recent(str(Path(path).resolve()))
            self.settings.save()
            self.refresh_recent()
        return opened

    def _open_project(self, path: str) -> bool:
        from briefing_app.storage.project_file import load_project
        from briefing_app.ui.window.busy import run_busy

        # First: a bad file must not cost a save question.
        briefing = run_busy(self, "Opening the project…", lambda: load_project(path))
        if not self.maybe_save():
            return False
        self.doc.replace(briefing, path)
        self.show_source(briefing.sources[0].id if briefing.sources else "")
        return True

    def _open_article(self, path: str) -> bool:
        from briefing_app.document.intake import admit_source  # not for the first frame
        from briefing_app.storage.readers.load import load_path
        from briefing_app.ui.window.busy import run_busy

        limits = self.settings.input_limits()
        source = run_busy(self, "Reading the article…", lambda: load_path(path, **limits))
        admission = admit_source(self.doc, self.analysis, source, path)
        if not admission.is_new:
            self.statusBar().showMessage(f"{Path(path).name} is already open.", 5000)
        self.show_source(admission.source.id)
        return True

    def save(self) -> bool:
        if not self.doc.path:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        suggestion = self.doc.path or str(Path.home() / f"briefing{PROJECT_SUFFIX}")
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save project", suggestion, PROJECT_FILTER)
        if not path:
            return False
        return self._save_to(with_suffix(path, PROJECT_SUFFIX))

    def _save_to(self, path: str) -> bool:
        from briefing_app.storage.project_file import save_project
        from briefing_app.ui.window.busy import run_busy

        try:
            with self.analysis.holding():  # the briefing must not change while it is read
                run_busy(self, "Saving the project…", lambda: save_project(self.doc.briefing,
                                                                           path))
        except BriefingError as error:
            QMessageBox.warning(self, "Could not save", str(error))
            return False
        self.doc.mark_saved(path)
        self.update_title()
        self.settings.add_recent(str(Path(path).resolve()))
        self.settings.save()
        self.refresh_recent()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def export_briefing(self) -> bool:
        from briefing_app.ui.dialogs.export import run_export

        return run_export(self)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to throw the current work away."""
        if not self.doc.is_modified():
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes",
            "This briefing has changes that are not saved. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
