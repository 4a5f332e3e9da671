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


def test_place_names_are_found_without_their_accents():
    # English news writes the libraries' "Gdańsk", "Malmö" and "São Paulo" without accents.
    for written in ("Gdansk", "Gdańsk", "Malmo", "Sao Paulo"):
        assert places.is_place(written), written
    assert places.state_for("Bogota") == places.state_for("Bogotá") == "Colombia"
    # Only big cities: a small one's plain spelling is often a surname (Egypt's "Būsh").
    assert places.is_place("Būsh") and not places.is_place("Bush")
