"""The reading view: one source's text, read-only, with paragraph numbers (and a mark
beside paragraphs that hold notes), highlights, tooltips, zoom, click-to-select and a
flash on the item the analyst moved to.
"""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.notes import notes_by_paragraph
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.ui.reading.highlighter import SpanHighlighter, iter_marks
from briefing_app.ui.reading.offsets import OffsetMap, offset_map
from briefing_app.ui.reading.tooltips import describe_marks

# Highlighting work per event-loop turn: small enough that the window never stalls.
_SLICE_SECONDS = 0.008
# After a landing, the first slice waits this long (ms): the window's repaint of the landed
# panels (20-40 ms for 5,000 claims) and Qt's delayed layout of the views come first, each
# in its own event-loop turn, instead of sharing one turn with a slice.
_AFTER_LANDING_MS = 30
_FLASH_MS = 450
_NOTE_BAR = 3  # width in pixels of the mark beside a paragraph that holds notes


class _Margin(QWidget):
    """The left margin: each source paragraph's number beside its first line."""

    def __init__(self, view: ArticleView):
        super().__init__(view)
        self.setObjectName("paragraphMargin")
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event) -> None:
        self._view.paint_margin(self, event.rect())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self._view.margin_tooltip(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        note_id = self._view.margin_note(event.position().toPoint().y())
        if note_id and event.button() == Qt.MouseButton.LeftButton:
            self._view.noteClicked.emit(note_id)
            return
        super().mousePressEvent(event)


class ArticleView(QPlainTextEdit):
    """Shows one source of the document; emits itemClicked(kind, id) for a clicked highlight."""

    itemClicked = Signal(str, str)  # "claim" or "actor", its id
    noteClicked = Signal(str)  # the id of a note whose margin mark was clicked
    highlightingDone = Signal()

    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(True)
        self._doc = doc
        self.source_id = ""
        self.offsets = OffsetMap("")
        self.highlighter = SpanHighlighter(self.document())
        self._paragraph_at_block: dict[int, int] = {}
        # Paragraph number -> texts (and ids) of the notes there; rebuilt per change, read
        # per paint.
        self.noted_paragraphs: dict[int, list[str]] = {}
        self._note_ids: dict[int, list[str]] = {}
        self._todo: list[int] = []
        self._job = None  # the running index rebuild (a generator), if any
        self._job_ids: set[str] | None = set()
        self._slicer = QTimer(self, singleShot=True, interval=0)
        self._slicer.timeout.connect(self._highlight_slice)
        self._current: tuple[int, int] | None = None
        # While a dialog asks for a word of the text (Mark as claim's cue or source), a
        # click goes to it: picker(code point offset) -> True when it took the click.
        self.picker = None
        self._flash = QTimer(self, singleShot=True, interval=_FLASH_MS)
        self._flash.timeout.connect(lambda: self._show_current(self.highlighter.ink["current"]))
        self._margin = _Margin(self)
        self.blockCountChanged.connect(self._update_margin_width)
        self.updateRequest.connect(self._update_margin)
        self._update_margin_width()
        doc.changed.connect(self._on_changed)
        doc.reset.connect(lambda: self.show_source(""))

    # ----------------------------------------------------------------- content
    def show_source(self, source_id: str) -> None:
        """Put the source's text in the view; highlights follow in slices."""
        source = self._doc.briefing.source(source_id)
        self.source_id = source.id if source else ""
        text = source.text if source else ""
        self._current = None
        self.setExtraSelections([])
        self.offsets = offset_map(text)
        self.highlighter.install(self.offsets, {})
        self._todo, self._job = [], None
        self.setPlainText(text)  # new blocks: their layouts hold no formats
        self._paragraph_at_block = {
            self.offsets.block_of(start): number
            for number, (start, _end) in enumerate(source.paragraphs if source else [], 1)
        }
        self.refresh_notes()
        self.refresh_highlights()

    def refresh_notes(self) -> None:
        """Find again which paragraphs hold notes (a few bisections) and repaint the margin."""
        found = notes_by_paragraph(self._doc.briefing, self.source_id)
        self.noted_paragraphs = {n: [note.text for note in notes] for n, notes in found.items()}
        self._note_ids = {n: [note.id for note in notes] for n, notes in found.items()}
        self._margin.update()

    def refresh_highlights(self, ids: set[str] | None = None) -> None:
        """Rebuild the highlight index from the domain and redraw, in slices.

        With `ids`, only blocks holding those actors or claims are redrawn. A rebuild
        already under way is restarted, so a burst of changes costs one rebuild.
        """
        if self._job is not None:
            ids = None if ids is None or self._job_ids is None else ids | self._job_ids
        self._job_ids = ids
        self._job = self._rebuild(ids)
        self._slicer.start(0)

    def _rebuild(self, ids: set[str] | None):
        offsets, old = self.offsets, self.highlighter.by_block
        by_block: dict[int, list] = {}
        marks = iter_marks(self._doc.briefing, self.source_id) if self.source_id else iter(())
        yield from self.highlighter.index_marks(offsets, marks, by_block)
        if ids is None:
            blocks = set(old) | set(by_block)
        else:
            blocks = {b for index in (old, by_block) for b, marks in index.items()
                      if any(m.item_id in ids for m in marks)}
        self.highlighter.install(offsets, by_block)
        first = self.firstVisibleBlock().blockNumber()
        # Visible blocks first (highest priority at the end: the list is popped from the end).
        self._todo = sorted(set(self._todo) | blocks,
                            key=lambda b: (first <= b < first + 80, -b))

    def set_colours(self, tints: dict[str, str], ink: dict[str, str]) -> None:
        """New highlight colours (theme or settings changed): redraw every block, in slices."""
        self.highlighter.set_colours(tints, ink)
        self.refresh_highlights()
        self._show_current(ink["current"])

    def highlight_after_paint(self) -> None:
        """Let the window paint before the next highlight slice (an analysis just landed)."""
        if self._slicer.isActive():
            self._slicer.start(_AFTER_LANDING_MS)

    def is_highlighting(self) -> bool:
        return self._job is not None or bool(self._todo) or self._slicer.isActive()

    def _highlight_slice(self) -> None:
        deadline = time.perf_counter() + _SLICE_SECONDS
        while self._job is not None and time.perf_counter() < deadline:
            try:
                next(self._job)
            except StopIteration:
                self._job = None
        document = self.document()
        while self._job is None and self._todo and time.perf_counter() < deadline:
            block = document.findBlockByNumber(self._todo.pop())
            if block.isValid():
                self.highlighter.rehighlight_block(block)
        if self._job is not None or self._todo:
            self._slicer.start(0)
        else:
            self.highlightingDone.emit()

    def _on_changed(self, change: Change) -> None:
        if change.kind in (ChangeKind.CLAIMS, ChangeKind.ACTORS) and self.source_id:
            self.refresh_highlights(set(change.ids) if change.ids else None)
        elif change.kind == ChangeKind.NOTES:
            self.refresh_notes()
        elif (change.kind == ChangeKind.SOURCES
              and self._doc.briefing.source(self.source_id) is None):
            self.show_source("")

    # --------------------------------------------------------------- selection
    def reveal(self, start: int, end: int) -> None:
        """Scroll to code points [start, end), keep them marked and flash them once."""
        self._current = (self.offsets.to_qt(start), self.offsets.to_qt(end))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._current[0])
        self.setTextCursor(cursor)
        self.centerCursor()
        self._show_current(self.highlighter.ink["flash"])
        self._flash.start()

    def _show_current(self, colour: str) -> None:
        if self._current is None:
            return
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        selection.cursor.setPosition(self._current[0])
        selection.cursor.setPosition(self._current[1], QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(QColor(colour))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.setExtraSelections([selection])

    def offset_at(self, point) -> int:
        return self.offsets.to_cp(self.cursorForPosition(point).position())

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if self.picker is not None and self.picker(self.offset_at(event.position().toPoint())):
            return  # a dialog (Mark as claim) took the click as its pick
        marks = self.highlighter.marks_at(self.offset_at(event.position().toPoint()))
        claim = next((m for m in marks if m.layer != "mention"), None)
        if claim is not None:
            self.itemClicked.emit(ItemKind.CLAIM, claim.item_id)
        elif marks:
            self.itemClicked.emit(ItemKind.ACTOR, marks[0].item_id)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            marks = self.highlighter.marks_at(self.offset_at(event.pos()))
            text = describe_marks(self._doc.briefing, marks)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -------------------------------------------------------------------- zoom
    def zoom(self, steps: int) -> None:
        """Zoom by `steps` points (negative: smaller); 0 is ignored."""
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)
        self._update_margin_width()

    # ------------------------------------------------------------------ margin
    def margin_width(self) -> int:
        digits = len(str(max(len(self._paragraph_at_block), 1)))
        return 14 + _NOTE_BAR + self.fontMetrics().horizontalAdvance("9") * max(digits, 2)

    def _update_margin_width(self, *_args) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _update_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    def paint_margin(self, widget: QWidget, rect: QRect) -> None:
        painter = QPainter(widget)
        painter.fillRect(rect, self.palette().alternateBase())
        painter.setPen(self.palette().placeholderText().color())
        note_colour = QColor(self.highlighter.ink["note"])
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        while block.isValid():
            top = round(self.blockBoundingGeometry(block).translated(offset).top())
            if top > rect.bottom():
                break
            number = self._paragraph_at_block.get(block.blockNumber())
            if number and block.isVisible():
                painter.drawText(0, top, widget.width() - 6, self.fontMetrics().height(),
                                 Qt.AlignmentFlag.AlignRight, str(number))
                if number in self.noted_paragraphs:
                    # The whole (wrapped) paragraph's height, so a noted line is seen at once.
                    height = round(self.blockBoundingRect(block).height())
                    painter.fillRect(2, top + 1, _NOTE_BAR, height - 2, note_colour)
            block = block.next()

    def _paragraph_beside(self, y: int) -> int | None:
        block = self.cursorForPosition(QPoint(0, y)).block()
        return self._paragraph_at_block.get(block.blockNumber())

    def margin_note(self, y: int) -> str:
        """The first note of the paragraph beside margin height `y` ('' if none)."""
        return next(iter(self._note_ids.get(self._paragraph_beside(y), [])), "")

    def margin_tooltip(self, y: int) -> str:
        """The notes of the paragraph beside margin height `y`, as rich text ('' if none)."""
        texts = self.noted_paragraphs.get(self._paragraph_beside(y))
        if not texts:
            return ""
        return "<hr>".join("<b>Note</b><br>" + escape(text).replace("\n", "<br>")
                           for text in texts)
