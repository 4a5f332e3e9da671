"""Builds the main window's contents: document, analysis, reading view, panels in docks,
status bar, menus and their wiring.

Kept apart from main_window.py so that importing the window class stays cheap: the
program shows an empty frame first and builds this on the next event-loop turn.

The default layout gives the docks shares of the window, not fixed pixels, and the reading
view a minimum width: on a first start (no saved layout) the docks must not take the whole
window, whatever size the window manager gives it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QVBoxLayout, QWidget

from briefing_app.document.analysis_control import AnalysisController
from briefing_app.document.analysis_worker import AnalysisRunner
from briefing_app.document.autosave import Autosaver
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.vocab import ItemKind
from briefing_app.qtmodels.actors_model import ActorsModel
from briefing_app.qtmodels.claims_model import ClaimsModel, Column
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE, SPAN_ROLE
from briefing_app.qtmodels.sources_model import SourcesModel
from briefing_app.ui.editing.clipboard import ClipboardActions
from briefing_app.ui.editing.corrections import Corrections
from briefing_app.ui.editing.nudge import Nudger
from briefing_app.ui.editing.review_controller import ReviewController
from briefing_app.ui.panels.briefing_panel import BriefingPanel
from briefing_app.ui.panels.confidence_delegate import ConfidenceDelegate
from briefing_app.ui.panels.corroboration_panel import CorroborationPanel
from briefing_app.ui.panels.inspector import Inspector
from briefing_app.ui.panels.list_panel import Panel
from briefing_app.ui.panels.notes_panel import NotesPanel
from briefing_app.ui.reading.article_view import ArticleView
from briefing_app.ui.reading.find_bar import FindBar
from briefing_app.ui.reading.legend import Legend
from briefing_app.ui.window.menus import build_menus
from briefing_app.ui.window.register_hooks import install_register
from briefing_app.ui.window.source_actions import SourceActions
from briefing_app.ui.window.status_bar import StatusBar


def build_window(window, engine) -> None:
    """Give `window` (a MainWindow) everything it shows and does; `engine` as in
    create_main_window."""
    window.doc = BriefingDocument(window.new_briefing(), window)
    window.analysis = AnalysisController(window.doc, AnalysisRunner(engine, window), window)
    _central(window)
    _docks(window)
    window.autosave = Autosaver(window.doc, parent=window)
    window.status = StatusBar(window.doc, window)
    window.setStatusBar(window.status)
    window.review = ReviewController(window.doc, window.claims_panel, window.settings, window)
    window.review.moveTo.connect(window.select_item)
    window.review.message.connect(lambda text: window.status.showMessage(text, 6000))
    window.corrections, window.nudger = Corrections(window), Nudger(window)
    window.source_actions = SourceActions(window)
    window.clipboard_actions = ClipboardActions(window)
    window.corrections.claim_extra_actions.append(window.clipboard_actions.copy_action)
    build_menus(window)
    window.register_hooks = install_register(window)
    _connect(window)
    window.review.apply_order()  # the remembered order sorts the claims from the start


# The default layout, as shares of the window: the side docks' widths and the claims' height.
LEFT_SHARE, RIGHT_SHARE, BOTTOM_SHARE = 0.22, 0.27, 0.3
# The reading view keeps room for lines of about this many characters, however the docks
# and the window are sized: below it the article reads a word a line.
READING_MIN_CHARS = 48


def _central(window) -> None:
    window.article = ArticleView(window.doc, window)
    window.article.setMinimumWidth(
        READING_MIN_CHARS * window.article.fontMetrics().averageCharWidth())
    window.find_bar = FindBar(window.article, window)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(window.article)
    layout.addWidget(window.find_bar)
    window.setCentralWidget(central)


def _docks(window) -> None:
    doc = window.doc
    window.sources_panel = Panel(SourcesModel(doc, window), "sourcesView", stretch=1)
    window.actors_panel = Panel(ActorsModel(doc, window), "actorsView", tree=True)
    window.claims_panel = Panel(ClaimsModel(doc, window), "claimsView")
    window.inspector = Inspector(doc, window)
    inspector_box = QWidget(window)
    box = QVBoxLayout(inspector_box)
    box.addWidget(window.inspector, 1)
    window.legend = Legend(window)
    box.addWidget(window.legend)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    docks = [_dock(window, "Sources", window.sources_panel, left),
             _dock(window, "Actors", window.actors_panel, left),
             _dock(window, "Claims", window.claims_panel,
                   Qt.DockWidgetArea.BottomDockWidgetArea),
             _dock(window, "Inspector", inspector_box, Qt.DockWidgetArea.RightDockWidgetArea)]
    window.briefing_panel = BriefingPanel(doc, window)
    # Scrolled, since the panel is taller than a laptop leaves beside the claims: unscrolled,
    # its minimum height pressed the Claims dock down to two rows.
    briefing_box = QScrollArea(window)
    briefing_box.setWidget(window.briefing_panel)
    briefing_box.setWidgetResizable(True)
    briefing_box.setFrameShape(QFrame.Shape.NoFrame)
    window.tabifyDockWidget(docks[3], _dock(window, "Briefing", briefing_box, left))
    window.notes_panel = NotesPanel(doc, window)
    window.tabifyDockWidget(docks[3], _dock(window, "Notes", window.notes_panel, left))
    window.corroboration_panel = CorroborationPanel(doc, window)
    window.tabifyDockWidget(docks[3], _dock(window, "Corroboration",
                                            window.corroboration_panel, left))
    docks[3].raise_()
    claims_view = window.claims_panel.view
    claims_view.setItemDelegateForColumn(Column.CONFIDENCE, ConfidenceDelegate(claims_view))
    header = claims_view.horizontalHeader()
    metrics = claims_view.fontMetrics()
    # Columns of a word or a number need no more than their title: the claim's own words,
    # the one stretched column, keep the room.
    for column in (Column.HEDGED, Column.RATING, Column.INCLUDED, Column.PARAGRAPH,
                   Column.SOURCE):
        title = window.claims_panel.model.headerData(column, Qt.Orientation.Horizontal)
        header.resizeSection(column, metrics.horizontalAdvance(title) + 3 * metrics.height() // 2)
    header.resizeSection(Column.CONFIDENCE, 14 * metrics.averageCharWidth())  # number and bar
    header.resizeSection(Column.FLAGS, 30 * metrics.averageCharWidth())
    default_layout(window)


def default_layout(window) -> None:
    """Size the docks as shares of the window as it is now (the layout of a first start)."""
    width, height = window.width(), window.height()
    sources, actors, claims, inspector = (
        window.findChild(QDockWidget, f"{name}Dock")
        for name in ("sources", "actors", "claims", "inspector"))
    window.resizeDocks([sources, inspector], [round(width * LEFT_SHARE),
                                              round(width * RIGHT_SHARE)],
                       Qt.Orientation.Horizontal)
    bottom = round(height * BOTTOM_SHARE)
    upper = max(height - bottom, 2)
    window.resizeDocks([sources, actors, claims], [upper // 3, upper - upper // 3, bottom],
                       Qt.Orientation.Vertical)


def _dock(window, title: str, widget: QWidget, area) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{title.lower()}Dock")
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def _connect(window) -> None:
    doc, analysis = window.doc, window.analysis
    doc.undo_stack.cleanChanged.connect(window.update_title)
    window.article.itemClicked.connect(window.select_item)
    for panel in (window.claims_panel, window.actors_panel):
        panel.view.selectionModel().currentRowChanged.connect(
            lambda index, _prev: _row_chosen(window, index))
    window.sources_panel.view.selectionModel().currentRowChanged.connect(
        lambda index, _prev: index.isValid() and window.show_source(index.data(ID_ROLE)))
    analysis.progress.connect(
        lambda _sid, fraction: window.status.set_analysis(fraction, "Analysing…"))
    analysis.landing.connect(lambda _sid: window.paint_next_turn())
    analysis.landed.connect(window.analysis_ended)
    analysis.landed.connect(lambda _sid: window.article.highlight_after_paint())
    analysis.stopped.connect(window.analysis_ended)
    analysis.failed.connect(window.analysis_failed)
    window.status.cancel_button.clicked.connect(analysis.cancel)
    doc.pendingChanged.connect(window.pending_changed)
    window.notes_panel.noteChosen.connect(lambda source_id, start, end: _reveal(
        window, source_id, start, end))
    window.article.noteClicked.connect(lambda note_id: _show_note(window, note_id))
    window.corroboration_panel.claimChosen.connect(
        lambda claim_id: window.select_item(ItemKind.CLAIM, claim_id))
    window.corroboration_panel.ready.connect(lambda: window.claims_panel.model.set_agreement(
        window.corroboration_panel.claim_words()))


def _row_chosen(window, index) -> None:
    if window.selecting or not index.isValid():
        return
    kind = index.data(ITEM_KIND_ROLE)
    kind = ItemKind.CLAIM if kind == ItemKind.CLAIM else ItemKind.ACTOR
    window.select_item(kind, index.data(ID_ROLE), index.data(SPAN_ROLE))


def _reveal(window, source_id: str, start: int, end: int) -> None:
    window.show_source(source_id)
    window.article.reveal(start, end)


def _show_note(window, note_id: str) -> None:
    """A click on a note's margin mark: the Notes tab comes forward with that note chosen."""
    dock = window.findChild(QDockWidget, "notesDock")
    dock.show()
    dock.raise_()
    window.notes_panel.select_note(note_id)
