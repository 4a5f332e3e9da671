"""The composition root: QApplication, settings and the main window, and the event loop.

Importing this module and showing the window must stay cheap: the window's contents are
built right after its first frame. spaCy is never loaded here: the analysis worker process
is spawned right after the first frame and loads the pipeline on the other core while the
contents are built.

SIGTERM (logout, shutdown, `kill`) ends the program the way a crash would not: every
window's unsaved work goes to its autosave, the session locks are released and the worker
stops, so the next start offers the work back. Python runs a signal handler only when the
interpreter gets control, which Qt's idle event loop never gives it; the signal's wakeup
byte on a socket pair, watched by a QSocketNotifier, gives it control.
"""

from __future__ import annotations

import signal
import sys
import threading

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QThread, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing_app import APP_ID, APP_NAME, __version__
from briefing_app.paths import app_icon_path  # not from about_dialog: dialogs load on demand
from briefing_app.settings import Settings
from briefing_app.ui.window.main_window import MainWindow

_app: QApplication | None = None  # held here: a collected QApplication takes Qt down with it
_wakeup: tuple | None = None  # the socket pair and notifier of SIGTERM's wakeup, kept alive
_own_app = False  # we made the QApplication: SIGTERM is ours to handle (a host keeps its own)


def _application() -> QApplication:
    global _app, _own_app
    app = QApplication.instance()
    if app is None:
        app = _app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setDesktopFileName(APP_ID)
        _own_app = True
    if app.windowIcon().isNull():  # also when a host (pytest-qt) made the QApplication
        app.setWindowIcon(QIcon(app_icon_path()))
    return app


def _end_on_sigterm(app: QApplication) -> None:
    """Handle SIGTERM, once, in a program of our own."""
    global _wakeup
    if not _own_app or _wakeup is not None:
        return
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be installed from the main thread
    import socket  # here, not at import: ~5 ms the first frame need not wait for

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            signals = reader.recv(64)
        except OSError:  # nothing to read after all
            return
        if signal.SIGTERM in signals:
            _end_session(app)

    notifier.activated.connect(woken)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    signal.signal(signal.SIGTERM, _sigterm_handler)
    _wakeup = (reader, writer, notifier)


def _sigterm_handler(_signum, _frame) -> None:
    if QThread.currentThread().loopLevel() == 0:
        # No event loop is running to wake (a script between calls): end here and now.
        for window in _main_windows():
            window.end_session()
        raise SystemExit(0)
    # Otherwise the wakeup byte reaches the notifier, which ends the session from the loop.


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def _end_session(app: QApplication) -> None:
    from briefing_app.ui.window import busy

    if busy.running():  # a save under way is finished, never cut: then we end
        QTimer.singleShot(50, lambda: _end_session(app))
        return
    for window in _main_windows():
        window.end_session()
    # exit, not quit: quit would close the windows, and a close asks about unsaved work.
    app.exit(0)


def create_main_window(settings: Settings | None = None, *, engine=None) -> MainWindow:
    """The main window, not yet shown, without starting the event loop.

    `engine` replaces the spaCy engine (tests); it needs load(name) and
    analyze(nlp, source, progress, cancelled) returning an Analysis or None when cancelled.
    """
    _end_on_sigterm(_application())
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
    window.installEventFilter(_AfterFirstFrame(window, start_worker=engine is None))

    def built() -> None:
        _offer_recovery(window)
        for path in paths or []:
            window.open_path(path)

    window.ready.connect(built)
    return window


class _AfterFirstFrame(QObject):
    """On the event-loop turn after the window's first paint, ahead of building the
    contents: handles SIGTERM (nothing is unsaved before it) and spawns the analysis worker
    process. Not before the frame: the spawn (~10 ms here) and the child's own start
    competed with it for the CPU, and the first frame took 1.6-1.8x a bare window instead
    of 1.2-1.3x. The pipeline loads meanwhile in the child."""

    def __init__(self, window: MainWindow, start_worker: bool):
        super().__init__(window)
        self._window = window
        self._start_worker = start_worker

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued before the window queues its build (its paintEvent runs after filters).
            QTimer.singleShot(0, self, self._start)
        return False

    def _start(self) -> None:
        _end_on_sigterm(QApplication.instance())
        if not self._start_worker:
            return
        from briefing_app.document import analysis_pool  # Qt and the standard library only

        analysis_pool.start_early(self._window.settings.get("pipeline"))
        # A window closed before its contents were built never adopts the process.
        self._window.destroyed.connect(analysis_pool.stop_early)


def main(argv: list[str] | None = None) -> int:
    """Show the window, open each path in `argv`, and run until the window closes."""
    app = _application()
    window = launch_window(argv)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
