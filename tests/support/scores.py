"""The engine's confidence and flags set on the hand-made claims, for tests of risky-first
review (the hand-made briefing is built without the engine, so it has none of its own)."""

from __future__ import annotations

from briefing_app.domain.ops import Change
from briefing_app.domain.vocab import ChangeKind

# c1 is a clean claim; c2 the least certain, with two flags; c3 in between, one flag.
SCORES = {
    "c1": (0.91, []),
    "c2": (0.34, ["pronoun_source", "closing_attribution"]),
    "c3": (0.62, ["no_cue"]),
}


def score_claims(doc, scores=SCORES) -> None:
    """Give the briefing's claims their scores and tell the models, as a landed analysis would."""
    for claim_id, (confidence, flags) in scores.items():
        claim = doc.briefing.claim(claim_id)
        claim.confidence = confidence
        claim.flags = list(flags)
    doc.notify(Change(ChangeKind.CLAIMS, list(scores)))
