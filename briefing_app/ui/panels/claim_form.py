"""The inspector's claim page: what the claim says and who says it, how sure the engine is
and why it doubts it, and the analyst's rating, status, comment and include decision, each
edit pushed as an undo command.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from briefing_app.document import commands
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import flags
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import CREDIBILITY_WORDS, LIKELIHOODS, RELIABILITY_WORDS, STATUSES
from briefing_app.domain.ops import unchecked_changes

RELIABILITY_LABELS = {"": "—", **{c: f"{c} — {w}" for c, w in RELIABILITY_WORDS.items()}}
CREDIBILITY_LABELS = {"": "—", **{c: f"{c} — {w}" for c, w in CREDIBILITY_WORDS.items()}}
LIKELIHOOD_LABELS = {"": "—", **{w: f"{w} ({r})" for w, r in LIKELIHOODS.items()}}
STATUS_LABELS = {s: s for s in STATUSES}


def _combo(parent: QWidget, labels: dict[str, str]) -> QComboBox:
    box = QComboBox(parent)
    for value, label in labels.items():
        box.addItem(label, value)
    return box


def doubts_html(claim) -> str:
    """The engine's confidence and each reason it flagged the claim, as rich text."""
    confidence = flags.confidence_of(claim)
    reasons = flags.flag_reasons(flags.flags_of(claim))
    head = f"Engine confidence: <b>{flags.format_confidence(confidence)}</b>"
    if confidence is not None and confidence < flags.LOW_CONFIDENCE:
        head += " (low)"
    if not reasons:
        return head + " · nothing flagged"
    items = "".join(f"<li>{escape(reason)}</li>" for reason in reasons)
    return f"{head}<br><b>Flagged, check it</b>:<ul style='margin:0'>{items}</ul>"


class ClaimForm(QWidget):
    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.claim_id = ""
        self.summary = QLabel(self)
        self.summary.setObjectName("claimSummary")
        self.summary.setWordWrap(True)
        self.doubts = QLabel(self)
        self.doubts.setObjectName("claimDoubts")
        self.doubts.setWordWrap(True)
        # What a merge, rename or re-analysis changed on a claim nobody has checked.
        self.changes = QLabel(self)
        self.changes.setObjectName("claimChanges")
        self.changes.setWordWrap(True)
        self.actor = QComboBox(self)
        self.reliability = _combo(self, RELIABILITY_LABELS)
        self.credibility = _combo(self, CREDIBILITY_LABELS)
        self.likelihood = _combo(self, LIKELIHOOD_LABELS)
        self.status = _combo(self, STATUS_LABELS)
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText("Analyst comment")
        self.comment.setMaximumHeight(90)
        self.included = QCheckBox("Include in the briefing", self)
        self.review = QLabel(self)
        self.accept_button = QPushButton("Accept", self)
        self.reject_button = QPushButton("Reject", self)
        buttons = QHBoxLayout()
        for widget in (self.review, self.accept_button, self.reject_button):
            buttons.addWidget(widget)
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(self.doubts)
        form.addRow(self.changes)
        for label, widget in (("Source actor", self.actor), ("Reliability", self.reliability),
                              ("Credibility", self.credibility),
                              ("Likelihood", self.likelihood), ("Status", self.status),
                              ("Comment", self.comment)):
            form.addRow(label, widget)
        form.addRow("", self.included)
        form.addRow("Review", buttons)
        self.reliability.activated.connect(
            lambda _i: self._rate(reliability=self.reliability.currentData()))
        self.credibility.activated.connect(
            lambda _i: self._rate(credibility=self.credibility.currentData()))
        self.likelihood.activated.connect(lambda _i: self._edit(
            {"likelihood": self.likelihood.currentData()},
            f"Set likelihood {self.likelihood.currentData() or 'none'}"))
        self.status.activated.connect(lambda _i: self._edit(
            {"status": self.status.currentData()}, f"Mark claim {self.status.currentData()}"))
        self.actor.activated.connect(lambda _i: self._edit(
            {"actor_id": self.actor.currentData()}, "Set claim source actor"))
        self.comment.textChanged.connect(self._comment_changed)
        self.included.clicked.connect(lambda on: self._edit(
            {"included": on}, "Include claim" if on else "Exclude claim"))
        self.accept_button.clicked.connect(lambda: self._review("accepted"))
        self.reject_button.clicked.connect(lambda: self._review("rejected"))

    def _claim(self):
        return self._doc.briefing.claim(self.claim_id)

    def _rate(self, **rating) -> None:
        claim = self._claim()
        if claim and any(getattr(claim.rating, k) != v for k, v in rating.items()):
            self._doc.push(commands.rate_claim(self._doc, claim, **rating))

    def _edit(self, values: dict, text: str, merge: bool = False) -> None:
        claim = self._claim()
        if claim is None:
            return
        current = commands.review.claim_values(claim, values)
        if current != values:
            self._doc.push(commands.edit_claim(self._doc, claim, values, text, merge))

    def _review(self, state: str) -> None:
        claim = self._claim()
        if claim and claim.review != state:
            self._doc.push(commands.set_review(self._doc, claim, state))

    def _comment_changed(self) -> None:
        self._edit({"comment": self.comment.toPlainText()}, "Edit claim comment", merge=True)

    def show_claim(self, claim_id: str) -> None:
        self.claim_id = claim_id
        claim = self._claim()
        source = self._doc.briefing.source(claim.source_id)
        text = source.text if source else ""
        said_by = claim.source_span.text(text) if claim.source_span else "(the author)"
        cue = claim.cue.text(text) if claim.cue else "—"
        hedges = ", ".join(h.text(text) for h in claim.hedges) or "none"
        words = escape(claim.words(text))
        if claim.kind == "direct_quote":  # quotation marks only where the words are theirs
            words = f"“{words}”"
        self.summary.setText(
            f"<b>Claim</b> · {escape(claim.kind.replace('_', ' '))} · para. {claim.paragraph}"
            f"<br><i>{words}</i>"
            f"<br>Said by: {escape(said_by)} · cue: {escape(cue)}"
            f" · stance: {escape(claim.stance or '—')}<br>Hedges: {escape(hedges)}")
        self.doubts.setText(doubts_html(claim))
        changed = unchecked_changes(claim)
        self.changes.setText(safe_label(changed))
        self.changes.setVisible(bool(changed))
        widgets = (self.actor, self.reliability, self.credibility, self.likelihood,
                   self.status, self.comment, self.included)
        for widget in widgets:
            widget.blockSignals(True)
        self.actor.clear()
        self.actor.addItem("(the author)", None)
        for actor in self._doc.briefing.actors:
            self.actor.addItem(f"{safe_label(actor.name)} ({actor.kind})", actor.id)
        self.actor.setCurrentIndex(max(self.actor.findData(claim.actor_id), 0))
        for box, value in ((self.reliability, claim.rating.reliability),
                           (self.credibility, claim.rating.credibility),
                           (self.likelihood, claim.rating.likelihood),
                           (self.status, claim.rating.status)):
            box.setCurrentIndex(max(box.findData(value), 0))
        if self.comment.toPlainText() != claim.comment:
            self.comment.setPlainText(claim.comment)
        self.included.setChecked(claim.included)
        for widget in widgets:
            widget.blockSignals(False)
        self.review.setText(claim.review)
        self.setEnabled(not self._doc.is_pending(claim.source_id))
