"""Headline and lead-in attributions marked by a colon: "Trump: Cruz must apologise"."""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.records import RawClaim, Seg

_COLON_SOURCE_NOUNS = {"poll", "survey", "report", "study", "newspaper", "camp", "official",
                       "officials", "source", "sources", "spokesman", "spokeswoman", "aide"}


def colon_claim(colon, base: int, quotes: list[Seg]) -> RawClaim | None:
    """A headline or lead-in 'Speaker: what they said' (no verb before the colon)."""
    sent = colon.sent
    prefix = [t for t in sent if t.i < colon.i]
    rest = [t for t in colon.doc[colon.i + 1 :] if not t.is_space]
    if not prefix or len(prefix) > 7 or sum(not t.is_punct for t in rest) < 3:
        return None
    if any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") for t in prefix):
        return None
    words = [t for t in prefix if not t.is_punct]
    named = any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in prefix) or (
        # An untagged name ("Okafor:"), but not a shouted dateline ("WASHINGTON:").
        words and all(t.pos_ == "PROPN" and t.text.istitle() for t in words)
    )
    if not named and not any(t.lower_ in _COLON_SOURCE_NOUNS for t in prefix):
        return None
    content = spans.shift(spans.tokens_span(spans.trim(rest) or rest), base)
    source = spans.shift(spans.tokens_span(spans.trim(prefix) or prefix), base)
    return RawClaim(
        content=[spans.snap_to_quotes(content, colon.idx + base, quotes)],
        cue=[spans.shift((colon.idx, colon.idx + 1), base)],
        source=[source],
        stance="assert",
        kind="direct_quote" if spans.inside_quotes(content, quotes) else "reported",
        cue_lemma=":",
        source_root=spans.shift((prefix[-1].idx, 0), base)[0],
        source_is_pronoun=prefix[-1].pos_ == "PRON",
    )
