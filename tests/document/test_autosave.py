"""Autosave: written within DELAY_MS of the last edit while work is unsaved, removed once the
work is saved or undone, and offered back only when its session is gone.
"""

import gc
import os
import shutil
import uuid

from briefing_app.document import autosave
from briefing_app.document.autosave import Autosaver, find_recoveries
from briefing_app.document.briefing_commands import SetBriefingFieldsCommand
from briefing_app.document.commands import AddSourceCommand
from briefing_app.storage import project_file
from briefing_app.storage.project_file import compact_pieces, dumps, load_project
from support import briefing_builders


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
    assert saver.is_idle()  # nothing timed, built or queued: no write can follow
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
    with qtbot.waitSignal(saver.failed, timeout=3000) as failure:
        edit(doc)
    assert written == [] and failure.args[0]  # the reason, in a few words
    # It keeps trying: the next edit fails again, and once the folder exists it is written.
    with qtbot.waitSignal(saver.failed, timeout=3000):
        edit(doc, "Still blocked.")
    blocked.unlink()
    with qtbot.waitSignal(saver.written, timeout=3000):
        edit(doc, "Unblocked.")
    assert load_project(saver.file).bluf == "Unblocked."
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


def test_a_long_article_is_written_in_small_pieces_byte_for_byte(doc, qtbot, monkeypatch):
    # The text built a slice at a time from small pieces is exactly what a whole save
    # writes: the sources' long text in chunks, its paragraphs in groups, and all.
    monkeypatch.setattr(autosave, "SLICE_S", 0.0)  # one piece per event-loop turn
    big = briefing_builders.large_briefing(words=20_000, n_claims=5, n_actors=5).sources[0]
    big.text = big.text + 'A "quoted" back\\slash, \ttab, 😀 and \udc80 lone.\n' * 3000
    doc.push(AddSourceCommand(doc, big))
    saver = Autosaver(doc, delay_ms=10)
    slices = []
    saver._slicer.timeout.connect(lambda: slices.append(1))
    with qtbot.waitSignal(saver.written, timeout=20000):
        edit(doc)
    expected = dumps(doc.briefing, compact=True).encode("utf-8", errors="backslashreplace")
    assert saver.file.read_bytes() == expected
    assert len(big.text) > 3 * project_file.TEXT_PIECE
    assert len(slices) >= len(big.text) // project_file.TEXT_PIECE  # one chunk per turn
    saver.finish()


def test_no_garbage_collection_runs_while_pieces_are_taken():
    briefing = briefing_builders.large_briefing(words=3000, n_claims=40, n_actors=10)
    inside, collected = [], []

    def watched(pieces):  # marks the moments a piece is being made
        while True:
            inside.append(True)
            piece = next(pieces, None)
            inside.pop()
            if piece is None:
                return
            yield piece

    def note(phase, info):
        if phase == "start" and inside:
            collected.append(info["generation"])

    pieces, done = watched(compact_pieces(briefing)), []
    gc.callbacks.append(note)
    thresholds = gc.get_threshold()
    try:
        gc.set_threshold(1)  # without the pause, every allocation would start a collection
        finished = False
        while not finished:
            finished = autosave.take_pieces(pieces, done, 0.0)  # one piece per call
            assert gc.isenabled()  # on again between pieces
    finally:
        gc.set_threshold(*thresholds)
        gc.callbacks.remove(note)
    assert "".join(done) == dumps(briefing, compact=True)
    assert len(done) > 50 and collected == []


def _temp_beside(target, data: bytes, short: bool = False):
    """What atomic_write_bytes leaves when killed between its fsync and its rename."""
    name = f".{uuid.uuid4().hex[:8]}.tmp" if short else f".{target.name}.k1ll3d.tmp"
    temp = target.with_name(name)
    temp.write_bytes(data)
    return temp


def test_a_complete_temp_file_of_a_dead_session_is_offered(doc, qtbot, tmp_path):
    folder = autosave.autosave_dir()
    folder.mkdir(parents=True)
    dead = folder / f"session-1-dead{autosave.PROJECT_SUFFIX}"
    dead.write_text(dumps(doc.briefing), encoding="utf-8")
    dead.with_suffix(".json").write_text('{"path": "/p/strike.briefing", "pid": 1}')
    edit(doc, "Newer than the last autosave.")
    old = os.stat(dead).st_mtime - 60
    os.utime(dead, (old, old))
    temp = _temp_beside(dead, dumps(doc.briefing).encode())
    # With two dead sessions a short-named temp file cannot say whose it is: kept on its own.
    gone = folder / f"session-2-gone{autosave.PROJECT_SUFFIX}"
    shutil.copy(dead, gone)
    stray = _temp_beside(gone, dumps(doc.briefing).encode(), short=True)
    found = find_recoveries()
    assert not temp.exists() and not stray.exists()
    own = [p.name for p in folder.glob("session-0-*.briefing")]
    assert len(own) == 1
    assert sorted(r.file.name for r in found) == sorted([dead.name, gone.name] + own)
    for recovery in found:
        if recovery.file != gone:
            assert load_project(recovery.file).bluf == "Newer than the last autosave."
    assert [r.original_path for r in found if r.file == dead] == ["/p/strike.briefing"]


def test_incomplete_or_outdated_temp_files_are_removed(doc, tmp_path):
    folder = autosave.autosave_dir()
    folder.mkdir(parents=True)
    dead = folder / f"session-1-dead{autosave.PROJECT_SUFFIX}"
    dead.write_text(dumps(doc.briefing), encoding="utf-8")
    text = dumps(doc.briefing).encode()
    truncated = _temp_beside(folder / "session-3-cut.briefing", text[: len(text) // 2])
    outdated = _temp_beside(dead, text)
    old = os.stat(dead).st_mtime - 60
    os.utime(outdated, (old, old))
    found = find_recoveries()
    assert not truncated.exists() and not outdated.exists()
    assert [r.file for r in found] == [dead]
    assert list(folder.glob("*.tmp")) == []


def test_a_live_sessions_temp_file_is_left_alone(doc, qtbot):
    saver = Autosaver(doc, delay_ms=10)
    edit(doc)
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    qtbot.waitUntil(saver.is_idle, timeout=2000)
    text = dumps(doc.briefing).encode()
    own = _temp_beside(saver.file, text)  # as if this session were between fsync and rename
    unnamed = _temp_beside(saver.file, text, short=True)  # whose? too young to tell
    assert find_recoveries() == []
    assert own.exists() and unnamed.exists()
    saver.finish()
