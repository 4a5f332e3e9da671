"""An autosave that cannot be written is said once in the window (status bar, and a mark in
the title while edits are unsaved), retried on later edits, and cleared once a write works.
"""

from briefing_app.document.autosave import autosave_dir
from briefing_app.document.briefing_commands import SetBriefingFieldsCommand


def edit(window, bluf):
    window.doc.push(SetBriefingFieldsCommand(window.doc, {"bluf": bluf}))


def test_a_failing_autosave_is_marked_until_a_write_succeeds(make_window, handmade, qtbot):
    folder = autosave_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the autosave folder should be")  # like a folder gone
    window = make_window(handmade.FakeEngine())
    saver = window.autosave
    saver._timer.setInterval(10)  # the test need not wait the five seconds
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(saver.failed, timeout=3000):
        edit(window, "Talks broke down.")
    assert window.windowTitle().startswith("Untitled[*] — not autosaved")
    assert len(messages) == 1 and messages[0].startswith("Autosave failed (")
    assert messages[0].endswith("): save the briefing, or a crash would lose these edits.")
    with qtbot.waitSignal(saver.failed, timeout=3000):  # tried again, and said only once
        edit(window, "Talks broke down again.")
    assert messages == messages[:1] and "not autosaved" in window.windowTitle()
    folder.unlink()
    with qtbot.waitSignal(saver.written, timeout=3000):
        edit(window, "Talks resume.")
    assert "not autosaved" not in window.windowTitle()
    assert messages[-1] == "Autosave works again."
    assert saver.file.exists()
