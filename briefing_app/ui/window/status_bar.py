"""The status bar: review progress ("23 of 57 claims reviewed", "4 flagged unreviewed")
and analysis progress with a Cancel button, shown only while an analysis runs.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.flags import flagged_unreviewed
from briefing_app.domain.ops import reviewed_count
from briefing_app.domain.vocab import ChangeKind

_COUNTED = (ChangeKind.CLAIMS, ChangeKind.SOURCES)


class StatusBar(QStatusBar):
    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.review_label = QLabel(self)
        self.review_label.setObjectName("reviewProgress")
        self.flagged_label = QLabel(self)
        self.flagged_label.setObjectName("flaggedProgress")
        self.flagged_label.setToolTip(
            "Claims the engine flagged (a pronoun for a source, an attribution after the "
            "quote, …) that you have not accepted, rejected or edited yet")
        self.analysis_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("analysisProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelAnalysis")
        for widget in (self.analysis_label, self.progress, self.cancel_button):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.flagged_label)
        self.addPermanentWidget(self.review_label)
        self.set_analysis(None)
        # Only what can change the counts: an analysis lands as two changes, and each
        # recount walks every claim (a few ms at 5,000). A whole new list of claims (an
        # analysis landing) is counted a turn later, so the window paints in between.
        self._recount = QTimer(self, singleShot=True, interval=0)
        self._recount.timeout.connect(self.update_review)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self.update_review)
        self.update_review()

    def _on_changed(self, change) -> None:
        if change.kind not in _COUNTED:
            return
        if change.ids:  # named claims (an edit): counted at once
            self.update_review()
        else:
            self._recount.start()

    def update_review(self) -> None:
        claims = self._doc.briefing.claims
        self.review_label.setText(f"{reviewed_count(claims)} of {len(claims)} claims reviewed")
        flagged = flagged_unreviewed(claims)
        self.flagged_label.setText(f"{flagged} flagged unreviewed")
        # Said while there are claims at all: "0 flagged" then means the engine's doubts are
        # all seen to, not that nothing was checked.
        self.flagged_label.setVisible(bool(claims))

    def set_analysis(self, fraction: float | None, text: str = "") -> None:
        """Show analysis progress (0..1, or -1 for 'busy, no estimate'); None hides it."""
        running = fraction is not None
        for widget in (self.analysis_label, self.progress, self.cancel_button):
            widget.setVisible(running)
        if not running:
            return
        self.analysis_label.setText(text)
        if fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(fraction * 100))
