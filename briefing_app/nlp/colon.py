"""Headline and lead-in attributions marked by a colon: "Trump: Cruz must apologise"."""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.records import RawClaim, Seg

_COLON_SOURCE_NOUNS = {"poll", "survey", "report", "study", "newspaper", "camp", "official",
                       "officials", "source", "sources", "spokesman", "spokeswoman", "aide"}
# How a colon claim whose speaker only looks like a name says so (RawClaim.source_by).
UNCONFIRMED_NAME = "colon_unconfirmed_name"
_NAMED_KINDS = ("person", "organisation")


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
    # The small model reads some surnames opening a line as plural nouns ("Sanders:",
    # "Matthews:" in a transcript); so does it "Update:" and "Photos:". Such a line is a
    # claim only if the article names someone by that word elsewhere (confirm_names).
    unconfirmed = not named and prefix[0].i == sent.start and 0 < len(words) <= 3 and all(
        t.pos_ in ("PROPN", "NOUN", "ADJ") and t.text.istitle() for t in words)
    if not named and not unconfirmed and not any(t.lower_ in _COLON_SOURCE_NOUNS
                                                 for t in prefix):
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
        source_by=UNCONFIRMED_NAME if unconfirmed else "",
    )


def confirm_names(text: str, claims: list[RawClaim], mentions) -> list[RawClaim]:
    """Drop the colon claims whose speaker is a capitalised word no other mention in the
    article (a person's or a body's name found by the parser) contains."""
    names = {word for m in mentions if m.kind in _NAMED_KINDS for word in m.text.split()}
    return [c for c in claims if c.source_by != UNCONFIRMED_NAME or any(
        word in names for s, e in c.source for word in text[s:e].split())]
