"""Retake docs/mark-claim.png (Mark as claim on a sentence of the wire-report sample, with
the cue, source and stance it pre-picks) and docs/shortcuts.png (Help > Keyboard shortcuts,
read from the window's own actions and shortcuts).

Run under a display or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_dialog_screenshots.py
"""

from __future__ import annotations

import sys

from make_screenshots import DOCS, _settle, _wait_for
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication

from briefing_app.app import create_main_window
from briefing_app.paths import sample_path

CLAIM = "the union would not resume talks until the operators put a written proposal"


def _grab_dialog(name: str, object_name: str) -> None:
    """Once the dialog `object_name` is up and painted, save it as docs/`name`, close it."""
    def grab() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == object_name and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(100, grab)
            return
        dialog.grab().save(str(DOCS / name))
        print(DOCS / name)
        dialog.reject()
    QTimer.singleShot(800, grab)


def main() -> int:
    window = create_main_window()
    window.resize(1400, 900)
    window.show()
    window.open_path(str(sample_path("wire_report.txt")))
    _wait_for(window.analysis.landed)
    _settle()
    text = window.doc.briefing.source(window.article.source_id).text
    start = text.index(CLAIM)
    _select(window, start, CLAIM)
    _grab_dialog("mark-claim.png", "claimDialog")
    window.findChild(QAction, "actionNewClaim").trigger()
    _grab_dialog("shortcuts.png", "shortcutsDialog")
    window.show_shortcuts()
    window.shutdown()
    window.doc.undo_stack.setClean()
    return 0


def _select(window, start: int, words: str) -> None:
    view = window.article
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


if __name__ == "__main__":
    sys.exit(main())
