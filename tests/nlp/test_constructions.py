"""Each attribution construction the engine handles, on sentences written for these tests."""

import pytest


def test_split_quote_joins_both_halves(run):
    r = run('"The harbour will reopen," the mayor said, "but only for fishing boats."')
    claim = r.claim("harbour will reopen")
    assert claim.kind == "direct_quote"
    assert [r.text[s:e] for s, e in claim.content.pieces()] == [
        '"The harbour will reopen,"',
        '"but only for fishing boats."',
    ]
    assert r.source_text(claim) == "the mayor" and r.cue(claim) == "said"


def test_split_quote_whose_first_word_the_parser_takes_for_a_subject(run):
    # The parser gives "said" two subjects, "That" inside the quote and "the minister".
    r = run('"That, unfortunately," the minister said, "is the price of an open port."')
    claim = r.claim("price of an open port")
    assert r.source_text(claim) == "the minister"
    assert [r.text[s:e] for s, e in claim.content.pieces()] == [
        '"That, unfortunately,"', '"is the price of an open port."']


def test_split_quote_across_a_longer_attribution(run):
    r = run('"We are not leaving," Okafor told reporters on Monday. "Not this week, not ever."')
    claim = r.claim("not leaving")
    assert len(claim.content.pieces()) == 2
    assert "Not this week" in r.content(claim)


def test_a_quote_opening_the_next_sentence_goes_on_with_the_claim(run):
    # The cue comes before the first quote, so no split quote joins them: the second
    # quote opens the next sentence with no cue of its own.
    r = run('Pavel Marek said on Monday: "We will hold the port." "The port is ours and the '
            'strike goes on until the ministry talks to us."')
    claim = r.claim("hold the port")
    assert [r.text[s:e] for s, e in claim.content.pieces()] == [
        '"We will hold the port."',
        '"The port is ours and the strike goes on until the ministry talks to us."',
    ]
    assert (r.source_text(claim), r.cue(claim)) == ("Pavel Marek", "said")


def test_a_quote_paragraph_leads_into_the_next_paragraphs_closed_quote(run):
    r = run('"We will hold the port," Marek said on Monday.\n\n'
            '"The ministry has not called us once in six weeks of the strike."\n\n'
            '"We will sail when they call," Lund said.')
    claim = r.claim("sail when they call")
    assert [r.text[s:e] for s, e in claim.content.pieces()] == [
        '"The ministry has not called us once in six weeks of the strike."',
        '"We will sail when they call,"',
    ]
    assert r.source_text(claim) == "Lund"
    assert len(r.claim("hold the port").content.pieces()) == 1


def test_a_quote_goes_on_with_a_reported_claim_that_ends_on_a_quote(run):
    r = run("Small ports may charge more ''because the ships have nowhere else to go,'' "
            "Ms. Lund said. ''But the big ones cannot, and they know it.''")
    claim = r.claim("nowhere else to go")
    assert len(claim.content.pieces()) == 2 and "big ones cannot" in r.content(claim)


def test_a_quote_opening_the_next_paragraph_goes_on_with_the_speakers_words(run):
    r = run('"We will hold the port," Marek said on Monday.\n\n'
            '"The port is ours and the strike goes on until the ministry talks to us."')
    assert len(r.claim("hold the port").content.pieces()) == 2


def test_a_programme_named_in_quotation_marks_is_not_part_of_the_quote(run):
    r = run('"We will publish the records," Okafor said in an interview on the "Morning '
            'Round" programme on Sunday. "I am healthy, and the records will show it."')
    claim = r.claim("publish the records")
    assert "Morning Round" not in r.content(claim)
    assert r.content(claim).endswith('"I am healthy, and the records will show it."')


def test_according_to(run):
    r = run("According to the coastguard, the ferry sank in calm water.")
    claim = r.claim("ferry sank")
    assert claim.kind == "according_to"
    assert r.content(claim) == "the ferry sank in calm water"
    assert r.source_text(claim) == "the coastguard" and r.cue(claim) == "According to"


def test_passive_it_was_reported_has_no_source(run):
    r = run("It was reported that the minister had resigned.")
    claim = r.claim("minister had resigned")
    assert claim.source_span is None and claim.actor_id is None
    assert r.cue(claim) == "reported"


def test_nested_reported_speech_gives_two_claims(run):
    r = run("Lindqvist said the admiral told him the fleet was ready.")
    outer = r.claim("admiral told him")
    inner = next(c for c in r.claims() if r.cue(c) == "told")
    assert r.source_text(outer) == "Lindqvist" and r.cue(outer) == "said"
    assert r.source_text(inner) == "the admiral"
    assert r.content(inner) == "the fleet was ready"


