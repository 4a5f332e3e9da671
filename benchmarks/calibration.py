"""Whether the engine's confidence means what it says: each predicted claim's outcome
against gold, a reliability table by confidence decile and the expected calibration error.

A claim's outcome is the corpus scorer's own judgment: paired with a gold claim at the
partial level (content Dice >= 0.5, one-to-one, greedy) and with the right source (a
shared word with the gold source, or both without one). Claims without a cue are the
author's own and are not scored, as in score_attribution.py. Used by benchmarks/quality.py
(to report) and training/calibrate.py (to fit).
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass
class Outcome:
    """One predicted, cued claim and what the gold says of it."""

    doc_id: str
    claim_id: str
    confidence: float | None
    flags: list[str]
    matched: bool  # paired with a gold claim at the partial level
    source_ok: bool  # ... and with the right source

    @property
    def correct(self) -> bool:
        return self.matched and self.source_ok

    @property
    def wrong_source(self) -> bool:
        return self.matched and not self.source_ok


def outcomes(scorer, docs, preds: dict) -> list[Outcome]:
    """Every cued predicted claim of `preds` (doc id -> analysis JSON) judged against the
    gold of `docs` ((doc id, text path, gold path) as scorer.find_docs gives)."""
    out = []
    for doc_id, text_path, gold_path in docs:
        with open(text_path, encoding="utf-8") as handle:
            text = handle.read()
        with open(gold_path, encoding="utf-8") as handle:
            gold = json.load(handle)["claims"]
        words = scorer.WordIndex(text)
        gold_content = [words.tokens(g["content"]) for g in gold]
        gold_source = [words.tokens(g["source"]) if g["source"] else frozenset() for g in gold]
        claims = [c for c in preds.get(doc_id, {}).get("claims", []) if c.get("cue")]
        content = [words.tokens(scorer.span_list(c["content"], len(text))) for c in claims]
        source = [words.tokens(scorer.span_list(c["source"], len(text))) for c in claims]
        pairs = {i: j for i, j, _d in scorer.greedy_pairs(content, gold_content,
                                                         lambda d: d >= 0.5)}
        for i, claim in enumerate(claims):
            j = pairs.get(i)
            ok = j is not None and (
                bool(source[i] & gold_source[j]) if gold_source[j] else not source[i])
            out.append(Outcome(doc_id, claim["id"], claim.get("confidence"),
                               list(claim.get("flags") or []), j is not None, ok))
    return out


def reliability(rows: list[Outcome], bins: int = 10) -> dict:
    """The reliability table (per confidence decile: claims, mean confidence, share right,
    share matched), the expected calibration error, and the two ranking targets."""
    scored = [r for r in rows if r.confidence is not None]
    if not scored:
        return {"claims": 0}
    table, ece = [], 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        group = [r for r in scored
                 if low <= r.confidence < high or (b == bins - 1 and r.confidence == 1.0)]
        if not group:
            continue
        mean = sum(r.confidence for r in group) / len(group)
        right = sum(r.correct for r in group) / len(group)
        ece += len(group) / len(scored) * abs(mean - right)
        table.append({"bin": f"{low:.1f}-{high:.1f}", "claims": len(group),
                      "confidence": round(mean, 3), "right": round(right, 3),
                      "matched": round(sum(r.matched for r in group) / len(group), 3)})
    sure = [r for r in scored if r.confidence >= 0.8]
    ranked = sorted(scored, key=lambda r: r.confidence)
    fifth = ranked[: max(1, len(ranked) // 5)]
    wrong = sum(r.wrong_source for r in scored)
    return {
        "claims": len(scored),
        "ece": round(ece, 4),
        "right_at_0.8": round(sum(r.correct for r in sure) / len(sure), 4) if sure else None,
        "claims_at_0.8": len(sure),
        "wrong_source_in_lowest_fifth": (
            round(sum(r.wrong_source for r in fifth) / wrong, 4) if wrong else None),
        "table": table,
    }
