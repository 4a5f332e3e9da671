"""Autosave: written within DELAY_MS of the last edit while work is unsaved, removed once the
work is saved or undone, and offered back only when its session is gone.
"""

import shutil

from briefing_app.document import autosave
from briefing_app.document.autosave import Autosaver, find_recoveries
from briefing_app.document.briefing_commands import SetBriefingFieldsCommand
from briefing_app.storage.project_file import dumps, load_project


def edit(doc, text="Talks broke down."):
    doc.push(SetBriefingFieldsCommand(doc, {"bluf": text}))


def test_written_within_five_seconds_of_an_edit(doc, qtbot):
    saver = Autosaver(doc)
    assert autosave.DELAY_MS <= 5000
    edit(doc)
    with qtbot.waitSignal(saver.written, timeout=7000):
        pass
    assert dumps(load_project(saver.file)) == dumps(doc.briefing)
    saver.finish()


def test_cleared_when_saved_or_undone_and_on_close(doc, qtbot):
    saver = Autosaver(doc, delay_ms=10)
    edit(doc)
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    doc.undo_stack.setClean()  # what a save does
    assert not saver.file.exists()
    edit(doc, "Second thoughts.")
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    doc.undo_stack.undo()  # back to the saved state: nothing to keep
    assert not saver.file.exists()
    edit(doc, "Third.")
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    saver.finish()
    assert not saver.file.exists() and not saver.file.with_suffix(".json").exists()
    edit(doc, "After close.")
    qtbot.wait(50)
    assert not saver.file.exists()


def test_a_live_session_is_not_offered_a_dead_one_is(doc, qtbot, tmp_path):
    saver = Autosaver(doc, delay_ms=10)
    doc.path = str(tmp_path / "strike.briefing")
    edit(doc)
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    assert find_recoveries() == []  # this very session still holds its lock
    # A session killed outright leaves its files but no live lock holder.
    orphan = saver.file.with_name("session-1-dead" + autosave.PROJECT_SUFFIX)
    shutil.copy(saver.file, orphan)
    shutil.copy(saver.file.with_suffix(".json"), orphan.with_suffix(".json"))
    found = find_recoveries()
    assert [r.file for r in found] == [orphan]
    assert found[0].original_path == str(tmp_path / "strike.briefing")
    found[0].discard()
    assert not orphan.exists() and find_recoveries() == []
    saver.finish()


def test_continuous_edits_do_not_postpone_forever(doc, qtbot, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(autosave.time, "monotonic", lambda: clock[0])
    saver = Autosaver(doc, delay_ms=300)
    edit(doc, "a")
    clock[0] += autosave.MAX_WAIT_S + 1
    for n in range(5):  # edits keep coming, but the overdue save is no longer pushed back
        edit(doc, f"a{n}")
        qtbot.wait(100)
    assert saver.file.exists()  # written 300 ms after the first edit, amid the stream
    saver.finish()


def test_an_unwritable_folder_does_not_interrupt(doc, qtbot, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    saver = Autosaver(doc, folder=blocked, delay_ms=10)
    written = []
    saver.written.connect(written.append)
    edit(doc)
    qtbot.wait(100)
    assert written == []
    saver.finish()


def test_an_edit_while_the_text_is_built_wins(doc, qtbot, monkeypatch):
    # The text is built a slice per event-loop turn; an edit between two slices makes the
    # half-built text stale, so what reaches the disk is the state after that edit.
    monkeypatch.setattr(autosave, "SLICE_S", 0.0)  # one piece per turn
    saver = Autosaver(doc, delay_ms=10)
    slices = []

    def edit_once_the_old_text_is_built():
        slices.append(1)
        built = saver._pieces[2] if saver._pieces else []
        if doc.briefing.bluf == "First draft." and '"First draft."' in built:
            edit(doc, "Second thoughts.")

    saver._slicer.timeout.connect(edit_once_the_old_text_is_built)
    edit(doc, "First draft.")
    with qtbot.waitSignal(saver.written, timeout=5000):
        pass
    assert len(slices) > 2
    assert load_project(saver.file).bluf == "Second thoughts."
    assert dumps(load_project(saver.file)) == dumps(doc.briefing)
    saver.finish()

