"""Help > Keyboard shortcuts lists exactly the window's keys, read from its actions and its
shortcut objects (the find bar's)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from briefing_app.ui.dialogs import shortcuts
from briefing_app.ui.window.actions import make_action


def _opened_by_f1(window, qtbot, monkeypatch):
    """Press F1 on the window; the dialog it opens, without running its modal loop."""
    opened = []
    monkeypatch.setattr(shortcuts.ShortcutsDialog, "exec", lambda self: opened.append(self))
    window.article.setFocus()
    qtbot.keyClick(window.article, Qt.Key.Key_F1)
    assert len(opened) == 1
    return opened[0]


def _window_keys(window):
    actions = set(window.findChildren(QAction)) | set(window.actions())
    for menu_action in window.menuBar().actions():
        stack = [menu_action.menu()]
        while stack:
            for action in stack.pop().actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                actions.add(action)
    keys = {(shortcuts.plain_text(a.text()), _native(a.shortcuts()))
            for a in actions if a.shortcuts()}
    # A single box's keys (the find bar's) are QShortcuts, described by their what's-this.
    return keys | {(s.whatsThis(), _native(s.keys())) for s in window.findChildren(QShortcut)}


def _native(keys):
    return " or ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def test_rows_equal_the_windows_shortcuts(window, qtbot, monkeypatch):
    dialog = _opened_by_f1(window, qtbot, monkeypatch)
    shown = dialog.shown_rows()
    assert {(text, keys) for _group, text, keys in shown} == _window_keys(window)
    assert len(shown) == len({(text, keys) for _group, text, keys in shown})  # once each
    groups = {text: group for group, text, _keys in shown}
    # The correction keys the old table left out, under the menus they are in.
    assert groups["Mark as New Actor"] == "Edit > Correct"
    assert groups["Extend End by a Word"] == "Edit > Nudge Boundaries"
    assert groups["Reject"] == "Review"
    assert groups["Delete"] == "Notes panel"  # the notes list's own Delete key
    rows = {text: keys for _group, text, keys in shown}
    assert rows["Rename Actor…"] == "F2"
    assert rows["Redo"] == " or ".join(QKeySequence(k).toString(
        QKeySequence.SequenceFormat.NativeText) for k in ("Ctrl+Shift+Z", "Ctrl+Y"))


def test_a_key_added_later_is_listed_with_no_edit(window, qtbot, monkeypatch):
    make_action(window, "actionTestJump", "Jump to &Syldavia", lambda: None, "Ctrl+Alt+J",
                add_to=window)
    tagged = make_action(window, "actionTestTag", "Tag as &Bordurian", lambda: None,
                         "Ctrl+Alt+T")
    window.menuBar().actions()[1].menu().addAction(tagged)  # the Edit menu
    dialog = _opened_by_f1(window, qtbot, monkeypatch)
    rows = {(group, text) for group, text, _keys in dialog.shown_rows()}
    assert (shortcuts.WINDOW_GROUP, "Jump to Syldavia") in rows
    assert ("Edit", "Tag as Bordurian") in rows


def test_close_button_closes(window, qtbot, monkeypatch):
    dialog = _opened_by_f1(window, qtbot, monkeypatch)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_find_bars_own_keys_are_listed_and_work(analyzed, qtbot, monkeypatch):
    dialog = _opened_by_f1(analyzed, qtbot, monkeypatch)
    listed = {text: (group, keys) for group, text, keys in dialog.shown_rows()}
    native = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
              for k in ("Return", "Enter", "Shift+Return", "Shift+Enter", "Escape")]
    assert listed["Next match"] == ("Find bar", f"{native[0]} or {native[1]}")
    assert listed["Previous match"] == ("Find bar", f"{native[2]} or {native[3]}")
    assert listed["Close the find bar"] == ("Find bar", native[4])
    # The listed keys are the ones the bar answers to.
    bar = analyzed.find_bar
    qtbot.keyClick(analyzed.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(bar.edit, "the")
    cursor = analyzed.article.textCursor
    first = cursor().selectionStart()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert cursor().selectionStart() > first
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert cursor().selectionStart() == first
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()