def test_cue_inside_a_quotation_is_the_speakers_not_a_claim(run):
    r = run('"I think the deal is dead," the envoy said.')
    assert [r.cue(c) for c in r.claims()] == ["said"]


def test_multi_paragraph_quote_is_one_claim(run):
    text = (
        'The chairwoman said: "We tried every door in this building.\n\n'
        '"We will now try the courts, and we expect to win."\n\n'
        "The hearing is set for May."
    )
    r = run(text)
    claim = r.claim("tried every door")
    assert "try the courts" in r.content(claim)
    assert "hearing is set" not in r.content(claim)


def test_unbalanced_quote_mark_stays_in_its_paragraph(run):
    r = run('The captain said "the engines failed at dawn.\n\nRescuers reached the ship at noon.')
    for claim in r.analysis.claims:
        assert "Rescuers" not in r.content(claim) or claim.cue is None


def test_hedges_are_kept(run):
    r = run("The senator allegedly warned that the bridge could collapse.")
    claim = r.claim("bridge could collapse")
    assert claim.stance == "warn"
    assert sorted(r.text[h.start : h.end] for h in claim.hedges) == ["allegedly", "could"]


def test_author_hedge_is_a_cueless_claim(run):
    r = run("The outage may have been caused by a cable fault near the old border post.")
    claim = r.analysis.claims[0]
    assert claim.kind == "hedged_assertion" and claim.cue is None
    assert [r.text[h.start : h.end] for h in claim.hedges] == ["may"]


def test_passive_belief_has_no_source_and_keeps_its_hedge(run):
    r = run("The outage is believed to be the result of a cable fault near the border post.")
    claim = r.claim("cable fault")
    assert claim.source_span is None and r.cue(claim) == "believed"
    assert "is believed to" in [r.text[h.start : h.end] for h in claim.hedges]


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("The ministry denied that the reactor had leaked.", "deny"),
        ("The union threatened to strike next week.", "threaten"),
        ("The rebels accused the army of shelling the village.", "accuse"),
        ("The governor promised to rebuild the school.", "commit"),
        ("The mayor wondered whether the budget would hold.", "question"),
        ("The farmers believe that the drought will last.", "believe"),
        ("The chief engineer said that the dam was safe.", "assert"),
    ],
)
def test_stance_is_normalised(run, sentence, stance):
    r = run(sentence)
    assert [c.stance for c in r.claims()] == [stance]


def test_pronoun_source_resolves_to_the_person(run):
    r = run("Anna Berglund met the union on Monday. She said the strike was illegal.")
    claim = r.claim("strike was illegal")
    assert r.source_text(claim) == "She"
    assert r.actor_of(claim).name == "Anna Berglund"


def test_she_is_not_resolved_to_a_man(run):
    r = run(
        "Maria Costa, who chairs the fisheries board, said she would stay on. "
        "Peter Lund said the quotas were fixed. She said they were not."
    )
    claim = r.claim("they were not")
    assert r.actor_of(claim).name == "Maria Costa"


def test_headline_colon_is_an_attribution(run):
    r = run("Okafor: Port strike will cost the region dearly\n\nThe strike began on Monday.")
    claim = r.claim("Port strike will cost")
    assert r.source_text(claim) == "Okafor" and r.cue(claim) == ":"


def test_colon_after_a_surname_the_parser_reads_as_a_noun(run):
    # The small model tags "Sanders" a plural noun; the article names Maria Sanders, so the
    # line is hers. "Update:" names no one in the article and stays the author's.
    r = run("The union leader Maria Sanders met the dock workers on Monday.\n\n"
            "Sanders: Harbour Fees Must Fall Before Winter.\n\n"
            "Update: The harbour office changed its fees on Tuesday after the meeting.")
    claim = r.claim("Harbour Fees Must Fall")
    assert (r.source_text(claim), r.cue(claim)) == ("Sanders", ":")
    assert r.actor_of(claim).name == "Maria Sanders"
    assert all(r.cue(c) != ":" for c in r.claims() if "office changed" in r.content(c))


def test_participle_takes_the_main_clause_subject(run):
    r = run("The minister left the summit early, saying that the talks had failed.")
    claim = r.claim("talks had failed")
    assert r.source_text(claim) == "The minister"


def test_doubled_apostrophes_quote_like_marks(run):
    r = run("''The vote was rigged,'' Mr. Halvorsen said. ''We will appeal on Monday.''")
    claim = r.claim("vote was rigged")
    assert claim.kind == "direct_quote"
    assert "We will appeal" in r.content(claim)


