"""Accepting a corroboration suggestion: an undoable edit that is the analyst's review act.

domain.corroboration only suggests; these commands apply a suggestion's rating to its claim
as the analyst's own edit (so the claim counts as reviewed), and undo sets it back.
"""

from __future__ import annotations

from briefing_app.document.briefing_document import BriefingDocument
from briefing_app.document.commands import UpdateClaimCommand, edit_claim
from briefing_app.domain.corroboration import Suggestion

_WORDS = {"credibility": "credibility {}", "status": "{}"}


def suggestion_words(suggestion: Suggestion) -> str:
    """What accepting it sets, in words: 'credibility 1, corroborated', 'disputed'."""
    return ", ".join(_WORDS[name].format(value) for name, value in suggestion.values.items())


def accept_suggestion(doc: BriefingDocument, suggestion: Suggestion) -> UpdateClaimCommand:
    """The command that applies `suggestion`, labelled e.g. 'Accept suggestion: credibility
    1, corroborated'; push it on the document's undo stack."""
    claim = doc.briefing.claim(suggestion.claim_id)
    if claim is None:
        raise KeyError(suggestion.claim_id)
    return edit_claim(doc, claim, dict(suggestion.values),
                      f"Accept suggestion: {suggestion_words(suggestion)}")
