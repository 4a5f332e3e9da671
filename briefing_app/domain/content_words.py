"""Words that carry a claim's meaning, reduced to stems, in plain Python (the domain has no spaCy).

Comparing two claims by their content words finds paraphrases as well as copies: "troops
crossed the border" and "the border was crossed by troops" share the stems {troop, cross,
border}. Negation words are not content: they are read apart (`negated`), so that a claim
and its denial share their content and differ in polarity.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*", re.UNICODE)

NEGATIONS = frozenset(
    "not no never neither nor none nothing nobody cannot without n't".split())
# Function words, reporting verbs and vague words: shared by unrelated claims, so they say
# nothing about whether two claims assert the same thing.
STOP_WORDS = frozenset("""
a about above after again against all almost also although always am among an and another
any anyone anything are around as at be became because become been before being below
between both but by can could did do does doing done down during each either else enough
even ever every few for from further get gets got had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less let like
made make many may me might more most much must my myself now of off often on once one only
or other others otherwise our ours ourselves out over own per perhaps quite rather really
same say says said saying see seem seemed seems she should since so some something still
such than that the their theirs them themselves then there these they thing things this
those though through thus to too told tell telling under until up upon us very via was we
well were what whatever when where whether which while who whom whose why will with within
would yet you your yours yourself yourselves mr mrs ms dr according reportedly allegedly
apparently also added adding add adds stated stating state states statement announced
claimed claim claims believe believed believes think thinks thought going want wants wanted
lot lots way ways week weeks day days year years time times yes okay oh
""".split())
# Verbs whose past forms do not end in -ed, and a few nouns whose plural is irregular.
_IRREGULAR = {
    "went": "go", "gone": "go", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "came": "come", "began": "begin", "begun": "begin", "won": "win",
    "lost": "lose", "left": "leave", "held": "hold", "met": "meet", "sent": "send",
    "spent": "spend", "built": "build", "sold": "sell", "bought": "buy", "paid": "pay",
    "fell": "fall", "fallen": "fall", "rose": "rise", "risen": "rise", "broke": "break",
    "broken": "break", "shot": "shoot", "fought": "fight", "struck": "strike", "hit": "hit",
    "ran": "run", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak",
    "knew": "know", "known": "know", "led": "lead", "kept": "keep", "brought": "bring",
    "caught": "catch", "chose": "choose", "chosen": "choose", "drove": "drive",
    "flew": "fly", "fled": "flee", "stole": "steal", "seized": "seize", "men": "man",
    "women": "woman", "children": "child", "people": "people", "killed": "kill",
    "dead": "die", "died": "die", "death": "die", "deaths": "die",
}


def stem(word: str) -> str:
    """A light suffix stripper (Porter's first steps): plurals, -ed, -ing, -ly, -ment.

    Only deep enough that a noun and its plural, a verb and its tenses, meet; two stems that
    meet by accident cost little, because claims are compared by many words at once.
    """
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ments", ""),
                         ("ment", ""), ("ingly", ""), ("edly", ""), ("ing", ""), ("ied", "y"),
                         ("ed", ""), ("ly", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)] + keep
            if suffix in ("ing", "ed", "es") and len(base) > 3 and base[-1] == base[-2] \
                    and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stop, planning -> plan
            return base.rstrip("e") if len(base) > 4 else base
    return word.rstrip("e") if len(word) > 4 else word


def tokens(text: str) -> list[str]:
    """Lower-case words, with "didn't" split into "did" and "n't" (a negation)."""
    found = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if word.endswith("n't"):
            found += [word[:-3] or "n", "n't"]
        elif word.endswith("'s"):
            found.append(word[:-2])
        else:
            found.append(word)
    return found


def content_stems(text: str) -> frozenset[str]:
    """The stems of the words that carry meaning: no stop words, negations or numbers alone."""
    return frozenset(stem(w) for w in tokens(text)
                     if w not in STOP_WORDS and w not in NEGATIONS and len(w) > 1
                     and not w.isdigit())


def negated(text: str) -> bool:
    """True when the text holds a negation word ("did not", "no", "never")."""
    return any(w in NEGATIONS for w in tokens(text))