def test_comma_set_relative_clause_after_the_content_is_dropped(run):
    r = run("The analyst said the winner would be Moreau, who leads every poll in the north.")
    assert r.content(r.claim("winner would be")) == "the winner would be Moreau"


def test_poll_frame_attributes_the_clause(run):
    r = run("In a new harbour survey released Monday, 60 percent of dockers chose the union plan.")
    claim = r.claim("60 percent of dockers")
    assert r.cue(claim) == "In" and r.source_text(claim) == "a new harbour survey"


@pytest.mark.parametrize(
    ("sentence", "content", "source"),
    [
        ("The harbour master responded by saying that the pier was safe.", "pier was safe",
         "The harbour master"),
        ("Councillor Brandt has gone further by proposing that the tolls be scrapped.",
         "tolls be scrapped", "Councillor Brandt"),
        ("The premier was especially vocal in opposing the new pipeline tax.", "pipeline tax",
         "The premier"),
    ],
)
def test_gerund_after_a_preposition_takes_the_governing_subject(run, sentence, content, source):
    r = run(sentence)
    assert r.source_text(r.claim(content)) == source


def test_inverted_speaker_after_a_quote(run):
    r = run('"The ferry will run again in spring," said Lindqvist, adding that fares would rise.')
    assert r.source_text(r.claim("ferry will run")) == "Lindqvist"


def test_share_of_people_as_the_source(run):
    r = run("About 3 in 10 say the council should resign over the flooding.")
    assert r.source_text(r.claim("council should resign")) == "About 3 in 10"


def test_a_survey_shows_its_finding(run):
    r = run("A harbour survey released Friday shows Okafor with a narrow lead over Brandt.")
    claim = r.claim("Okafor with a narrow lead")
    assert r.cue(claim) == "shows" and r.source_text(claim) == "A harbour survey"


def test_find_reports_only_what_a_study_found(run):
    r = run("The audit found serious gaps in the ferry budget. Later she found a new job.")
    assert [r.content(c) for c in r.claims()] == ["serious gaps in the ferry budget"]


def test_focused_on_is_a_topic_not_a_claim(run):
    # "focus" left the lexicon: on held-back tune it headed mostly claims the corpus does
    # not count; what someone focused on is the author's account, not their assertion.
    r = run("The senator focused on the cost of the new bridge.")
    assert r.claims() == []


def test_object_taken_as_something_is_part_of_the_content(run):
    r = run("The mayor slammed the ferry plan as too costly and far too slow.")
    assert r.content(r.claim("ferry plan")) == "the ferry plan as too costly and far too slow"


def test_content_runs_on_past_a_colon(run):
    r = run("The engineer said the bridge failed for one reason: the bolts were never tightened.")
    assert r.content(r.claim("bridge failed")).endswith("the bolts were never tightened")


def test_ads_speak_for_whoever_ran_them(run):
    r = run("The union rolled out radio ads attacking the port authority over wages.")
    assert r.source_text(r.claim("port authority")) == "The union"


@pytest.mark.parametrize(
    ("sentence", "content", "source"),
    [
        ("Okafor was declared the winner in the northern district.",
         "Okafor was declared the winner in the northern district", None),
        ("The toll was first reported by a local paper.", "The toll", "a local paper"),
    ],
)
def test_passive_subject_is_the_content(run, sentence, content, source):
    r = run(sentence)
    claim = r.claim(content.split()[1])
    assert r.content(claim) == content and r.source_text(claim) == source


def test_calling_for_someone_to_act(run):
    r = run("The mayor is calling for the council to step up its efforts against flooding.")
    claim = r.claim("council to step up")
    assert r.content(claim) == "the council to step up its efforts against flooding"


def test_asked_about_gives_the_topic(run):
    r = run("The senator was asked about the loan from the regional bank.")
    assert r.content(r.claim("loan")) == "the loan from the regional bank"


def test_claimed_and_declared_objects(run):
    r = run("The coalition claimed victory in the capital. The rebels declared war on the north.")
    contents = {r.cue(c): r.content(c) for c in r.claims()}
    assert contents["claimed"] == "victory in the capital"
    assert contents["declared"].startswith("war")


@pytest.mark.parametrize(
    ("sentence", "content", "source", "cue"),
    [
        ("The mayor is confident that the bridge will hold.", "the bridge will hold",
         "The mayor", "confident"),
        ("She remains concerned that the fund is too small.", "the fund is too small", "She",
         "concerned"),
        ("Residents are worried about the new ferry toll.", "the new ferry toll", "Residents",
         "worried"),
    ],
)
def test_stance_adjectives(run, sentence, content, source, cue):
    r = run(sentence)
    claim = r.claim(content)
    assert (r.content(claim), r.source_text(claim), r.cue(claim)) == (content, source, cue)


