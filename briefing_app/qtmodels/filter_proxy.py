"""FilterProxy: the sort/filter layer under each panel's filter box.

Sorting uses SORT_ROLE so numbers sort as numbers; filtering is case-insensitive on one
column or all of them, and keeps an actor whose mentions match (recursive filtering).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from briefing_app.qtmodels.roles import SORT_ROLE


class FilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)

    def set_filter(self, text: str, column: int = -1) -> None:
        """Show rows whose `column` (every column when -1) contains `text`."""
        self.setFilterKeyColumn(column)
        self.setFilterFixedString(text)
