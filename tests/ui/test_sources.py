"""Several sources, one briefing: File > Add Source, one actor register across sources,
the Sources panel driving the reading view and the inspector, metadata edits with undo,
and a two-source project saved, reopened and compared.
"""

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from briefing_app.qtmodels.sources_model import COLUMNS
from briefing_app.storage.project_file import dumps, load_project, save_project
from briefing_app.ui.reading.highlighter import marks_for_source, read_marks


class PerSourceEngine:
    """The hand-made analysis with ids unique per source, as the real engine makes them."""

    def __init__(self, handmade):
        self.handmade = handmade

    def load(self, name):
        return object()

    def analyze(self, nlp, source, progress, cancelled):
        analysis = self.handmade.make_analysis(source)
        actors = [dataclasses.replace(a, id=f"{source.id}-{a.id}") for a in analysis.actors]
        claims = [dataclasses.replace(c, id=f"{source.id}-{c.id}",
                                      actor_id=f"{source.id}-{c.actor_id}")
                  for c in analysis.claims]
        return dataclasses.replace(analysis, actors=actors, claims=claims)


@pytest.fixture
def two_sources(make_window, handmade, tmp_path, monkeypatch, wait_analyzed):
    window = make_window(PerSourceEngine(handmade))
    first = tmp_path / "day_one.txt"
    first.write_bytes(handmade.TEXT.encode("utf-8"))
    second = tmp_path / "day_two.txt"
    second.write_bytes(handmade.TEXT.replace("talks stall", "day two").encode("utf-8"))
    assert window.open_path(first)
    wait_analyzed(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(second)], ""))
    window.findChild(QAction, "actionAddSource").trigger()
    wait_analyzed(window)
    return window


def test_add_source_keeps_one_actor_register(two_sources):
    briefing = two_sources.doc.briefing
    assert len(briefing.sources) == 2
    first, second = (s.id for s in briefing.sources)
    assert len(briefing.claims) == 6
    assert {c.source_id for c in briefing.claims} == {first, second}
    names = [a.name for a in briefing.actors]
    assert sorted(names) == ["Katrin Oehlert", "Markus Vollrath", "officials"]
    vollrath = next(a for a in briefing.actors if a.name == "Markus Vollrath")
    assert {m.source_id for m in vollrath.mentions} == {first, second}
    model = two_sources.actors_panel.model
    row = model.row_of(vollrath.id)
    assert model.index(row, 7).data() == "#1 ×1 · #2 ×1"
    mention = model.index(1, 0, model.index(row, 0)).data()
    assert mention == "Markus Vollrath (source 2, para. 2)"
    # Every claim of the second source points at the one shared actor.
    said = next(c for c in briefing.claims if c.source_id == second and c.cue)
    assert briefing.actor(said.actor_id) is not None


def test_sources_panel_shows_one_source_at_a_time(two_sources, qtbot):
    panel = two_sources.sources_panel
    second = two_sources.doc.briefing.sources[1]
    panel.select_row(1)
    assert two_sources.article.source_id == second.id
    assert two_sources.article.toPlainText().startswith("Port strike 😀 day two")
    qtbot.waitUntil(lambda: not two_sources.article.is_highlighting(), timeout=5000)
    shown = read_marks(two_sources.article.document(), two_sources.article.offsets)
    assert shown == {(m.start, m.end, m.layer, m.item_id)
                     for m in marks_for_source(two_sources.doc.briefing, second.id)}
    assert two_sources.inspector.kind == "source"


def test_edit_source_metadata_in_the_inspector(two_sources, qtbot):
    panel = two_sources.sources_panel
    panel.select_row(0)
    panel.view.setFocus()
    form = two_sources.inspector.source_form
    assert two_sources.inspector.currentWidget() is form.parentWidget()
    source = two_sources.doc.briefing.sources[0]
    form.fields["outlet"].setFocus()
    form.fields["outlet"].clear()
    qtbot.keyClicks(form.fields["outlet"], "Harbour Times")
    qtbot.keyClick(form.fields["outlet"], Qt.Key.Key_Return)
    assert source.outlet == "Harbour Times"
    assert panel.model.index(0, COLUMNS.index("Outlet")).data() == "Harbour Times"
    assert panel.current_id() == source.id  # the edit kept the panel's selection
    undo = two_sources.findChild(QAction, "actionUndo")
    assert undo.text() == "Undo Edit source outlet"
    undo.trigger()
    assert source.outlet == "" and form.fields["outlet"].text() == ""
    two_sources.findChild(QAction, "actionRedo").trigger()
    assert form.fields["outlet"].text() == "Harbour Times"


def test_two_source_project_saved_and_reopened(two_sources, make_window, handmade, tmp_path,
                                               qtbot):
    briefing = two_sources.doc.briefing
    briefing.sources[1].outlet = "Harbour Times"
    path = tmp_path / "two.briefing"
    save_project(briefing, path)
    loaded = load_project(path)
    assert dumps(loaded) == dumps(briefing)
    shared = next(a for a in loaded.actors if a.name == "Markus Vollrath")
    assert {m.source_id for m in shared.mentions} == {s.id for s in loaded.sources}
    reopened = make_window(PerSourceEngine(handmade))
    assert reopened.open_path(path)
    assert dumps(reopened.doc.briefing) == dumps(briefing)
    assert reopened.sources_panel.model.rowCount() == 2
    reopened.sources_panel.select_row(1)
    qtbot.waitUntil(lambda: not reopened.article.is_highlighting(), timeout=5000)
    assert read_marks(reopened.article.document(), reopened.article.offsets) == {
        (m.start, m.end, m.layer, m.item_id)
        for m in marks_for_source(briefing, briefing.sources[1].id)}


def test_adding_a_project_as_a_source_is_refused(window, tmp_path, monkeypatch):
    project = tmp_path / "x.briefing"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(project)], ""))
    window.findChild(QAction, "actionAddSource").trigger()
    assert "File > Open" in window.statusBar().currentMessage()
