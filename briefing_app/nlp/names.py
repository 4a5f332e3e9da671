"""Canonical names: aliases, metonyms and demonyms that point at one real-world actor.

Plain tables and string functions; used by the actor clustering to decide that "U.S.",
"America" and "Washington" are one state, and that "German officials" work for Germany.
"""

from __future__ import annotations

import re

from briefing_app.domain import places

# Alias -> canonical state name. Capitals and seats of government act as metonyms.
STATE_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "washington": "United States",
    "the white house": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "london": "United Kingdom",
    "downing street": "United Kingdom",
    "russia": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "the kremlin": "Russia",
    "russian federation": "Russia",
    "china": "China",
    "beijing": "China",
    "prc": "China",
    "iran": "Iran",
    "tehran": "Iran",
    "ukraine": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "germany": "Germany",
    "berlin": "Germany",
    "france": "France",
    "paris": "France",
    "elysee": "France",
    "japan": "Japan",
    "tokyo": "Japan",
    "brazil": "Brazil",
    "brasilia": "Brazil",
    "israel": "Israel",
    "india": "India",
    "new delhi": "India",
    "turkey": "Turkey",
    "ankara": "Turkey",
    "pyongyang": "North Korea",
    "north korea": "North Korea",
    "seoul": "South Korea",
    "south korea": "South Korea",
    "riyadh": "Saudi Arabia",
    "saudi arabia": "Saudi Arabia",
    "brussels": "European Union",
    "eu": "European Union",
    "european union": "European Union",
    "the eu": "European Union",
    "damascus": "Syria",
    "syria": "Syria",
    "cairo": "Egypt",
    "egypt": "Egypt",
    "mexico city": "Mexico",
    "mexico": "Mexico",
    "ottawa": "Canada",
    "canada": "Canada",
    "rome": "Italy",
    "italy": "Italy",
    "madrid": "Spain",
    "spain": "Spain",
    "warsaw": "Poland",
    "poland": "Poland",
    "the netherlands": "Netherlands",
    "netherlands": "Netherlands",
    "the hague": "Netherlands",
}

DEMONYMS = {
    "american": "United States",
    "americans": "United States",
    "u.s.": "United States",
    "british": "United Kingdom",
    "russian": "Russia",
    "russians": "Russia",
    "chinese": "China",
    "iranian": "Iran",
    "iranians": "Iran",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "german": "Germany",
    "germans": "Germany",
    "french": "France",
    "japanese": "Japan",
    "brazilian": "Brazil",
    "brazilians": "Brazil",
    "israeli": "Israel",
    "israelis": "Israel",
    "indian": "India",
    "turkish": "Turkey",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "saudi": "Saudi Arabia",
    "syrian": "Syria",
    "egyptian": "Egypt",
    "mexican": "Mexico",
    "mexicans": "Mexico",
    "canadian": "Canada",
    "italian": "Italy",
    "spanish": "Spain",
    "polish": "Poland",
    "dutch": "Netherlands",
    "european": "European Union",
    "palestinian": "Palestine",
    "palestinians": "Palestine",
    "norwegian": "Norway",
    "swedish": "Sweden",
    "danish": "Denmark",
    "finnish": "Finland",
    "greek": "Greece",
    "portuguese": "Portugal",
    "irish": "Ireland",
    "australian": "Australia",
    "korean": "South Korea",
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "iraqi": "Iraq",
    "iraqis": "Iraq",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "belgian": "Belgium",
    "austrian": "Austria",
    "swiss": "Switzerland",
}

TITLES = {
    "president",
    "chancellor",
    "minister",
    "prime",
    "secretary",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "general",
    "gen.",
    "ambassador",
    "king",
    "queen",
    "prince",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "judge",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commissioner",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "sheriff",
    "speaker",
    "leader",
    "candidate",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "chief",
    "head",
    "envoy",
    "foreign",
    "finance",
    "defense",
    "defence",
    "interior",
    "deputy",
    "vice",
    "former",
    "state",
    "economy",
    "trade",
    "justice",
    "health",
    "labour",
    "labor",
    "officer",
    "executive",
    "founder",
    "analyst",
    "professor",
    "economist",
    "coach",
}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    """Surface form without possessive, leading 'the' and doubled whitespace."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip(" ,.;:\"“”‘’'()")
    return text


def strip_article(text: str) -> str:
    return _LEADING_THE.sub("", text)


def key(text: str) -> str:
    return _LEADING_THE.sub("", clean_name(text)).lower()


def state_for(text: str) -> str | None:
    """Canonical state for a name, capital or metonym, or None."""
    lowered = clean_name(text).lower()
    found = STATE_ALIASES.get(lowered) or STATE_ALIASES.get(_LEADING_THE.sub("", lowered))
    # Then the field library: any country by short, official or informal name or code,
    # and every capital ("S. Korea", "ROK", "Republic of Korea" -> South Korea).
    return found or places.state_for(clean_name(text))


def acronym(text: str) -> str:
    """Initials of the capitalised words: 'North Atlantic Treaty Organization' -> 'NATO'."""
    words = [w for w in re.split(r"[\s\-]+", _LEADING_THE.sub("", clean_name(text))) if w]
    return "".join(w[0] for w in words if w[0].isupper())
