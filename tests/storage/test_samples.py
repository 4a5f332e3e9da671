"""The bundled sample articles load cleanly and have the shape the demos rely on."""

import pytest

from briefing_app.paths import sample_path
from briefing_app.storage.readers.load import load_path

SAMPLES = ["wire_report.txt", "interview_piece.txt", "analysis_piece.txt", "unnamed_sources.txt"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_loads_with_paragraphs(name):
    source = load_path(sample_path(name))
    assert len(source.paragraphs) >= 5
    for start, end in source.paragraphs:
        assert source.text[start:end].strip()
    assert source.title
    assert "\r" not in source.text
    assert 350 <= len(source.text.split()) <= 620
    assert source.notes == []  # UTF-8 English: nothing to warn about


def test_interview_has_emoji_and_curly_apostrophe_in_first_paragraph():
    source = load_path(sample_path("interview_piece.txt"))
    start, end = source.paragraphs[1]  # paragraphs[0] is the headline
    first = source.text[start:end]
    assert "\u2019" in first
    assert any(ord(ch) > 0xFFFF for ch in first)
