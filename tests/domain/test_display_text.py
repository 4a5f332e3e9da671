"""safe_label: bidi controls out of names and labels, every visible character kept."""

import sys
import unicodedata

import pytest

from briefing_app.domain.display_text import BIDI_CONTROLS, safe_label

RLO, PDF = "\u202e", "\u202c"
# The classes UAX #9 gives the explicit embeddings, overrides and isolates.
EXPLICIT = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}


def test_an_override_is_taken_out_and_the_stored_letters_kept_in_order():
    stored = f"{RLO}elohssa{PDF} Jones"
    assert safe_label(stored) == "elohssa Jones"
    assert stored.startswith(RLO)  # the caller's text is untouched


def test_every_explicit_control_unicode_knows_is_removed():
    explicit = [chr(c) for c in range(sys.maxunicode + 1)
                if unicodedata.bidirectional(chr(c)) in EXPLICIT]
    assert len(explicit) == 9
    assert set(explicit) <= BIDI_CONTROLS
    assert safe_label("A" + "".join(explicit) + "B") == "AB"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_the_invisible_marks_are_removed(mark):
    assert safe_label(f"10{mark} 20") == "10 20"


@pytest.mark.parametrize("name", ["محمد عباس", "יוסי כהן", "Ilse Müller-Åberg", "北京"])
def test_genuine_names_keep_every_letter(name):
    assert safe_label(name) == name


def test_a_right_to_left_name_loses_only_its_marks():
    assert safe_label("\u2067محمد عباس\u2069\u200f") == "محمد عباس"


def test_other_invisible_characters_are_not_its_business():
    # Joiners shape Arabic, Indic and emoji sequences; removing them would change the letters.
    text = "\u0644\u200d\u0627 👨\u200d👩\u200d👧"
    assert safe_label(text) == text
