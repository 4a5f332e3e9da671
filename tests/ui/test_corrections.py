"""Correcting through the real window: context-menu actions and shortcuts on selected text,
the actors and the claims panels; each change undone and redone with the Edit actions.
"""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QTextCursor

from briefing_app.storage.project_file import dumps
from briefing_app.ui import context_menu
from briefing_app.ui.highlighter import read_marks
from support.window_text import select_text


def menu_action(menu, name):
    return next(a for a in menu.actions() if a.objectName() == name)


def undo_redo(window, before, after):
    """Undo gives back `before`, redo `after` (project JSON), through the Edit actions."""
    window.findChild(QAction, "actionUndo").trigger()
    assert dumps(window.doc.briefing) == before
    window.findChild(QAction, "actionRedo").trigger()
    assert dumps(window.doc.briefing) == after


def text_of(window, mention):
    return window.doc.briefing.source(mention.source_id).text[mention.start:mention.end]


def test_new_actor_from_the_context_menu(analysed, wait_analysed):
    before = dumps(analysed.doc.briefing)
    select_text(analysed, "ministry")
    menu = analysed.corrections.text_menu()
    action = menu_action(menu, "actionNewActor")
    assert action.isEnabled()
    action.trigger()
    actor = analysed.doc.briefing.actors[-1]
    assert actor.name == "ministry" and actor.review == "edited"
    assert analysed.inspector.item_id == actor.id
    assert analysed.findChild(QAction, "actionUndo").text() == "Undo New actor"
    wait_analysed(analysed)
    shown = {(layer, item) for _s, _e, layer, item in
             read_marks(analysed.article.document(), analysed.article.offsets)}
    assert ("mention", actor.id) in shown  # the highlight follows
    undo_redo(analysed, before, dumps(analysed.doc.briefing))


def test_menu_actions_are_disabled_without_a_selection(analysed):
    analysed.article.setTextCursor(QTextCursor(analysed.article.document()))
    menu = analysed.corrections.text_menu()
    assert not menu_action(menu, "actionNewClaim").isEnabled()


