"""Who speaks: the source of a cue verb as the parse shows it, with the parser's usual
slips repaired (surnames taken for adverbs, inverted speakers, participles and gerunds
whose speaker is the subject of the clause they hang on).

Each rule takes the cue verb and returns its speaker, NO_SPEAKER when its construction
settles that there is none, or None when the construction is not there. SUBJECT_RULES
lists them in the order they are tried; the first that answers wins:

  made_thing_relative, nominal_subject, passive_agent, surname_as_adverb, share_of_people,
  inverted_speaker,
  bare_clause_subject, speaker_in_opening_phrase, name_before_comma, opening_participle,
  subject_before_relative, subjectless_root,
  gerund_after_preposition, purpose_infinitive,
  object_control, reporter_of_reported_clause, controller_subject, maker_of_made_thing,
  modified_noun
"""

from __future__ import annotations

from briefing_app.domain.kind_guess import GROUP_NOUNS, ORGANISATION_HEADS, UNNAMED_NOUNS
from briefing_app.nlp import spans
from briefing_app.nlp.lexicon import CUE_VERBS, MADE_THINGS, UNNAMED_SOURCE_NOUNS
from briefing_app.nlp.records import Seg

# Dependents next to a cue verb that are its subject misparsed ("Jolly said", "4 in 10 say").
_STRAY_SUBJECT_DEPS = ("advmod", "npadvmod", "dep", "nummod", "compound")
FINITE_OR_GERUND = ("VBD", "VBZ", "VBP", "VBG")
# Capitalised words after "said" that name a time, not a speaker: '"...," said Monday'.
_NOT_SPEAKERS = ("DATE", "TIME", "CARDINAL", "ORDINAL")
_CLOSE_QUOTES = ("”", '"', "''", "’", "'")
_OPEN_QUOTES = ("“", '"', "``", "‘")
# How the parser hangs a sentence-opening name it did not take for the subject.
_NAME_MISTAKEN_DEPS = ("intj", "advcl", "npadvmod", "dep", "nmod", "appos")


class _NoSpeaker:
    """A rule's verdict that the verb has no speaker, where None says the rule does not apply
    and the next one is tried."""

    def __repr__(self) -> str:
        return "NO_SPEAKER"


NO_SPEAKER = _NoSpeaker()


def made_thing_relative(verb):
    """The one who ran the article a relative clause makes speak: "The Herald ran a piece
    that noted ..." gives "Herald", not the piece."""
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children
    ):
        return None
    return _maker_of(verb.head)


def nominal_subject(verb):
    """The verb's own subject: "The mayor said the harbour will reopen." gives "mayor". Of
    two, a name after a description is the description's apposition the parser split off:
    "One farmer backing the plan, Tomas Vidal, said" gives "Vidal"; a quote's first word
    is not its speaker."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(found) == 2 and found[0].pos_ == "NOUN" and found[1].pos_ == "PROPN":
        return found[1]
    # '"That, sadly," the minister said, "is ..."': a closing quotation mark between
    # the two puts the first among the quoted words; the second speaks them.
    if len(found) == 2 and any(t.tag_ == "''" for t in verb.doc[found[0].i:found[1].i]):
        return found[1]
    return found[0] if found else None


def passive_agent(verb):
    """The agent of a passive cue: "The ban was announced by the ministry." gives
    "ministry"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return _or_no_speaker(next((g for g in agent.children if g.dep_ == "pobj"), None))


def surname_as_adverb(verb):
    """A surname the parser took for an adverb: "Jolly said ..." gives "Jolly"."""
    left = _stray_left(verb)
    if left is not None and left.text.istitle() and not left.is_sent_start and left.pos_ != "PRON":
        return left
    return None


def share_of_people(verb):
    """A share of people the parser took for a number on the verb: "About 4 in 10 say ..."
    gives "10", whose phrase is "About 4 in 10"."""
    left = _stray_left(verb)
    if left is not None and left.like_num and left.dep_ == "nummod":
        return left
    return None


