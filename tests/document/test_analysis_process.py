"""The real engine in a spawned worker process: a sample analysed there, cancel ends the
job's process at once, a killed process is restarted with one sentence, shutdown leaves no
process behind, and a window that analysed an article never imported spaCy itself."""

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefing_app.document.analysis_pool import CRASHED
from briefing_app.document.analysis_worker import AnalysisRunner
from briefing_app.paths import sample_path
from briefing_app.storage.readers.load import load_path, load_text
from support.child_env import child_env

ROOT = Path(__file__).resolve().parents[2]
SPAWN_AND_LOAD_MS = 120_000  # a spawned Python loading spaCy on a busy 2-core machine


def _gone(pid: int) -> bool:
    """True when no process has this id any more (ended and reaped, no zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _long_source():
    """About 40,000 words: it runs for seconds, so a test can act while it runs."""
    text = sample_path().read_text(encoding="utf-8")
    return load_text("\n\n".join([text] * (40_000 // len(text.split()) + 1)), title="Long")


@pytest.fixture
def runner(qapp):
    """A runner of the real engine; at the end every process it started has ended."""
    made = AnalysisRunner()
    pids = []
    made.pid_seen = lambda: pids.append(made.worker_pid) or made.worker_pid
    yield made
    pids.append(made.worker_pid)
    assert made.shutdown(), "the worker process did not stop"
    assert made.worker_pid is None
    for pid in filter(None, pids):
        assert _gone(pid), f"worker process {pid} outlived its runner"
    assert all(p.pid not in pids for p in multiprocessing.active_children())
    assert not [t for t in threading.enumerate() if t.name.startswith("analysis-")]


def test_a_spawned_worker_analyses_the_sample(runner, qtbot):
    source = load_path(sample_path())
    with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS) as done:
        job_id = runner.submit(source)
        assert runner.is_busy()
    pid = runner.pid_seen()
    assert pid and pid != os.getpid()
    done_id, analysis, spare = done.args
    assert done_id == job_id and not runner.is_busy()
    assert analysis.sha256 == source.sha256 and analysis.source_id == source.id
    assert analysis.claims and analysis.actors
    # The spare copy is equal but shares no object with the result (the briefing owns it).
    assert spare == analysis
    assert spare.claims[0] is not analysis.claims[0]
    assert spare.actors[0].mentions is not analysis.actors[0].mentions


def test_cancel_ends_the_running_job_at_once_and_a_fresh_process_takes_the_next(runner,
                                                                                qtbot):
    with qtbot.waitSignal(runner.progress, timeout=SPAWN_AND_LOAD_MS):
        job_id = runner.submit(_long_source())
    old = runner.pid_seen()
    with qtbot.waitSignal(runner.cancelled, timeout=5000) as stopped:
        runner.cancel_all()
        assert _gone(old)  # ended and joined before cancel_all returned
    assert stopped.args == [job_id] and not runner.is_busy()
    assert runner.pid_seen() not in (None, old)
    with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS) as done:
        runner.submit(load_path(sample_path()))
    assert done.args[1].claims


def test_a_killed_worker_is_restarted_with_one_sentence_and_the_next_job_succeeds(runner,
                                                                                  qtbot):
    with qtbot.waitSignal(runner.progress, timeout=SPAWN_AND_LOAD_MS):
        job_id = runner.submit(_long_source())
    old = runner.pid_seen()
    with qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        os.kill(old, signal.SIGKILL)
    assert failed.args == [job_id, CRASHED]
    assert failed.args[1] == ("The analysis stopped unexpectedly; it was restarted — "
                              "analyse the article again.")
    assert _gone(old) and not runner.is_busy()
    assert runner.pid_seen() not in (None, old)
    with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS) as done:
        runner.submit(load_path(sample_path()))
    assert done.args[1].claims


def test_a_job_queued_behind_a_killed_one_still_runs(runner, qtbot):
    with qtbot.waitSignal(runner.progress, timeout=SPAWN_AND_LOAD_MS):
        first = runner.submit(_long_source())
    second = runner.submit(load_path(sample_path()))
    with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS) as done:
        os.kill(runner.pid_seen(), signal.SIGKILL)
    assert done.args[0] == second and first not in runner.jobs


def test_shutdown_mid_job_stops_the_process(runner, qtbot):
    with qtbot.waitSignal(runner.progress, timeout=SPAWN_AND_LOAD_MS):
        runner.submit(_long_source())
    pid = runner.pid_seen()
    assert runner.shutdown()
    assert _gone(pid) and runner.submit(load_path(sample_path())) == 0


_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefing_app.app import launch_window
from briefing_app.document import analysis_pool
from briefing_app.paths import sample_path

spawned = analysis_pool.start_early
early = []

def recording(pipeline=""):
    spawned(pipeline)
    early.append(analysis_pool._early[0].process.pid)

analysis_pool.start_early = recording
window = launch_window([str(sample_path())])
window.show()

def check():
    if window.built and window.doc.briefing.claims and not window.analysis.busy():
        print(len(window.doc.briefing.claims), "spacy" in sys.modules, flush=True)
        print(*early, window.analysis.runner.worker_pid, flush=True)
        window.doc.undo_stack.setClean()  # quitting must not ask about unsaved work
        QApplication.quit()

poll = QTimer(interval=50)
poll.timeout.connect(check)
poll.start()
QApplication.exec()
"""


def test_a_window_that_analysed_an_article_never_imported_spacy():
    result = subprocess.run([sys.executable, "-c", _WINDOW], capture_output=True, text=True,
                            env=child_env(PYTHONPATH=str(ROOT)), timeout=180)
    assert result.returncode == 0, result.stderr
    claims, spacy_here = result.stdout.split("\n")[0].split()
    early, adopted = result.stdout.split("\n")[1].split()
    assert int(claims) > 0 and spacy_here == "False"
    assert early == adopted  # the process spawned before the first frame did the work
    assert _gone(int(adopted))  # quit stopped and joined it


_EXIT = """
from briefing_app.app import create_main_window
window = create_main_window()
window.analysis.runner.warm_up("")
print(window.analysis.runner.worker_pid, flush=True)
"""


def test_a_program_that_exits_without_closing_its_window_leaves_no_worker():
    result = subprocess.run([sys.executable, "-c", _EXIT], capture_output=True, text=True,
                            env=child_env(PYTHONPATH=str(ROOT)), timeout=120)
    assert result.returncode == 0, result.stderr
    assert _gone(int(result.stdout.split()[0]))
