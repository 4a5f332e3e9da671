"""A plain text's title: its first line when that reads as a headline, otherwise its first
sentence shortened at a word boundary; never cut inside a word."""

import pytest

from briefing_app.domain.short_text import shortened
from briefing_app.storage.readers.common import first_line_title

LONG = ("Dockworkers at the port of Hamburg extended their strike into a fifth day on "
        "Thursday after talks with the port operators' association broke down overnight")


@pytest.mark.parametrize("text, title", [
    ("# Port strike talks stall\n\nBody.", "Port strike talks stall"),
    ("\n\n  U.S. weighs new sanctions  \nBody", "U.S. weighs new sanctions"),
    ("The U.S. Treasury said it would act. Officials agreed.",
     "The U.S. Treasury said it would act."),
    ("Mr. Lind went to Oslo. He spoke.", "Mr. Lind went to Oslo."),
    (LONG + ". More text.",
     "Dockworkers at the port of Hamburg extended their strike into a fifth day on Thursday…"),
    ("", ""),
])
def test_first_line_title(text, title):
    assert first_line_title(text) == title


def test_a_title_is_never_cut_inside_a_word():
    title = first_line_title(LONG * 3)
    assert len(title) <= 90 and title.endswith("…")
    assert LONG.startswith(title[:-1]) and LONG[len(title) - 1] == " "


def test_shortened():
    assert shortened("short") == "short"
    assert shortened("one two three", 9) == "one two…"
    assert shortened("unbreakable", 4) == "unbreakable"  # one word: kept whole
