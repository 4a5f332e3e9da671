"""Themes: light and dark palettes on Fusion, "system" following the platform live, and the
reading view's highlights re-coloured with the scheme.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing_app.domain import palette
from briefing_app.ui import theme
from briefing_app.ui.theme import make_palette, theme_manager


@pytest.fixture(autouse=True)
def light_again():
    yield
    theme_manager().apply("light")  # the QApplication, and its palette, outlive the test


def window_colour() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def person_tints(window) -> set[str]:
    from briefing_app.ui.reading.highlighter import KIND_PROPERTY

    found = set()
    block = window.article.document().firstBlock()
    while block.isValid():
        found |= {r.format.background().color().name().upper()
                  for r in block.layout().formats()
                  if r.format.property(KIND_PROPERTY) == "person"}
        block = block.next()
    return found


def test_light_and_dark_on_fusion(qapp):
    manager = theme_manager()
    assert manager.apply("dark") == "dark"
    assert qapp.style().name().lower() == "fusion"
    assert window_colour() < 80
    text = QApplication.palette().color(QPalette.ColorRole.Text).name().upper()
    assert text == palette.TEXT["dark"]
    assert manager.apply("light") == "light" and window_colour() > 180
    assert manager.apply("sepia") == theme.system_scheme() and manager.theme == "system"


def test_palettes_keep_text_readable():
    for scheme in palette.SCHEMES:
        colours = make_palette(scheme)
        for back, fore in ((QPalette.ColorRole.Base, QPalette.ColorRole.Text),
                           (QPalette.ColorRole.Window, QPalette.ColorRole.WindowText),
                           (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText)):
            ratio = palette.contrast(colours.color(back).name(), colours.color(fore).name())
            assert ratio >= 7, (scheme, back)


def test_system_theme_follows_the_platform(analyzed, qtbot, monkeypatch):
    window = analyzed
    assert window.theme.theme == "system" and window.theme.scheme == "light"
    assert person_tints(window) == {palette.LIGHT["person"]}
    hints = QGuiApplication.styleHints()

    monkeypatch.setattr(theme, "system_scheme", lambda: "dark")
    with qtbot.waitSignal(window.theme.schemeChanged):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour() < 80
    qtbot.waitUntil(lambda: not window.article.is_highlighting())
    assert person_tints(window) == {palette.DARK["person"]}
    assert palette.DARK["person"] in window.legend.text()

    monkeypatch.setattr(theme, "system_scheme", lambda: "light")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not window.article.is_highlighting())
    assert window_colour() > 180
    assert person_tints(window) == {palette.LIGHT["person"]}


def test_a_chosen_theme_ignores_the_platform(window, qtbot, monkeypatch):
    window.settings.set("theme", "light")
    window.apply_settings()
    monkeypatch.setattr(theme, "system_scheme", lambda: "dark")
    with qtbot.assertNotEmitted(window.theme.schemeChanged):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.scheme == "light" and window_colour() > 180
