"""Retake docs/window-review-order.png: the wire-report sample analysed, the claims in the
"least certain first" order with the engine's confidence and flags, and the least certain
claim chosen, its doubts in the inspector.

Until the engine gives claims a confidence and flags, this script gives the claims the
engine left unscored a stand-in from what can be read off the claim itself (a pronoun for a
source, no cue, an attribution after the words, no actor), 0.15 less confidence a doubt;
the numbers are an illustration then, not the engine's.

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
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind
from briefing_app.paths import sample_path

DOCS = Path(__file__).resolve().parent
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def _wait_for(signal, seconds: float = 120) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _settle(ms: int = 1500) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _stand_in_scores(window) -> None:
    briefing = window.doc.briefing
    text = briefing.sources[0].text
    for claim in briefing.claims:
        if getattr(claim, "confidence", None) is not None:
            continue  # the engine's own score
        flags = []
        if claim.source_span and claim.source_span.text(text).lower() in _PRONOUNS:
            flags.append("pronoun_source")
        if claim.cue is None:
            flags.append("no_cue")
        elif claim.cue.start > claim.content.end:
            flags.append("closing_attribution")
        if claim.actor_id is None:
            flags.append("source_not_an_actor")
        claim.flags = flags
        claim.confidence = round(max(0.95 - 0.15 * len(flags) - 0.01 * claim.paragraph, 0.05),
                                 2)
    window.doc.notify(Change(ChangeKind.CLAIMS, [c.id for c in briefing.claims]))


def main() -> int:
    # A home of its own: the order chosen here must not become the user's remembered one.
    paths.override_home(Path(tempfile.mkdtemp(prefix="briefing-screenshot-")))
    window = create_main_window()
    window.resize(1400, 900)
    window.show()
    window.open_path(str(sample_path("wire_report.txt")))
    _wait_for(window.analysis.landed)
    _stand_in_scores(window)
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
