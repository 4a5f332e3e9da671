"""The dialog behind "Mark as claim": who said the selected text, with which cue and stance.

The cue, the source and the stance come pre-picked (domain.claim_guess: the reporting word
of the sentence that governs the selection, its subject, the cue's stance). The cue list is
short: the sentence's lexicon words. While the dialog is open the reading view stays live:
a click on a word there picks it as the cue, or picks the actor mentioned there as the
source (the "A click picks" choice, Alt+E / Alt+R); every field is reachable by keyboard.
Each mnemonic is one letter of its own: OK and Cancel hold Alt+O and Alt+C, and a letter
two widgets share only moves the focus between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from briefing_app.domain.claim_guess import guess_claim
from briefing_app.domain.cue_lexicon import cue_stance
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import STANCES, Briefing

_WORD = re.compile(r"[\w’'-]+")


@dataclass
class ClaimAnswer:
    actor_id: str | None
    cue: tuple[int, int] | None
    stance: str
    source_span: tuple[int, int] | None


class ClaimDialog(QDialog):
    def __init__(self, briefing: Briefing, source_id: str, start: int, end: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimDialog")
        self.setWindowTitle("Mark as claim")
        self._briefing, self._source_id, self._selection = briefing, source_id, (start, end)
        self._text = briefing.source(source_id).text
        guess = guess_claim(briefing, source_id, start, end)
        self._source_span = guess.source_span
        excerpt = " ".join(self._text[start:end].split())
        label = QLabel(f"“{excerpt[:200]}”", self)
        label.setWordWrap(True)
        self.actor = QComboBox(self)
        self.actor.setObjectName("claimActor")
        self.actor.addItem("(the author)", None)
        here = [a for a in briefing.actors if any(m.source_id == source_id for m in a.mentions)]
        for actor in here + [a for a in briefing.actors if a not in here]:
            self.actor.addItem(f"{safe_label(actor.name)} ({actor.kind})", actor.id)
        if guess.actor_id:
            self.actor.setCurrentIndex(self.actor.findData(guess.actor_id))
        self.actor.activated.connect(lambda _n: setattr(self, "_source_span", None))
        self.cue = QComboBox(self)
        self.cue.setObjectName("claimCue")
        for word in guess.cues:
            self.cue.addItem(self._text[word.start:word.end], (word.start, word.end))
        self.cue.addItem("(no cue)", None)
        self.stance = QComboBox(self)
        self.stance.setObjectName("claimStance")
        self.stance.addItems(STANCES)
        self.cue.currentIndexChanged.connect(self._cue_changed)
        self._cue_changed()
        self.pick_cue = QRadioButton("cu&e", self)
        self.pick_source = QRadioButton("sou&rce actor", self)
        self.pick_cue.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.pick_cue)
        group.addButton(self.pick_source)
        picks = QHBoxLayout()
        picks.addWidget(self.pick_cue)
        picks.addWidget(self.pick_source)
        picks.addStretch()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label)
        form.addRow("&Source actor", self.actor)
        form.addRow("C&ue", self.cue)
        form.addRow("S&tance", self.stance)
        form.addRow("A click in the text picks", picks)
        form.addRow(buttons)

    def _cue_changed(self, *_args) -> None:
        span = self.cue.currentData()
        hit = cue_stance(self._text[span[0]:span[1]]) if span else None
        self.stance.setEnabled(span is not None)
        if hit:
            self.stance.setCurrentText(hit[1])

    def pick(self, offset: int) -> bool:
        """A click at code point `offset` of the shown source: the word there becomes the
        cue, or the actor mentioned there the source. True when it picked something."""
        if self.pick_source.isChecked():
            for actor in self._briefing.actors:
                for m in actor.mentions:
                    if m.source_id == self._source_id and m.start <= offset < m.end:
                        self.actor.setCurrentIndex(self.actor.findData(actor.id))
                        self._source_span = (m.start, m.end)
                        return True
            return False
        word = next((m for m in _WORD.finditer(self._text, max(0, offset - 40), offset + 40)
                     if m.start() <= offset < m.end()), None)
        if word is None or self._selection[0] <= word.start() < self._selection[1]:
            return False
        span = (word.start(), word.end())
        if self.cue.findData(span) < 0:
            self.cue.insertItem(0, word.group(), span)
        self.cue.setCurrentIndex(self.cue.findData(span))
        return True

    def values(self) -> ClaimAnswer:
        cue = self.cue.currentData()
        return ClaimAnswer(self.actor.currentData(), cue,
                           self.stance.currentText() if cue else "",
                           self._source_span if self.actor.currentData() else None)


def ask_claim(parent, briefing: Briefing, source_id: str, start: int, end: int,
              view=None) -> ClaimAnswer | None:
    """The analyst's answer, or None when they cancel. The dialog is not modal, so a click
    in `view` (the reading view, through its `picker` hook) can pick a cue or a source;
    the call returns when the dialog closes."""
    dialog = ClaimDialog(briefing, source_id, start, end, parent)
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    if view is not None:
        view.picker = dialog.pick
    try:
        dialog.show()
        loop.exec()
    finally:
        if view is not None:
            view.picker = None
    answer = dialog.values() if dialog.result() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return answer
