"""Selecting article text in the real reading view, as a mouse drag would."""

from PySide6.QtGui import QTextCursor


def select_text(window, needle: str) -> tuple[int, int]:
    """Select the first `needle` in the shown source; returns its (start, end) code points."""
    view = window.article
    start = window.doc.briefing.source(view.source_id).text.index(needle)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    return start, start + len(needle)
