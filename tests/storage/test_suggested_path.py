"""The file name Save As and Export suggest: beside the work, after the title, safe anywhere."""

from pathlib import Path

import pytest

from briefing_app.domain.model import Briefing, Source
from briefing_app.storage.word.output_path import NAME_LIMIT, safe_file_stem, suggested_path

WINDOWS_REFUSES = set('<>:"/\\|?*')


@pytest.mark.parametrize("title, stem", [
    ("Syldavia: talks stall", "Syldavia - talks stall"),
    ("Klow / Szohod port 24/7?", "Klow - Szohod port 24-7"),
    ('Borduria says "no" <again>', "Borduria says 'no' again"),
    ("  Strike\tover.  ", "Strike over"),
    ("Ruler\u202e of Syldavia", "Ruler of Syldavia"),  # a bidi control
    ("CON", "CON briefing"),
    ("nul.report", "nul.report briefing"),
    ("???", "briefing"),
    ("", "briefing"),
])
def test_safe_file_stem(title, stem):
    assert safe_file_stem(title) == stem


def test_a_long_title_is_cut_at_a_word():
    title = "Syldavian dockers extend the strike " * 6
    stem = safe_file_stem(title)
    assert len(stem) <= NAME_LIMIT and title.startswith(stem) and stem.endswith("strike")


def test_every_stem_is_accepted_by_windows():
    for title in ("a:b", "x" * 300, " . ", "COM1", 'q"?*|<>', "tab\there"):
        stem = safe_file_stem(title)
        assert stem and not WINDOWS_REFUSES & set(stem) and len(stem) <= NAME_LIMIT
        assert stem == stem.strip(" .")


def _briefing(title="", path="/news/syldavia/port.txt", source_title="Port talks stall"):
    return Briefing(title=title, sources=[Source(id="s1", text="x", title=source_title,
                                                 path=path)])


def test_beside_the_article_named_after_the_title():
    assert suggested_path(_briefing("Klow: ports shut"), "", ".briefing", "/home/a") == Path(
        "/news/syldavia/Klow - ports shut.briefing")
    # No title of its own: the article's.
    assert suggested_path(_briefing(), "", ".docx", "/home/a") == Path(
        "/news/syldavia/Port talks stall.docx")


def test_a_saved_project_keeps_its_folder_and_name():
    assert suggested_path(_briefing("Other"), "/cases/strike.briefing", ".docx",
                          "/home/a") == Path("/cases/strike.docx")


def test_a_pasted_article_starts_in_the_fallback_folder():
    assert suggested_path(_briefing(path=""), "", ".docx", "/home/a") == Path(
        "/home/a/Port talks stall.docx")


def test_never_the_name_of_an_article():
    briefing = _briefing(path="/news/Port talks stall.docx")
    assert suggested_path(briefing, "", ".docx", "/home/a") == Path(
        "/news/Port talks stall briefing.docx")