def test_seeing_something_as_something_needs_as(run):
    r = run("Most dockers see the new contract as a trap. The mayor saw the harbour at dawn.")
    assert [r.content(c) for c in r.claims()] == ["the new contract as a trap"]
    assert r.source_text(r.claims()[0]) == "Most dockers"


def test_reportedly_marks_an_unsourced_claim(run):
    r = run("The harbour board is reportedly weighing a bid for the old ferry yard.")
    claim = r.claim("weighing")
    assert r.cue(claim) == "reportedly"
    assert r.source_text(claim) is None
    assert "harbour board" in r.content(claim)
    assert r.content(claim).endswith("the old ferry yard")


def test_reportedly_on_a_speech_verb_is_that_claims_hedge(run):
    # One claim, the speaker's, hedged by "reportedly"; no second, sourceless claim over
    # the whole clause.
    r = run("Asked about the strike, Kovac reportedly said the port would reopen.")
    assert [r.cue(c) for c in r.claims() if "reopen" in r.content(c)] == ["said"]
    claim = r.claim("port would reopen")
    assert r.source_text(claim) == "Kovac"
    assert [r.text[h.start:h.end] for h in claim.hedges] == ["reportedly"]


def test_closing_attribution_parsed_as_relative_clause(run):
    r = run("Most ferry users have a low opinion of the new timetable, the survey found.")
    claim = r.claim("low opinion")
    assert r.content(claim) == "Most ferry users have a low opinion of the new timetable"
    assert (r.source_text(claim), r.cue(claim)) == ("the survey", "found")


def test_a_tag_name_in_pasted_markup_is_no_cue(run):
    r = run('<tweet pic="" author="PortAuthority" timestamp="1449075600" '
            'tweet_id="672137288055398401">Terrible news from the harbour tonight. Stay away '
            'from the docks.</tweet>.')
    assert "tweet" not in [r.cue(c) for c in r.claims()]


def test_seeming_to_say_something_is_the_speakers_hedged_claim(run):
    r = run("Kovac seemed to acknowledge that the port would stay shut until May.")
    [claim] = r.claims()
    assert (r.source_text(claim), r.cue(claim)) == ("Kovac", "acknowledge")
    assert "seemed to" in [r.text[h.start:h.end] for h in claim.hedges]


def test_seeming_to_do_something_stays_the_authors_impression(run):
    r = run("The ministry seemed to lose its grip on the port strike.")
    [claim] = r.claims()
    assert r.source_text(claim) is None and r.cue(claim) == "seemed"


@pytest.mark.parametrize("opening", ["That said", "That being said", "Having said that"])
def test_a_discourse_marker_is_no_claim(run, opening):
    r = run(f"The dockers could split the vote. {opening}, the port cannot reopen before May.")
    assert all(r.cue(c) != "said" for c in r.claims())


def test_a_subjects_relative_clause_is_not_the_content(run):
    r = run("One docker, who like others spoke on the condition of anonymity, said the message "
            'was that "this strike is not going to be over in May."')
    claim = r.claim("not going to be over")
    assert (r.source_text(claim), r.cue(claim)) == ("One docker", "said")
    assert "anonymity" not in r.content(claim)


def test_a_cue_in_the_middle_of_its_words_keeps_the_that_clause_after_it(run):
    r = run("There is a risk, some officials said, that the new quay will flood every "
            "spring.")
    claim = r.claim("There is a risk")
    assert [r.text[s:e] for s, e in claim.content.pieces()] == [
        "There is a risk", "that the new quay will flood every spring"]
    assert r.source_text(claim) == "some officials" and r.cue(claim) == "said"


def test_a_that_clause_after_the_cues_object_is_not_joined(run):
    # The parser hangs "that the organisers counted" on "told" as a second complement.
    r = run('"The port stays open," the mayor told a crowd that the organisers counted at '
            'two thousand.')
    claim = r.claim("port stays open")
    assert "organisers" not in r.content(claim)


def test_a_second_verb_after_and_and_a_participle_shares_the_first_ones_subject(run):
    # The parser hangs "endorsed" on "stood" as a modifier, not a conjunct.
    r = run("Pastor Anna Whitby stood at her pulpit and, citing a verse from Exodus, "
            "endorsed Senator Okafor for the post.")
    claim = r.claim("Senator Okafor for the post")
    assert r.source_text(claim) == "Pastor Anna Whitby"
