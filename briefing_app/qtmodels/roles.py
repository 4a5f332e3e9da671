"""The custom item-data roles shared by every model and view, declared in one place."""

from PySide6.QtCore import QModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the domain id of the row's actor, claim or source
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts naturally (numbers as numbers)
ITEM_KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "actor", "mention", "claim" or "source"
SPAN_ROLE = Qt.ItemDataRole.UserRole + 4  # (source_id, start, end) to show in the article
CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5  # a claim's engine confidence 0..1, or None

# The invalid index used as a default argument: one shared instance (Qt compares by value).
ROOT = QModelIndex()
