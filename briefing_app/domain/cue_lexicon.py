"""The cue words of attribution and the stance each reports: reporting verbs (as lemmas)
and nouns. Pure data and a word-form lookup, shared by the engine (briefing_app.nlp.lexicon
imports them) and the window, which must guess a hand-marked claim's cue without spaCy.

The cue verbs were chosen from how often each lemma heads an annotated cue in the PolNeAR
train/tune part (benchmarks/cue_lexicon.py prints the counts).
"""

from __future__ import annotations

_STANCE_VERBS = {
    "assert": (
        "say add tell note write argue report announce explain declare state claim insist "
        "point mention recall reveal tweet post describe cite acknowledge admit concede "
        "confirm stress emphasize reiterate repeat assert remark respond reply answer "
        "testify comment observe maintain contend conclude disclose indicate show "
        "tout boast joke quip recount estimate predict project list detail highlight "
        "echo affirm proclaim retort counter "
        "suggest speculate lament complain agree praise thank applaud call name label "
        "dub refer express defend find talk credit portray regard depict characterize "
        "assure remind imply recognize discuss voice reference"
    ),
    "warn": "warn caution alert",
    "deny": "deny reject dismiss refute dispute disavow rebut downplay",
    "accuse": (
        "accuse blame criticize criticise attack blast slam denounce condemn mock decry "
        "charge allege rail lambast chide assail deride knock"
    ),
    "commit": "promise pledge vow commit endorse decline refuse back oppose",
    "threaten": "threaten",
    "question": "ask question wonder doubt",
    "believe": (
        "believe think expect fear hope hop feel worry consider view see know seem appear "
        "plan seek intend prefer urge propose demand push request order learn"
    ),
}

# Not the verbs "support", "focus" or "want": on held-back tune they headed three to five
# times more claims the corpus does not count ("voters who support him", "focused on the
# economy", "wants a wall": the author's account of a wish) than claims it does. The noun
# "support" stays: "won the support of the union" names who backs whom.
CUE_VERBS: dict[str, str] = {}
for _stance, _words in _STANCE_VERBS.items():
    for _word in _words.split():
        CUE_VERBS.setdefault(_word, _stance)

# Nouns that head an attribution: "a statement that...", "his claim that ...".
CUE_NOUNS = {
    "statement": "assert",
    "claim": "assert",
    "accusation": "accuse",
    "allegation": "accuse",
    "warning": "warn",
    "denial": "deny",
    "promise": "commit",
    "pledge": "commit",
    "threat": "threaten",
    "belief": "believe",
    "assertion": "assert",
    "argument": "assert",
    "suggestion": "assert",
    "insistence": "assert",
    "view": "believe",
    "fear": "believe",
    "hope": "believe",
    "criticism": "accuse",
    "remark": "assert",
    "comment": "assert",
    # Not "attack": in the news the noun is a strike or a raid far more often than words.
    "denunciation": "accuse",
    "endorsement": "commit",
    "support": "commit",
    "call": "assert",
    "opposition": "deny",
}

# Past forms the suffix rules below cannot undo.
_IRREGULAR = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "felt": "feel", "saw": "see", "seen": "see", "knew": "know", "known": "know",
    "found": "find", "spoke": "speak", "spoken": "speak", "sought": "seek",
}


def verb_lemma(word: str) -> str | None:
    """The cue verb lemma a word form is ("cautioned" -> "caution"), or None."""
    word = word.lower().strip("’'")
    if word in CUE_VERBS:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word] if _IRREGULAR[word] in CUE_VERBS else None
    for ending, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ing", ("", "e")),
                                 ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            for tail in replacements:
                if stem + tail in CUE_VERBS:
                    return stem + tail
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in CUE_VERBS:
                return stem[:-1]  # "committed" -> "commit"
    return None


def cue_stance(word: str) -> tuple[str, str] | None:
    """(lemma, stance) when the word form is a cue verb or noun, else None."""
    lemma = verb_lemma(word)
    if lemma:
        return lemma, CUE_VERBS[lemma]
    noun = word.lower()
    noun = noun[:-1] if noun.endswith("s") and noun[:-1] in CUE_NOUNS else noun
    if noun in CUE_NOUNS:
        return noun, CUE_NOUNS[noun]
    if noun == "according":
        return "according", "assert"
    return None
