"""Several sources at once: a second real worker process takes the jobs waiting behind the
first, ends when nothing waits, and cancel ends every busy one; a pipeline that does not
load is said as such, not as a crash."""

import multiprocessing
import threading

import pytest

from briefing_app.document.analysis_worker import AnalysisRunner
from briefing_app.paths import sample_path
from briefing_app.storage.readers.load import load_path, load_text

SPAWN_AND_LOAD_MS = 120_000  # spawned Pythons loading spaCy on a busy 2-core machine


def _long_source(words: int = 40_000):
    """Runs for seconds, so the jobs behind it wait and a test can act meanwhile."""
    text = sample_path().read_text(encoding="utf-8")
    return load_text("\n\n".join([text] * (words // len(text.split()) + 1)), title="Long")


@pytest.fixture
def pool_of_two(qapp):
    """A runner allowed two processes; at the end none of its processes or threads is left."""
    made = AnalysisRunner(processes=2)
    seen: set[int] = set()
    made.seen = seen
    made.progress.connect(lambda *_: seen.update(made.worker_pids))
    yield made
    assert made.shutdown(), "a worker process did not stop"
    assert made.worker_pids == []
    assert not seen & {p.pid for p in multiprocessing.active_children()}
    assert not [t for t in threading.enumerate() if t.name.startswith("analysis-")]


def test_jobs_waiting_behind_a_long_one_run_in_a_second_process(pool_of_two, qtbot):
    runner = pool_of_two
    done = {}
    runner.finished.connect(lambda job, analysis, _spare: done.update({job: analysis}))
    long_job = runner.submit(_long_source())
    short = [runner.submit(load_path(sample_path())) for _ in range(2)]
    # The short ones finish in the second process while the first still holds the long one.
    qtbot.waitUntil(lambda: set(short) <= set(done), timeout=SPAWN_AND_LOAD_MS)
    assert long_job not in done and long_job in runner.jobs
    assert len(runner.seen) == 2
    qtbot.waitUntil(lambda: long_job in done, timeout=SPAWN_AND_LOAD_MS)
    assert all(done[job].claims for job in short) and done[long_job].claims
    assert done[short[0]].claims == done[short[1]].claims
    # Nothing waits any more: one process is kept warm, the other has ended.
    assert len(runner.worker_pids) == 1 and not runner.is_busy()


def test_cancel_ends_both_busy_processes_and_keeps_one_for_the_next(pool_of_two, qtbot):
    runner = pool_of_two
    running = set()
    runner.progress.connect(lambda job, _fraction: running.add(job))
    jobs = [runner.submit(_long_source()) for _ in range(3)]
    qtbot.waitUntil(lambda: len(running) == 2, timeout=SPAWN_AND_LOAD_MS)  # both busy
    busy = set(runner.worker_pids)
    stopped = []
    runner.cancelled.connect(stopped.append)
    runner.cancel_all()
    qtbot.waitUntil(lambda: len(stopped) == 3, timeout=5000)
    assert sorted(stopped) == jobs and not runner.is_busy()
    assert len(runner.worker_pids) == 1 and not busy & set(runner.worker_pids)
    with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS) as finished:
        runner.submit(load_path(sample_path()))
    assert finished.args[1].claims


def test_a_pipeline_that_is_not_installed_is_said_and_the_process_stays(qapp, qtbot):
    runner = AnalysisRunner(processes=1)
    try:
        with qtbot.waitSignal(runner.failed, timeout=SPAWN_AND_LOAD_MS) as failed:
            runner.submit(load_path(sample_path()), "no_such_pipeline")
        assert "'no_such_pipeline' is not installed" in failed.args[1]
        pid = runner.worker_pid
        with qtbot.waitSignal(runner.finished, timeout=SPAWN_AND_LOAD_MS):
            runner.submit(load_path(sample_path()))
        assert runner.worker_pid == pid  # the same process, not a restarted one
    finally:
        assert runner.shutdown()


def test_a_worker_the_system_will_not_start_fails_the_job_with_one_sentence(
        qapp, qtbot, monkeypatch):
    from briefing_app.document import analysis_pool

    def refuse(*_args, **_kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(analysis_pool, "WorkerProcess", refuse)
    runner = AnalysisRunner(processes=1)
    try:
        with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
            job_id = runner.submit(load_path(sample_path()))
            assert job_id  # accepted; it fails on a later turn, not inside submit
        assert failed.args == [job_id, analysis_pool.NO_START]
        assert not runner.is_busy() and runner.worker_pids == []
    finally:
        assert runner.shutdown()
