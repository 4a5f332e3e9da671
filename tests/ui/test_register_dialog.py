"""Edit > Actor Register… in a real window: the dialog lists the register, searches as the
analyst types, saves edits to the SQLite file, deletes after asking, and round-trips CSV
and JSON through real files; every step by key presses and clicks."""

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from briefing_app import paths
from briefing_app.domain.register_match import RegisterEntry
from briefing_app.storage.register import Register
from briefing_app.ui.dialogs import register as register_dialog
from briefing_app.ui.dialogs.register import EMPTY, RegisterDialog

ENTRIES = (
    RegisterEntry("South Korea", "state", ["ROK", "S. Korea"], note="Republic of Korea"),
    RegisterEntry("Ottokar Wendt", "person", ["Wendt"], "fire chief", "Klow Fire Service"),
    RegisterEntry("Klow Port Authority", "organisation", ["port authority"],
                  affiliation="Syldavia"),
)


def _fields(entries) -> list[tuple]:
    return [(e.name, e.kind, e.aliases, e.role, e.affiliation, e.note) for e in entries]


def _stored() -> list[tuple]:
    """What the SQLite file holds, read through a connection of the test's own."""
    register = Register.open()
    try:
        return _fields(register.entries())
    finally:
        register.close()


@pytest.fixture
def filled():
    register = Register.open()
    for entry in ENTRIES:
        register.save(RegisterEntry(**{**entry.__dict__, "aliases": list(entry.aliases)}))
    register.close()


def _open(window, qtbot) -> RegisterDialog:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    [item] = [a for a in edit.actions() if a.objectName() == "actionActorRegister"]
    item.trigger()
    dialog = window.findChild(RegisterDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table)
    return dialog


def _names(dialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _button(dialog, name) -> QPushButton:
    return dialog.findChild(QPushButton, name)


def _click_row(qtbot, dialog, name) -> None:
    item = dialog.table.item(_names(dialog).index(name), 0)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.table.visualItemRect(item).center())


def _type_over(qtbot, field, text) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_it_lists_the_register_by_name(
        window, qtbot, filled):
    dialog = _open(window, qtbot)
    assert _names(dialog) == ["Klow Port Authority", "Ottokar Wendt", "South Korea"]
    assert dialog.table.item(2, 2).text() == "ROK; S. Korea"
    assert dialog.windowTitle() == "Actor register (3 entries)"
    assert dialog.name.text() == "Klow Port Authority"  # the first is chosen and shown
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal


def test_an_empty_register_says_how_it_fills(window, qtbot):
    dialog = _open(window, qtbot)
    assert _names(dialog) == [] and dialog.message.text() == EMPTY


def test_typing_in_the_list_searches_as_you_type(window, qtbot, filled):
    dialog = _open(window, qtbot)
    qtbot.keyClicks(dialog.table, "r")
    assert QApplication.focusWidget() is dialog.search
    qtbot.keyClicks(dialog.search, "ok")
    assert dialog.search.text() == "rok"
    assert _names(dialog) == ["South Korea"]  # by its alias
    assert dialog.windowTitle() == "Actor register (1 entry found)"
    for _ in range(3):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.search, "fire")
    assert _names(dialog) == ["Ottokar Wendt"]  # by role and affiliation
    qtbot.keyClicks(dialog.search, "x")
    assert _names(dialog) == [] and dialog.name.text() == ""
    qtbot.keyClick(dialog.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Backspace)
    assert len(_names(dialog)) == 3
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # back to the list, one row on
    assert QApplication.focusWidget() is dialog.table
    assert dialog.current().name == "Ottokar Wendt"


def test_enter_edits_and_enter_in_a_field_saves_to_the_register(window, qtbot, filled):
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.name and dialog.name.selectedText() == \
        "Ottokar Wendt"
    qtbot.keyClicks(dialog.name, "Ottokar Wendt-Moll")
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "organisation")
    assert dialog.kind.currentText() == "organisation"
    _type_over(qtbot, dialog.aliases, "Wendt; O. Wendt")
    _type_over(qtbot, dialog.role, "chief fire officer")
    _type_over(qtbot, dialog.affiliation, "Klow Fire and Rescue")
    _type_over(qtbot, dialog.note, "spelling from the 3 May report")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in a field closed the dialog and lost the edit"
    assert ("Ottokar Wendt-Moll", "organisation", ["Wendt", "O. Wendt"], "chief fire officer",
            "Klow Fire and Rescue", "spelling from the 3 May report") in _stored()
    assert "Ottokar Wendt" not in [row[0] for row in _stored()]
    assert dialog.message.text() == "Saved Ottokar Wendt-Moll."
    assert dialog.current().name == "Ottokar Wendt-Moll"
    assert QApplication.focusWidget() is dialog.table


def test_a_new_entry_is_added(window, qtbot):
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "newEntry"))
    assert dialog.entry_box.title() == "New entry"
    qtbot.keyClicks(dialog.name, "Borduria")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert _stored() == [("Borduria", "state", [], "", "", "")]
    assert _names(dialog) == ["Borduria"]


