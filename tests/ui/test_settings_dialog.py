"""Edit > Settings through the real dialog: values persist to the JSON file and apply at
once (pipeline of the next analysis, theme, highlight colours, new briefings' defaults);
window geometry and dock layout outlive the window.
"""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QDockWidget

from briefing_app import DEFAULT_PIPELINE, paths
from briefing_app.domain import palette
from briefing_app.settings import Settings
from briefing_app.ui.dialogs.settings import SettingsDialog, pipeline_found
from briefing_app.ui.reading.highlighter import KIND_PROPERTY


@pytest.fixture(autouse=True)
def light_again():
    yield
    # The palette belongs to the QApplication, which outlives this test.
    from briefing_app.ui.theme import theme_manager

    theme_manager().apply("light")


def stored() -> dict:
    return json.loads((paths.config_dir() / "settings.json").read_text(encoding="utf-8"))


def drawn_tints(window, kind: str) -> set[str]:
    """The background colours the reading view draws under mentions of `kind`."""
    colours = set()
    block = window.article.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if fmt_range.format.property(KIND_PROPERTY) == kind:
                colours.add(fmt_range.format.background().color().name().upper())
        block = block.next()
    return colours


def run_dialog(monkeypatch, edit):
    """Make the window's dialog run `edit(dialog)` and then OK instead of waiting for a user."""
    seen = []

    def fake_exec(dialog):
        seen.append(dialog)
        edit(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    return seen


def test_settings_persist_and_apply_without_restart(analyzed, qtbot, monkeypatch,
                                                    wait_analyzed):
    window = analyzed
    assert drawn_tints(window, "person") == {palette.LIGHT["person"]}
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#ffb0c0"))

    def edit(dialog):
        dialog.pipeline.setText("  my_pipeline  ")
        dialog.author.setText("Maria Lind")
        dialog.mark.setCurrentText("TLP:GREEN")
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        qtbot.mouseClick(dialog.colour_buttons["person"], Qt.MouseButton.LeftButton)
        dialog.max_mb.setValue(7)
        dialog.max_chars.setValue(123_000)

    seen = run_dialog(monkeypatch, edit)
    qtbot.keyClick(window.article, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen, "Ctrl+, did not open the settings"

    expected = {"pipeline": "my_pipeline", "author": "Maria Lind", "mark": "TLP:GREEN",
                "theme": "dark", "highlight_colours": {"person": "#FFB0C0"},
                "max_input_mb": 7, "max_text_chars": 123_000}
    # Written on the settings writer's thread: there soon, not at once.
    qtbot.waitUntil(lambda: (paths.config_dir() / "settings.json").exists()
                    and {k: stored().get(k) for k in expected} == expected)
    assert all(Settings().get(k) == v for k, v in expected.items())
    # Applied: the dark palette, and the chosen hue, darkened, under every person mention.
    assert QApplication.palette().window().color().lightness() < 80
    qtbot.waitUntil(lambda: not window.article.is_highlighting())
    assert drawn_tints(window, "person") == {palette.darken("#FFB0C0")}
    assert drawn_tints(window, "unnamed") == {palette.DARK["unnamed"]}
    assert palette.darken("#FFB0C0") in window.legend.text()
    # The next analysis loads the new pipeline.
    window.reanalyze()
    wait_analyzed(window)
    assert window.analysis.runner._engine.loaded[-1] == "my_pipeline"


def test_new_briefings_take_author_and_mark(window, monkeypatch):
    def edit(dialog):
        dialog.author.setText("Maria Lind")
        dialog.mark.setCurrentText("TLP:CLEAR")

    run_dialog(monkeypatch, edit)
    window.findChild(object, "actionSettings").trigger()
    # The untitled briefing was untouched, so it takes them at once.
    assert (window.doc.briefing.author, window.doc.briefing.mark) == ("Maria Lind", "TLP:CLEAR")
    assert window.new_briefing().author == "Maria Lind"
    assert window.briefing_panel.author.text() == "Maria Lind"


def test_cancel_changes_nothing(window, monkeypatch):
    def cancel(dialog):
        dialog.author.setText("Nobody")
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", cancel)
    window.show_settings()
    assert window.settings.get("author") == ""
    assert window.theme.scheme == "light"
    assert QApplication.palette().window().color().lightness() > 180


def test_reset_colours_returns_to_the_palette(window, monkeypatch):
    window.settings.set("highlight_colours", {"person": "#123456", "state": "#654321"})
    dialog = SettingsDialog(window.settings, window)
    assert dialog.colour_buttons["person"].colour == "#123456"
    dialog.reset_colours()
    assert dialog.colours() == {}
    dialog.accept()
    assert window.settings.get("highlight_colours") == {}
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_settings_action_and_pipeline_check(window):
    action = window.findChild(object, "actionSettings")
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    assert pipeline_found("") and pipeline_found(DEFAULT_PIPELINE)
    assert not pipeline_found("json")  # an installed module, but no spaCy pipeline
    assert not pipeline_found("no_such_pipeline_xyz") and not pipeline_found("a..b")
    dialog = SettingsDialog(window.settings, window)
    dialog.show()
    dialog.pipeline.setText("no_such_pipeline_xyz")
    assert dialog.pipeline_note.isVisible()
    dialog.pipeline.setText("")
    assert not dialog.pipeline_note.isVisible()
    dialog.reject()


def test_geometry_and_dock_layout_outlive_the_window(make_window, handmade):
    first = make_window(handmade.FakeEngine())
    claims = first.findChild(QDockWidget, "claimsDock")
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, claims)
    first.findChild(QDockWidget, "sourcesDock").hide()
    first.resize(640, 480)  # the offscreen screen is small; restoring clamps to it
    size = first.size()  # the docks' minimum heights may have had a say
    assert first.close()
    assert stored()["window_state"]

    second = make_window(handmade.FakeEngine())
    again = second.findChild(QDockWidget, "claimsDock")
    assert second.dockWidgetArea(again) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not second.findChild(QDockWidget, "sourcesDock").isVisible()
    # The reading view's minimum width may hold the window wider than asked for.
    assert second.size() == size and 640 <= size.width() < 1400
