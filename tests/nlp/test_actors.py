"""Actors: one per referent across names, titles, possessives, acronyms and metonyms."""


def test_surname_title_and_possessive_merge(run):
    r = run(
        "German Chancellor Olaf Brandt arrived in Lisbon. Brandt said the talks would go on. "
        "Brandt's critics were not convinced."
    )
    brandt = r.actor("Olaf Brandt")
    assert brandt.kind == "person"
    assert brandt.role == "Chancellor" and brandt.affiliation == "Germany"
    assert r.mentions("Olaf Brandt") == ["Olaf Brandt", "Brandt", "Brandt"]


def test_bare_surname_goes_to_the_dominant_full_name(run):
    r = run(
        "Hillary Clinton spoke in Ohio. Hillary Clinton later met donors. Bill Clinton stayed "
        "home. Clinton said the race was close."
    )
    assert "Clinton" in r.mentions("Hillary Clinton")
    assert r.mentions("Bill Clinton") == ["Bill Clinton"]


def test_us_america_washington_are_one_state(run):
    r = run(
        "The United States imposed tariffs. America has long opposed the deal, and "
        "Washington said it would not back down. The U.S. economy grew."
    )
    us = r.actor("United States")
    assert us.kind == "state"
    assert r.mentions("United States") == ["The United States", "America", "Washington", "U.S."]


def test_acronym_joins_its_long_form(run):
    r = run(
        "The North Atlantic Treaty Organization met in Brussels. NATO said the alliance "
        "would grow."
    )
    assert "NATO" in r.mentions("North Atlantic Treaty Organization")


def test_demonym_adjective_is_affiliation_noun_is_group(run):
    r = run("German officials said the plan was dead. Brazilians protested outside the embassy.")
    officials = r.actor("German officials")
    assert officials.kind == "unnamed" and officials.affiliation == "Germany"
    assert r.actor("Brazilians").kind == "group"
    assert not [a for a in r.analysis.actors if a.name == "German"]


def test_unnamed_sources_with_affiliation(run):
    r = run(
        "State Department officials said the visit was off. A senior diplomat said the "
        "embassy would stay open. A U.S. official said talks would resume."
    )
    officials = r.actor("State Department officials")
    assert (officials.kind, officials.affiliation) == ("unnamed", "State Department")
    assert r.actor("senior diplomat").kind == "unnamed"
    assert r.actor("U.S. official").affiliation == "United States"
    claim = r.claim("visit was off")
    assert r.actor_of(claim).name == "State Department officials"


def test_possessive_office_is_not_the_person(run):
    r = run("Prime Minister Anna Berglund arrived. Berglund's office declined to comment.")
    claim = r.claim("to comment")
    assert r.actor_of(claim).name == "Berglund's office"
    assert r.actor_of(claim).affiliation == "Anna Berglund"
