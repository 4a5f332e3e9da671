"""ActorsModel: a two-level tree, actors at the top and each actor's mentions beneath.

A mention row stores its actor's row + 1 as the index's internal id (0 marks an actor row),
so parent() needs no lookup table and stays valid as long as the rows do. The model keeps
its own list of the actors it has announced, so rows never run ahead of its brackets.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.domain.corrections import mentions_by_source
from briefing_app.domain.display_text import safe_label
from briefing_app.domain.model import Actor, Mention
from briefing_app.domain.ops import Change, mentioned_count
from briefing_app.domain.vocab import ChangeKind, ItemKind
from briefing_app.qtmodels.columns import ColumnsMixin
from briefing_app.qtmodels.roles import ID_ROLE, ITEM_KIND_ROLE, ROOT, SORT_ROLE, SPAN_ROLE

COLUMNS = ("Actor", "Kind", "Role", "Affiliation", "Quoted", "Mentioned", "Review",
           "By source")


class ActorsModel(ColumnsMixin, QAbstractItemModel):
    columns = COLUMNS

    def __init__(self, doc: BriefingDocument, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._actors: list[Actor] = []
        self._rows: dict[str, int] = {}
        # Quoted counts per actor id, built in one pass over the claims when first asked:
        # counting per cell scanned every claim for every row the tree measured or painted,
        # ~40 ms for a long article each time the claims changed.
        self._quoted: dict[str, int] | None = None
        self._index_rows()
        doc.changed.connect(self._on_changed)
        doc.reset.connect(self._reset)

    def _index_rows(self) -> None:
        self._quoted = None
        self._actors = list(self._doc.briefing.actors)
        self._rows = {a.id: row for row, a in enumerate(self._actors)}

    def row_of(self, actor_id: str) -> int:
        return self._rows.get(actor_id, -1)

    def actor_at(self, row: int) -> Actor:
        return self._actors[row]

    def index(self, row, column, parent=ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index=ROOT) -> QModelIndex:
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=ROOT) -> int:
        if not parent.isValid():
            return len(self._actors)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.actor_at(parent.row()).mentions)
        return 0

    def columnCount(self, parent=ROOT) -> int:
        return len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._actor_data(self.actor_at(index.row()), index.column(), role)
        actor = self.actor_at(index.internalId() - 1)
        return self._mention_data(actor, actor.mentions[index.row()], index.column(), role)

    def _actor_data(self, actor: Actor, column: int, role):
        if role == ID_ROLE:
            return actor.id
        if role == ITEM_KIND_ROLE:
            return ItemKind.ACTOR
        if role == SPAN_ROLE:
            m = actor.mentions[0] if actor.mentions else None
            return (m.source_id, m.start, m.end) if m else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == 4:
                count = self._quoted_count(actor.id)
            elif column == 5:
                count = mentioned_count(actor)
            elif column == 7:
                return self._by_source(actor)
            else:
                # Names, roles and affiliations are shown without bidi controls, which
                # would otherwise show other words than the stored ones.
                return safe_label((actor.name, actor.kind, actor.role, actor.affiliation,
                                   "", "", actor.review)[column])
            return count if role == SORT_ROLE else str(count)
        if role == Qt.ItemDataRole.ForegroundRole and actor.review == "rejected":
            return Qt.GlobalColor.gray
        return None

    def _quoted_count(self, actor_id: str) -> int:
        """Briefing.quoted_count, from a table rebuilt after each change of the claims."""
        if self._quoted is None:
            self._quoted = {}
            for claim in self._doc.briefing.claims:
                if claim.actor_id is not None and claim.review != "rejected":
                    self._quoted[claim.actor_id] = self._quoted.get(claim.actor_id, 0) + 1
        return self._quoted.get(actor_id, 0)

    def _by_source(self, actor: Actor) -> str:
        """Mentions per source, by source number: "#1 ×3 · #2 ×1"."""
        numbers = {s.id: n for n, s in enumerate(self._doc.briefing.sources, 1)}
        return " · ".join(f"#{numbers[sid]} ×{count}"
                          for sid, count in mentions_by_source(self._doc.briefing, actor))

    def _mention_data(self, actor: Actor, mention: Mention, column: int, role):
        if role == ID_ROLE:
            return actor.id
        if role == ITEM_KIND_ROLE:
            return "mention"
        if role == SPAN_ROLE:
            return (mention.source_id, mention.start, mention.end)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) and column == 0:
            source = self._doc.briefing.source(mention.source_id)
            text = safe_label(source.text[mention.start:mention.end]) if source else ""
            para = source.paragraph_of(mention.start) if source else 0
            if len(self._doc.briefing.sources) > 1 and source is not None:
                number = self._doc.briefing.sources.index(source) + 1
                where = f"source {number}, para. {para}"
            else:
                where = f"para. {para}"
            return f"{text} ({where})" if role == Qt.ItemDataRole.DisplayRole else text
        return None

    def _on_changed(self, change: Change) -> None:
        self._quoted = None  # claims and actors both move quoted counts (merges, reviews)
        if change.kind == ChangeKind.CLAIMS:
            # Quoted counts follow claims (a rejected claim no longer counts).
            self._repaint_column(COLUMNS.index("Quoted"))
        elif change.kind == ChangeKind.ACTORS and not self._repaint_rows(
                [self._rows.get(i) for i in change.ids]):
            self._reset()
