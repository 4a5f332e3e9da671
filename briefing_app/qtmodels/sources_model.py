"""SourcesModel: one row per article in the briefing, with its analysis and review progress."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.qtmodels.columns import ColumnsMixin
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE, ROOT, SORT_ROLE

# "#" is the number the Claims panel and the Word briefing ("Source 2") call it by.
COLUMNS = ("#", "Title", "Outlet", "Format", "Words", "Reviewed", "Analysis")


class SourcesModel(ColumnsMixin, QAbstractTableModel):
    columns = COLUMNS

    def __init__(self, doc: BriefingDocument, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._index_rows()
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)
        doc.pendingChanged.connect(self._on_pending)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self._sources[index.row()]
        if role == ID_ROLE:
            return source.id
        if role == ITEM_KIND_ROLE:
            return ItemKind.SOURCE
        if role == Qt.ItemDataRole.ToolTipRole:
            # A file name with an override is the classic spoof ("report\u202excod.exe").
            return safe_label(source.path or source.url or source.title)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        name = COLUMNS[index.column()]
        if name == "#":
            number = index.row() + 1
            return number if role == SORT_ROLE else f"#{number}"
        if name == "Words":
            words = len(source.text.split())
            return words if role == SORT_ROLE else f"{words:,}"
        if name == "Reviewed":
            claims = [c for c in self._doc.briefing.claims if c.source_id == source.id]
            done = sum(1 for c in claims if c.review != "machine")
            return done if role == SORT_ROLE else f"{done} of {len(claims)}"
        if name == "Analysis":
            return "running…" if self._doc.is_pending(source.id) else "done"
        # Titles and outlets come from the article's own metadata: shown without bidi controls.
        return safe_label({"Title": source.title or source.path or source.id,
                           "Outlet": source.outlet, "Format": source.format}[name])

    def _on_changed(self, change: Change) -> None:
        if change.kind == ChangeKind.SOURCES:
            rows = {s.id: n for n, s in enumerate(self._sources)}
            # A metadata edit repaints its rows, keeping the panel's selection.
            same_list = self._sources == self._doc.briefing.sources
            if not (same_list and self._repaint_rows([rows.get(i) for i in change.ids])):
                self._reset()
        elif change.kind == ChangeKind.CLAIMS:
            self._repaint_column(COLUMNS.index("Reviewed"))

    def _on_pending(self, _source_id: str) -> None:
        self._repaint_column(COLUMNS.index("Analysis"))

    def _index_rows(self) -> None:
        self._sources = list(self._doc.briefing.sources)
