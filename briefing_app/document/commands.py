"""The undoable edits: QUndoCommands that call pure domain ops and label the Edit menu.

Commands refer to actors and claims by id, never by row, and snapshot only what they change.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.merge_ids import MergeId
from briefing_app.domain import review
from briefing_app.domain.model import Analysis, Claim, Source
from briefing_app.domain.ops import Change, add_source, apply_analysis
from briefing_app.domain.vocab import ChangeKind


class AddSourceCommand(QUndoCommand):
    def __init__(self, doc: BriefingDocument, source: Source):
        super().__init__(f"Open {source.title or 'article'}")
        self._doc, self._source = doc, source

    def redo(self) -> None:
        self._doc.notify(add_source(self._doc.briefing, self._source))

    def undo(self) -> None:
        self._doc.notify(review.remove_source(self._doc.briefing, self._source.id))


class ApplyAnalysisCommand(QUndoCommand):
    """Make an analysis the machine baseline of its source; undo restores the former state.

    apply_analysis keeps claims the analyst accepted, edited or rejected, so re-analysing
    (e.g. after changing pipeline) never loses the analyst's work. `spare`, an independent
    copy of `analysis` (ops.copy_analysis, made by the worker thread), is adopted by the
    first redo, which then copies nothing on the GUI thread; a later redo copies `analysis`.
    """

    def __init__(self, doc: BriefingDocument, analysis: Analysis, text: str = "Analyse article",
                 spare: Analysis | None = None):
        super().__init__(text)
        self._doc, self._analysis = doc, analysis
        self._spare = spare
        self._before = None

    def redo(self) -> None:
        briefing = self._doc.briefing
        if self._before is None:
            # Shallow on purpose: apply_analysis builds new claim lists and copies what it
            # adds; of the existing objects it only rebinds or extends an actor's mentions,
            # fills an empty role or affiliation and replaces its changed_by list, which
            # the snapshot keeps. A deep copy of thousands of claims would freeze the window.
            self._before = (
                list(briefing.claims), briefing.pipeline,
                [(a, list(a.mentions), a.role, a.affiliation, a.changed_by)
                 for a in briefing.actors],
            )
        else:
            self._restore()
        spare, self._spare = self._spare, None  # adopted once: the briefing owns it from now
        if spare is not None:
            self._doc.notify(apply_analysis(briefing, spare, owned=True))
        else:
            self._doc.notify(apply_analysis(briefing, self._analysis))

    def undo(self) -> None:
        self._restore()
        self._doc.notify([Change(ChangeKind.ACTORS), Change(ChangeKind.CLAIMS)])

    def _restore(self) -> None:
        claims, pipeline, actors = self._before
        briefing = self._doc.briefing
        briefing.claims, briefing.pipeline = list(claims), pipeline
        briefing.actors = []
        for actor, mentions, role, affiliation, changed_by in actors:
            actor.mentions, actor.role, actor.affiliation = list(mentions), role, affiliation
            actor.changed_by = changed_by
            briefing.actors.append(actor)


class UpdateClaimCommand(QUndoCommand):
    """Set fields of one claim; `merge` lets consecutive comment edits undo as one."""

    def __init__(self, doc: BriefingDocument, claim_id: str, values: dict, text: str,
                 merge: bool = False):
        super().__init__(text)
        self._doc, self._claim_id, self._values = doc, claim_id, dict(values)
        claim = doc.briefing.claim(claim_id)
        self._old = review.claim_values(claim, values)
        self._merge = merge

    def id(self) -> int:
        return MergeId.CLAIM_COMMENT if self._merge else MergeId.NONE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateClaimCommand) or other._claim_id != self._claim_id:
            return False
        self._values.update(other._values)
        return True

    def redo(self) -> None:
        self._doc.notify(review.update_claim(self._doc.briefing, self._claim_id, self._values))

    def undo(self) -> None:
        self._doc.notify(review.update_claim(self._doc.briefing, self._claim_id, self._old))


class UpdateActorCommand(QUndoCommand):
    def __init__(self, doc: BriefingDocument, actor_id: str, values: dict, text: str):
        super().__init__(text)
        self._doc, self._actor_id, self._values = doc, actor_id, dict(values)
        self._old = review.actor_values(doc.briefing.actor(actor_id), values)

    def redo(self) -> None:
        self._doc.notify(review.update_actor(self._doc.briefing, self._actor_id, self._values))

    def undo(self) -> None:
        self._doc.notify(review.update_actor(self._doc.briefing, self._actor_id, self._old))


def edit_claim(doc: BriefingDocument, claim: Claim, values: dict, text: str,
               merge: bool = False) -> UpdateClaimCommand:
    """A command for an analyst edit; unless it sets the review state itself, a judgment
    (rating, status, comment, source actor) marks the claim edited, and triage (include,
    exclude) leaves its state as it is."""
    values = dict(values)
    values.setdefault("review", review.reviewed_after(claim.review, values,
                                                      review.CLAIM_JUDGED))
    return UpdateClaimCommand(doc, claim.id, values, text, merge)


def rate_claim(doc: BriefingDocument, claim: Claim, **rating) -> UpdateClaimCommand:
    """Set reliability and/or credibility, labelled with the resulting code: 'Rate claim B2'."""
    reliability = rating.get("reliability", claim.rating.reliability) or "?"
    credibility = rating.get("credibility", claim.rating.credibility) or "?"
    return edit_claim(doc, claim, rating, f"Rate claim {reliability}{credibility}")


def set_review(doc: BriefingDocument, claim: Claim, state: str) -> UpdateClaimCommand:
    verbs = {"accepted": "Accept claim", "rejected": "Reject claim", "machine": "Unreview claim"}
    return UpdateClaimCommand(doc, claim.id, {"review": state}, verbs.get(state, "Review claim"))


def edit_actor(doc: BriefingDocument, actor_id: str, values: dict, text: str
               ) -> UpdateActorCommand:
    """A command for an analyst edit of an actor: editing its own fields marks a machine
    actor 'edited'; including or excluding it leaves its state as it is."""
    values = dict(values)
    current = doc.briefing.actor(actor_id).review
    values.setdefault("review", review.reviewed_after(current, values, review.ACTOR_JUDGED))
    return UpdateActorCommand(doc, actor_id, values, text)
