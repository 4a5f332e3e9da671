"""The place library: one key per country, capitals as states, demonyms, places by kind."""

from briefing_app.domain import places


def test_country_aliases_are_one_key():
    forms = ["South Korea", "S. Korea", "ROK", "Republic of Korea", "KOR"]
    assert {places.country_aliases(f) for f in forms} == {"South Korea"}
    assert places.country_aliases("Syldavia") is None


def test_capital_acting_as_government_is_the_state():
    assert places.kind_of_place("Pyongyang") == "capital"
    assert places.state_for("Pyongyang") == "North Korea"


def test_places_by_kind():
    assert places.kind_of_place("Texas") == "us_state"
    assert places.kind_of_place("Odesa") == "city"
    assert places.is_place("Iran") and not places.is_place("Kovac")


def test_demonym_to_country():
    assert places.demonym_to_country("Iranian") == "Iran"
    assert places.demonym_to_country("Canadians") == "Canada"
    assert places.demonym_to_country("Bordurian") is None
    assert places.demonym_to_country("Bordurian", known=("Borduria",)) == "Borduria"
    assert places.demonym_to_country("Bordurian", guess=True) == "Borduria"
