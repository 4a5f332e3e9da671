"""The main window's file side: open articles and projects, save, export, recent files,
and asking before unsaved work is thrown away. A mixin, so main_window.py stays readable.

Saving over the open project first checks that the file still holds what this window read
or wrote (the document's file stamp): when another window or program wrote it since, the
analyst chooses to overwrite it, save elsewhere or cancel, rather than silently erasing
the other work. Opening a file can be cancelled while it is being read.
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

_CHANGED = object()  # the save job's answer when the file changed since it was stamped


class FileActionsMixin:
    """Needs self.build, self.doc, self.settings, self.save_settings, self.analysis,
    self.show_source and self.refresh_recent."""

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
        from briefing_app.ui.window.busy import JobCancelled

        path = str(path)
        try:
            if is_project(path):
                opened = self._open_project(path)
            else:
                opened = self._open_article(path)
        except BriefingError as error:
            QMessageBox.warning(self, "Could not open", str(error))
            return False
        except JobCancelled:
            self.statusBar().showMessage(f"Stopped opening {Path(path).name}.", 5000)
            return False
        if opened:
            self.settings.add_recent(str(Path(path).resolve()))
            self.save_settings()
            self.refresh_recent()
        return opened

    def _open_project(self, path: str) -> bool:
        from briefing_app.document.briefing_document import stamp_file
        from briefing_app.domain import places
        from briefing_app.storage.project_file import load_project
        from briefing_app.ui.window.busy import run_busy

        def read():
            # Stamped before it is read: a write in between makes the stamp older than what
            # was read, so the next save asks once too often rather than once too few.
            stamp = stamp_file(path)
            places.prepare_countries()  # for merge suggestions, as an article's read() does
            return load_project(path), stamp

        # First: a bad file must not cost a save question.
        briefing, stamp = run_busy(self, "Opening the project…", read, cancellable=True)
        if not self.maybe_save():
            return False
        self.doc.replace(briefing, path, stamp)
        self.show_source(briefing.sources[0].id if briefing.sources else "")
        return True

    def _open_article(self, path: str) -> bool:
        from briefing_app.document.intake import admit_source  # not for the first frame
        from briefing_app.domain import places
        from briefing_app.storage.readers.load import load_path
        from briefing_app.ui.reading.offsets import offset_map
        from briefing_app.ui.window.busy import run_busy

        limits = self.settings.input_limits()

        def read():
            source = load_path(path, **limits)
            offset_map(source.text)  # made here, off the GUI thread, for the view
            # Merge suggestions look the actors up in them when the analysis lands.
            places.prepare_countries()
            return source

        source = run_busy(self, "Reading the article…", read, cancellable=True)
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
        from briefing_app.storage.word.output_path import suggested_path

        # Beside the article, named after the briefing's title (the same rule as Export).
        suggestion = self.doc.path or str(suggested_path(self.doc.briefing, "", PROJECT_SUFFIX,
                                                         Path.home()))
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save project", suggestion, PROJECT_FILTER)
        if not path:
            return False
        return self._save_to(with_suffix(path, PROJECT_SUFFIX))

    def _save_to(self, path: str, *, overwrite: bool = False) -> bool:
        """Save to `path`; over the open project only if it is unchanged since it was read
        or written here, or the analyst says to (`overwrite`)."""
        from briefing_app.document.briefing_document import changed_since, stamp_file
        from briefing_app.storage.project_file import save_project
        from briefing_app.ui.window.busy import run_busy

        # Another path is new, or the file dialog has asked about overwriting it.
        stamp = None if overwrite or path != self.doc.path else self.doc.file_stamp

        def write():
            if changed_since(path, stamp):
                return _CHANGED
            save_project(self.doc.briefing, path)
            return stamp_file(path)

        try:
            with self.analysis.holding():  # the briefing must not change while it is read
                written = run_busy(self, "Saving the project…", write)
        except BriefingError as error:
            QMessageBox.warning(self, "Could not save", str(error))
            return False
        if written is _CHANGED:
            return self._save_over_a_changed_file(path)
        self.doc.mark_saved(path, written)
        self.update_title()
        self.settings.add_recent(str(Path(path).resolve()))
        self.save_settings()
        self.refresh_recent()
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def _save_over_a_changed_file(self, path: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Project changed on disk",
            f"{Path(path).name} was changed by another window or program since this "
            "briefing was opened or saved; overwriting it loses those changes.",
            QMessageBox.StandardButton.NoButton, self)
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        if clicked is overwrite:
            return self._save_to(path, overwrite=True)
        if clicked is save_as:
            return self.save_as()
        return False

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
