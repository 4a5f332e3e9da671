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

# Last words of names for what actors sign, pass or hold, never for an actor: "the North
# American Free Trade Agreement", "the Paris Accord", "the Second Amendment".
NON_ACTOR_HEADS = frozenset(
    "agreement agreements treaty accord accords act pact amendment doctrine summit "
    "championship championships olympics referendum".split())
# Beliefs and attitudes named alone: "Islam", "Islamophobia", "Communism".
_IDEA_WORDS = frozenset({"islam", "christianity", "sharia"})
_IDEA_ENDINGS = ("ism", "phobia")
# Abbreviated ranks and titles: a name that ends with one lost the person after it
# ("Navy Capt." of "Navy Capt. Jeff Davis").
_TITLE_ABBREVIATIONS = frozenset(
    "capt sgt lt col gen adm cpl maj cmdr pvt sen rep gov dr mr mrs ms prof rev".split())
# Function words a name keeps in lower case; capitalised they mark a headline in title case
# ("San Bernardino Terror Suspect Named By Police").
_HEADLINE_WORDS = frozenset("by to is are was were with on at as from into after over".split())

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


def names_no_actor(text: str, kind: str) -> bool:
    """Whether a name the model labelled is a kind of phrase that never names an actor: a
    treaty, law or event, a belief, a title fragment, a 'pro-'/'anti-' adjective, a
    headline in title case, or a 'person' with digits in the name ('Anderson Cooper 360')."""
    words = strip_article(clean_name(text)).split()
    if not words:
        return True
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0].startswith(("pro-", "anti-")):
        return True
    if len(words) > 1 and lowered[-1] in NON_ACTOR_HEADS | _TITLE_ABBREVIATIONS:
        return True
    if len(words) == 1 and (lowered[0] in _IDEA_WORDS or lowered[0].endswith(_IDEA_ENDINGS)):
        return True
    if len(words) >= 3 and any(w in _HEADLINE_WORDS and o[:1].isupper()
                               for w, o in zip(lowered[1:], words[1:])):
        return True
    return kind == "person" and any(ch.isdigit() for ch in text)


def acronym(text: str) -> str:
    """Initials of the capitalised words: 'North Atlantic Treaty Organization' -> 'NATO'."""
    words = [w for w in re.split(r"[\s\-]+", _LEADING_THE.sub("", clean_name(text))) if w]
    return "".join(w[0] for w in words if w[0].isupper())
