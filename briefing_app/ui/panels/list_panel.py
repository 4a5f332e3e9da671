"""The list panels (sources, actors, claims): a view over a FilterProxy, with a filter box
and a column chooser on top, and a way to select a row by domain id.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.qtmodels.filter_proxy import FilterProxy
from briefing_app.qtmodels.roles import ID_ROLE


class Panel(QWidget):
    """A filter box over a table or tree view of `model`; `view` carries the object name."""

    def __init__(self, model: QAbstractItemModel, object_name: str, tree: bool = False,
                 parent: QWidget | None = None, stretch: int = 0):
        super().__init__(parent)
        self.model = model
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(model)
        self.view = QTreeView(self) if tree else QTableView(self)
        self.view.setObjectName(object_name)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        if isinstance(self.view, QTableView):
            self.view.verticalHeader().hide()
            self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
            self.view.setWordWrap(False)
        header = self.view.header() if tree else self.view.horizontalHeader()
        # The `stretch` column (claim text, actor name, title) takes the spare width; the
        # others keep a fixed default, since ResizeToContents would measure every row.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(88)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        if stretch:  # narrow columns before it (a number) need no default width
            for column in range(stretch):
                header.resizeSection(column, 4 * self.fontMetrics().horizontalAdvance("#"))
        header.setStretchLastSection(False)
        if tree:
            # The actors tree has more columns than a dock is wide: a stretched first
            # column would be squeezed to nothing, hiding names and mention texts.
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, 190)
            # Rows are one line each: measuring every row's size hint after a long article
            # landed cost a model call per row and column.
            self.view.setUniformRowHeights(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setObjectName(f"{object_name}Filter")
        self.column_box = QComboBox(self)
        self.column_box.addItem("All columns", -1)
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal)
            self.column_box.addItem(str(title), column)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.column_box.currentIndexChanged.connect(self._apply_filter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.column_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        # A quiet line over the list for a suggestion (a likely merge); hidden when empty.
        self.notice = QLabel(self)
        self.notice.setObjectName(f"{object_name}Notice")
        self.notice.setWordWrap(True)
        self.notice.setEnabled(False)  # drawn in the muted colour: a hint, not an alert
        self.notice.hide()
        layout.addWidget(self.notice)
        layout.addWidget(self.view)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _apply_filter(self, *_args) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.column_box.currentData())

    def current_id(self) -> str:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else ""

    def source_index(self, proxy_index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(proxy_index)

    def select_row(self, source_row: int) -> bool:
        """Select a top-level row of the model (by its source row); False when filtered out."""
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not proxy_index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(proxy_index)
        return True

    def visible_rows(self) -> list[int]:
        """Top-level source rows in the order the view shows them (sorted and filtered)."""
        return [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                for r in range(self.proxy.rowCount())]
