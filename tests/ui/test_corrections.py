"""Correcting through the real window: context-menu actions and shortcuts on selected text,
the actors and the claims panels; each change undone and redone with the Edit actions.
"""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QTextCursor

from briefing_app.storage.project_file import dumps
from briefing_app.ui.editing import corrections
from briefing_app.ui.reading.highlighter import read_marks
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


def test_new_actor_from_the_context_menu(analyzed, wait_analyzed, monkeypatch):
    monkeypatch.setattr(corrections, "ask_name_kind", lambda _p, _t, _i, names, kind:
                        (names[0], kind))
    before = dumps(analyzed.doc.briefing)
    select_text(analyzed, "ministry")
    menu = analyzed.corrections.text_menu()
    action = menu_action(menu, "actionNewActor")
    assert action.isEnabled()
    action.trigger()
    actor = analyzed.doc.briefing.actors[-1]
    assert (actor.name, actor.kind, actor.review) == ("ministry", "organisation", "edited")
    assert analyzed.inspector.item_id == actor.id
    assert analyzed.findChild(QAction, "actionUndo").text() == "Undo New actor"
    wait_analyzed(analyzed)
    shown = {(layer, item) for _s, _e, layer, item in
             read_marks(analyzed.article.document(), analyzed.article.offsets)}
    assert ("mention", actor.id) in shown  # the highlight follows
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))


def test_menu_actions_are_disabled_without_a_selection(analyzed):
    analyzed.article.setTextCursor(QTextCursor(analyzed.article.document()))
    menu = analyzed.corrections.text_menu()
    assert not menu_action(menu, "actionNewClaim").isEnabled()


def test_mention_of_an_existing_actor_by_shortcut(analyzed, qtbot, monkeypatch):
    monkeypatch.setattr(corrections, "ask_actor", lambda *args, **kwargs: "a1")
    before = dumps(analyzed.doc.briefing)
    select_text(analyzed, "Chancellor")
    analyzed.article.setFocus()
    qtbot.keyClick(analyzed.article, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    actor = analyzed.doc.briefing.actor("a1")
    assert [text_of(analyzed, m) for m in actor.mentions] == ["Chancellor", "Markus Vollrath"]
    assert actor.review == "edited"
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))


def test_new_claim_with_source_actor_and_cue(analyzed, monkeypatch):
    text = analyzed.doc.briefing.sources[0].text
    cue = (text.index("said"), text.index("said") + 4)
    seen = []

    def answer(parent, briefing, source_id, start, end, view=None):
        from briefing_app.ui.dialogs.mark_claim import ClaimAnswer, ClaimDialog

        dialog = ClaimDialog(briefing, source_id, start, end, parent)
        seen.append((dialog.actor.currentData(), dialog.cue.currentText()))
        return ClaimAnswer("a1", cue, "assert", None)

    monkeypatch.setattr(corrections, "ask_claim", answer)
    analyzed.select_item("claim", "c1")
    before = dumps(analyzed.doc.briefing)
    start, end = select_text(analyzed, "the port would reopen")
    menu_action(analyzed.corrections.text_menu(), "actionNewClaim").trigger()
    assert seen == [("a1", "said")]  # the dialog proposes the nearest actor and speech verb
    claim = analyzed.doc.briefing.claims[1]
    assert (claim.content.start, claim.content.end) == (start, end)
    assert claim.actor_id == "a1" and (claim.cue.start, claim.cue.end) == cue
    assert claim.review == "edited" and analyzed.inspector.item_id == claim.id
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))


def test_note_anchored_to_the_text(analyzed, monkeypatch):
    monkeypatch.setattr(corrections, "ask_text", lambda *args, **kwargs: "Check with port")
    before = dumps(analyzed.doc.briefing)
    start, end = select_text(analyzed, "emergency legislation")
    menu_action(analyzed.corrections.text_menu(), "actionAddNote").trigger()
    note = analyzed.doc.briefing.notes[-1]
    assert (note.text, note.start, note.end) == ("Check with port", start, end)
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))


def test_merge_selected_actors(analyzed, monkeypatch):
    monkeypatch.setattr(corrections, "ask_name_kind", lambda _p, _t, _i, names, kind:
                        (names[0], kind))
    view = analyzed.actors_panel.view
    before = dumps(analyzed.doc.briefing)
    analyzed.actors_panel.select_row(analyzed.actors_panel.model.row_of("a1"))
    other = analyzed.actors_panel.proxy.mapFromSource(
        analyzed.actors_panel.model.index(analyzed.actors_panel.model.row_of("a3"), 0))
    view.selectionModel().select(other, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
    menu_action(analyzed.corrections.actor_menu(), "actionMergeActors").trigger()
    briefing = analyzed.doc.briefing
    assert briefing.actor("a3") is None and len(briefing.actor("a1").mentions) == 2
    # A merge is a side effect: the kept actor is not reviewed by it, and says why it differs.
    assert briefing.claim("c3").actor_id == "a1" and briefing.actor("a1").review == "machine"
    assert briefing.actor("a1").changed_by == ["merged with officials"]
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))


def test_split_mention_rename_kind_and_delete_actor(analyzed, monkeypatch):
    panel = analyzed.actors_panel
    before = dumps(analyzed.doc.briefing)
    parent = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("a2"), 0))
    panel.view.setCurrentIndex(panel.proxy.index(0, 0, parent))
    menu_action(analyzed.corrections.actor_menu(), "actionSplitMention").trigger()
    new = analyzed.doc.briefing.actors[-1]
    assert new.id != "a2" and analyzed.doc.briefing.claim("c2").actor_id == new.id
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))

    monkeypatch.setattr(corrections, "ask_text", lambda *args, **kwargs: "Markus Vollrath MP")
    analyzed.select_item("actor", "a1")
    analyzed.findChild(QAction, "actionRenameActor").trigger()
    analyzed.findChild(QAction, "actionActorKindGroup").trigger()
    actor = analyzed.doc.briefing.actor("a1")
    assert (actor.name, actor.kind, actor.review) == ("Markus Vollrath MP", "group", "edited")
    analyzed.findChild(QAction, "actionUndo").trigger()
    assert actor.kind == "person"
    middle = dumps(analyzed.doc.briefing)
    analyzed.findChild(QAction, "actionDeleteActor").trigger()
    assert analyzed.doc.briefing.actor("a1") is None
    assert analyzed.doc.briefing.claim("c1").actor_id is None
    undo_redo(analyzed, middle, dumps(analyzed.doc.briefing))


def test_change_claim_source_actor_and_delete_claim(analyzed, qtbot, monkeypatch):
    monkeypatch.setattr(corrections, "ask_actor", lambda *args, **kwargs: "a2")
    analyzed.select_item("claim", "c1")
    before = dumps(analyzed.doc.briefing)
    menu_action(analyzed.corrections.claim_menu(), "actionChangeClaimActor").trigger()
    claim = analyzed.doc.briefing.claim("c1")
    assert claim.actor_id == "a2" and claim.review == "edited"
    assert analyzed.claims_panel.model.index(0, 1).data() == "Katrin Oehlert"
    undo_redo(analyzed, before, dumps(analyzed.doc.briefing))
    after_change = dumps(analyzed.doc.briefing)
    analyzed.claims_panel.view.setFocus()
    qtbot.keyClick(analyzed.claims_panel.view, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier)
    assert analyzed.doc.briefing.claim("c1") is None
    assert analyzed.claims_panel.model.rowCount() == 2
    undo_redo(analyzed, after_change, dumps(analyzed.doc.briefing))