def inverted_speaker(verb):
    """The speaker after the verb parsed as an adverb: '"...," said Okafor.' gives
    "Okafor"."""
    right = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if right is None or not right.text.istitle() or right.ent_type_ in _NOT_SPEAKERS:
        return None
    if (
        right.head.i == verb.i and right.dep_ in ("advmod", "npadvmod")
        and right.pos_ == "PROPN"
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    ):
        return right
    if _after_closing_quote(verb) and (right.pos_ == "PROPN" or right.dep_ == "advmod"):
        # Right after a quotation the name after "said" is its speaker, however the parser
        # hung it ('"...," said Skelly, explaining', '"...," said David Brock, a ...').
        while right.dep_ == "compound" and right.head.i == right.i + 1:
            right = right.head
        return right
    return None


def _after_closing_quote(verb) -> bool:
    """The verb comes right after a closing quotation mark (and a comma before it)."""
    before = [t for t in verb.doc[max(0, verb.i - 2):verb.i] if not t.is_space]
    return bool(before) and before[-1].text in _CLOSE_QUOTES


def bare_clause_subject(verb):
    """The subject of a clause the parser hung before the verb with no conjunction ("when",
    "if") of its own: "Ruiz further summed it up, denounced ..." gives "Ruiz"."""
    for child in verb.lefts:
        if child.dep_ not in ("advcl", "csubj") or child.tag_ not in FINITE_OR_GERUND:
            continue
        if any(g.dep_ == "mark" or g.tag_ == "WRB" for g in child.children):
            continue
        inner = next((g for g in child.children if g.dep_ == "nsubj" and g.i < child.i), None)
        if inner is not None:
            return inner
    return None


