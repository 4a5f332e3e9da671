"""Where notes sit: anchor labels and the noted paragraphs of a source."""

import pytest

from briefing_app.domain import notes
from briefing_app.domain.model import Briefing, Note, Source
from briefing_app.domain.ops import add_source
from support import handmade


@pytest.fixture
def briefing():
    briefing = Briefing()
    add_source(briefing, handmade.make_source(source_id="s1"))
    add_source(briefing, handmade.make_source(source_id="s2"))
    return briefing


def note_on(briefing, note_id, source_id, needle):
    start = briefing.source(source_id).text.index(needle)
    note = Note(note_id, f"about {needle}", source_id, start, start + len(needle))
    briefing.notes.append(note)
    return note


def test_anchor_names_the_source_number_and_paragraph(briefing):
    note_on(briefing, "n1", "s1", "Katrin")
    note_on(briefing, "n2", "s2", "officials")
    briefing.notes.append(Note("n3", "free thought"))
    assert notes.anchor_labels(briefing) == {"n1": "#1 ¶3", "n2": "#2 ¶4", "n3": "free"}


def test_anchor_on_a_source_without_paragraphs_names_the_source(briefing):
    add_source(briefing, Source("s3", "one line of text"))
    briefing.notes.append(Note("n1", "x", "s3", 0, 3))
    assert notes.anchor_labels(briefing) == {"n1": "#3"}
    assert notes.notes_by_paragraph(briefing, "s3") == {}


def test_notes_by_paragraph_keeps_to_one_source(briefing):
    first = note_on(briefing, "n1", "s1", "Katrin")
    second = note_on(briefing, "n2", "s1", "strike could")
    note_on(briefing, "n3", "s2", "Chancellor")
    briefing.notes.append(Note("n4", "free"))
    assert notes.notes_by_paragraph(briefing, "s1") == {3: [first, second]}
    assert notes.notes_by_paragraph(briefing, "") == {}


def test_first_line_skips_blank_lines():
    assert notes.first_line("\n  Call the port  \nthen the union") == "Call the port"
    assert notes.first_line("") == ""

