"""The Corroboration panel on a real window: contested first, a click shows the claim in the
reading view, Y accepts a suggestion (undoable), N dismisses one."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from support.corroboration_briefing import hand_briefing


def _loaded(qtbot, window):
    panel = window.corroboration_panel
    with qtbot.waitSignal(panel.ready, timeout=10000):
        window.doc.replace(hand_briefing())
    dock = window.findChild(QDockWidget, "corroborationDock")
    dock.show()
    dock.raise_()
    return panel


def _rows(panel):
    view = panel.view
    return [(view.topLevelItem(i).text(1), view.topLevelItem(i).childCount())
            for i in range(view.topLevelItemCount())]


def _click(qtbot, panel, item):
    view = panel.view
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualItemRect(item).center())


def test_contested_first_then_corroborated_then_single_sources(qtbot, window):
    panel = _loaded(qtbot, window)
    assert _rows(panel) == [("contradicted, 1 source", 3), ("corroborated, 2 sources", 3),
                            ("single source, 1 source", 2), ("single source, 1 source", 1)]
    contested = panel.view.topLevelItem(0)
    assert [contested.child(i).text(1) for i in range(3)] == [
        "supports", "supports, copy", "contradicts"]
    assert contested.child(1).toolTip(1) == "Not independent: republished copy of the same text"
    assert contested.child(0).text(2) == "disputed"


def test_a_click_shows_the_claim_in_its_source(qtbot, window):
    panel = _loaded(qtbot, window)
    denial = panel.view.topLevelItem(0).child(2)
    _click(qtbot, panel, denial)
    qtbot.waitUntil(lambda: window.article.source_id == "s2")
    assert window.claims_panel.current_id() == denial.data(0, Qt.ItemDataRole.UserRole)


def test_y_accepts_as_the_analysts_review_and_undo_restores(qtbot, window):
    panel = _loaded(qtbot, window)
    confirmed = panel.view.topLevelItem(1).child(2)
    claim = window.doc.briefing.claim(confirmed.data(0, Qt.ItemDataRole.UserRole))
    assert confirmed.text(2) == "credibility 1, corroborated"
    _click(qtbot, panel, confirmed)
    with qtbot.waitSignal(panel.ready, timeout=10000):
        qtbot.keyClick(panel.view, Qt.Key.Key_Y)
    assert (claim.rating.credibility, claim.rating.status, claim.review) == (
        "1", "corroborated", "edited")
    assert window.doc.undo_stack.undoText() == "Accept suggestion: credibility 1, corroborated"
    assert panel.view.topLevelItem(1).child(2).text(2) == ""  # nothing left to suggest
    with qtbot.waitSignal(panel.ready, timeout=10000):
        window.doc.undo_stack.undo()
    assert (claim.rating.credibility, claim.rating.status, claim.review) == (
        "", "unverified", "machine")


def test_n_dismisses_without_touching_the_claim(qtbot, window):
    panel = _loaded(qtbot, window)
    first = panel.view.topLevelItem(0).child(0)
    claim = window.doc.briefing.claim(first.data(0, Qt.ItemDataRole.UserRole))
    _click(qtbot, panel, first)
    qtbot.keyClick(panel.view, Qt.Key.Key_N)
    assert panel.view.currentItem().text(2) == ""
    assert (claim.rating.status, claim.review) == ("unverified", "machine")
    assert window.doc.undo_stack.count() == 0


def test_the_claims_panel_says_how_other_sources_stand(qtbot, window):
    from briefing_app.qtmodels.claims_model import COLUMNS, Column

    _loaded(qtbot, window)
    model = window.claims_panel.model
    assert COLUMNS[Column.AGREEMENT] == "Other sources"
    standing = {model.claim_at(row).id: model.index(row, Column.AGREEMENT).data()
                for row in range(model.rowCount())}
    # c0/c3 the fire, c1/c4 the warnings (and their copies c6, c7), c5 the Post alone.
    assert [standing[c] for c in ("c0", "c3", "c6")] == ["corroborated by 2"] * 3
    assert [standing[c] for c in ("c1", "c4", "c7")] == ["contradicted"] * 3
    assert standing["c5"] == "single source"


def test_a_large_briefing_is_grouped_off_the_gui_thread(qtbot, window, monkeypatch):
    import threading

    from briefing_app.ui.panels import corroboration_panel as module

    briefing = hand_briefing()
    template = list(briefing.claims)
    for copy in range(1, 12):  # 108 claims: beyond what is grouped inline
        for claim in template:
            briefing.claims.append(type(claim)(**{**vars(claim), "id": f"{claim.id}x{copy}"}))
    threads = []
    real = module.corroborate

    def watched(snapshot):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(snapshot)

    monkeypatch.setattr(module, "corroborate", watched)
    panel = window.corroboration_panel
    with qtbot.waitSignal(panel.ready, timeout=10000):
        window.doc.replace(briefing)
    assert threads == [False]
    assert panel.view.topLevelItem(0).text(1) == "contradicted, 1 source"
    assert panel.view.topLevelItem(0).childCount() == 36


def test_one_source_is_not_grouped_and_says_how_to_compare(qtbot, window):
    from briefing_app.ui.panels.corroboration_panel import ONE_SOURCE_HINT

    briefing = hand_briefing()
    kept = briefing.sources[0].id
    briefing.sources = briefing.sources[:1]
    briefing.claims = [c for c in briefing.claims if c.source_id == kept]
    panel = window.corroboration_panel
    with qtbot.waitSignal(panel.ready, timeout=10000):
        window.doc.replace(briefing)
    assert panel.result is None and panel.view.topLevelItemCount() == 0
    assert panel.hint.text() == ONE_SOURCE_HINT