def test_a_name_taken_by_another_entry_is_one_sentence(window, qtbot, filled):
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    _type_over(qtbot, dialog.aliases, "ROK")
    qtbot.keyClick(dialog.aliases, Qt.Key.Key_Return)
    assert dialog.message.text().count(". ") == 0 and dialog.message.text().endswith(".")
    assert "South Korea" in dialog.message.text() or "Ottokar Wendt" in dialog.message.text()
    assert ("Ottokar Wendt", "person", ["Wendt"], "fire chief", "Klow Fire Service", "") \
        in _stored()


def test_delete_key_asks_and_a_no_keeps_the_entry(window, qtbot, filled):
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    asked = []

    def answer_no():
        box = QApplication.activeModalWidget()
        asked.append(box.text() if isinstance(box, QMessageBox) else box)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer_no)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert asked == ["Delete Ottokar Wendt from your actor register?"]
    assert len(_stored()) == 3 and len(_names(dialog)) == 3


def test_delete_key_deletes_and_the_next_entry_is_chosen(window, qtbot, filled, monkeypatch):
    asked = []
    monkeypatch.setattr(register_dialog, "confirm_delete",
                        lambda _parent, name: asked.append(name) or True)
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert asked == ["Ottokar Wendt"]
    assert [row[0] for row in _stored()] == ["Klow Port Authority", "South Korea"]
    assert _names(dialog) == ["Klow Port Authority", "South Korea"]
    assert dialog.current().name == "South Korea" and dialog.name.text() == "South Korea"
    _click(qtbot, _button(dialog, "deleteEntry"))
    assert [row[0] for row in _stored()] == ["Klow Port Authority"]


def test_escape_closes_and_the_window_rereads_the_register_and_keeps_the_setting(
        window, qtbot, filled, monkeypatch):
    monkeypatch.setattr(register_dialog, "confirm_delete", lambda _parent, _name: True)
    assert len(window.register_hooks.entries()) == 3  # what the window matches against
    dialog = _open(window, qtbot)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    dialog.learn.setFocus()
    qtbot.keyClicks(dialog.learn, "Never")
    assert dialog.learn.currentData() == "never"
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(RegisterDialog) is None)
    settings_file = paths.config_dir() / "settings.json"
    # Written on the settings writer's thread: there soon, not at once.
    qtbot.waitUntil(lambda: settings_file.exists() and json.loads(
        settings_file.read_text(encoding="utf-8")).get("register_learn") == "never")
    assert len(window.register_hooks.entries()) == 2


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_then_import_round_trips_through_a_file(window, qtbot, filled, tmp_path,
                                                       monkeypatch, suffix):
    target = tmp_path / f"team{suffix}"
    monkeypatch.setattr(register_dialog, "ask_save_path", lambda _parent: str(target))
    monkeypatch.setattr(register_dialog, "ask_open_path", lambda _parent: str(target))
    monkeypatch.setattr(register_dialog, "confirm_delete", lambda _parent, _name: True)
    before = _stored()
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "exportRegister"))
    assert dialog.message.text() == f"Exported 3 entries to {target}."
    text = target.read_text(encoding="utf-8")
    if suffix == ".json":
        assert json.loads(text)["schema"] == "briefing-app/register@1"
    else:
        assert text.splitlines()[0] == "name,kind,aliases,role,affiliation,note"
    for _ in range(3):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert _stored() == [] and _names(dialog) == []
    _click(qtbot, _button(dialog, "importRegister"))
    assert dialog.message.text() == "Imported 3 entries."
    assert _stored() == before
    assert _names(dialog) == [row[0] for row in before]


def test_export_without_a_suffix_writes_csv(window, qtbot, filled, tmp_path, monkeypatch):
    monkeypatch.setattr(register_dialog, "ask_save_path",
                        lambda _parent: str(tmp_path / "team"))
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "exportRegister"))
    assert (tmp_path / "team.csv").read_text(encoding="utf-8").startswith("name,kind,")


@pytest.mark.parametrize("name, content, needle", [
    ("team.csv", "name,kind\nBorduria,state\nKlow,planet\n", "Row 3 of team.csv"),
    ("team.json", '{"entries": [', "team.json is not a register export"),
    ("team.csv", "who,what\nBorduria,state\n", "team.csv is not a register export"),
])
def test_a_bad_import_file_is_one_sentence_and_imports_nothing(
        window, qtbot, filled, tmp_path, monkeypatch, name, content, needle):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(register_dialog, "ask_open_path", lambda _parent: str(bad))
    before = _stored()
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "importRegister"))
    message = dialog.message.text()
    assert message.startswith(needle), message
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message
    assert "Traceback" not in message and "Error" not in message
    assert _stored() == before and len(_names(dialog)) == 3


