"""SourcesModel: one row per article in the briefing, with its analysis and review progress."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.ops import Change
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE, ROOT, SORT_ROLE

COLUMNS = ("Title", "Outlet", "Format", "Words", "Reviewed", "Analysis")


class SourcesModel(QAbstractTableModel):
    def __init__(self, doc: BriefingDocument, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._sources = list(doc.briefing.sources)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)
        doc.pendingChanged.connect(self._on_pending)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self._sources[index.row()]
        if role == ID_ROLE:
            return source.id
        if role == ITEM_KIND_ROLE:
            return "source"
        if role == Qt.ItemDataRole.ToolTipRole:
            return source.path or source.url or source.title
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        column = index.column()
        if column == 3:
            words = len(source.text.split())
            return words if role == SORT_ROLE else f"{words:,}"
        if column == 4:
            claims = [c for c in self._doc.briefing.claims if c.source_id == source.id]
            done = sum(1 for c in claims if c.review != "machine")
            return done if role == SORT_ROLE else f"{done} of {len(claims)}"
        if column == 5:
            return "running…" if self._doc.is_pending(source.id) else "done"
        return (source.title or source.path or source.id, source.outlet, source.format)[column]

    def _on_changed(self, change: Change) -> None:
        if change.kind == "sources":
            rows = [n for n, s in enumerate(self._sources) if s.id in change.ids]
            if change.ids and len(rows) == len(change.ids) and \
                    self._sources == self._doc.briefing.sources:
                # A metadata edit: repaint those rows, keeping the panel's selection.
                for row in rows:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            else:
                self._reset()
        elif change.kind == "claims" and self.rowCount():
            self.dataChanged.emit(self.index(0, 4), self.index(self.rowCount() - 1, 4))

    def _on_pending(self, _source_id: str) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 5), self.index(self.rowCount() - 1, 5))

    def _reset(self) -> None:
        self.beginResetModel()
        self._sources = list(self._doc.briefing.sources)
        self.endResetModel()
