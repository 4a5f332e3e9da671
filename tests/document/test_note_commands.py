"""Note commands on the document: add, edit and delete are each one labelled undo step,
and each tells the listeners which note changed."""

import pytest

from briefing_app.document import correction_commands as cc


@pytest.fixture
def noted(doc):
    text = doc.briefing.sources[0].text
    start = text.index("emergency legislation")
    command = cc.add_note(doc, "Check with the port", "s1", start, start + 21)
    doc.push(command)
    doc.note_id = command.new_id
    return doc


def notes_of(doc):
    return [(n.id, n.text) for n in doc.briefing.notes]


def test_edit_note_undoes_and_redoes(noted, qtbot):
    note_id = noted.note_id
    with qtbot.waitSignal(noted.changed, check_params_cb=lambda c: c.kind == "notes"
                          and c.ids == [note_id]):
        noted.push(cc.edit_note(noted, note_id, "Call the harbour master"))
    assert noted.undo_stack.undoText() == "Edit note"
    assert notes_of(noted) == [(note_id, "Call the harbour master")]
    assert noted.briefing.notes[0].source_id == "s1"
    noted.undo_stack.undo()
    assert notes_of(noted) == [(note_id, "Check with the port")]
    assert noted.undo_stack.undoText() == "Add note"
    noted.undo_stack.redo()
    assert notes_of(noted) == [(note_id, "Call the harbour master")]


def test_delete_note_undoes_and_redoes(noted):
    note_id = noted.note_id
    noted.push(cc.add_note(noted, "A free note"))
    noted.push(cc.delete_note(noted, note_id))
    assert noted.undo_stack.undoText() == "Delete note"
    assert [text for _id, text in notes_of(noted)] == ["A free note"]
    noted.undo_stack.undo()
    assert notes_of(noted)[0] == (note_id, "Check with the port")  # back in its place
    noted.undo_stack.redo()
    assert [text for _id, text in notes_of(noted)] == ["A free note"]


def test_editing_to_the_same_text_leaves_no_undo_step(noted):
    count = noted.undo_stack.count()
    noted.push(cc.edit_note(noted, noted.note_id, "Check with the port"))
    assert noted.undo_stack.count() == count