def test_an_import_that_joins_an_entry_under_another_name_says_so(
        window, qtbot, filled, tmp_path, monkeypatch):
    team = tmp_path / "team.csv"
    team.write_text("name,kind,aliases\nRepublic of Korea,state,ROK\n", encoding="utf-8")
    monkeypatch.setattr(register_dialog, "ask_open_path", lambda _parent: str(team))
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "importRegister"))
    assert dialog.message.text() == (
        "Imported 1 entry. Some shared a name with another entry and were joined: Republic "
        "of Korea now also holds South Korea. If two of them are different actors, remove "
        "the alias from that entry and add the other actor as a new one.")
    assert "Republic of Korea" in _names(dialog) and "South Korea" not in _names(dialog)


def test_a_cancelled_file_choice_does_nothing(window, qtbot, filled, monkeypatch):
    monkeypatch.setattr(register_dialog, "ask_open_path", lambda _parent: "")
    monkeypatch.setattr(register_dialog, "ask_save_path", lambda _parent: "")
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "importRegister"))
    _click(qtbot, _button(dialog, "exportRegister"))
    assert dialog.message.text() == "" and len(_stored()) == 3


def _answer(monkeypatch, answer: str) -> list[str]:
    """Answer the unsaved-changes question with `answer`, recording who it was about."""
    asked = []
    monkeypatch.setattr(register_dialog, "ask_unsaved",
                        lambda _parent, name: asked.append(name) or answer)
    return asked


def test_escape_with_unsaved_changes_asks_and_save_keeps_them(
        window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "save")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    _type_over(qtbot, dialog.role, "chief fire officer")
    qtbot.keyClick(dialog.role, Qt.Key.Key_Escape)
    assert asked == ["Ottokar Wendt"] and not dialog.isVisible()
    assert ("Ottokar Wendt", "person", ["Wendt"], "chief fire officer", "Klow Fire Service",
            "") in _stored()


def test_closing_without_changes_asks_nothing(window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "cancel")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    _click(qtbot, _button(dialog, "closeRegister"))
    assert asked == [] and not dialog.isVisible()


def test_cancel_keeps_the_dialog_and_the_typing(window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "cancel")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "South Korea")
    _type_over(qtbot, dialog.note, "ROK in Syldavian papers")
    _click(qtbot, _button(dialog, "closeRegister"))
    assert asked == ["South Korea"] and dialog.isVisible()
    _click_row(qtbot, dialog, "Ottokar Wendt")  # leaving for another row is asked too
    assert asked == ["South Korea"] * 2
    assert dialog.current().name == "South Korea"  # the choice went back
    assert dialog.note.text() == "ROK in Syldavian papers"
    assert ("South Korea", "state", ["ROK", "S. Korea"], "", "", "Republic of Korea") \
        in _stored()


def test_another_row_after_discard_shows_it_and_stores_nothing(
        window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "discard")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "South Korea")
    _type_over(qtbot, dialog.name, "Korea")
    _click_row(qtbot, dialog, "Ottokar Wendt")
    assert asked == ["South Korea"]
    assert dialog.name.text() == "Ottokar Wendt" and dialog.current().name == "Ottokar Wendt"
    assert sorted(_stored()) == sorted(_fields(ENTRIES))


def test_save_on_leaving_saves_the_edited_entry_and_moves_on(
        window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "save")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Klow Port Authority")
    _type_over(qtbot, dialog.name, "Port of Klow")
    _click_row(qtbot, dialog, "South Korea")
    assert asked == ["Klow Port Authority"]
    assert "Port of Klow" in [row[0] for row in _stored()]
    assert dialog.current().name == "South Korea" and dialog.name.text() == "South Korea"


def test_searching_never_wipes_what_is_being_typed(window, qtbot, filled, monkeypatch):
    asked = _answer(monkeypatch, "save")
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    _type_over(qtbot, dialog.affiliation, "Klow Fire and Rescue")
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "o")
    assert dialog.affiliation.text() == "Klow Fire and Rescue" and asked == []
    _click(qtbot, _button(dialog, "saveEntry"))
    assert ("Ottokar Wendt", "person", ["Wendt"], "fire chief", "Klow Fire and Rescue", "") \
        in _stored()


def test_a_new_entry_left_unsaved_is_asked_about_by_its_name(
        window, qtbot, monkeypatch):
    asked = _answer(monkeypatch, "save")
    dialog = _open(window, qtbot)
    _click(qtbot, _button(dialog, "newEntry"))
    qtbot.keyClicks(dialog.name, "Borduria")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert asked == ["Borduria"] and _stored() == [("Borduria", "state", [], "", "", "")]


def test_the_question_is_a_real_box_and_escape_cancels(window, qtbot, filled):
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Ottokar Wendt")
    _type_over(qtbot, dialog.role, "chief")
    seen = []

    def answer_escape():
        box = QApplication.activeModalWidget()
        seen.append(box.text() if isinstance(box, QMessageBox) else box)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer_escape)
    _click(qtbot, _button(dialog, "closeRegister"))
    assert seen == ["Save your changes to Ottokar Wendt?"] and dialog.isVisible()
    assert dialog.role.text() == "chief"
