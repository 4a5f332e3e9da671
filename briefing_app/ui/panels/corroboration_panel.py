"""The Corroboration panel: where the sources agree and disagree, proposition by proposition.

Propositions come contested first, then by how many independent sources report them; each
expands to its claims, source by source. Choosing a claim shows it in the reading view
(`claimChosen`); choosing a proposition shows its first claim. A claim with a suggestion
(credibility 1 and corroborated, or disputed) says so in its row: Y accepts it (an undoable
edit that is the analyst's review of that claim), N dismisses it for this session.

Grouping a large briefing takes a tenth of a second or more, so beyond a few dozen claims it
runs on a pool thread on a snapshot of the briefing's lists; a result that an edit made
stale is dropped.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRunnable,
    QSignalBlocker,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.corroboration_commands import accept_suggestion, suggestion_words
from briefing_app.domain.corroboration import (
    CONTRADICTED,
    CONTRADICTS,
    CORROBORATED,
    Corroboration,
    Suggestion,
    corroborate,
)
from briefing_app.domain.model import Briefing
from briefing_app.domain.ops import Change
from briefing_app.domain.short_text import shortened
from briefing_app.domain.vocab import ChangeKind

_ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_WORDS = {CONTRADICTED: "contradicted", CORROBORATED: "corroborated",
                "single_source": "single source"}
# About 0.1 ms a claim (benchmarks/corroboration.py): up to this many, grouping on the GUI
# thread costs less than handing it to a thread.
INLINE_CLAIMS = 30
KEYS_HINT = "Y accepts a claim's suggestion, N dismisses it."
ONE_SOURCE_HINT = ("Add a second source (File > Add Source) to see where sources agree "
                   "and disagree.")
REFRESH_DELAY_MS = 250  # edits come in bursts (a key per claim): group once they settle
_jobs = itertools.count(1)


def _short_note(note: str) -> str:
    """Why a claim is no independent confirmation, in the few words a narrow column holds
    (the tooltip has the whole reason)."""
    for start, short in (("republished", "copy"), ("same outlet", "same outlet"),
                         ("cites the same report", "same report")):
        if note.startswith(start):
            return short
    return note


class _Relay(QObject):
    done = Signal(int, object)  # job number, Corroboration


class _Job(QRunnable):
    def __init__(self, number: int, snapshot: Briefing, relay: _Relay):
        super().__init__()
        self._number, self._snapshot, self._relay = number, snapshot, relay

    def run(self) -> None:
        result = corroborate(self._snapshot)
        try:
            self._relay.done.emit(self._number, result)
        except RuntimeError:
            pass  # the panel was closed meanwhile: nobody waits for this result


def snapshot(briefing: Briefing) -> Briefing:
    """The lists corroborate() reads, copied: the GUI thread may edit the briefing meanwhile."""
    return Briefing(sources=list(briefing.sources), actors=list(briefing.actors),
                    claims=list(briefing.claims))


class CorroborationPanel(QWidget):
    claimChosen = Signal(str)  # a claim id to show in the reading view
    ready = Signal()  # a grouping landed and the rows show it

    def __init__(self, doc: BriefingDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("corroborationPanel")
        self._doc = doc
        self._latest = 0
        self._dismissed: set[tuple[str, tuple]] = set()
        self.result: Corroboration | None = None
        self._suggested: dict[str, list[Suggestion]] = {}  # the result's, by claim id
        self.view = QTreeWidget(self, objectName="corroborationView")
        self.view.setHeaderLabels(["Proposition / claim", "Status", "Suggestion"])
        self.view.setAlternatingRowColors(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
        self.hint = QLabel(KEYS_HINT, self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        self._relay = _Relay(self)
        self._relay.done.connect(self._landed)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        self.view.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.view.installEventFilter(self)
        doc.changed.connect(self._on_change)
        doc.reset.connect(self.recompute)
        self.recompute()

    # ------------------------------------------------------------- computing
    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.CLAIMS, ChangeKind.SOURCES, ChangeKind.ACTORS):
            self._timer.start()

    def recompute(self) -> None:
        """Group the briefing's claims again: off the GUI thread unless they are so few that
        grouping takes less than a few milliseconds (an empty window starts no thread).
        One source has nothing to agree or disagree with: nothing is grouped, and a long
        article's thousands of claims cost no thread and no rows."""
        self._latest = next(_jobs)
        briefing = self._doc.briefing
        if len(briefing.sources) < 2:
            self.result, self._suggested = None, {}
            self.view.clear()
            self.hint.setText(ONE_SOURCE_HINT)
            self.ready.emit()
            return
        self.hint.setText(KEYS_HINT)
        if len(briefing.claims) <= INLINE_CLAIMS:
            self._landed(self._latest, corroborate(briefing))
            return
        QThreadPool.globalInstance().start(_Job(self._latest, snapshot(briefing), self._relay))

    def _landed(self, number: int, result: Corroboration) -> None:
        if number != self._latest:
            return  # an edit came after this job took its snapshot
        self.result = result
        self._suggested = {}
        for suggestion in result.suggestions:
            self._suggested.setdefault(suggestion.claim_id, []).append(suggestion)
        self._fill()
        self.ready.emit()

    # ------------------------------------------------------------- rows
    def _suggestion(self, claim_id: str) -> Suggestion | None:
        for suggestion in self._suggested.get(claim_id, ()):
            if self._key(suggestion) not in self._dismissed:
                return suggestion
        return None

    @staticmethod
    def _key(suggestion: Suggestion) -> tuple[str, tuple]:
        return (suggestion.claim_id, tuple(sorted(suggestion.values.items())))

    def _fill(self) -> None:
        briefing = self._doc.briefing
        current = self.current_id()
        with QSignalBlocker(self.view):
            self.view.clear()
            for proposition in self.result.propositions:
                first = briefing.claim(proposition.claims[0].claim_id)
                if first is None:
                    continue
                count = proposition.independent_sources
                words = first.words(briefing.source(first.source_id).text)
                top = QTreeWidgetItem([
                    shortened(words, 120),
                    f"{STATUS_WORDS[proposition.status]}, {count} "
                    f"source{'' if count == 1 else 's'}", ""])
                top.setData(0, _ID_ROLE, proposition.id)
                top.setToolTip(0, f"{words}\n{count} independent source"
                                  f"{'' if count == 1 else 's'} report it")
                self.view.addTopLevelItem(top)
                for placed in proposition.claims:
                    top.addChild(self._claim_item(briefing, placed))
                top.setExpanded(proposition.status != "single_source")
            self.select(current)

    def _claim_item(self, briefing: Briefing, placed) -> QTreeWidgetItem:
        claim = briefing.claim(placed.claim_id)
        source = briefing.sources[placed.source]
        who = source.outlet or source.title
        role = "contradicts" if placed.role == CONTRADICTS else "supports"
        if not placed.independent:
            role += f", {_short_note(placed.note)}"
        suggestion = self._suggestion(claim.id)
        offer = suggestion_words(suggestion) if suggestion else ""
        item = QTreeWidgetItem([
            f"[{placed.source + 1}] {who}: {shortened(claim.words(source.text), 110)}",
            role, offer])
        item.setData(0, _ID_ROLE, claim.id)
        item.setToolTip(0, claim.words(source.text))
        if not placed.independent:
            item.setToolTip(1, f"Not independent: {placed.note}")
        if suggestion:
            item.setToolTip(2, f"Suggested because {suggestion.reason}: Y accepts, N dismisses.")
        return item

    def claim_words(self) -> dict[str, str]:
        """Each grouped claim's standing in words, for the Claims panel's column:
        'corroborated by 2', 'contradicted', 'single source' (none in a one-source briefing,
        where every claim would say the same)."""
        if self.result is None or len(self._doc.briefing.sources) < 2:
            return {}
        words = {}
        for proposition in self.result.propositions:
            if proposition.status == CORROBORATED:
                said = f"corroborated by {proposition.independent_sources}"
            else:
                said = STATUS_WORDS[proposition.status]
            words.update(dict.fromkeys(proposition.claim_ids(), said))
        return words

    def current_id(self) -> str:
        item = self.view.currentItem()
        return item.data(0, _ID_ROLE) if item is not None else ""

    def select(self, item_id: str) -> bool:
        for top in range(self.view.topLevelItemCount()):
            parent = self.view.topLevelItem(top)
            for item in (parent, *(parent.child(i) for i in range(parent.childCount()))):
                if item_id and item.data(0, _ID_ROLE) == item_id:
                    self.view.setCurrentItem(item)
                    return True
        return False

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        if item.parent() is None and item.childCount():
            item = item.child(0)  # a proposition shows its first claim
        self.claimChosen.emit(item.data(0, _ID_ROLE))

    # ------------------------------------------------------------- keys
    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Y and self.accept_current():
                return True
            if event.key() == Qt.Key.Key_N and self.dismiss_current():
                return True
        return super().eventFilter(watched, event)

    def _current_suggestion(self) -> Suggestion | None:
        item = self.view.currentItem()
        return self._suggestion(item.data(0, _ID_ROLE)) if item and item.parent() else None

    def accept_current(self) -> bool:
        """Apply the current claim's suggestion as the analyst's own, undoable edit."""
        suggestion = self._current_suggestion()
        if suggestion is None:
            return False
        self._doc.push(accept_suggestion(self._doc, suggestion))
        return True

    def dismiss_current(self) -> bool:
        suggestion = self._current_suggestion()
        if suggestion is None:
            return False
        self._dismissed.add(self._key(suggestion))
        self.view.currentItem().setText(2, "")
        return True
