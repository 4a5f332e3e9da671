"""Fixtures for window tests: a main window on a fake or the real engine, whose worker
thread is cancelled and joined at teardown, and a helper that waits for analysis to land.
"""

import pytest

from briefing_app.app import create_main_window
from support import handmade as handmade_helpers


@pytest.fixture
def handmade():
    return handmade_helpers


def _stop(window):
    """Join the worker and forget unsaved work, so closing never opens a modal dialog."""
    assert window.shutdown(), "the analysis worker did not stop"
    window.doc.undo_stack.setClean()


@pytest.fixture
def make_window(qtbot):
    def make(engine=None):
        window = create_main_window(engine=engine)
        # pytest-qt closes the window before fixtures finalise: stop it first.
        qtbot.addWidget(window, before_close_func=_stop)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window, handmade):
    return make_window(handmade.FakeEngine())


@pytest.fixture
def article(tmp_path, handmade):
    """The hand-made article on disk, bytes as they are: emoji and CRLF included."""
    path = tmp_path / "port_strike.txt"
    path.write_bytes(handmade.TEXT.encode("utf-8"))
    return path


@pytest.fixture
def wait_analyzed(qtbot):
    """Wait until every analysis has landed and its highlights are drawn."""

    def wait(window, timeout=120000):
        qtbot.waitUntil(lambda: not window.analysis.busy()
                        and not window.article.is_highlighting()
                        and bool(window.doc.briefing.sources), timeout=timeout)

    return wait


@pytest.fixture
def analyzed(window, article, wait_analyzed):
    assert window.open_path(article)
    wait_analyzed(window)
    return window
