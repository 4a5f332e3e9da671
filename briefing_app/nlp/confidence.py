"""How sure the engine is of each claim, and why a reviewer should look twice.

A claim's evidence is a handful of plain facts about how it was found (which finder, how
much the tagger believes its content, whether the source is a pronoun, sits after the
quote, lies far from the words, resolved to no actor ...). A logistic model over that
evidence gives the chance that the claim is a real attribution with the right source; its
weights are fitted on PolNeAR tune/, each article read by a tagger that never saw it, by
training/calibrate.py, and ship beside the tagger (resources/tagger/confidence.json). A
flag is shown only where its fact lowers the chance in the fitted model, so every flag the
analyst reads is a real reason for doubt, never decoration.

Cue-less claims (the author's own assertions, quotes continued without a cue) are not
attributions: the corpus marks none of them, so their chance cannot be measured; they get
UNMEASURED and the flag "no_cue".
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from briefing_app.nlp import lexicon
from briefing_app.nlp.records import RawClaim, Seg
from briefing_app.paths import resources_dir

_WORD = re.compile(r"\w+")
# A lower-case letter or digit run straight into a capitalised word, inside one word.
_GLUED = re.compile(r"(?<=[a-z0-9])[A-Z][a-z]")
_NEUTER = {"it", "its", "they", "them", "their"}
# A cue-less claim's confidence: neither trusted nor condemned, it sorts mid-list.
UNMEASURED = 0.5
# A speaker further than this from the nearest of the words (characters, about 25 words).
LONG_DISTANCE = 150
# Below this source probability the tagger does not read the rules' speaker as one; 0.2
# fitted best on tune/ among 0.1, 0.2, 0.35 and 0.5.
WEAK_SOURCE_SUPPORT = 0.2

# A flag set when a measure falls below a line: its doubt is in both weights.
_MEASURED_BY = {"tagger_doubts_source": "source_support"}
# Facts that are also flags (the rest are numbers or the finder's identity).
FLAG_FACTS = ("pronoun_source", "source_inside_quote", "closing_attribution",
              "long_distance_source", "source_not_an_actor", "tagger_doubts_source",
              "tagger_only", "rule_only")
FEATURES = (
    "direct", "split_quote", "support", "low_support", "no_source", "unnamed_source",
    "described_source", "state_source", "generic_stance", "speech_cue", "cue_noun",
    "short_content", "neuter_pronoun", "named_between", "inferred_source", "source_support",
    "rival_source", "glued_source",
    *FLAG_FACTS,
)
# Subject rules that read the verb's own subject or agent; the others infer the speaker
# through another verb, a noun or a repaired parse.
_OWN_SUBJECT_RULES = ("nominal_subject", "passive_agent")
# The verbs and nouns that report speech itself; other cues ("want", "plan", "show") make
# claims the corpus often does not count, or counts with another source.
SPEECH_CUES = {
    "say", "tell", "add", "state", "write", "report", "announce", "according to", "claim",
    "argue", "insist", "warn", "note", "explain", "ask", "reply", "respond", "deny",
    "statement", "confirm", "acknowledge", "declare", "told", "said",
}


@dataclass(frozen=True)
class Model:
    """A fitted logistic model: one weight per feature, and the bias."""

    bias: float
    weights: dict[str, float]

    def chance(self, facts: dict[str, float]) -> float:
        score = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in facts.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def flags(self, facts: dict[str, float]) -> list[str]:
        return [k for k in FLAG_FACTS if facts.get(k) and self._effect(k, facts) < 0]

    def _effect(self, flag: str, facts: dict[str, float]) -> float:
        """What the flag's fact adds to the score; a flag read off a measure (the tagger's
        support) also counts what that measure loses against full support, since the
        model may share the doubt between the two."""
        effect = self.weights.get(flag, 0.0)
        measure = _MEASURED_BY.get(flag)
        if measure:
            effect += self.weights.get(measure, 0.0) * (facts.get(measure, 1.0) - 1.0)
        return effect


def model_path() -> Path:
    return resources_dir() / "tagger" / "confidence.json"


@functools.cache
def shipped_model() -> Model | None:
    """The shipped weights, or None when the package has none (then no claim is scored)."""
    try:
        data = json.loads(model_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def facts_of(text: str, raw: RawClaim, actor_kind: str | None, quoted: list[Seg],
             named_between: int = 0) -> dict[str, float]:
    """The evidence about one cued claim, each fact a number (0/1 for yes/no facts);
    `named_between` counts other actors' mentions between the source and the words."""
    facts = dict.fromkeys(FEATURES, 0.0)
    facts["direct"] = float(raw.kind == "direct_quote")
    facts["split_quote"] = float(len(raw.content) > 1)
    support = 0.5 if raw.support is None else raw.support
    facts["support"] = support
    facts["low_support"] = float(support < 0.3)
    facts["tagger_only"] = float(raw.origin == "tagger")
    facts["rule_only"] = float(raw.origin == "rules" and raw.support is not None)
    facts["generic_stance"] = float(raw.stance == "assert")
    facts["speech_cue"] = float(raw.cue_lemma in SPEECH_CUES)
    facts["cue_noun"] = float(raw.cue_lemma in lexicon.CUE_NOUNS)
    words = sum(len(_WORD.findall(text, s, e)) for s, e in raw.content)
    facts["short_content"] = float(words < 6)
    if raw.source_root is None:
        facts["no_source"] = 1.0
        return facts
    facts["pronoun_source"] = float(raw.source_is_pronoun)
    # The tagger's own reading of who speaks: where it gives the source's words almost no
    # source weight, the rules' speaker is wrong far more often (fitted on tune/).
    facts["source_support"] = 0.5 if raw.source_support is None else raw.source_support
    facts["tagger_doubts_source"] = float(facts["source_support"] < WEAK_SOURCE_SUPPORT)
    # How much more the tagger reads another word of the cue's sentence as the speaker.
    rival = 0.0 if raw.rival_support is None else raw.rival_support
    facts["rival_source"] = max(0.0, rival - facts["source_support"])
    facts["inferred_source"] = float(bool(raw.source_by)
                                     and raw.source_by not in _OWN_SUBJECT_RULES)
    facts["named_between"] = float(named_between > 0)
    # A page's buttons and bylines glued to a name ("Zach CarterFlagShareLikeReplySara")
    # name no one: scraped text, not an actor.
    glued = any(len(_GLUED.findall(word)) >= 2
                for s, e in raw.source or [] for word in text[s:e].split())
    facts["glued_source"] = float(glued)
    facts["source_not_an_actor"] = float(actor_kind is None or glued)
    facts["unnamed_source"] = float(actor_kind == "unnamed")
    facts["state_source"] = float(actor_kind == "state")
    head = _WORD.match(text, raw.source_root)
    head_word = head.group(0).lower() if head else ""
    facts["neuter_pronoun"] = float(raw.source_is_pronoun and head_word in _NEUTER)
    # "pressure", "a furor", "a paper": a described source no source noun names.
    facts["described_source"] = float(
        actor_kind == "unnamed" and head_word not in lexicon.UNNAMED_SOURCE_NOUNS
        and head_word.rstrip("s") not in lexicon.UNNAMED_SOURCE_NOUNS)
    at = raw.source_root
    facts["source_inside_quote"] = float(_inside(quoted, at))
    first, last = raw.content[0][0], max(e for _s, e in raw.content)
    facts["closing_attribution"] = float(at >= last)
    gap = first - at if at < first else at - last if at > last else 0
    facts["long_distance_source"] = float(gap > LONG_DISTANCE)
    return facts


def _inside(quoted: list[Seg], at: int) -> bool:
    """Whether `at` falls inside one of the sorted, separate quotations: by bisection, as
    a long article has thousands of both claims and quotations."""
    index = bisect.bisect_right(quoted, (at, math.inf)) - 1
    return index >= 0 and quoted[index][0] < at < quoted[index][1]


def judge(facts: dict[str, float] | None,
          model: Model | None) -> tuple[float | None, list[str]]:
    """(confidence, flags) of a claim from its facts (None: a claim without a cue);
    (None, []) when no model ships."""
    if facts is None:
        return UNMEASURED, ["no_cue"]
    if model is None:
        return None, []
    return round(model.chance(facts), 3), model.flags(facts)
