"""Highlights in the reading view: which stretches of text are mentions, claims, cues, hedges.

The highlighter colours one block at a time from an index of spans per block, so a long
article is formatted lazily in slices (visible blocks first) instead of all at once. It sets
each block layout's formats itself rather than being a QSyntaxHighlighter: the text is
read-only, so nothing needs re-highlighting as it is typed, and Qt's highlighter would call
into Python for every block of the document whenever the text is replaced (5,300 calls at
100,000 words, 15-28 ms with the window standing still, before any mark exists).
Each format also carries the span's layer and id as user properties, which lets tests read
the highlights back from the view and lets clicks find the item under the mouse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextFormat, QTextLayout

from briefing_app.domain import palette
from briefing_app.domain.model import Briefing
from briefing_app.ui.reading.offsets import OffsetMap

LAYERS = ("mention", "source", "cue", "content", "hedge")
# One user property per layer holds the ids (space-separated) of the actors or claims there.
LAYER_PROPERTY = {layer: QTextFormat.Property.UserProperty + n for n, layer in enumerate(LAYERS)}
KIND_PROPERTY = QTextFormat.Property.UserProperty + len(LAYERS)  # the actor kind of a mention



class Mark(NamedTuple):
    """One highlighted stretch in code points: which layer, whose id, and a style key."""

    start: int
    end: int
    layer: str
    item_id: str
    style: str  # the actor kind for mentions, the claim's review state otherwise


def iter_marks(briefing: Briefing, source_id: str) -> Iterator[Mark]:
    """Every stretch of `source_id` that the view highlights, from the domain alone."""
    for actor in briefing.actors:
        for m in actor.mentions:
            if m.source_id == source_id:
                yield Mark(m.start, m.end, "mention", actor.id, actor.kind)
    for claim in briefing.claims:
        if claim.source_id != source_id:
            continue
        parts = [("content", claim.content), ("source", claim.source_span), ("cue", claim.cue)]
        parts += [("hedge", hedge) for hedge in claim.hedges]
        for layer, span in parts:
            if span is not None:
                for start, end in span.pieces():
                    if end > start:
                        yield Mark(start, end, layer, claim.id, claim.review)


def marks_for_source(briefing: Briefing, source_id: str) -> list[Mark]:
    return list(iter_marks(briefing, source_id))


def _format(mark: Mark, tints: dict[str, str], ink: dict[str, str]) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if mark.layer == "mention":
        fmt.setProperty(KIND_PROPERTY, mark.style)
        fmt.setBackground(QColor(tints.get(mark.style, tints["unnamed"])))
        return fmt
    colour = QColor(ink.get(mark.style, ink["machine"]))
    if mark.style == "rejected":
        fmt.setForeground(colour)
    if mark.layer == "content":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
    elif mark.layer == "source":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colour)
    elif mark.layer == "cue":
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(colour)
    else:  # a hedge: wavy and italic, so "reportedly" can never pass for fact
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(ink["hedge"]))
        fmt.setFontItalic(True)
    return fmt


class SpanHighlighter:
    """Formats a block of `document` from the marks that touch it; overlapping marks are merged.

    Its colours come from domain/palette.py, the table the Word export uses too.
    """

    def __init__(self, document):
        self.document = document
        self.offsets = OffsetMap("")
        self.by_block: dict[int, list[Mark]] = {}
        self.tints, self.ink = palette.tints("light"), palette.ink("light")

    def set_colours(self, tints: dict[str, str], ink: dict[str, str]) -> None:
        """Use these colours from the next redraw on (the view redraws after a theme change)."""
        self.tints, self.ink = dict(tints), dict(ink)

    def index_marks(self, offsets: OffsetMap, marks, by_block: dict[int, list[Mark]],
                    step: int = 500) -> Iterator[None]:
        """Add `marks` to the per-block index `by_block`, yielding every `step` marks so
        the caller can spread a long article over several event-loop turns."""
        for n, mark in enumerate(marks, 1):
            first, last = offsets.block_of(mark.start), offsets.block_of(max(mark.end - 1, 0))
            for block in range(first, last + 1):
                by_block.setdefault(block, []).append(mark)
            if n % step == 0:
                yield

    def install(self, offsets: OffsetMap, by_block: dict[int, list[Mark]]) -> None:
        self.offsets, self.by_block = offsets, by_block

    def marks_at(self, offset: int) -> list[Mark]:
        block = self.by_block.get(self.offsets.block_of(offset), [])
        return [m for m in block if m.start <= offset < m.end]

    def rehighlight_block(self, block) -> None:
        """Draw the block's marks, or clear what it showed; the view repaints it."""
        layout = block.layout()
        ranges = self._ranges(block)
        if ranges or layout.formats():
            layout.setFormats(ranges)
            self.document.markContentsDirty(block.position(), block.length())

    def _ranges(self, block) -> list[QTextLayout.FormatRange]:
        marks = self.by_block.get(block.blockNumber())
        if not marks:
            return []
        base = block.position()
        length = block.length() - 1  # UTF-16 units, without the block separator
        pieces = []
        for mark in sorted(marks, key=lambda m: LAYERS.index(m.layer)):
            start = max(self.offsets.to_qt(mark.start) - base, 0)
            end = min(self.offsets.to_qt(mark.end) - base, length)
            if end > start:
                pieces.append((start, end, mark, _format(mark, self.tints, self.ink)))
        cuts = sorted({p for start, end, _, _ in pieces for p in (start, end)})
        ranges = []
        for left, right in zip(cuts, cuts[1:], strict=False):
            merged = QTextCharFormat()
            ids: dict[str, list[str]] = {}
            for start, end, mark, fmt in pieces:
                if start <= left and right <= end:
                    merged.merge(fmt)
                    ids.setdefault(mark.layer, []).append(mark.item_id)
            # Marks of one layer may overlap (two claims sharing words): keep every id.
            for layer, layer_ids in ids.items():
                merged.setProperty(LAYER_PROPERTY[layer], " ".join(dict.fromkeys(layer_ids)))
            if ids:
                piece = QTextLayout.FormatRange()
                piece.start, piece.length, piece.format = left, right - left, merged
                ranges.append(piece)
        return ranges


def read_marks(document, offsets: OffsetMap) -> set[tuple[int, int, str, str]]:
    """The (start, end, layer, id) stretches drawn in `document`, back in code points.

    A stretch that runs over a line break comes back as one, like the span it was drawn from.
    """
    runs: list[list] = []  # [qt_start, qt_end, layer, id]
    open_runs: dict[tuple[str, str], list] = {}
    block = document.firstBlock()
    while block.isValid():
        base = block.position()
        for fmt_range in block.layout().formats():
            start = base + fmt_range.start
            end = start + fmt_range.length
            for layer, prop in LAYER_PROPERTY.items():
                for item_id in (fmt_range.format.property(prop) or "").split():
                    run = open_runs.get((layer, item_id))
                    # Joined when contiguous, or when only the block separator lies between.
                    if run and (run[1] == start or (run[1] == base - 1 and start == base)):
                        run[1] = end
                    else:
                        run = [start, end, layer, item_id]
                        runs.append(run)
                        open_runs[(layer, item_id)] = run
        block = block.next()
    return {(offsets.to_cp(s), offsets.to_cp(e), layer, i) for s, e, layer, i in runs}
