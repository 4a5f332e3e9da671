"""The main window: reading view in the middle, panels and inspector in docks, menus,
and the one selection that keeps the text, the panels and the inspector in step.

The program shows the window as an empty frame first and builds its contents
(ui/window/parts.py) right after that frame is painted, so a window is on screen as soon
as Qt can show one; create_main_window() builds at once for callers that need it whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from briefing_app import APP_NAME, paths
from briefing_app.domain.vocab import ItemKind
from briefing_app.errors import BriefingError
from briefing_app.settings import Settings
from briefing_app.ui.window.file_actions import FileActionsMixin

if TYPE_CHECKING:  # the parts' classes, imported with the contents after the first frame
    from PySide6.QtWidgets import QMenu

    from briefing_app.document.analysis_control import AnalysisController
    from briefing_app.document.autosave import Autosaver
    from briefing_app.document.briefing_document import BriefingDocument
    from briefing_app.ui.editing.clipboard import ClipboardActions
    from briefing_app.ui.editing.corrections import Corrections
    from briefing_app.ui.editing.nudge import Nudger
    from briefing_app.ui.editing.review_controller import ReviewController
    from briefing_app.ui.panels.briefing_panel import BriefingPanel
    from briefing_app.ui.panels.corroboration_panel import CorroborationPanel
    from briefing_app.ui.panels.inspector import Inspector
    from briefing_app.ui.panels.list_panel import Panel
    from briefing_app.ui.panels.notes_panel import NotesPanel
    from briefing_app.ui.reading.article_view import ArticleView
    from briefing_app.ui.reading.find_bar import FindBar
    from briefing_app.ui.reading.legend import Legend
    from briefing_app.ui.theme import ThemeManager
    from briefing_app.ui.window.source_actions import SourceActions
    from briefing_app.ui.window.status_bar import StatusBar


class MainWindow(FileActionsMixin, QMainWindow):
    ready = Signal()  # the contents are built: panels, menus, document

    # The window's parts, set by ui/window/parts.py:build_window (absent until `built`).
    doc: BriefingDocument
    analysis: AnalysisController
    autosave: Autosaver
    status: StatusBar
    article: ArticleView
    find_bar: FindBar
    sources_panel: Panel
    actors_panel: Panel
    claims_panel: Panel
    inspector: Inspector
    legend: Legend
    briefing_panel: BriefingPanel
    notes_panel: NotesPanel
    corroboration_panel: CorroborationPanel
    review: ReviewController
    corrections: Corrections
    nudger: Nudger
    source_actions: SourceActions
    clipboard_actions: ClipboardActions
    recent_menu: QMenu
    theme: ThemeManager

    def __init__(self, settings: Settings | None = None, engine=None, *, build: bool = True):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self._engine = engine
        self.built = False
        self._build_queued = False
        self._warmed = False
        self.selecting = False  # select_item is moving a panel row itself: ignore the echo
        self.default_docks = False  # the docks follow the window's size (a first start)
        self._layout_queued = False
        self.autosave_trouble = ""  # why the last autosave failed; '' while autosave works
        self._writer = None  # the SettingsWriter: made with the contents, ended on closing
        self.setWindowTitle(f"Untitled — {APP_NAME}")
        if self.settings.get("theme") != "system":  # else the platform's colours will do
            from briefing_app.ui.theme import paint_first_frame  # for the empty frame only

            paint_first_frame(self.settings.get("theme"))
        self.resize(1400, 900)
        if self.settings.get("window_geometry"):
            self.restoreGeometry(self._setting_bytes("window_geometry"))
        if build:
            self.build()

    def build(self) -> None:
        """Build the contents (once); emits `ready`."""
        if self.built:
            return
        from briefing_app.ui.theme import theme_manager  # the costly imports, after the
        from briefing_app.ui.window.parts import build_window  # first frame

        build_window(self, self._engine)
        self.built = True
        self.autosave.failed.connect(self.autosave_failed)
        self.autosave.written.connect(self.autosave_worked)
        # Made now, not at the first save: its thread pool's import took 10-13 ms there, on
        # the turn an article opens.
        self._settings_writer()
        self.theme = theme_manager()
        self.theme.schemeChanged.connect(self.apply_colours)
        self.apply_settings()
        self.article.zoom(self.settings.get("zoom"))
        self.update_title()
        if self.settings.get("window_state"):  # docks exist only now
            self.restoreState(self._setting_bytes("window_state"))
        else:
            self.default_docks = True
            for dock in self.findChildren(QDockWidget):  # the analyst moved a dock
                dock.dockLocationChanged.connect(self._keep_analysts_layout)
                dock.topLevelChanged.connect(self._keep_analysts_layout)
            # The docks were sized while the window's layout still had the empty frame's
            # size: once the layout has settled at the window's real size, size them again.
            self._queue_default_layout()
        if self.isVisible():
            self._queue_warm_up()
        problem = paths.warning()  # unusable app folders: the window runs on defaults
        if problem:
            self.status.showMessage(problem, 20000)
        self.ready.emit()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.built and not self._build_queued:
            # After this first frame reaches the screen, not before: the frame shows at
            # once and the contents follow on the next turn of the event loop.
            self._build_queued = True
            QTimer.singleShot(0, self, self.build)  # dropped if the window goes first

    # ----------------------------------------------------------------- layout
    def _queue_default_layout(self) -> None:
        if not self._layout_queued:
            self._layout_queued = True
            QTimer.singleShot(0, self, self.default_layout)

    def default_layout(self) -> None:
        """Dock sizes as shares of the window, while the layout is still the default one."""
        from briefing_app.ui.window.parts import default_layout  # loaded with the contents

        self._layout_queued = False
        if self.default_docks:
            default_layout(self)

    def _keep_analysts_layout(self, *_args) -> None:
        self.default_docks = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.default_docks:
            # A window manager may size the window after its contents were built (a screen
            # smaller than the default size): all of the change would come out of the
            # reading view, so the default layout follows the window instead.
            self._queue_default_layout()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            # A press on the window itself, not on a child, starts a drag of a dock's edge:
            # from then on the layout is the analyst's.
            self.default_docks = False
        return super().event(event)

    # --------------------------------------------------------------- selection
    def show_source(self, source_id: str) -> None:
        if self.article.source_id != source_id:
            self.article.show_source(source_id)

    def select_item(self, kind: str, item_id: str, span=None) -> None:
        """The one selection: row in its panel, inspector, and the text scrolled and flashed."""
        briefing = self.doc.briefing
        item = briefing.claim(item_id) if kind == ItemKind.CLAIM else briefing.actor(item_id)
        if item is None:
            return
        self.review.set_current(kind, item_id)
        self.inspector.show_item(kind, item_id)
        if kind == ItemKind.CLAIM:
            span = (item.source_id, item.start, item.end)
        self.selecting = True
        try:
            panel = self.claims_panel if kind == ItemKind.CLAIM else self.actors_panel
            if panel.current_id() != item_id:
                panel.select_row(panel.model.row_of(item_id))
        finally:
            self.selecting = False
        if span:
            self.show_source(span[0])
            self.article.reveal(span[1], span[2])

    # ---------------------------------------------------------------- analysis
    def reanalyze(self) -> None:
        if self.article.source_id:
            self.analysis.analyze(self.article.source_id, "Re-analyse article")

    def pending_changed(self, _source_id: str) -> None:
        if self.analysis.busy():
            self.status.set_analysis(-1, "Analysing…")

    def analysis_ended(self, _source_id: str) -> None:
        if not self.analysis.busy():
            self.status.set_analysis(None)

    def paint_next_turn(self) -> None:
        """Hold the window's paint until the event loop has turned once. Landing thousands
        of claims and repainting the whole window after it each take 15-30 ms; on one turn
        they would add up to a stall the analyst feels, one after the other they do not."""
        if self.updatesEnabled():
            self.setUpdatesEnabled(False)
            QTimer.singleShot(0, self, lambda: self.setUpdatesEnabled(True))

    def analysis_failed(self, _source_id: str, message: str) -> None:
        self.analysis_ended(_source_id)
        QMessageBox.warning(self, "Analysis failed", message)

    # ----------------------------------------------------------------- window
    def save_settings(self, *, now: bool = False) -> bool:
        """Write the settings; a failure is said in the status bar, never blocks the window.
        Written on a thread (its fsync can wait long on a busy disk), or `now`, after the
        writes under way, when the window closes: then False says it failed."""
        if not now:
            self._settings_writer().save()
            return True
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        try:
            self.settings.save()
        except BriefingError as error:
            self.show_settings_failure(str(error))
            return False
        return True

    def _settings_writer(self):
        if self._writer is None:
            from briefing_app.ui.window.settings_writer import SettingsWriter  # not at start

            self._writer = SettingsWriter(self.settings, self)
            self._writer.failed.connect(self.show_settings_failure)
        return self._writer

    def show_settings_failure(self, message: str) -> None:
        # Beside what the status bar says now ("Exported ..."), so neither hides the other.
        shown = self.statusBar().currentMessage()
        joined = f"{shown} · {message}" if shown and message not in shown else shown or message
        self.statusBar().showMessage(joined, 10000)

    def update_title(self, *_args) -> None:
        name = Path(self.doc.path).name if self.doc.path else "Untitled"
        # Only unsaved work is at risk: a clean briefing has nothing to autosave.
        mark = " — not autosaved" if self.autosave_trouble and self.doc.is_modified() else ""
        self.setWindowTitle(f"{name}[*]{mark} — {APP_NAME}")
        self.setWindowModified(self.doc.is_modified())

    def autosave_failed(self, reason: str) -> None:
        """Said once, when autosave stops working; the title keeps the mark until it works."""
        if not self.autosave_trouble:
            self.statusBar().showMessage(
                f"Autosave failed ({reason}): save the briefing, or a crash would lose "
                "these edits.")
        self.autosave_trouble = reason
        self.update_title()

    def autosave_worked(self, _path: str) -> None:
        if self.autosave_trouble:
            self.autosave_trouble = ""
            self.update_title()
            self.statusBar().showMessage("Autosave works again.", 5000)

    def refresh_recent(self) -> None:
        from briefing_app.ui.window.menus import fill_recent  # loaded with the contents

        fill_recent(self)

    def show_shortcuts(self) -> None:
        from briefing_app.ui.dialogs.shortcuts import ShortcutsDialog  # built on first use only

        ShortcutsDialog(self).exec()

    def show_settings(self) -> None:
        from briefing_app.ui.dialogs.settings import SettingsDialog  # loaded on first use

        if not SettingsDialog(self.settings, self).exec():
            return
        self.save_settings()
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
        from briefing_app.domain import palette  # loaded with the contents

        scheme = self.theme.scheme
        tints = palette.tints(scheme, self.settings.get("highlight_colours"))
        ink = palette.ink(scheme)
        self.article.set_colours(tints, ink)
        self.legend.set_colours(tints, ink, palette.TEXT[scheme])

    def show_about(self) -> None:
        from briefing_app.ui.dialogs.about import AboutDialog  # built on first use only

        AboutDialog(self.settings.get("pipeline"), self.doc.briefing.pipeline, self).exec()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.built:
            self._queue_warm_up()

    def _queue_warm_up(self) -> None:
        if self._warmed:
            return
        self._warmed = True
        # spaCy loads in the worker only once the window is on screen; a child timer dies
        # with the window, so a window closed at once never starts the thread.
        timer = QTimer(self, singleShot=True, interval=300)
        timer.timeout.connect(lambda: self.analysis.runner.warm_up(self.analysis.pipeline))
        timer.start()

    def _setting_bytes(self, key: str) -> QByteArray:
        return QByteArray.fromBase64(self.settings.get(key).encode("ascii"))

    def closeEvent(self, event) -> None:
        from briefing_app.ui.window import busy  # loaded with the contents

        if busy.running():  # a window-manager close while a file is being written
            self.statusBar().showMessage(f"{busy.running().rstrip('….')} first…", 4000)
            event.ignore()
            return
        if not self.built:  # closed before its contents were built: nothing to lose
            self.settings.set("window_geometry",
                              self.saveGeometry().toBase64().data().decode())
            self.save_settings(now=True)
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.set("window_geometry", self.saveGeometry().toBase64().data().decode())
        self.settings.set("window_state", self.saveState().toBase64().data().decode())
        self.save_settings(now=True)
        self.autosave.finish()
        self.shutdown()
        event.accept()

    def end_session(self) -> None:
        """The process is being ended (SIGTERM): no questions; the unsaved work stays in the
        autosave for the next start, the session lock is released and the worker stopped."""
        if self.built:
            self.autosave.park()
        self.shutdown()

    def shutdown(self) -> bool:
        """Cancel analysis, join the worker and the settings writer (on close, and in test
        teardown)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        return not self.built or self.analysis.runner.shutdown()
