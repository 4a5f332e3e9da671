"""The composition root: QApplication, settings and the main window, and the event loop.

Importing this module and showing the window must stay cheap: the window's contents are
built right after its first frame, and spaCy is loaded later still, by the analysis
worker, once the window is on screen.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_app import APP_ID, APP_NAME, __version__
from briefing_app.paths import app_icon_path  # not from about_dialog: dialogs load on demand
from briefing_app.settings import Settings
from briefing_app.ui.window.main_window import MainWindow

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
    _offer_recovery(window)
    return window


def _offer_recovery(window: MainWindow) -> None:
    from briefing_app.ui.window.recovery import offer_recovery  # after the first frame, not before

    offer_recovery(window)  # a session that died left unsaved work: offer it back


def launch_window(paths: list[str] | None = None, *, engine=None) -> MainWindow:
    """The window as the program starts it, not yet shown: once shown it paints an empty
    frame at once, then builds its contents, offers crash recovery and opens `paths`.
    `engine` as in create_main_window."""
    _application()
    window = MainWindow(engine=engine, build=False)

    def built() -> None:
        _offer_recovery(window)
        for path in paths or []:
            window.open_path(path)

    window.ready.connect(built)
    return window


def main(argv: list[str] | None = None) -> int:
    """Show the window, open each path in `argv`, and run until the window closes."""
    app = _application()
    window = launch_window(argv)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
