"""The Briefing panel: title, author, handling mark, BLUF and key judgments, and a live
outline of what File > Export briefing will write.

Every edit is an undo command from document.briefing_commands. Fields are refreshed from the
domain on each Change with their signals blocked, so a refresh never pushes a command; text
is only replaced when it differs, so the cursor stays put while the analyst types.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.document import briefing_commands as cmd
from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import briefing_ops
from briefing_app.domain.model import CONFIDENCES, HANDLING_MARKS, LIKELIHOODS, Judgment
from briefing_app.domain.ops import Change, new_id
from briefing_app.domain.vocab import ChangeKind

_ID_ROLE = Qt.ItemDataRole.UserRole


def _set_text(widget, text: str) -> None:
    """Replace a field's text without a signal, and only if it differs (keeps the cursor)."""
    current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    if current != text:
        with QSignalBlocker(widget):
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)


class BriefingPanel(QWidget):
    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("briefingPanel")
        self._doc = doc
        self.title = QLineEdit(self, objectName="briefingTitle")
        self.author = QLineEdit(self, objectName="briefingAuthor")
        self.mark = QComboBox(self, objectName="briefingMark", editable=True)
        self.mark.addItems(HANDLING_MARKS)
        # An organisation's own line is used as typed, not added to the TLP list.
        self.mark.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mark.lineEdit().setPlaceholderText("TLP:… or your organisation's line")
        self.bluf = QPlainTextEdit(self, objectName="blufEdit")
        self.bluf.setPlaceholderText("Two to four sentences a decision maker reads first.")
        self.bluf.setTabChangesFocus(True)
        self.bluf.setMinimumHeight(90)
        self.judgments = QTreeWidget(self, objectName="judgmentsView")
        self.judgments.setHeaderLabels(["Key judgment", "Likelihood", "Confidence"])
        self.judgments.setRootIsDecorated(False)
        self.judgments.setMinimumHeight(90)
        header = self.judgments.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.judgment_text = QLineEdit(self, objectName="judgmentText")
        self.judgment_text.setPlaceholderText("Select or add a key judgment")
        self.likelihood = QComboBox(self, objectName="judgmentLikelihood")
        self.likelihood.addItems(["(no likelihood)"] + [f"{w} ({r})" for w, r in
                                                        LIKELIHOODS.items()])
        self.confidence = QComboBox(self, objectName="judgmentConfidence")
        self.confidence.addItems(["(no confidence)"] + [f"{c} confidence" for c in CONFIDENCES])
        for combo in (self.likelihood, self.confidence):
            # Sized to a short text, not the longest item: the dock must stay narrow.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.buttons = {}
        for name, text in (("add", "Add"), ("remove", "Remove"), ("up", "Up"), ("down", "Down")):
            self.buttons[name] = QPushButton(text, self, objectName=f"judgment{text}")
        self.outline = QTreeWidget(self, objectName="outlineView")
        self.outline.setHeaderLabels(["Export outline"])
        self.outline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unreviewed = QLabel(self, objectName="unreviewedLabel")
        self.unreviewed.setWordWrap(True)
        self._layout()
        self._outline_timer = QTimer(self, singleShot=True, interval=150)
        self._outline_timer.timeout.connect(self.refresh_outline)
        self._connect()
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Author", self.author)
        form.addRow("Handling", self.mark)
        editor = QHBoxLayout()
        editor.addWidget(self.likelihood, 3)
        editor.addWidget(self.confidence, 2)
        buttons = QVBoxLayout()
        for button in self.buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        judgments = QHBoxLayout()
        judgments.addWidget(self.judgments, 1)
        judgments.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Bottom line up front</b>", self))
        layout.addWidget(self.bluf, 2)
        layout.addWidget(QLabel("<b>Key judgments</b>", self))
        layout.addLayout(judgments, 2)
        layout.addWidget(self.judgment_text)
        layout.addLayout(editor)
        layout.addWidget(self.outline, 4)
        layout.addWidget(self.unreviewed)

    def _connect(self) -> None:
        self._doc.changed.connect(self._on_change)
        self._doc.reset.connect(self.refresh)
        self.title.editingFinished.connect(lambda: self._set_field("title", self.title.text()))
        self.author.editingFinished.connect(
            lambda: self._set_field("author", self.author.text()))
        self.mark.activated.connect(lambda _i: self._set_field("mark", self.mark.currentText()))
        self.mark.lineEdit().editingFinished.connect(
            lambda: self._set_field("mark", self.mark.currentText()))
        self.bluf.textChanged.connect(
            lambda: self._set_field("bluf", self.bluf.toPlainText(), merge=True))
        self.judgments.currentItemChanged.connect(lambda *_: self._show_judgment())
        self.judgment_text.textEdited.connect(
            lambda text: self._set_judgment({"text": text}, merge=True))
        self.likelihood.activated.connect(lambda i: self._set_judgment(
            {"likelihood": ("", *LIKELIHOODS)[i]}, "Set judgment likelihood"))
        self.confidence.activated.connect(lambda i: self._set_judgment(
            {"confidence": ("", *CONFIDENCES)[i]}, "Set judgment confidence"))
        self.buttons["add"].clicked.connect(self.add_judgment)
        self.buttons["remove"].clicked.connect(self.remove_judgment)
        self.buttons["up"].clicked.connect(lambda: self.move_judgment(-1))
        self.buttons["down"].clicked.connect(lambda: self.move_judgment(1))

    # ------------------------------------------------------------------ edits
    def _set_field(self, name: str, value: str, merge: bool = False) -> None:
        if getattr(self._doc.briefing, name) != value:
            self._doc.push(cmd.SetBriefingFieldsCommand(self._doc, {name: value}, merge=merge))

    def current_judgment_id(self) -> str:
        item = self.judgments.currentItem()
        return item.data(0, _ID_ROLE) if item is not None else ""

    def _set_judgment(self, values: dict, text: str = "Edit key judgment",
                      merge: bool = False) -> None:
        judgment_id = self.current_judgment_id()
        if not judgment_id:
            return
        old = briefing_ops.judgment_values(self._doc.briefing, judgment_id, values)
        if old != values:
            self._doc.push(cmd.UpdateJudgmentCommand(self._doc, judgment_id, values, text,
                                                     merge))

    def add_judgment(self) -> str:
        """Add a judgment after the current one and put the cursor in its text, selected,
        so what the analyst types next replaces it. Likelihood and confidence stay empty:
        they are the analyst's call, never a default that reads as one."""
        judgment = Judgment(new_id("j"), "New key judgment")
        current = self.current_judgment_id()
        index = (briefing_ops.judgment_index(self._doc.briefing, current) + 1
                 if current else None)
        self._doc.push(cmd.AddJudgmentCommand(self._doc, judgment, index))
        self.select_judgment(judgment.id)
        # The row may already be current (the list set it while it was rebuilt with its
        # signals blocked), and then no currentItemChanged enables the fields: do it here.
        self._show_judgment()
        self.judgment_text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.judgment_text.selectAll()
        return judgment.id

    def remove_judgment(self) -> None:
        if self.current_judgment_id():
            self._doc.push(cmd.RemoveJudgmentCommand(self._doc, self.current_judgment_id()))

    def move_judgment(self, step: int) -> None:
        judgment_id = self.current_judgment_id()
        if not judgment_id:
            return
        index = briefing_ops.judgment_index(self._doc.briefing, judgment_id)
        if 0 <= index + step < len(self._doc.briefing.judgments):
            self._doc.push(cmd.MoveJudgmentCommand(self._doc, judgment_id, index + step))
            self.select_judgment(judgment_id)

    def select_judgment(self, judgment_id: str) -> None:
        for row in range(self.judgments.topLevelItemCount()):
            item = self.judgments.topLevelItem(row)
            if item.data(0, _ID_ROLE) == judgment_id:
                self.judgments.setCurrentItem(item)
                return

    # ---------------------------------------------------------------- refresh
    def _on_change(self, change: Change) -> None:
        if change.kind == ChangeKind.BRIEFING:
            self._refresh_fields()
        elif change.kind == ChangeKind.JUDGMENTS:
            self._refresh_judgments()
        self._outline_timer.start()

    def refresh(self) -> None:
        self._refresh_fields()
        self._refresh_judgments()
        self.refresh_outline()

    def _refresh_fields(self) -> None:
        briefing = self._doc.briefing
        _set_text(self.title, briefing.title)
        self.title.setPlaceholderText(briefing_ops.export_title(briefing))
        _set_text(self.author, briefing.author)
        _set_text(self.mark.lineEdit(), briefing.mark)
        _set_text(self.bluf, briefing.bluf)

    def _refresh_judgments(self) -> None:
        current = self.current_judgment_id()
        with QSignalBlocker(self.judgments):
            self.judgments.clear()
            for judgment in self._doc.briefing.judgments:
                item = QTreeWidgetItem([judgment.text, judgment.likelihood, judgment.confidence])
                item.setData(0, _ID_ROLE, judgment.id)
                item.setToolTip(0, judgment.text)
                self.judgments.addTopLevelItem(item)
            self.select_judgment(current)
        self._show_judgment()

    def _show_judgment(self) -> None:
        judgment_id = self.current_judgment_id()
        briefing = self._doc.briefing
        judgment = (briefing.judgments[briefing_ops.judgment_index(briefing, judgment_id)]
                    if judgment_id else None)
        for widget in (self.judgment_text, self.likelihood, self.confidence,
                       self.buttons["remove"], self.buttons["up"], self.buttons["down"]):
            widget.setEnabled(judgment is not None)
        if judgment is None:
            _set_text(self.judgment_text, "")
            return
        _set_text(self.judgment_text, judgment.text)
        with QSignalBlocker(self.likelihood), QSignalBlocker(self.confidence):
            self.likelihood.setCurrentIndex(("", *LIKELIHOODS).index(judgment.likelihood))
            self.confidence.setCurrentIndex(("", *CONFIDENCES).index(judgment.confidence))

    def refresh_outline(self) -> None:
        """Rebuild the export outline (cheap: counts only, a dozen lines)."""
        self._outline_timer.stop()
        briefing = self._doc.briefing
        self.outline.clear()
        parents: dict[int, QTreeWidgetItem] = {}
        for line in briefing_ops.outline(briefing):
            parent = parents.get(line.level - 1)
            item = QTreeWidgetItem([line.text])
            if parent is None:
                self.outline.addTopLevelItem(item)
            else:
                parent.addChild(item)
            if line.level == 0:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            parents[line.level] = item
        self.outline.expandAll()
        count = briefing_ops.unreviewed_count(briefing)
        self.unreviewed.setText(
            f"{count} included item{'' if count == 1 else 's'} not reviewed yet: marked "
            "“unreviewed” in the export" if count else "Every included item is reviewed.")

    def outline_texts(self) -> list[str]:
        """The outline as shown, depth-first (tests and the screenshot check read it)."""
        texts = []

        def walk(item: QTreeWidgetItem) -> None:
            texts.append(item.text(0))
            for child in range(item.childCount()):
                walk(item.child(child))

        for row in range(self.outline.topLevelItemCount()):
            walk(self.outline.topLevelItem(row))
        return texts
