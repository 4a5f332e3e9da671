"""Retake docs/window-review-order.png: the wire-report sample analysed, the claims in the
"least certain first" order with the engine's confidence and flags, and the least certain
claim chosen, its doubts in the inspector. The scores are the engine's own.

Run under a display or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_review_order_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from briefing_app import paths
from briefing_app.app import create_main_window
from briefing_app.paths import sample_path

DOCS = Path(__file__).resolve().parent


def _wait_for(signal, seconds: float = 120) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _settle(ms: int = 1500) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    # A home of its own: the order chosen here must not become the user's remembered one.
    paths.override_home(Path(tempfile.mkdtemp(prefix="briefing-screenshot-")))
    window = create_main_window()
    window.resize(1400, 900)
    window.show()
    window.open_path(str(sample_path("wire_report.txt")))
    _wait_for(window.analysis.landed)
    window.findChild(object, "actionOrderLeastCertain").trigger()  # selects the first
    view = window.claims_panel.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_A)  # accepted, and on to the next unreviewed claim
    _settle()
    path = DOCS / "window-review-order.png"
    window.grab().save(str(path))
    print(path)
    window.doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
