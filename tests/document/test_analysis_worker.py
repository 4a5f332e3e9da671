"""The analysis worker: results arrive on the main thread, cancel works, stale results drop."""

import os
import sys
import threading

import pytest

from briefing_app.document.analysis_control import AnalysisController
from briefing_app.document.analysis_worker import AnalysisRunner


@pytest.fixture
def runner_for(qapp):
    made = []

    def make(engine):
        runner = AnalysisRunner(engine)
        made.append(runner)
        return runner

    yield make
    for runner in made:
        assert runner.shutdown(), "the worker thread did not stop"


def test_result_lands_and_is_applied(doc, handmade, runner_for, qtbot):
    control = AnalysisController(doc, runner_for(handmade.FakeEngine()))
    with qtbot.waitSignal(control.landed, timeout=5000):
        control.analyze("s1")
        assert doc.is_pending("s1")
    assert not doc.is_pending("s1")
    assert [c.id for c in doc.briefing.claims] == ["c1", "c2", "c3"]
    assert doc.undo_stack.undoText() == "Analyse article"


def test_cancel_stops_a_running_job(doc, handmade, runner_for, qtbot):
    gate = threading.Event()
    control = AnalysisController(doc, runner_for(handmade.FakeEngine(gate)))
    with qtbot.waitSignal(control.stopped, timeout=5000):
        control.analyze("s1")
        control.cancel()
    assert doc.briefing.claims == [] and not doc.is_pending("s1")


def test_only_the_newest_job_for_a_source_is_applied(doc, handmade, runner_for, qtbot):
    gate = threading.Event()
    control = AnalysisController(doc, runner_for(handmade.FakeEngine(gate)))
    applied = []
    control.landed.connect(applied.append)
    first = control.analyze("s1")
    second = control.analyze("s1")
    assert second > first
    gate.set()
    qtbot.waitUntil(lambda: not control.busy(), timeout=5000)
    assert applied == ["s1"]
    assert doc.undo_stack.count() == 2  # add source + one analysis


def test_result_for_changed_text_is_dropped(doc, handmade, runner_for, qtbot):
    gate = threading.Event()
    control = AnalysisController(doc, runner_for(handmade.FakeEngine(gate)))
    control.analyze("s1")
    doc.briefing.sources[0].sha256 = "something else"
    gate.set()
    qtbot.waitUntil(lambda: not control.busy(), timeout=5000)
    assert doc.briefing.claims == []


def test_engine_failure_is_reported(doc, runner_for, qtbot):
    class Broken:
        def load(self, name):
            raise RuntimeError("no pipeline here")

        def analyze(self, nlp, source, progress, cancelled):
            raise AssertionError("never reached")

    control = AnalysisController(doc, runner_for(Broken()))
    with qtbot.waitSignal(control.failed, timeout=5000) as blocker:
        control.analyze("s1")
    assert blocker.args == ["s1", "no pipeline here"]


def test_results_wait_while_held_and_land_after(doc, handmade, runner_for, qtbot):
    # While the Word export reads the briefing on its thread, an analysis that finishes
    # must not change it: the result waits and lands once the export is done.
    runner = runner_for(handmade.FakeEngine())
    control = AnalysisController(doc, runner)
    with control.holding():
        # The controller hears `finished` before this wait does (it connected first): the
        # result has arrived, and it must be kept, not applied.
        with qtbot.waitSignal(runner.finished, timeout=5000):
            control.analyze("s1")
        assert doc.briefing.claims == [] and control.busy() and doc.is_pending("s1")
    assert [c.id for c in doc.briefing.claims] == ["c1", "c2", "c3"]
    assert not control.busy() and not doc.is_pending("s1")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_the_worker_runs_below_the_window_in_priority(doc, handmade, runner_for, qtbot):
    seen = []

    class Recording(handmade.FakeEngine):
        def analyze(self, *args):
            seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
            return super().analyze(*args)

    control = AnalysisController(doc, runner_for(Recording()))
    with qtbot.waitSignal(control.landed, timeout=5000):
        control.analyze("s1")
    window_priority = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen and seen[0] > window_priority


def test_the_gil_changes_hands_quickly_once_the_worker_runs(doc, handmade, runner_for, qtbot):
    # Qt's calls into Python on the GUI thread wait for the GIL up to the switch interval
    # while the analysis runs Python; the default 5 ms made the window stall.
    control = AnalysisController(doc, runner_for(handmade.FakeEngine()))
    with qtbot.waitSignal(control.landed, timeout=5000):
        control.analyze("s1")
    assert sys.getswitchinterval() <= 0.001


EXIT_SCRIPTS = {
    # The script's last line leaves the window open, the worker thread idling in its loop.
    "no event loop": """
from briefing_app.app import create_main_window
from support.handmade import FakeEngine
window = create_main_window(engine=FakeEngine())
window.analysis.runner.warm_up("")
""",
    # QApplication.quit ends the loop without a close event for the window.
    "quit from the loop": """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefing_app.app import create_main_window
from support.handmade import FakeEngine
window = create_main_window(engine=FakeEngine())
window.show()
window.analysis.runner.warm_up("")
QTimer.singleShot(200, QApplication.quit)
QApplication.exec()
""",
}


@pytest.mark.parametrize("how", sorted(EXIT_SCRIPTS))
def test_a_program_that_exits_with_the_window_open_stops_the_worker(how):
    import subprocess
    from pathlib import Path

    from support.child_env import child_env

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", EXIT_SCRIPTS[how]], capture_output=True, text=True, timeout=60,
        env=child_env(PYTHONPATH=os.pathsep.join([str(root), str(root / "tests")])))
    assert "QThread: Destroyed" not in result.stderr
    assert result.returncode == 0, result.stderr
