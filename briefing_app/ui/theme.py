"""Themes: light, dark, or "system" (follow the platform's colour scheme, live).

Both schemes use the Fusion style with an explicit QPalette: native styles on Windows
ignore most palette roles, so only Fusion draws a dark palette everywhere, and one style
means the highlight tints are checked against one set of backgrounds. The page colours
come from domain/palette.py, like the tints drawn on them.
"""

from __future__ import annotations

# QtCore.Qt is reached through the module inside functions: the first touch of PySide6's
# Qt namespace builds all of its enums (~17 ms), too slow for the first frame.
from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing_app.domain import palette

THEMES = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

_Role = QPalette.ColorRole
_ROLES = {
    "light": {
        _Role.Window: "#EFEFEF", _Role.WindowText: "#000000", _Role.Base: "#FFFFFF",
        _Role.AlternateBase: "#F5F5F5", _Role.Text: palette.TEXT["light"],
        _Role.Button: "#EFEFEF", _Role.ButtonText: "#000000", _Role.BrightText: "#FFFFFF",
        _Role.Highlight: "#2F6FB2", _Role.HighlightedText: "#FFFFFF",
        _Role.ToolTipBase: "#FFFFDC", _Role.ToolTipText: "#000000",
        _Role.Link: "#0060A8", _Role.LinkVisited: "#7A3E9D",
        _Role.PlaceholderText: "#767676", _Role.Light: "#FFFFFF", _Role.Midlight: "#E3E3E3",
        _Role.Mid: "#B8B8B8", _Role.Dark: "#9F9F9F", _Role.Shadow: "#767676",
    },
    "dark": {
        _Role.Window: "#2B2B2B", _Role.WindowText: "#E8E8E8", _Role.Base: "#1E1E1E",
        _Role.AlternateBase: "#262626", _Role.Text: palette.TEXT["dark"],
        _Role.Button: "#353535", _Role.ButtonText: "#E8E8E8", _Role.BrightText: "#FFFFFF",
        _Role.Highlight: "#2F6FB2", _Role.HighlightedText: "#FFFFFF",
        _Role.ToolTipBase: "#3A3A3A", _Role.ToolTipText: "#E8E8E8",
        _Role.Link: "#56B4E9", _Role.LinkVisited: "#CC79A7",
        _Role.PlaceholderText: "#9A9A9A", _Role.Light: "#4A4A4A", _Role.Midlight: "#3C3C3C",
        _Role.Mid: "#2F2F2F", _Role.Dark: "#202020", _Role.Shadow: "#141414",
    },
}
_DISABLED = {"light": "#9A9A9A", "dark": "#7A7A7A"}


def make_palette(scheme: str) -> QPalette:
    """The window palette of "light" or "dark"."""
    result = QPalette()
    for role, colour in _ROLES[scheme].items():
        result.setColor(role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED[scheme]))
    return result


def system_scheme() -> str:
    """The platform's colour scheme; "light" when it does not say (offscreen, old desktops)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == QtCore.Qt.ColorScheme.Dark else "light"


def paint_first_frame(theme: str) -> None:
    """Colours for the window's empty first frame, without asking the platform: a chosen
    light or dark theme at once; "system" keeps the platform's own until the full apply."""
    if theme in ("light", "dark"):
        app = QApplication.instance()
        app.setStyle("Fusion")
        app.setPalette(make_palette(theme))


def theme_manager() -> ThemeManager:
    """The application's one ThemeManager (the palette is the application's, not a window's)."""
    app = QApplication.instance()
    manager = app.findChild(ThemeManager, "themeManager")
    return manager if manager is not None else ThemeManager(app)


class ThemeManager(QObject):
    """Applies a theme to the application and follows the platform while on "system".

    Use theme_manager(): a second one would fight the first over the palette.
    """

    schemeChanged = Signal(str)  # the platform switched, and with it the scheme on screen

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("themeManager")
        self.theme = "system"
        self.scheme = "light"
        self._applying = False
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._platform_changed)

    def apply(self, theme: str) -> str:
        """Put `theme` on screen; returns the scheme in use ("light" or "dark")."""
        self.theme = theme if theme in THEMES else "system"
        hints = QGuiApplication.styleHints()
        # Qt 6.8+: tell the platform too, so title bars match; "system" hands it back. That
        # may emit colorSchemeChanged at once, which must not start a second apply.
        self._applying = True
        try:
            if self.theme == "system" and hasattr(hints, "unsetColorScheme"):
                hints.unsetColorScheme()
            elif self.theme != "system" and hasattr(hints, "setColorScheme"):
                schemes = QtCore.Qt.ColorScheme
                hints.setColorScheme(schemes.Dark if self.theme == "dark" else schemes.Light)
        finally:
            self._applying = False
        self.scheme = system_scheme() if self.theme == "system" else self.theme
        app = QApplication.instance()
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(make_palette(self.scheme))
        return self.scheme

    def _platform_changed(self, _scheme) -> None:
        if self.theme != "system" or self._applying:
            return  # our own (un)setColorScheme() call, or a switch the analyst opted out of
        before = self.scheme
        if self.apply("system") != before:
            self.schemeChanged.emit(self.scheme)
