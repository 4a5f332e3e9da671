"""Accepting a corroboration suggestion: the analyst's review of that claim, undoable."""

import pytest

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.corroboration_commands import accept_suggestion
from briefing_app.domain.corroboration import corroborate
from support.corroboration_briefing import sample_briefing

pytestmark = pytest.mark.model


def test_accept_rates_and_reviews_only_that_claim_and_undo_restores(qapp, nlp):
    doc = BriefingDocument(sample_briefing(nlp))
    suggestion = next(s for s in corroborate(doc.briefing).suggestions
                      if s.values.get("status") == "corroborated")
    claim = doc.briefing.claim(suggestion.claim_id)
    others = [(c.id, c.review, c.rating.status) for c in doc.briefing.claims if c is not claim]

    command = accept_suggestion(doc, suggestion)
    assert command.text() == "Accept suggestion: credibility 1, corroborated"
    doc.push(command)
    assert (claim.rating.credibility, claim.rating.status, claim.review) == (
        "1", "corroborated", "edited")
    assert [(c.id, c.review, c.rating.status)
            for c in doc.briefing.claims if c is not claim] == others
    # Accepted once, it is no longer suggested.
    assert suggestion.claim_id not in {s.claim_id for s in corroborate(doc.briefing).suggestions}

    doc.undo_stack.undo()
    assert (claim.rating.credibility, claim.rating.status, claim.review) == (
        "", "unverified", "machine")
