"""The actor register in a real window on the real engine: a merge is learnt, the next
briefing's actors follow it (undoably, unreviewed), and a broken register stops nothing."""

import pytest
from PySide6.QtCore import Qt

from briefing_app import paths
from briefing_app.errors import RegisterError
from briefing_app.storage.register import Register
from briefing_app.ui.window import register_hooks

pytestmark = pytest.mark.model

# The engine already knows ROK is South Korea, so the test's alias is one it cannot know:
# the analyst decides that "the BRD" (an organisation to the engine) acts as Syldavia.
# Two sources of the first briefing: the engine links names within an article, never across.
FIRST = """Talks on the border stall

Borduria said on Monday that the talks with Syldavia had stalled. "We remain ready to \
talk," the foreign minister of Borduria said.
"""
FIRST_OTHER = """Drills go ahead

The BRD warned on Monday that the exercises would go ahead. The BRD said the ships would \
stay in port, according to the ministry.
"""
SECOND = """Borduria answers the drills

Borduria accused the BRD of provoking a crisis on Tuesday. The BRD denied the charge and \
said the drills were routine.
"""


@pytest.fixture(autouse=True)
def merge_keeps_syldavia(monkeypatch):
    """The merge dialog (which name and kind the merged actor keeps) answered: Syldavia."""
    from briefing_app.ui.editing import corrections

    monkeypatch.setattr(corrections, "ask_name_kind", lambda *_args: ("Syldavia", "state"))


@pytest.fixture
def real_window(make_window, nlp):
    return make_window()


def _article(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _named(window, name):
    return [a for a in window.doc.briefing.actors if a.name == name]


def _click_actor(qtbot, window, actor_id, modifier=Qt.KeyboardModifier.NoModifier):
    panel = window.actors_panel
    index = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(actor_id), 0))
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     panel.view.visualRect(index).center())


def _merge_brd_into_syldavia(qtbot, window, tmp_path, wait_analyzed):
    assert window.open_path(_article(tmp_path, "first.txt", FIRST))
    assert window.open_path(_article(tmp_path, "first_other.txt", FIRST_OTHER))
    wait_analyzed(window)
    [syldavia], [brd] = _named(window, "Syldavia"), _named(window, "BRD")
    assert (syldavia.kind, brd.kind) == ("state", "organisation")  # the engine's guess
    _click_actor(qtbot, window, brd.id)
    _click_actor(qtbot, window, syldavia.id, Qt.KeyboardModifier.ControlModifier)
    assert window.corrections.selected_actor_ids() == [syldavia.id, brd.id]
    qtbot.keyClick(window.actors_panel.view, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not _named(window, "BRD") and len(_named(window, "Syldavia")) == 1


def test_a_learnt_merge_shapes_the_next_briefing_and_undoes(real_window, qtbot, tmp_path,
                                                           wait_analyzed):
    window = real_window
    window.settings.set("register_learn", "always")
    _merge_brd_into_syldavia(qtbot, window, tmp_path, wait_analyzed)
    learnt = window.register_hooks.register().entries()
    assert [(e.name, e.kind, e.aliases) for e in learnt] == [("Syldavia", "state", ["BRD"])]

    window.doc.replace(window.new_briefing())  # the next briefing
    assert window.open_path(_article(tmp_path, "second.txt", SECOND))
    wait_analyzed(window)
    assert window.doc.undo_stack.text(window.doc.undo_stack.index() - 1) == \
        "Apply actor register"
    [syldavia] = _named(window, "Syldavia")
    assert not _named(window, "BRD")
    assert syldavia.kind == "state" and syldavia.review == "machine"
    assert any(note.endswith("from your register") for note in syldavia.changed_by)
    assert len(syldavia.mentions) == 2
    claims = [c for c in window.doc.briefing.claims if c.actor_id == syldavia.id]
    assert claims and all(c.review == "machine" for c in claims)

    qtbot.keyClick(window.actors_panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [brd] = _named(window, "BRD")
    assert not _named(window, "Syldavia")
    assert brd.kind == "organisation" and brd.changed_by == [] and len(brd.mentions) == 2
    qtbot.keyClick(window.actors_panel.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [a.kind for a in _named(window, "Syldavia")] == ["state"]
    # Undo and redo taught the register nothing new.
    assert len(window.register_hooks.register().entries()) == 1


def test_asked_once_then_always(real_window, qtbot, tmp_path, wait_analyzed, monkeypatch):
    asked = []
    monkeypatch.setattr(register_hooks, "ask_learn",
                        lambda _parent, what, answer: asked.append(what) or answer(True, True))
    assert real_window.settings.get("register_learn") == "ask"
    _merge_brd_into_syldavia(qtbot, real_window, tmp_path, wait_analyzed)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["BRD is Syldavia (state)"]
    assert real_window.settings.get("register_learn") == "always"
    assert [e.aliases for e in real_window.register_hooks.register().entries()] == [["BRD"]]


def test_never_learns_nothing(real_window, qtbot, tmp_path, wait_analyzed):
    real_window.settings.set("register_learn", "never")
    _merge_brd_into_syldavia(qtbot, real_window, tmp_path, wait_analyzed)
    assert Register.open().entries() == []


def test_a_damaged_register_is_one_sentence_and_articles_still_open(
        make_window, nlp, qtbot, tmp_path, wait_analyzed, monkeypatch):
    path = paths.data_dir() / "actor-register.sqlite3"
    path.write_bytes(b"\x00garbage, not SQLite\xff" * 500)
    window = make_window()
    assert window.open_path(_article(tmp_path, "first.txt", FIRST))
    assert window.open_path(_article(tmp_path, "first_other.txt", FIRST_OTHER))
    wait_analyzed(window)
    assert _named(window, "Syldavia") and _named(window, "BRD")  # analysed as always
    sentence = RegisterError.DAMAGED.format(path=path)
    assert window.register_hooks.problem == sentence
    assert window.statusBar().currentMessage() == sentence
    assert sentence.count(". ") == 0 and "Traceback" not in sentence
    warned = []
    monkeypatch.setattr(register_hooks.QMessageBox, "warning",
                        lambda _parent, title, text: warned.append(text))
    window.register_hooks.action.trigger()
    assert warned == [sentence]
    window.settings.set("register_learn", "always")
    _click_actor(qtbot, window, _named(window, "BRD")[0].id)  # corrections still work
    _click_actor(qtbot, window, _named(window, "Syldavia")[0].id,
                 Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.actors_panel.view, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not _named(window, "BRD")
    assert path.read_bytes().startswith(b"\x00garbage")


def test_the_menu_item_is_in_edit(real_window):
    edit = next(a.menu() for a in real_window.menuBar().actions() if a.text() == "&Edit")
    names = [a.objectName() for a in edit.actions()]
    assert names.index("actionActorRegister") == names.index("actionSettings") - 1



def test_the_question_waits_beside_the_window_without_blocking_it(real_window, qtbot, tmp_path,
                                                                 wait_analyzed):
    from PySide6.QtWidgets import QApplication, QMessageBox

    assert real_window.settings.get("register_learn") == "ask"
    _merge_brd_into_syldavia(qtbot, real_window, tmp_path, wait_analyzed)
    qtbot.waitUntil(lambda: real_window.findChild(QMessageBox, "registerQuestion") is not None)
    box = real_window.findChild(QMessageBox, "registerQuestion")
    assert QApplication.activeModalWidget() is None  # the window still takes every key
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(real_window.register_hooks.register().entries()) == 1)
    assert real_window.settings.get("register_learn") == "ask"  # asked again next time
