"""The inspector: shows and edits the selected actor or claim; every edit is an undo command.

Fields are refreshed from the domain on each Change, with their signals blocked, so a
refresh never pushes a command of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_app.document import commands
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import ACTOR_KINDS
from briefing_app.domain.ops import Change, unchecked_changes
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.ui.panels.claim_form import ClaimForm
from briefing_app.ui.panels.source_form import SourceForm


class ActorForm(QWidget):
    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.actor_id = ""
        self.title = QLabel(self)
        self.title.setObjectName("inspectorTitle")
        self.changes = QLabel(self)  # what side effects changed while nobody checked it
        self.changes.setObjectName("actorChanges")
        self.changes.setWordWrap(True)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.kind.addItems(ACTOR_KINDS)
        self.role = QLineEdit(self)
        self.affiliation = QLineEdit(self)
        self.note = QLineEdit(self)
        self.included = QCheckBox("Include in the briefing", self)
        self.review = QLabel(self)
        accept, reject = QPushButton("Accept", self), QPushButton("Reject", self)
        buttons = QHBoxLayout()
        for widget in (self.review, accept, reject):
            buttons.addWidget(widget)
        form = QFormLayout(self)
        form.addRow(self.title)
        form.addRow(self.changes)
        for label, widget in (("Name", self.name), ("Kind", self.kind), ("Role", self.role),
                              ("Affiliation", self.affiliation), ("Note", self.note)):
            form.addRow(label, widget)
        form.addRow("", self.included)
        form.addRow("Review", buttons)
        for field, label in ((self.name, "Rename actor"), (self.role, "Edit actor role"),
                             (self.affiliation, "Edit actor affiliation"),
                             (self.note, "Edit actor note")):
            field.editingFinished.connect(
                lambda f=field, t=label: self._set(self._field_name(f), f.text(), t))
        self.kind.activated.connect(
            lambda _i: self._set("kind", self.kind.currentText(), "Set actor kind"))
        self.included.clicked.connect(
            lambda on: self._set("included", on, "Include actor" if on else "Exclude actor"))
        accept.clicked.connect(lambda: self._set("review", "accepted", "Accept actor"))
        reject.clicked.connect(lambda: self._set("review", "rejected", "Reject actor"))

    def _field_name(self, field: QLineEdit) -> str:
        return {id(self.name): "name", id(self.role): "role",
                id(self.affiliation): "affiliation", id(self.note): "note"}[id(field)]

    def _set(self, name: str, value, text: str) -> None:
        actor = self._doc.briefing.actor(self.actor_id)
        if actor is None or getattr(actor, name) == value:
            return
        self._doc.push(commands.edit_actor(self._doc, actor.id, {name: value}, text))

    def show_actor(self, actor_id: str) -> None:
        self.actor_id = actor_id
        actor = self._doc.briefing.actor(actor_id)
        if actor is None:
            return
        self.title.setText(f"<b>Actor</b> · {len(actor.mentions)} mentions")
        changed = unchecked_changes(actor)
        self.changes.setText(safe_label(changed))
        self.changes.setVisible(bool(changed))
        for widget, value in ((self.name, actor.name), (self.role, actor.role),
                              (self.affiliation, actor.affiliation), (self.note, actor.note)):
            if widget.text() != value:
                widget.blockSignals(True)
                widget.setText(value)
                widget.blockSignals(False)
        self.kind.blockSignals(True)
        self.kind.setCurrentText(actor.kind)
        self.kind.blockSignals(False)
        self.included.setChecked(actor.included)
        self.review.setText(actor.review)


class Inspector(QStackedWidget):
    """One page per item kind: nothing selected, an actor, a claim."""

    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self._doc = doc
        self.kind, self.item_id = "", ""
        self.empty = QLabel("Select an actor or a claim to inspect it.", self)
        self.empty.setWordWrap(True)
        self.actor_form = ActorForm(doc, self)
        self.claim_form = ClaimForm(doc, self)
        self.source_form = SourceForm(doc, self)
        for page in (self.empty, self.actor_form, self.claim_form, self.source_form):
            # Each page sits at the top; the stretch below takes the spare height.
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(page)
            column.addStretch(1)
            self.addWidget(holder)
        doc.changed.connect(self._on_changed)
        doc.reset.connect(lambda: self.show_item("", ""))
        doc.pendingChanged.connect(lambda _source_id: self.show_item(self.kind, self.item_id))

    def show_item(self, kind: str, item_id: str) -> None:
        self.kind, self.item_id = kind, item_id
        if kind == ItemKind.CLAIM and self._doc.briefing.claim(item_id):
            self.claim_form.show_claim(item_id)
            self.setCurrentWidget(self.claim_form.parentWidget())
        elif kind == ItemKind.SOURCE and self._doc.briefing.source(item_id):
            self.source_form.show_source(item_id)
            self.setCurrentWidget(self.source_form.parentWidget())
        elif kind == ItemKind.ACTOR and self._doc.briefing.actor(item_id):
            self.actor_form.show_actor(item_id)
            self.setCurrentWidget(self.actor_form.parentWidget())
        else:
            self.kind, self.item_id = "", ""
            self.setCurrentWidget(self.empty.parentWidget())

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.CLAIMS, ChangeKind.ACTORS, ChangeKind.SOURCES):
            self.show_item(self.kind, self.item_id)

