"""The constructions the second round of extraction fixed, each on a sentence written for
these tests (the speakers swapped, claims that are not claims, claims missed)."""


def test_closing_attribution_with_an_apposition_credits_the_named_speaker(run):
    r = run('"The talks are over for this year," said Pavel Marek, a researcher at the '
            "Klow Institute for Peace.")
    claim = r.claim("talks are over")
    assert r.actor_of(claim).name == "Pavel Marek"


def test_an_ally_in_apposition_is_not_the_speaker(run):
    r = run("Even Borduria, Syldavia's closest ally, said it was 'firmly opposed' to the test.")
    assert r.actor_of(r.claim("firmly opposed")).name == "Borduria"


def test_they_after_a_bodys_statement_is_the_body_not_the_country_named_in_it(run):
    r = run("The Syldavian foreign ministry issued a statement on Monday. The ministry "
            "condemned the test and warned that Borduria would face sanctions, they said.")
    claim = next(c for c in r.claims() if r.cue(c) == "said")
    assert r.source_text(claim) == "they"
    assert r.actor_of(claim).name == "ministry"


def test_a_noun_cue_inside_a_description_of_an_event_is_no_claim(run):
    r = run("The ministry's recent drone attack on the port, which involved 40 drones, "
            "damaged two cranes.")
    assert r.claims() == []


def test_an_agentless_passive_inside_a_claim_is_not_a_second_claim(run):
    r = run("The defence minister said that all options are being considered.")
    assert [r.cue(c) for c in r.claims()] == ["said"]


def test_cautioned_against_is_a_warning_the_rules_find(run):
    r = run("President Anna Kovac has publicly cautioned Borduria against targeting "
            "civilian ships in the strait.")
    claim = r.claim("against targeting civilian ships")
    assert claim.origin in ("rules", "both")
    assert (r.cue(claim), claim.stance) == ("cautioned", "warn")
    assert r.actor_of(claim).name == "Anna Kovac"


def test_reports_state_is_filed_under_the_reports_not_the_author(run):
    r = run("Reports state that the army has moved two brigades to the border.")
    claim = r.claim("army has moved two brigades")
    assert r.source_text(claim) == "Reports" and r.cue(claim) == "state"
    assert r.actor_of(claim).kind == "unnamed"


def test_a_speaker_after_an_opening_phrase_is_found_through_the_apposition(run):
    # The parser hangs "Marek" on "Tuesday" as an apposition; the verb keeps no subject.
    r = run('In a conference call with reporters on Tuesday, Col. Pavel Marek, a military '
            'spokesman in Klow, said, "A raid is a combat operation. There is no way '
            'around that."')
    claim = r.claim("raid is a combat operation")
    assert r.source_text(claim) == "Col. Pavel Marek"
