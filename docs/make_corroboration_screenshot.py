"""Retake docs/corroboration-panel.png: the three made-up reports of the Klow terminal fire
(resources/samples/corroboration) opened and analysed, the Corroboration tab in front, and
the port authority's denial chosen, shown in the reading view.

Run under a display or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_corroboration_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from briefing_app import paths
from briefing_app.app import create_main_window
from briefing_app.paths import sample_path

DOCS = Path(__file__).resolve().parent
SAMPLES = ("sws_wire.html", "borduria_herald.html", "klow_evening_post.html")


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
    # A home of its own: nothing done here becomes the user's recent files or layout.
    paths.override_home(Path(tempfile.mkdtemp(prefix="briefing-screenshot-")))
    window = create_main_window()
    window.resize(1500, 950)
    window.show()
    for name in SAMPLES:
        window.open_path(str(sample_path(f"corroboration/{name}")))
        _wait_for(window.analysis.landed)
    panel = window.corroboration_panel
    _wait_for(panel.ready, 10)
    dock = window.findChild(QDockWidget, "corroborationDock")
    dock.show()
    dock.raise_()
    # As an analyst comparing sources would: the right-hand docks widened to read the claims.
    window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)
    panel.view.setCurrentItem(panel.view.topLevelItem(0).child(2))
    panel.view.setFocus()
    _settle()
    path = DOCS / "corroboration-panel.png"
    window.grab().save(str(path))
    print(path)
    window.doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
