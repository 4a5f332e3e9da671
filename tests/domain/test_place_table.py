"""The shipped place-kind table: used only when it was built from the installed libraries,
and then the same as building it; a damaged or foreign file is ignored."""

import json

from briefing_app.domain import place_table, places


def test_the_shipped_table_is_what_the_installed_libraries_give():
    stored = json.loads(place_table.path().read_text(encoding="utf-8"))
    shipped = place_table.load(places.CITY_POPULATION)
    if stored["built_from"] == place_table.built_from(places.CITY_POPULATION):
        # Same libraries: a difference means places.py builds the table differently now.
        assert shipped == places.build_place_kinds(), \
            "run packaging/build_place_table.py to rebuild the shipped table"
    else:
        assert shipped is None  # other versions installed: built at run time instead


def test_a_table_from_other_data_or_a_damaged_file_is_not_used(tmp_path, monkeypatch):
    target = tmp_path / "place_kinds.json"
    monkeypatch.setattr(place_table, "path", lambda: target)
    assert place_table.load(places.CITY_POPULATION) is None  # missing
    target.write_text(place_table.dump({"utopia": "city"}, places.CITY_POPULATION),
                      encoding="utf-8")
    assert place_table.load(places.CITY_POPULATION) == {"utopia": "city"}
    assert place_table.load(places.CITY_POPULATION + 1) is None  # another threshold
    stored = json.loads(target.read_text(encoding="utf-8"))
    stored["built_from"]["pycountry"] = "0.0"
    target.write_text(json.dumps(stored), encoding="utf-8")
    assert place_table.load(places.CITY_POPULATION) is None
    for damaged in ('{"built_from": ', "[]", '{"kinds": {}}'):
        target.write_text(damaged, encoding="utf-8")
        assert place_table.load(places.CITY_POPULATION) is None
