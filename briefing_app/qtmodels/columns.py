"""What every panel model shares: named columns, a header, whole-column and whole-row repaints."""

from __future__ import annotations

from PySide6.QtCore import Qt


class ColumnsMixin:
    """Put before the Qt model base; the model sets `columns` and defines `_index_rows`."""

    columns: tuple[str, ...] = ()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None

    def _repaint_column(self, column: int) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def _repaint_rows(self, rows: list[int | None]) -> bool:
        """Repaint these rows; False when one is unknown and the caller must reset instead."""
        if not rows or None in rows:
            return False
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True

    def _reset(self) -> None:
        self.beginResetModel()
        self._index_rows()
        self.endResetModel()
