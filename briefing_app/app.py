"""The composition root: QApplication, settings and the main window, and the event loop.

Importing this module and creating the window must stay cheap: spaCy is loaded later, by
the analysis worker, once the window is on screen.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_app import APP_ID, APP_NAME, __version__
from briefing_app.paths import app_icon_path  # not from about_dialog: dialogs load on demand
from briefing_app.settings import Settings
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.recovery import offer_recovery

_app: QApplication | None = None  # held here: a collected QApplication takes Qt down with it


def _application() -> QApplication:
    global _app
    app = QApplication.instance()
    if app is None:
        app = _app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(APP_ID)
    if app.windowIcon().isNull():  # also when a host (pytest-qt) made the QApplication
        app.setWindowIcon(QIcon(app_icon_path()))
    return app


def create_main_window(settings: Settings | None = None, *, engine=None) -> MainWindow:
    """The main window, not yet shown, without starting the event loop.

    `engine` replaces the spaCy engine (tests); it needs load(name) and
    analyze(nlp, source, progress, cancelled) returning an Analysis or None when cancelled.
    """
    _application()
    window = MainWindow(settings, engine)
    offer_recovery(window)  # a session that died left unsaved work: offer it back
    return window


def main(argv: list[str] | None = None) -> int:
    """Show the window, open each path in `argv`, and run until the window closes."""
    app = _application()
    window = create_main_window()
    window.show()
    for path in argv or []:
        window.open_path(path)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