def speaker_in_opening_phrase(verb):
    """A speaker the parser folded into the phrase the sentence opens with, as an apposition
    or a conjunct of its last noun: "In a call with reporters on Tuesday, Col. Marek, a
    spokesman, said ..." hangs "Marek" on "Tuesday"."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    opening = next((c for c in verb.lefts if c.dep_ == "prep"), None)
    if opening is None:
        return None
    inside = {t.i for t in opening.subtree}
    found = [t for t in opening.subtree
             if t.dep_ in ("appos", "conj") and t.head.dep_ not in ("appos", "conj")
             and t.pos_ in ("PROPN", "NOUN") and may_speak(t) and t.head.i in inside]
    return found[-1] if found else None


def name_before_comma(verb):
    """A name that opens the sentence, set off by a comma, which the parser hung on a verb
    with no subject as something else: "Trump, meanwhile, was making a pitch" and "Trump,
    speaking later, did not mention" make "Trump" an interjection or a clause."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    first = next((c for c in verb.lefts if not c.is_punct), None)
    # A name, whatever part of speech the tagger gave it ("Trump" once came out INTJ).
    named = first is not None and first.text[:1].isupper() and (
        first.pos_ == "PROPN" or first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
    if not named or first.dep_ not in _NAME_MISTAKEN_DEPS \
            or first.ent_type_ in _NOT_SPEAKERS or first.left_edge.i != verb.sent.start:
        return None
    after = verb.doc[first.i + 1] if first.i + 1 < len(verb.doc) else None
    return first if after is not None and after.text == "," else None


def opening_participle(verb):
    """A participle that opens the sentence is said by the subject after its comma, however
    the parser hung the two: "Noting that the port is shut, Kovac told reporters ..." (the
    parser may make "Noting" the root) and 'Stressing the danger, Kovac said, "We ..."'."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("ROOT", "advcl") \
            or any(not t.is_punct for t in verb.doc[verb.sent.start:verb.i]):
        return None
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        if token.text in _OPEN_QUOTES:
            return None
        edge = token.left_edge.i
        if token.dep_ == "nsubj" and token.head.tag_ in FINITE_OR_GERUND[:3] \
                and edge > verb.i and verb.doc[edge - 1].text == ",":
            return token
    return None


def subject_before_relative(verb):
    """A subject whose relative clause the parser took for a complement of the verb: in
    "Vidal, who leads the dockers, said ..." it hangs "leads" on "said", with "Vidal" (and
    sometimes "who") as its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = next((c for c in verb.lefts if relative_in_disguise(c)), None)
    return None if clause is None else _noun_subject(clause)


def relative_in_disguise(clause) -> bool:
    """A clause before a verb with no subject, set off by a comma right before the verb,
    whose subject is a noun with a relative clause after it."""
    doc, verb = clause.doc, clause.head
    if clause.dep_ != "ccomp" or clause.i > verb.i or doc[clause.right_edge.i + 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    noun = _noun_subject(clause)
    if noun is None:
        return False
    return any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in clause.children) or any(
        c.dep_ == "relcl" and doc[c.left_edge.i - 1].text == "," for c in noun.children)


def _noun_subject(clause):
    return next((c for c in clause.children if c.dep_ == "nsubj"
                 and c.pos_ in ("PROPN", "NOUN")), None)


def subjectless_root(verb):
    """A main verb with none of the subjects above has no clause to borrow one from:
    "Tell them the harbour is closed." has no speaker."""
    return NO_SPEAKER if verb.head.i == verb.i else None


def gerund_after_preposition(verb):
    """The subject of the verb (or adjective) a gerund after a preposition modifies:
    "responded by saying", "has gone further by proposing", "after questioning"."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return None
    governor = verb.head.head
    # Through the adjective: "is vocal in opposing", "has been the most aggressive in denouncing".
    if governor.dep_ in ("acomp", "attr") and governor.pos_ == "ADJ" \
            and governor.head.i != governor.i:
        governor = governor.head
    # "accused him of lying": the saying is the object's, not the subject's.
    target = verb.head.lower_ in ("for", "of", "against") and any(
        c.dep_ == "dobj" for c in governor.children
    )
    if governor.pos_ in ("VERB", "AUX") and not target:
        return _or_no_speaker(subject_of(governor))
    return NO_SPEAKER


def purpose_infinitive(verb):
    """The one who travels or calls: "flew in to tell the crowd", "called a meeting to
    discuss options"; but in "hired a lawyer to argue" the lawyer argues, and this rule
    gives way."""
    if verb.dep_ != "advcl" or verb.tag_ != "VB" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    if any(c.dep_ == "dobj" and may_speak(c) for c in verb.head.children):
        return None
    return _or_no_speaker(subject_of(verb.head))


def object_control(verb):
    """The object of the verb a cue complements, when it could speak: "required Republicans
    to recognize that ..." gives "Republicans"."""
    if verb.dep_ != "xcomp":
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and may_speak(obj) else None


def reporter_of_reported_clause(verb):
    """The speaker of the cue whose content the verb's clause is: in "Trump argued that a
    wall would work, saying ..." the one saying is Trump, not the wall."""
    if not (_is_participle(verb) or verb.dep_ == "conj"):
        return None
    outer = _reporter_of(verb.head)
    return _or_no_speaker(subject_of(outer)) if outer is not None else None


def controller_subject(verb):
    """The subject of the clause the verb hangs on: "He left, saying that ...", "Yellen is
    likely to stress" (through the adjective), "She smiled and said ...", "Having
    announced ..., the judge"; a passive's subject: "Obama is reported to have called". A participle
    right after someone who could speak, on a clause whose subject could not, is theirs:
    "The interview ended with Marek asking ..." gives "Marek"."""
    if not (verb.dep_ in ("xcomp", "conj", "acomp") or _is_participle(verb)
            or _broken_conjunct(verb)):
        return None
    governor = verb.head
    raised = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "xcomp" and raised is not None:
        # The subject of a passive is the one who does what it complements: "Obama is
        # reported to have called ...", "She was asked to explain ...".
        return raised
    if verb.dep_ == "conj":
        # A second verb the parser hung on the first one's complement: in 'She called it
        # "shameful" and called on leaders to ...' the second "called" hangs on "shameful".
        while governor.pos_ not in ("VERB", "AUX") and governor.dep_ in ("oprd", "acomp",
                                                                         "attr", "dobj"):
            governor = governor.head
        # A passive's second verb shares its subject, not its agent: in "Officials were
        # angered by the deal and predicted ..." the officials predict.
        shared = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
        if shared is not None:
            return shared
    if governor.dep_ == "ROOT" and governor.pos_ in ("PROPN", "NOUN") and (
            may_speak(governor) or body_of_people(governor) or governor.text.istitle()):
        # The parser took the verb of "Trump defended the plan, calling ..." for a modifier
        # and left the name as the sentence's root: the name is the one calling.
        return governor
    subject = subject_of(governor)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (_is_participle(verb) and before is not None and before.dep_ in ("pobj", "dobj")
            and may_speak(before) and before.pos_ != "PRON"
            and subject is not None and not may_speak(subject)):
        return before
    return _or_no_speaker(subject)


def maker_of_made_thing(verb):
    """The one who made an ad or article that speaks: "rolled out ads attacking him", "shot
    back in an article stating"."""
    if not _on_noun(verb):
        return None
    return _maker_of(verb.head)


def modified_noun(verb):
    """The noun a participle describes: "a group calling for a ban" gives "group". An
    event that cannot speak is its holder's: "opened a rally blasting the plan" gives
    the one who opened it."""
    if not _on_noun(verb):
        return None
    noun = verb.head
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    # "under pressure to pledge" as "opened a rally blasting": the verb's subject holds it.
    if not may_speak(noun) and not body_of_people(noun) and noun.pos_ == "NOUN" \
            and noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX"):
        holder = subject_of(governor)
        if holder is not None and holder.lower_ not in ("it", "that", "which", "this"):
            return holder
    return noun


SUBJECT_RULES = (
    made_thing_relative,
    nominal_subject,
    passive_agent,
    surname_as_adverb,
    share_of_people,
    inverted_speaker,
    bare_clause_subject,
    speaker_in_opening_phrase,
    name_before_comma,
    opening_participle,
    subject_before_relative,
    subjectless_root,
    gerund_after_preposition,
    purpose_infinitive,
    object_control,
    reporter_of_reported_clause,
    controller_subject,
    maker_of_made_thing,
    modified_noun,
)


def subject_of(verb):
    """The speaker of a cue verb (or None), by the first rule in SUBJECT_RULES that
    applies."""
    return speaker_and_rule(verb)[0]


def speaker_and_rule(verb):
    """(speaker or None, the name of the rule that decided, "" when none did): a speaker
    found through another verb or a repair is less sure than the verb's own subject."""
    for rule in SUBJECT_RULES:
        found = rule(verb)
        if found is not None:
            speaker = None if found is NO_SPEAKER else _named_apposition(found)
            return speaker, rule.__name__
    return None, ""


def _named_apposition(token):
    """A description with a name set beside it speaks by that name: "the other speaker on
    the stage, former mayor Ilse Brandt, said" gives "Brandt"."""
    if token.pos_ != "NOUN":
        return token
    own = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return own or _name_hung_on_inner_noun(token) or token


def _name_hung_on_inner_noun(token):
    """"One pastor backing Cruz, Darran Whiting of the Baptist church, said": the parser
    hung the person's name on the last noun of the description, not on the description;
    a name between commas that closes the subject is the subject's."""
    doc, last = token.doc, token.right_edge
    for name in token.subtree:
        after = name.right_edge.i + 1
        if name.dep_ == "appos" and _looks_like_person(name) and after >= last.i \
                and after < len(doc) and doc[after].text == "," \
                and doc[name.left_edge.i - 1].text == ",":
            return name
    return None


def _looks_like_person(name) -> bool:
    """A PERSON entity, or a name of two capitalised words the model left untyped."""
    return name.pos_ == "PROPN" and (name.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == name.i - 1
        for c in name.children))


