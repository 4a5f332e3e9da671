"""The program's own start: an empty frame on screen first, the contents right after it."""

import subprocess
import sys

from briefing_app.app import launch_window
from support.child_env import child_env


def _stop(window):
    assert window.shutdown(), "the analysis worker did not stop"
    if window.built:
        window.doc.undo_stack.setClean()


def test_the_frame_shows_before_the_contents_and_the_paths_open_after(qtbot, article,
                                                                      handmade):
    window = launch_window([str(article)], engine=handmade.FakeEngine())
    qtbot.addWidget(window, before_close_func=_stop)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
        assert not window.built  # nothing built until the first frame has been painted
    for name in ("documentView", "sourcesView", "actorsView", "claimsView", "inspector",
                 "actionOpen", "actionUndo"):
        assert window.findChild(object, name) is not None, name
    qtbot.waitUntil(lambda: len(window.doc.briefing.sources) == 1
                    and not window.analysis.busy(), timeout=20000)
    assert window.doc.briefing.claims  # the article given at start was opened and analysed
    assert window.windowTitle().startswith("Untitled")


def test_the_first_frame_needs_none_of_the_contents_modules():
    # Nor the place tables or the socket of SIGTERM's wakeup: handled from the next turn.
    code = """
import signal, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from briefing_app.app import _application, launch_window
app = _application()
window = launch_window()
seen = []
class FirstFrame(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            seen.append((any(name in sys.modules for name in (
                'briefing_app.ui.window.parts', 'briefing_app.domain.places', 'socket')),
                obj.built, signal.getsignal(signal.SIGTERM) is signal.SIG_DFL))
        return False
watcher = FirstFrame()
window.installEventFilter(watcher)
window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
window.show()
app.exec()
assert seen and seen[0] == (False, False, True), seen
assert window.built and 'spacy' not in sys.modules
assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # ours once the frame is up
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=child_env(), timeout=60)
    assert result.returncode == 0, result.stderr


def test_closing_before_the_contents_are_built_loses_nothing(qtbot):
    window = launch_window()
    qtbot.addWidget(window, before_close_func=_stop)
    window.show()
    assert window.close()  # no document yet, so nothing to ask about
    assert not window.isVisible()