def test_mention_of_an_existing_actor_by_shortcut(analysed, qtbot, monkeypatch):
    monkeypatch.setattr(context_menu, "ask_actor", lambda *args, **kwargs: "a1")
    before = dumps(analysed.doc.briefing)
    select_text(analysed, "Chancellor")
    analysed.article.setFocus()
    qtbot.keyClick(analysed.article, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    actor = analysed.doc.briefing.actor("a1")
    assert [text_of(analysed, m) for m in actor.mentions] == ["Chancellor", "Markus Vollrath"]
    assert actor.review == "edited"
    undo_redo(analysed, before, dumps(analysed.doc.briefing))


def test_new_claim_with_source_actor_and_cue(analysed, monkeypatch):
    text = analysed.doc.briefing.sources[0].text
    cue = (text.index("said"), text.index("said") + 4)
    seen = []

    def answer(parent, briefing, source_id, start, end):
        from briefing_app.ui.claim_dialog import ClaimDialog

        dialog = ClaimDialog(briefing, source_id, start, end, parent)
        seen.append((dialog.actor.currentData(), dialog.cue.currentText()))
        return "a1", cue

    monkeypatch.setattr(context_menu, "ask_claim", answer)
    analysed.select_item("claim", "c1")
    before = dumps(analysed.doc.briefing)
    start, end = select_text(analysed, "the port would reopen")
    menu_action(analysed.corrections.text_menu(), "actionNewClaim").trigger()
    assert seen == [("a1", "said")]  # the dialog proposes the nearest actor and speech verb
    claim = analysed.doc.briefing.claims[1]
    assert (claim.content.start, claim.content.end) == (start, end)
    assert claim.actor_id == "a1" and (claim.cue.start, claim.cue.end) == cue
    assert claim.review == "edited" and analysed.inspector.item_id == claim.id
    undo_redo(analysed, before, dumps(analysed.doc.briefing))


def test_note_anchored_to_the_text(analysed, monkeypatch):
    monkeypatch.setattr(context_menu, "ask_text", lambda *args, **kwargs: "Check with port")
    before = dumps(analysed.doc.briefing)
    start, end = select_text(analysed, "emergency legislation")
    menu_action(analysed.corrections.text_menu(), "actionAddNote").trigger()
    note = analysed.doc.briefing.notes[-1]
    assert (note.text, note.start, note.end) == ("Check with port", start, end)
    undo_redo(analysed, before, dumps(analysed.doc.briefing))


def test_merge_selected_actors(analysed):
    view = analysed.actors_panel.view
    before = dumps(analysed.doc.briefing)
    analysed.actors_panel.select_row(analysed.actors_panel.model.row_of("a1"))
    other = analysed.actors_panel.proxy.mapFromSource(
        analysed.actors_panel.model.index(analysed.actors_panel.model.row_of("a3"), 0))
    view.selectionModel().select(other, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    menu_action(analysed.corrections.actor_menu(), "actionMergeActors").trigger()
    briefing = analysed.doc.briefing
    assert briefing.actor("a3") is None and len(briefing.actor("a1").mentions) == 2
    assert briefing.claim("c3").actor_id == "a1" and briefing.actor("a1").review == "edited"
    undo_redo(analysed, before, dumps(analysed.doc.briefing))


def test_split_mention_rename_kind_and_delete_actor(analysed, monkeypatch):
    panel = analysed.actors_panel
    before = dumps(analysed.doc.briefing)
    parent = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("a2"), 0))
    panel.view.setCurrentIndex(panel.proxy.index(0, 0, parent))
    menu_action(analysed.corrections.actor_menu(), "actionSplitMention").trigger()
    new = analysed.doc.briefing.actors[-1]
    assert new.id != "a2" and analysed.doc.briefing.claim("c2").actor_id == new.id
    undo_redo(analysed, before, dumps(analysed.doc.briefing))

    monkeypatch.setattr(context_menu, "ask_text", lambda *args, **kwargs: "Markus Vollrath MP")
    analysed.select_item("actor", "a1")
    analysed.findChild(QAction, "actionRenameActor").trigger()
    analysed.findChild(QAction, "actionActorKindGroup").trigger()
    actor = analysed.doc.briefing.actor("a1")
    assert (actor.name, actor.kind, actor.review) == ("Markus Vollrath MP", "group", "edited")
    analysed.findChild(QAction, "actionUndo").trigger()
    assert actor.kind == "person"
    middle = dumps(analysed.doc.briefing)
    analysed.findChild(QAction, "actionDeleteActor").trigger()
    assert analysed.doc.briefing.actor("a1") is None
    assert analysed.doc.briefing.claim("c1").actor_id is None
    undo_redo(analysed, middle, dumps(analysed.doc.briefing))


def test_change_claim_source_actor_and_delete_claim(analysed, qtbot, monkeypatch):
    monkeypatch.setattr(context_menu, "ask_actor", lambda *args, **kwargs: "a2")
    analysed.select_item("claim", "c1")
    before = dumps(analysed.doc.briefing)
    menu_action(analysed.corrections.claim_menu(), "actionChangeClaimActor").trigger()
    claim = analysed.doc.briefing.claim("c1")
    assert claim.actor_id == "a2" and claim.review == "edited"
    assert analysed.claims_panel.model.index(0, 1).data() == "Katrin Oehlert"
    undo_redo(analysed, before, dumps(analysed.doc.briefing))
    after_change = dumps(analysed.doc.briefing)
    analysed.claims_panel.view.setFocus()
    qtbot.keyClick(analysed.claims_panel.view, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier)
    assert analysed.doc.briefing.claim("c1") is None
    assert analysed.claims_panel.model.rowCount() == 2
    undo_redo(analysed, after_change, dumps(analysed.doc.briefing))