def source_of(verb, subject) -> list[Seg] | None:
    """The source as written; a relative pronoun ("a group that said") keeps its noun."""
    if subject is None:
        return None
    own = spans.span_of(subject)
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.i < subject.i:
        noun = spans.span_of(verb.head)
        if noun is not None and noun[1] <= own[0]:
            return [noun, own]
    return [own]


def _reporter_of(clause):
    """The cue verb whose content `clause` is, when the parser hung a participle or a
    second verb on the reported clause: in "Trump argued that a wall would work, saying
    ..." the one saying is Trump, not the wall; so in "saying that the bill was sound but
    was waylaid by mistrust - and arguing ..." through the clause's first conjunct."""
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    inner = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if clause.lemma_.lower() in CUE_VERBS and inner is not None and inner.pos_ != "PRON":
        # "they said officials had argued against it, warning ...": the officials warn;
        # but in "Carson said he plans to act, insisting ..." he is Carson, named outside.
        return None
    if clause.dep_ == "ccomp":
        outer = clause.head
    elif clause.dep_ == "acl" and any(c.dep_ == "mark" for c in clause.children):
        outer = clause.head.head  # "rejected the idea that X would be Y, saying ..."
    else:
        return None
    if outer.pos_ in ("VERB", "AUX") and outer.lemma_.lower() in CUE_VERBS:
        return outer
    return None


