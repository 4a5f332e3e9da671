"""Prepositional frames that attribute a whole clause: "In a new poll, 50 percent chose
Clinton", "For many voters, the economy comes first", "Trump leads in state surveys"."""

from __future__ import annotations

from briefing_app.nlp import spans
from briefing_app.nlp.lexicon import CUE_VERBS
from briefing_app.nlp.records import RawClaim, Seg

# "in" + one of these: the poll or document is the source of what the clause reports.
_IN_SOURCES = {"poll", "survey", "study", "ranking", "video"}
# "For X," / "To X,": the clause is X's view when X is people, not a time or a purpose.
_VIEWERS = {
    "voter", "supporter", "democrat", "republican", "critic", "student", "many", "analyst",
    "people", "observer", "fan", "member", "conservative", "liberal", "some", "most",
    "american", "activist", "leader", "official", "resident", "worker",
}


def frame_claim(prep, base: int) -> RawClaim | None:
    """A claim framed by the preposition `prep`, or None."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    word = prep.lower_
    if word == "in":
        # "said in an interview" is the verb's claim; only a bare finding is framed.
        if pobj.lemma_.lower() not in _IN_SOURCES or prep.head.lemma_.lower() in CUE_VERBS:
            return None
    elif word in ("for", "to"):
        nxt = prep.doc[pobj.right_edge.i + 1] if pobj.right_edge.i + 1 < len(prep.doc) else None
        viewer = pobj.ent_type_ in ("PERSON", "NORP", "ORG") or pobj.lemma_.lower() in _VIEWERS
        if not (prep.is_sent_start and nxt is not None and nxt.text == "," and viewer):
            return None
    else:
        return None
    clause = prep.head
    phrase = {t.i for t in prep.subtree}
    rest = spans.trim(t for t in clause.subtree if t.i not in phrase)
    if len([t for t in rest if not t.is_punct]) < 3:
        return None
    content: Seg = spans.tokens_span(rest)
    source = spans.span_of(pobj)
    return RawClaim(
        content=[spans.shift(content, base)],
        cue=[spans.shift((prep.idx, prep.idx + len(prep.text)), base)],
        source=[spans.shift(source, base)],
        stance="assert",
        kind="according_to",
        cue_lemma=word,
        source_root=pobj.idx + base,
        source_is_pronoun=pobj.pos_ == "PRON",
    )
