"""Correcting by real keys and clicks in the window, the dialogs answered the same way:
Mark as claim's cue and source picked by a click in the text or by keyboard, the merge
chooser, a merge suggestion taken with Y or turned down with N, the note dialog (the
passage shown, the note wrapped, Ctrl+Enter), and a mid-word selection snapped to whole
words for a new actor. Nothing here answers a dialog by monkeypatching.
"""

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QPlainTextEdit

from briefing_app.document import correction_commands as cc
from briefing_app.storage.project_file import dumps
from briefing_app.ui.dialogs import note as note_dialog
from support.window_text import select_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def drive_dialog(qtbot, find, drive):
    """Once `find()` returns a dialog that is the active window, run `drive(dialog)` in it
    (from the dialog's own event loop). A failing check still closes the dialog, so the
    test fails instead of hanging. Returns the list `drive` ran for (one object name)."""
    ran = []

    def run():
        qtbot.waitUntil(lambda: find() is not None and find().isActiveWindow(), timeout=5000)
        dialog = find()
        try:
            ran.append(dialog.objectName())
            drive(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return ran


def modal():
    return QApplication.activeModalWidget()


def claim_dialog(window):
    # Mark as claim is not modal (the text stays clickable): found by its name.
    return lambda: window.findChild(QDialog, "claimDialog")


def back_to(qtbot, dialog):
    """The analyst clicks back into the dialog after clicking in the text."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def click_word(qtbot, window, word):
    """A left click in the middle of the first `word` of the shown article."""
    view = window.article
    start = window.doc.briefing.source(view.source_id).text.index(word)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start + len(word) // 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.cursorRect(cursor).center())
    return start, start + len(word)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def undo_by_key(qtbot, window):
    # The window's shortcuts reach it once it is active again after a dialog.
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    press(qtbot, window.article, Qt.Key.Key_Z, CTRL)


# ------------------------------------------------------------------ mark as claim
def test_a_click_in_the_text_picks_the_cue_and_then_the_source(analyzed, qtbot):
    text = analyzed.doc.briefing.sources[0].text
    seen = {}

    def drive(dialog):
        cue, actor, stance = (dialog.findChild(QComboBox, n)
                              for n in ("claimCue", "claimActor", "claimStance"))
        seen["guess"] = (cue.currentText(), actor.currentData(), stance.currentText())
        seen["said"] = click_word(qtbot, analyzed, "said")  # "A click picks": the cue
        seen["picked"] = (cue.currentText(), stance.currentText())
        back_to(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # sou&rce: a click picks the source actor
        qtbot.waitUntil(dialog.pick_source.isChecked, timeout=3000)  # a mnemonic's click
        click_word(qtbot, analyzed, "Vollrath")
        back_to(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    ran = drive_dialog(qtbot, claim_dialog(analyzed), drive)
    start, end = select_text(analyzed, "the strike could last weeks")
    press(qtbot, analyzed.article, Qt.Key.Key_L, CTRL_SHIFT)
    assert ran == ["claimDialog"]
    assert seen["guess"] == ("warned", "a2", "warn")  # the sentence's verb and its subject
    assert seen["picked"] == ("said", "assert")  # the stance follows the picked cue
    claim = analyzed.doc.briefing.claim(analyzed.review.item_id)
    assert (claim.content.start, claim.content.end) == (start, end)
    assert (claim.cue.start, claim.cue.end) == seen["said"]
    assert claim.stance == "assert" and claim.actor_id == "a1"
    assert text[claim.source_span.start:claim.source_span.end] == "Markus Vollrath"


def test_a_click_on_the_selection_itself_picks_nothing(analyzed, qtbot):
    seen = {}

    def drive(dialog):
        click_word(qtbot, analyzed, "strike could")
        seen["cue"] = dialog.findChild(QComboBox, "claimCue").currentText()
        back_to(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    drive_dialog(qtbot, claim_dialog(analyzed), drive)
    count = analyzed.doc.undo_stack.count()
    select_text(analyzed, "the strike could last weeks")
    press(qtbot, analyzed.article, Qt.Key.Key_L, CTRL_SHIFT)
    assert seen["cue"] == "warned"  # the claim's own words are never its cue
    assert analyzed.doc.undo_stack.count() == count  # Esc: no claim


def test_cue_source_and_stance_chosen_by_keyboard(analyzed, qtbot):
    seen = {}

    def drive(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # &Source actor
        qtbot.keyClicks(QApplication.focusWidget(), "Markus")
        seen["actor"] = QApplication.focusWidget().objectName()
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # S&tance
        qtbot.keyClicks(QApplication.focusWidget(), "th")
        seen["stance"] = QApplication.focusWidget().currentText()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    drive_dialog(qtbot, claim_dialog(analyzed), drive)
    select_text(analyzed, "the strike could last weeks")
    press(qtbot, analyzed.article, Qt.Key.Key_L, CTRL_SHIFT)
    assert seen == {"actor": "claimActor", "stance": "threaten"}
    claim = analyzed.doc.briefing.claim(analyzed.review.item_id)
    text = analyzed.doc.briefing.sources[0].text
    assert claim.actor_id == "a1" and claim.stance == "threaten"
    assert text[claim.cue.start:claim.cue.end] == "warned"
    # A source chosen from the list drops the guessed source's words ("Union negotiator
    # Katrin Oehlert"): the claim takes the chosen actor's.
    assert text[claim.source_span.start:claim.source_span.end] == "Markus Vollrath"


# ------------------------------------------------------------------ merging
def _row_point(window, actor_id):
    panel = window.actors_panel
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(actor_id), 0))
    return panel.view.visualRect(index).center()


def test_the_merge_chooser_by_keys_and_undo(analyzed, qtbot):
    view = analyzed.actors_panel.view
    before = dumps(analyzed.doc.briefing)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_row_point(analyzed, "a3"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL,
                     _row_point(analyzed, "a1"))
    selected = {i.data() for i in view.selectionModel().selectedRows()}
    assert len(selected) == 2
    seen = {}

    def drive(dialog):
        name, kind = dialog.findChild(QComboBox, "actorName"), dialog.findChild(QComboBox,
                                                                                  "actorKind")
        seen["offered"] = ([name.itemText(i) for i in range(name.count())], kind.currentText())
        qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(QApplication.focusWidget(), "Chancellor Vollrath")
        qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
        qtbot.keyClicks(QApplication.focusWidget(), "o")  # organisation
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    ran = drive_dialog(qtbot, modal, drive)
    press(qtbot, view, Qt.Key.Key_G, CTRL_SHIFT)
    assert ran == ["nameKindDialog"]
    # The proper name and its kind come first; every merged name is offered.
    assert seen["offered"] == (["Markus Vollrath", "officials"], "person")
    briefing = analyzed.doc.briefing
    kept = [a for a in briefing.actors if a.id in ("a1", "a3")]
    assert len(kept) == 1 and len(kept[0].mentions) == 2
    assert (kept[0].name, kept[0].kind) == ("Chancellor Vollrath", "organisation")
    undo_by_key(qtbot, analyzed)
    assert dumps(analyzed.doc.briefing) == before


def test_escape_in_the_merge_chooser_merges_nothing(analyzed, qtbot):
    panel = analyzed.actors_panel
    panel.select_row(panel.model.row_of("a1"))
    other = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("a2"), 0))
    panel.view.selectionModel().select(other, QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    drive_dialog(qtbot, modal, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    count = analyzed.doc.undo_stack.count()
    press(qtbot, panel.view, Qt.Key.Key_G, CTRL_SHIFT)
    assert analyzed.doc.undo_stack.count() == count
    assert {a.id for a in analyzed.doc.briefing.actors} >= {"a1", "a2"}


def _with_surname_twin(window):
    """A second actor "Vollrath" on the word "Chancellor": same surname as a1."""
    text = window.doc.briefing.sources[0].text
    start = text.index("Chancellor")
    command = cc.new_actor(window.doc, window.article.source_id, start,
                           start + len("Chancellor"), "Vollrath", "person")
    window.doc.push(command)
    return command.new_id


def test_y_accepts_the_merge_suggestion_and_undo_gives_it_back(analyzed, qtbot):
    twin = _with_surname_twin(analyzed)
    panel = analyzed.actors_panel
    qtbot.waitUntil(panel.notice.isVisible, timeout=3000)
    assert "“Vollrath” and “Markus Vollrath” may be one actor (same surname)" in \
        panel.notice.text()
    before = dumps(analyzed.doc.briefing)
    press(qtbot, panel.view, Qt.Key.Key_Y)
    briefing = analyzed.doc.briefing
    assert briefing.actor(twin) is None and len(briefing.actor("a1").mentions) == 2
    assert briefing.actor("a1").name == "Markus Vollrath"
    assert not panel.notice.isVisible()
    undo_by_key(qtbot, analyzed)
    assert dumps(analyzed.doc.briefing) == before
    assert "may be one actor" in panel.notice.text()


def test_n_dismisses_the_suggestion_and_merges_nothing(analyzed, qtbot):
    twin = _with_surname_twin(analyzed)
    panel = analyzed.actors_panel
    qtbot.waitUntil(panel.notice.isVisible, timeout=3000)
    count = analyzed.doc.undo_stack.count()
    press(qtbot, panel.view, Qt.Key.Key_N)
    assert not panel.notice.isVisible()
    assert analyzed.doc.undo_stack.count() == count
    assert analyzed.doc.briefing.actor(twin) is not None
    press(qtbot, panel.view, Qt.Key.Key_Y)  # nothing left to accept
    assert analyzed.doc.briefing.actor(twin) is not None


# ------------------------------------------------------------------ notes
def test_the_note_dialog_shows_the_passage_wraps_and_takes_ctrl_enter(analyzed, qtbot):
    shown = {}

    def drive(dialog):
        shown["passage"] = dialog.findChild(QLabel, "notePassage").text()
        edit = dialog.findChild(QPlainTextEdit, "noteText")
        qtbot.keyClicks(edit, "Ask the ministry which cargo the emergency rules let through "
                              "first, and for how long they would apply")
        qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter is a new line, not OK
        qtbot.keyClicks(edit, "and who signs them")
        shown["lines"] = edit.document().firstBlock().layout().lineCount()
        qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    seen = drive_dialog(qtbot, modal, drive)
    start, end = select_text(analyzed, "emergency legislation")
    press(qtbot, analyzed.article, Qt.Key.Key_N, CTRL_SHIFT)
    assert seen == ["noteDialog"]
    assert shown["passage"] == "“emergency legislation”"
    assert shown["lines"] > 1  # the long first line wraps in the box
    note = analyzed.doc.briefing.notes[-1]
    assert note.text.endswith("would apply\nand who signs them")
    assert (note.start, note.end) == (start, end)


def test_a_long_passage_is_shortened_and_escape_adds_no_note(analyzed, qtbot, monkeypatch):
    monkeypatch.setattr(note_dialog, "PASSAGE_LIMIT", 100)  # the hand-made article is short
    shown = {}

    def drive(dialog):
        shown["passage"] = dialog.findChild(QLabel, "notePassage").text()
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "noteText"), "never kept")
        qtbot.keyClick(dialog.findChild(QPlainTextEdit, "noteText"), Qt.Key.Key_Escape)
        shown["open"] = dialog.isVisible()

    drive_dialog(qtbot, modal, drive)
    text = analyzed.doc.briefing.sources[0].text
    start = text.index("Chancellor")
    select_text(analyzed, text[start:text.index("legislation") + len("legislation")])
    count = analyzed.doc.undo_stack.count()
    press(qtbot, analyzed.article, Qt.Key.Key_N, CTRL_SHIFT)
    assert shown["open"] is False
    assert analyzed.doc.undo_stack.count() == count and analyzed.doc.briefing.notes == []
    passage = shown["passage"]
    assert passage.startswith("“Chancellor Markus Vollrath said") and passage.endswith("…”")
    assert len(passage) <= 102 and "\n" not in passage


# ------------------------------------------------------------------ snapping
def test_a_mid_word_selection_makes_an_actor_of_whole_words(analyzed, qtbot):
    seen = {}

    def drive(dialog):
        seen["name"] = dialog.findChild(QComboBox, "actorName").currentText()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    drive_dialog(qtbot, modal, drive)
    select_text(analyzed, "ancellor Markus Vollr")
    press(qtbot, analyzed.article, Qt.Key.Key_A, CTRL_SHIFT)
    actor = analyzed.doc.briefing.actors[-1]
    text = analyzed.doc.briefing.sources[0].text
    assert seen["name"] == "Chancellor Markus Vollrath"
    assert actor.name == "Chancellor Markus Vollrath" and actor.kind == "person"
    mention = actor.mentions[0]
    assert text[mention.start:mention.end] == "Chancellor Markus Vollrath"