def may_speak(noun) -> bool:
    """A person, a group or a body could be the one speaking; a meeting or a plan not."""
    return (
        noun.pos_ in ("PRON", "PROPN")
        or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
        or noun.lower_ in UNNAMED_SOURCE_NOUNS
        or noun.lemma_.lower() in UNNAMED_SOURCE_NOUNS
    )


def body_of_people(noun) -> bool:
    """A noun for people or a body of them ("a group", "the farmers", "the union")."""
    words = {noun.lower_, noun.lemma_.lower()}
    return bool(words & (ORGANISATION_HEADS | UNNAMED_NOUNS | GROUP_NOUNS))


def _maker_of(noun):
    """Who made `noun` when it is an ad or article someone ran ("rolled out ads", "in an
    article"): the subject of the verb it is the object of; None otherwise."""
    if noun.lemma_.lower() not in MADE_THINGS or noun.dep_ not in ("dobj", "pobj"):
        return None
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return subject_of(governor) if governor.pos_ in ("VERB", "AUX") else None


def _or_no_speaker(token):
    """A speaker found through another verb, or the verdict that there is none."""
    return NO_SPEAKER if token is None else token


def _stray_left(verb):
    """The word just before the verb when it hangs on the verb in a way a subject the
    parser missed would ("Jolly said", "4 in 10 say")."""
    left = verb.doc[verb.i - 1] if verb.i > 0 else None
    if left is not None and left.head.i == verb.i and left.dep_ in _STRAY_SUBJECT_DEPS:
        return left
    return None


def _broken_conjunct(verb) -> bool:
    """A second finite verb the parser hung on the first as a modifier because a phrase
    came between the "and" and it: "She stood at the pulpit and, citing Exodus, endorsed
    ..."."""
    governor = verb.head
    return verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
            c.dep_ == "cc" and governor.i < c.i < verb.i for c in governor.children)


def _is_participle(verb) -> bool:
    """A participle clause on a verb: "..., saying", and the perfect "Having announced"."""
    return verb.dep_ == "advcl" and (verb.tag_ == "VBG" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "having" for c in verb.children))


def _on_noun(verb) -> bool:
    return verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON")
