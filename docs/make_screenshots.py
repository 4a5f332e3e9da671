"""Retake docs/window-main.png (the wire-report sample analysed, a claim reviewed and rated)
and docs/window-notes.png (the same with analyst notes and the Notes tab forward).

Run under a display or offscreen:
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from briefing_app.app import create_main_window
from briefing_app.document import correction_commands as cc
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
    window = create_main_window()
    window.resize(1400, 900)
    window.show()
    window.open_path(str(sample_path("wire_report.txt")))
    _wait_for(window.analysis.landed)
    view = window.claims_panel.view
    view.setFocus()
    # Keyboard review as an analyst does it: next claim twice, accept, rate B2, "likely".
    for key, modifier in ((Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier),
                          (Qt.Key.Key_2, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)):
        QTest.keyClick(view, key, modifier)
    _settle()
    window.grab().save(str(DOCS / "window-main.png"))
    print(DOCS / "window-main.png")
    _notes(window)
    window.grab().save(str(DOCS / "window-notes.png"))
    print(DOCS / "window-notes.png")
    window.doc.undo_stack.setClean()
    window.close()
    return 0


def _notes(window) -> None:
    """Two notes on the text and a free one, the second chosen in the Notes tab."""
    doc = window.doc
    source = doc.briefing.sources[0]
    for needle, text in (("entered its fifth day", "Check ship count against AIS data"),
                         ("emergency cargo would be allowed through",
                          "Which cargo counts as emergency? Ask the ministry desk.")):
        start = source.text.index(needle)
        doc.push(cc.add_note(doc, text, source.id, start, start + len(needle)))
    doc.push(cc.add_note(doc, "Brief the minister before Monday's cabinet meeting"))
    dock = window.findChild(QDockWidget, "notesDock")
    dock.raise_()
    window.notes_panel.select_note(doc.briefing.notes[1].id)
    _settle()


if __name__ == "__main__":
    sys.exit(main())
