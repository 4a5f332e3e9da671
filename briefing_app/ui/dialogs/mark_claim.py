"""The small dialog behind "Mark as claim": who said the selected text, and with which cue.

Cue candidates are the words of the paragraph around the selection, so whatever the
analyst picks is a real stretch of the text; a speech verb near the selection is preselected.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from briefing_app.domain.model import Briefing

_WORD = re.compile(r"[\w’'-]+")
_CUES = {"said", "says", "say", "told", "tells", "warned", "warns", "claimed", "claims",
         "stated", "states", "denied", "denies", "added", "according", "announced", "insisted",
         "argued", "believes", "accused", "threatened", "promised", "reported", "wrote"}


def cue_candidates(text: str, para: tuple[int, int], start: int, end: int
                   ) -> list[tuple[int, int]]:
    """Word spans of the paragraph outside [start, end), nearest to the selection first."""
    spans = [(para[0] + m.start(), para[0] + m.end())
             for m in _WORD.finditer(text[para[0]:para[1]])]
    spans = [s for s in spans if s[1] <= start or s[0] >= end]
    return sorted(spans, key=lambda s: min(abs(s[0] - end), abs(s[1] - start)))


class ClaimDialog(QDialog):
    def __init__(self, briefing: Briefing, source_id: str, start: int, end: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimDialog")
        self.setWindowTitle("Mark as claim")
        source = briefing.source(source_id)
        text = source.text
        number = source.paragraph_of(start)
        para = source.paragraphs[number - 1] if number else (0, len(text))
        excerpt = " ".join(text[start:end].split())
        label = QLabel(f"“{excerpt[:200]}”", self)
        label.setWordWrap(True)
        self.actor = QComboBox(self)
        self.actor.setObjectName("claimActor")
        self.actor.addItem("(the author)", None)
        here = [a for a in briefing.actors if any(m.source_id == source_id for m in a.mentions)]
        others = [a for a in briefing.actors if a not in here]
        for actor in here + others:
            self.actor.addItem(f"{actor.name} ({actor.kind})", actor.id)
        nearest = min(
            ((abs(m.start - start), a.id) for a in here for m in a.mentions
             if m.source_id == source_id and para[0] <= m.start < para[1]), default=None)
        if nearest:
            self.actor.setCurrentIndex(self.actor.findData(nearest[1]))
        self.cue = QComboBox(self)
        self.cue.setObjectName("claimCue")
        self.cue.addItem("(no cue)", None)
        for span in cue_candidates(text, para, start, end):
            self.cue.addItem(text[span[0]:span[1]], span)
        likely = next((n for n in range(1, self.cue.count())
                       if self.cue.itemText(n).lower() in _CUES), 0)
        self.cue.setCurrentIndex(likely)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label)
        form.addRow("Source actor", self.actor)
        form.addRow("Cue", self.cue)
        form.addRow(buttons)

    def values(self) -> tuple[str | None, tuple[int, int] | None]:
        return self.actor.currentData(), self.cue.currentData()


def ask_claim(parent, briefing: Briefing, source_id: str, start: int, end: int):
    """(actor id or None, cue span or None), or None when the analyst cancels."""
    dialog = ClaimDialog(briefing, source_id, start, end, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
