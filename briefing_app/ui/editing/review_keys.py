"""The keyboard review scheme, declared once: the Review menu's actions are built from
REVIEW_KEYS, and Help > Keyboard shortcuts reads those actions, so the help cannot drift.

Scheme: plain letters act (J/K move, A accept, R reject, I include, U/C/D/X status),
capital letters rate reliability (Shift+B then 2 types "B2"), digits rate credibility,
Ctrl+digits pick the likelihood word.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing_app.domain.model import CREDIBILITY_WORDS, LIKELIHOODS, RELIABILITY_WORDS


@dataclass(frozen=True)
class ReviewKey:
    name: str  # the action's object name suffix
    text: str  # menu text
    keys: tuple[str, ...]  # QKeySequence strings, first is shown in the menu
    op: str  # which review operation
    value: object = None


def _build() -> list[ReviewKey]:
    keys = [
        ReviewKey("NextClaim", "Next claim", ("J",), "move", 1),
        ReviewKey("PreviousClaim", "Previous claim", ("K",), "move", -1),
        ReviewKey("Accept", "Accept", ("A",), "review", "accepted"),
        ReviewKey("Reject", "Reject", ("R", "Delete"), "review", "rejected"),
        ReviewKey("ToggleInclude", "Include / exclude in briefing", ("I",), "include"),
    ]
    keys += [ReviewKey(f"Reliability{code}", f"Reliability {code}: {word}", (f"Shift+{code}",),
                       "reliability", code) for code, word in RELIABILITY_WORDS.items()]
    keys += [ReviewKey(f"Credibility{code}", f"Credibility {code}: {word}", (code,),
                       "credibility", code) for code, word in CREDIBILITY_WORDS.items()]
    keys += [ReviewKey(f"Likelihood{n}", f"Likelihood: {word} ({span})", (f"Ctrl+{n}",),
                       "likelihood", word)
             for n, (word, span) in enumerate(LIKELIHOODS.items(), 1)]
    keys += [ReviewKey(f"Status{status.title()}", f"Status: {status}", (key,), "status", status)
             for key, status in (("U", "unverified"), ("C", "corroborated"),
                                 ("D", "disputed"), ("X", "false"))]
    return keys


REVIEW_KEYS = _build()

