"""Several sources in one briefing: File > Add Source, and the Sources panel driving the
reading view (one source at a time) and the inspector's source page when it has focus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog

from briefing_app.domain.vocab import ItemKind
from briefing_app.qtmodels.roles import ID_ROLE
from briefing_app.storage.formats import ARTICLE_FILTER, is_project
from briefing_app.ui.window.actions import make_action


class SourceActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.add_action = make_action(window, "actionAddSource", "Add &Source…",
                                      self.choose_and_add, "Ctrl+Shift+O")
        view = window.sources_panel.view
        view.selectionModel().currentRowChanged.connect(
            lambda index, _prev: index.isValid() and self.inspect(index.data(ID_ROLE)))
        view.installEventFilter(self)

    def choose_and_add(self) -> None:
        """Add articles to the open briefing (File > Open of a project would replace it)."""
        folder = str(Path(self.window.doc.path).parent) if self.window.doc.path else ""
        paths, _filter = QFileDialog.getOpenFileNames(self.window, "Add source", folder,
                                                      ARTICLE_FILTER)
        for path in paths:
            if is_project(path):
                self.window.statusBar().showMessage(
                    "A project cannot be added as a source; use File > Open.", 6000)
            else:
                self.window.open_path(path)

    def inspect(self, source_id: str) -> None:
        self.window.inspector.show_item(ItemKind.SOURCE, source_id)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            index = watched.currentIndex()
            if index.isValid():
                self.inspect(index.data(ID_ROLE))
        return False
