"""Words that mark attribution: cue verbs and nouns with their stance, hedges, unnamed sources.

The cue verbs were chosen from how often each lemma heads an annotated cue in the PolNeAR
train/tune part (benchmarks/cue_lexicon.py prints the counts): common words with a high share
of cue uses, grouped by the stance a briefing reports. Lemmas, not word forms, so "warned",
"warns" and "warning" all count.
"""

from __future__ import annotations

from briefing_app.domain import cue_lexicon

# The cue verbs and nouns live in the domain, shared with the window's guesses for claims
# marked by hand; the engine adds its quote-only verbs to its own copy below.
CUE_VERBS: dict[str, str] = dict(cue_lexicon.CUE_VERBS)
CUE_NOUNS = cue_lexicon.CUE_NOUNS

# Verbs whose complement, not their object, carries the content: "seem to", "appear to".
RAISING_VERBS = {"seem", "appear"}

# Verbs whose direct object is the content: "denied the report", "praised the deal".
OBJECT_CONTENT_VERBS = set(
    "announce deny reject dismiss criticize criticise cite praise promise pledge vow endorse "
    "confirm acknowledge admit reveal predict question describe highlight tout blast slam "
    "denounce condemn mock decry tweet post write propose demand urge seek "
    "mention list detail estimate fear expect dispute disavow downplay blame attack accuse "
    "lament request call name label dub express defend echo recall back oppose warn chide "
    "thank credit fault caution say show find claim declare report discuss voice "
    "reference explain reiterate repeat stress emphasize recount applaud disclose rebut "
    "prefer".split()
)

# Verbs whose object is content only when a document or study is the subject: "the
# survey found Okafor ahead" reports a finding; "she found a job" does not.
FINDING_VERBS = {"find", "show"}
# ... except these, whose object is a finding whoever shows it ("she has shown resolve").
SHOWING_VERBS = {"show"}
FINDING_SOURCES = set(
    "poll survey study report investigation inquiry paper analysis review audit research "
    "probe data test".split()
)

# Things people make to speak through: "ads attacking him" speak for whoever ran them.
MADE_THINGS = set(
    "ad advertisement spot commercial article piece op-ed editorial column letter memo "
    "email tweet post message video statement".split()
)

# Verbs that attribute a view of their object only with "as": "sees the plan as a trap".
AS_VERBS = {"see", "view", "regard", "portray", "depict", "characterize"}

# Verbs that mark attribution only around a quotation: "'...,' she continued."
QUOTE_ONLY_VERBS = {"continue"}
CUE_VERBS.update(dict.fromkeys(QUOTE_ONLY_VERBS, "assert"))

# Verbs whose object is a target and whose prepositional phrase is the charge or ask.
TARGET_VERBS = {"accuse", "blame", "warn", "chide", "criticize", "criticise", "praise", "urge",
                "attack", "thank", "credit", "fault", "caution"}
# Prepositions after a cue noun or a target verb that introduce the content.
NOUN_PREPS = {"of", "on", "for", "against", "about", "to"}

# Verbs whose object and its predicate are the content: "called the plan 'a disaster'".
NAMING_VERBS = {"call", "name", "label", "dub", "brand", "describe", "consider", "deem"}

# Verbs whose passive subject is the content: "X is considered a liberal", "X was
# declared the winner", "the ban was reported by a paper".
PASSIVE_CONTENT_VERBS = NAMING_VERBS | {"declare", "report", "claim", "see", "view"}

# Prepositions (space-separated) that carry the content after some cue verbs: "called
# for", "referred to", "asked about".
CONTENT_PREPS = {
    "call": "for", "push": "for", "press": "for", "ask": "for about", "argue": "for",
    "refer": "to", "talk": "about", "speak": "about", "complain": "about", "warn": "about",
    "worry": "about", "comment": "on", "insist": "on", "point": "to",
}

# Adjectives after "be", "seem", "remain" that report a stance: "X is confident that ...",
# "X is worried about ...".
CUE_ADJECTIVES = {
    "confident": "believe", "sure": "believe", "certain": "believe", "convinced": "believe",
    "optimistic": "believe", "hopeful": "believe", "worried": "believe", "concerned": "believe",
    "afraid": "believe", "fearful": "believe", "skeptical": "question", "doubtful": "question",
    "adamant": "assert", "critical": "accuse",
}

# Hedges and evidentials: a briefing must keep them with the claim.
HEDGE_WORDS = {
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "may",
    "might",
    "could",
    "seemingly",
    "arguably",
    "presumably",
    "ostensibly",
    "rumoured",
    "rumored",
}
# Multi-word hedges matched on lower-cased text.
HEDGE_PHRASES = (
    "is believed to",
    "are believed to",
    "was believed to",
    "were believed to",
    "is thought to",
    "are thought to",
    "is said to",
    "are said to",
    "is expected to",
    "appears to",
    "appear to",
    "appeared to",
    "seems to",
    "seem to",
    "seemed to",
    "sources say",
    "according to",
)

# Head nouns of unnamed sources: "officials said", "a senior diplomat", "analysts".
UNNAMED_SOURCE_NOUNS = {
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "insider",
    "insiders",
    "aide",
    "aides",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "people",
    "person",
    "expert",
    "experts",
    "observer",
    "observers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "investigator",
    "investigators",
    "critic",
    "critics",
    "report",
    "reports",
    "officer",
    "officers",
    "lawmaker",
    "lawmakers",
    "minister",
    "ministry",
    "authorities",
    "witness",
    "witnesses",
    "economist",
    "economists",
    "resident",
    "residents",
    "protesters",
    "protester",
    "supporters",
    "opponents",
    "executive",
    "executives",
    "negotiator",
    "negotiators",
    "office",
    "team",
    "camp",
}

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers", "i", "me", "we", "us"}
PRONOUNS_PLURAL = {"they", "them", "their", "we", "us"}
