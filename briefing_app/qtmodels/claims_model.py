"""ClaimsModel: a flat, read-only table over the briefing's claims, one row per claim.

Edits go through undo commands on the document; the model only follows its Changes. It
keeps its own list of the claims it has announced, so its row count never runs ahead of
the begin/end brackets while the document is mid-change.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain import briefing_ops, flags
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import Claim
from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.qtmodels.columns import ColumnsMixin
from briefing_app.qtmodels.roles import (
    CONFIDENCE_ROLE,
    ID_ROLE,
    ITEM_KIND_ROLE,
    ROOT,
    SORT_ROLE,
    SPAN_ROLE,
)


class Column(IntEnum):
    """The Claims panel's columns by number; new ones go last so the others keep their
    numbers (saved column choices and sorting refer to them)."""

    CLAIM = 0
    ACTOR = 1
    STANCE = 2
    KIND = 3
    HEDGED = 4
    RATING = 5
    LIKELIHOOD = 6
    STATUS = 7
    REVIEW = 8
    INCLUDED = 9
    PARAGRAPH = 10
    SOURCE = 11
    CONFIDENCE = 12
    FLAGS = 13
    AGREEMENT = 14


COLUMNS = ("Claim", "Source actor", "Stance", "Kind", "Hedged", "Rating", "Likelihood",
           "Status", "Review", "Included", "Para.", "Source", "Confidence", "Flags",
           "Other sources")
_EXCERPT = 90
_ROLE = Qt.ItemDataRole
# The roles data() answers. Qt's delegate asks seven roles of every cell it paints, and
# font, check state, decoration and background are never answered here: a set lookup
# turns them away before a chain of enum comparisons (a view of 15 columns is painted
# about 1,000 calls at a time).
_ANSWERED = frozenset(int(role) for role in (
    ID_ROLE, ITEM_KIND_ROLE, SPAN_ROLE, CONFIDENCE_ROLE, SORT_ROLE, _ROLE.DisplayRole,
    _ROLE.ToolTipRole, _ROLE.TextAlignmentRole, _ROLE.ForegroundRole))
_DISPLAY, _FOREGROUND, _ALIGNMENT = (int(_ROLE.DisplayRole), int(_ROLE.ForegroundRole),
                                     int(_ROLE.TextAlignmentRole))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ClaimsModel(ColumnsMixin, QAbstractTableModel):
    columns = COLUMNS

    def __init__(self, doc: BriefingDocument, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._claims: list[Claim] = []
        self._rows: dict[str, int] = {}
        # Claim id -> 'corroborated by 2' / 'contradicted' / 'single source', from the
        # Corroboration panel's latest grouping (set_agreement).
        self._agreement: dict[str, str] = {}
        self._index_rows()
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)

    def _index_rows(self) -> None:
        self._claims = list(self._doc.briefing.claims)
        self._rows = {c.id: row for row, c in enumerate(self._claims)}

    def claim_at(self, row: int) -> Claim:
        return self._claims[row]

    def row_of(self, claim_id: str) -> int:
        return self._rows.get(claim_id, -1)

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED or not index.isValid():
            return None
        claim = self.claim_at(index.row())
        # The roles a paint asks most come first, compared as plain numbers.
        if role == _DISPLAY or role == SORT_ROLE:
            return self._value(claim, index.column(), role == SORT_ROLE)
        if role == _FOREGROUND:
            return Qt.GlobalColor.gray if claim.review == "rejected" else None
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == Column.CONFIDENCE else None
        if role == ID_ROLE:
            return claim.id
        if role == ITEM_KIND_ROLE:
            return ItemKind.CLAIM
        if role == SPAN_ROLE:
            return (claim.source_id, claim.start, claim.end)
        if role == CONFIDENCE_ROLE:
            return flags.confidence_of(claim)
        return self._tooltip(claim, index.column())

    def _tooltip(self, claim: Claim, column: int) -> str | None:
        if column == Column.CLAIM:
            return self._content(claim)
        if column == Column.SOURCE:
            source = self._doc.briefing.source(claim.source_id)
            return safe_label(source.title) if source else None
        if column in (Column.CONFIDENCE, Column.FLAGS):
            return self._doubts(claim)
        if column == Column.INCLUDED and claim.review == "rejected":
            return "Rejected: left out of the briefing"
        return None

    def _content(self, claim: Claim) -> str:
        """The claim's words as a label: without the bidi controls the article may hold."""
        source = self._doc.briefing.source(claim.source_id)
        return safe_label(claim.content.text(source.text)) if source else ""

    @staticmethod
    def _doubts(claim: Claim) -> str:
        """Why the engine doubts the claim, one reason a line."""
        reasons = flags.flag_reasons(flags.flags_of(claim))
        lines = [f"Engine confidence: {flags.format_confidence(flags.confidence_of(claim))}"]
        return "\n".join(lines + [f"• {reason}" for reason in reasons])

    def _source_words(self, claim: Claim) -> str:
        source = self._doc.briefing.source(claim.source_id)
        return " ".join(claim.source_span.text(source.text).split()) if source else "?"

    def _value(self, claim: Claim, column: int, for_sort: bool):
        if column == Column.CLAIM:
            text = " ".join(self._content(claim).split())
            return text if for_sort or len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"
        if column == Column.ACTOR:
            actor = self._doc.briefing.actor(claim.actor_id)
            if actor is not None:
                return safe_label(actor.name)
            # A source in the text that is no actor is still someone else's, not the author's.
            return (f"{safe_label(self._source_words(claim))} (no actor)"
                    if claim.source_span else "(author)")
        rating = claim.rating
        values = {
            Column.STANCE: claim.stance, Column.KIND: claim.kind.replace("_", " "),
            Column.HEDGED: "yes" if claim.hedges else "", Column.RATING: rating.admiralty,
            Column.LIKELIHOOD: rating.likelihood, Column.STATUS: rating.status,
            Column.REVIEW: claim.review,
            # The export's own rule: a rejected claim is left out, whatever its toggle says.
            Column.INCLUDED: "yes" if briefing_ops.included(claim) else "no",
        }
        if column == Column.CONFIDENCE:
            if for_sort:
                return flags.certainty_key(claim)
            confidence = flags.confidence_of(claim)
            return "" if confidence is None else flags.format_confidence(confidence)
        if column == Column.FLAGS:
            return "; ".join(flags.flag_words(flags.flags_of(claim)))
        if column == Column.AGREEMENT:
            return self._agreement.get(claim.id, "")
        if column == Column.PARAGRAPH:
            return claim.paragraph if for_sort else str(claim.paragraph or "")
        if column == Column.SOURCE:
            # Numbered like the Sources panel and the export's "Source 1", "Source 2".
            number = self._source_number(claim.source_id)
            return number if for_sort else (f"#{number}" if number else "")
        return values[column]

    def set_agreement(self, words: dict[str, str]) -> None:
        self._agreement = words
        self._repaint_column(Column.AGREEMENT)

    def _source_number(self, source_id: str) -> int:
        sources = self._doc.briefing.sources
        return next((n for n, s in enumerate(sources, 1) if s.id == source_id), 0)

    def _on_changed(self, change: Change) -> None:
        if change.kind == ChangeKind.SOURCES:  # added, removed or retitled: numbers and titles move
            self._repaint_column(Column.SOURCE)
        elif change.kind == ChangeKind.ACTORS:
            self._repaint_column(Column.ACTOR)
        elif change.kind == ChangeKind.CLAIMS and not self._repaint_rows(
                [self._rows.get(i) for i in change.ids]):
            self._reset()
