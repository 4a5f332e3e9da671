"""The main window: reading view in the middle, panels and inspector in docks, menus,
and the one selection that keeps the text, the panels and the inspector in step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from briefing_app import APP_NAME
from briefing_app.document.analysis_control import AnalysisController
from briefing_app.document.analysis_worker import AnalysisRunner
from briefing_app.document.autosave import Autosaver
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import palette
from briefing_app.qtmodels.actors_model import ActorsModel
from briefing_app.qtmodels.claims_model import ClaimsModel
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE, SPAN_ROLE
from briefing_app.qtmodels.sources_model import SourcesModel
from briefing_app.settings import Settings
from briefing_app.ui.article_view import ArticleView
from briefing_app.ui.briefing_panel import BriefingPanel
from briefing_app.ui.clipboard import ClipboardActions
from briefing_app.ui.context_menu import Corrections
from briefing_app.ui.find_bar import FindBar
from briefing_app.ui.inspector import Inspector
from briefing_app.ui.legend import Legend
from briefing_app.ui.menus import build_menus, fill_recent
from briefing_app.ui.nudge import Nudger
from briefing_app.ui.panels import Panel
from briefing_app.ui.review_controller import ReviewController
from briefing_app.ui.sources import SourceActions
from briefing_app.ui.status import StatusBar
from briefing_app.ui.theme import theme_manager
from briefing_app.ui.window_files import FileActionsMixin


class MainWindow(FileActionsMixin, QMainWindow):
    def __init__(self, settings: Settings | None = None, engine=None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.doc = BriefingDocument(self.new_briefing(), self)
        self.analysis = AnalysisController(self.doc, AnalysisRunner(engine, self), self)
        self._warmed = False
        self._selecting = False
        self.article = ArticleView(self.doc, self)
        self.find_bar = FindBar(self.article, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.article)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.sources_panel = Panel(SourcesModel(self.doc, self), "sourcesView")
        self.actors_panel = Panel(ActorsModel(self.doc, self), "actorsView", tree=True)
        self.claims_panel = Panel(ClaimsModel(self.doc, self), "claimsView")
        self.inspector = Inspector(self.doc, self)
        inspector_box = QWidget(self)
        box = QVBoxLayout(inspector_box)
        box.addWidget(self.inspector, 1)
        self.legend = Legend(self)
        box.addWidget(self.legend)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        docks = [self._dock("Sources", self.sources_panel, left),
                 self._dock("Actors", self.actors_panel, left),
                 self._dock("Claims", self.claims_panel, Qt.DockWidgetArea.BottomDockWidgetArea),
                 self._dock("Inspector", inspector_box, Qt.DockWidgetArea.RightDockWidgetArea)]
        self.briefing_panel = BriefingPanel(self.doc, self)
        self.tabifyDockWidget(docks[3], self._dock("Briefing", self.briefing_panel, left))
        docks[3].raise_()
        self.autosave = Autosaver(self.doc, parent=self)
        self.resizeDocks([docks[0], docks[3]], [330, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([docks[0], docks[1], docks[2]], [150, 450, 250],
                         Qt.Orientation.Vertical)
        self.status = StatusBar(self.doc, self)
        self.setStatusBar(self.status)
        self.review = ReviewController(self.doc, self.claims_panel, self)
        self.review.moveTo.connect(self.select_item)
        self.review.message.connect(lambda text: self.status.showMessage(text, 6000))
        self.corrections, self.nudger = Corrections(self), Nudger(self)
        self.source_actions = SourceActions(self)
        self.clipboard_actions = ClipboardActions(self)
        build_menus(self)
        self._connect()
        self.theme = theme_manager()
        self.theme.schemeChanged.connect(self.apply_colours)
        self.apply_settings()
        self.article.zoom(self.settings.get("zoom"))
        self.update_title()
        self.resize(1400, 900)
        self._restore_geometry()

    def _dock(self, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.doc.undo_stack.cleanChanged.connect(self.update_title)
        self.article.itemClicked.connect(self.select_item)
        self.claims_panel.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.actors_panel.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.sources_panel.view.selectionModel().currentRowChanged.connect(
            lambda index, _prev: index.isValid() and self.show_source(index.data(ID_ROLE)))
        self.analysis.progress.connect(
            lambda _sid, fraction: self.status.set_analysis(fraction, "Analysing…"))
        self.analysis.landed.connect(self._analysis_ended)
        self.analysis.stopped.connect(self._analysis_ended)
        self.analysis.failed.connect(self._analysis_failed)
        self.status.cancel_button.clicked.connect(self.analysis.cancel)
        self.doc.pendingChanged.connect(self._pending_changed)

    # --------------------------------------------------------------- selection
    def show_source(self, source_id: str) -> None:
        if self.article.source_id != source_id:
            self.article.show_source(source_id)

    def _row_chosen(self, index, _previous) -> None:
        if self._selecting or not index.isValid():
            return
        kind = index.data(ITEM_KIND_ROLE)
        self.select_item("claim" if kind == "claim" else "actor", index.data(ID_ROLE),
                         index.data(SPAN_ROLE))

    def select_item(self, kind: str, item_id: str, span=None) -> None:
        """The one selection: row in its panel, inspector, and the text scrolled and flashed."""
        briefing = self.doc.briefing
        item = briefing.claim(item_id) if kind == "claim" else briefing.actor(item_id)
        if item is None:
            return
        self.review.set_current(kind, item_id)
        self.inspector.show_item(kind, item_id)
        if kind == "claim":
            span = (item.source_id, item.start, item.end)
        self._selecting = True
        try:
            panel = self.claims_panel if kind == "claim" else self.actors_panel
            if panel.current_id() != item_id:
                panel.select_row(panel.model.row_of(item_id))
        finally:
            self._selecting = False
        if span:
            self.show_source(span[0])
            self.article.reveal(span[1], span[2])

    # ---------------------------------------------------------------- analysis
    def reanalyse(self) -> None:
        if self.article.source_id:
            self.analysis.analyse(self.article.source_id, "Re-analyse article")

    def _pending_changed(self, _source_id: str) -> None:
        if self.analysis.busy():
            self.status.set_analysis(-1, "Analysing…")

    def _analysis_ended(self, _source_id: str) -> None:
        if not self.analysis.busy():
            self.status.set_analysis(None)

    def _analysis_failed(self, _source_id: str, message: str) -> None:
        self._analysis_ended(_source_id)
        QMessageBox.warning(self, "Analysis failed", message)

    # ----------------------------------------------------------------- window
    def update_title(self, *_args) -> None:
        name = Path(self.doc.path).name if self.doc.path else "Untitled"
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.doc.is_modified())

    def refresh_recent(self) -> None:
        fill_recent(self)

    def show_shortcuts(self) -> None:
        from briefing_app.ui.dialogs import ShortcutsDialog  # built on first use only

        ShortcutsDialog(self).exec()

    def show_settings(self) -> None:
        from briefing_app.ui.settings_dialog import SettingsDialog  # loaded on first use

        if not SettingsDialog(self.settings, self).exec():
            return
        self.settings.save()
        self.apply_settings()
        doc = self.doc
        if not doc.path and not doc.briefing.sources and doc.undo_stack.count() == 0:
            # An untouched untitled briefing has nothing to lose: it takes the new author
            # and mark at once instead of at the next new briefing.
            doc.replace(self.new_briefing())

    def apply_settings(self) -> None:
        """Put the settings that need no restart into effect (at start, and after Settings…).

        Author, mark and the size limits are read where they are used: new briefings and
        opened files pick them up by themselves.
        """
        pipeline = self.settings.get("pipeline")
        if pipeline != self.analysis.pipeline and self._warmed:
            self.analysis.runner.warm_up(pipeline)  # load it before the next analysis asks
        self.analysis.pipeline = pipeline
        self.theme.apply(self.settings.get("theme"))
        self.apply_colours()

    def apply_colours(self, *_args) -> None:
        """Highlight tints for the scheme on screen, with the analyst's own actor colours."""
        scheme = self.theme.scheme
        tints = palette.tints(scheme, self.settings.get("highlight_colours"))
        ink = palette.ink(scheme)
        self.article.set_colours(tints, ink)
        self.legend.set_colours(tints, ink, palette.TEXT[scheme])

    def show_about(self) -> None:
        from briefing_app.ui.about_dialog import AboutDialog  # built on first use only

        AboutDialog(self.settings.get("pipeline"), self.doc.briefing.pipeline, self).exec()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._warmed:
            self._warmed = True
            # spaCy loads in the worker only once the window is on screen; a child timer
            # dies with the window, so a window closed at once never starts the thread.
            timer = QTimer(self, singleShot=True, interval=300)
            timer.timeout.connect(lambda: self.analysis.runner.warm_up(self.analysis.pipeline))
            timer.start()

    def _restore_geometry(self) -> None:
        for key, restore in (("window_geometry", self.restoreGeometry),
                             ("window_state", self.restoreState)):
            if self.settings.get(key):
                restore(QByteArray.fromBase64(self.settings.get(key).encode("ascii")))

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.set("window_geometry", self.saveGeometry().toBase64().data().decode())
        self.settings.set("window_state", self.saveState().toBase64().data().decode())
        self.settings.save()
        self.autosave.finish()
        self.shutdown()
        event.accept()

    def shutdown(self) -> bool:
        """Cancel analysis and join the worker thread (on close, and in test teardown)."""
        return self.analysis.runner.shutdown()
