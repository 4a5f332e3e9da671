"""Crash recovery for real: a window in a subprocess makes edits, autosaves, and is killed
with SIGKILL; the next window on the same home offers the work back, every edit included.
"""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from briefing_app.document.autosave import autosave_dir, find_recoveries
from briefing_app.storage.project_file import dumps, load_project
from support.child_env import child_env

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import importlib.util, os, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from briefing_app.app import create_main_window
    from briefing_app.document import briefing_commands as bc
    from briefing_app.document.commands import AddSourceCommand, ApplyAnalysisCommand, rate_claim
    from briefing_app.domain.model import Judgment
    from briefing_app.storage.project_file import dumps

    spec = importlib.util.spec_from_file_location("handmade", sys.argv[1])
    handmade = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handmade)
    out = Path(sys.argv[2])
    window = create_main_window()
    window.show()
    doc = window.doc
    source = handmade.make_source()
    doc.push(AddSourceCommand(doc, source))
    doc.push(ApplyAnalysisCommand(doc, handmade.make_analysis(source)))
    doc.push(rate_claim(doc, doc.briefing.claim("c2"), reliability="B", credibility="2"))
    doc.push(bc.SetBriefingFieldsCommand(doc, {"title": "Port strike talks stall"}))
    doc.push(bc.SetBriefingFieldsCommand(doc, {"bluf": "Talks broke down."}, merge=True))
    doc.push(bc.AddJudgmentCommand(doc, Judgment("j1", "the strike lasts", "likely", "high")))

    def written(_path):
        (out / "expected.json").write_text(dumps(doc.briefing), encoding="utf-8")
        os.replace(out / "expected.json", out / "expected.done")  # whole, or not there
        print("AUTOSAVED", flush=True)

    window.autosave.written.connect(written)
    sys.exit(QApplication.exec())  # runs until SIGKILL: no clean close, no cleanup
""")


def run_child_until_autosaved(home: Path, out: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIEFING_APP_HOME=str(home),
               PYTHONPATH=str(ROOT))
    handmade = ROOT / "tests" / "support" / "handmade.py"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(handmade), str(out)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = out / "expected.done"
    deadline = time.monotonic() + 90
    try:
        # Polling a file from outside, with a deadline: the child's only way to say "saved".
        while not done.exists():
            if child.poll() is not None:
                pytest.fail(f"the child exited early: {child.stderr.read().decode()}")
            if time.monotonic() > deadline:
                pytest.fail("no autosave within the deadline")
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return done.read_text(encoding="utf-8")


@pytest.fixture
def answers(monkeypatch):
    asked = []

    def reply(choice):
        def question(*args, **kwargs):
            asked.append(args[1])
            return choice
        monkeypatch.setattr(QMessageBox, "question", question)

    return asked, reply


def test_killed_session_is_offered_and_restored_with_every_edit(
        private_home, tmp_path, make_window, handmade, answers, qtbot):
    expected = run_child_until_autosaved(private_home, tmp_path)
    assert len(find_recoveries()) == 1
    asked, reply = answers
    reply(QMessageBox.StandardButton.Yes)
    window = make_window(handmade.FakeEngine())
    assert asked == ["Restore unsaved work?"]
    assert dumps(window.doc.briefing) == expected
    briefing = window.doc.briefing
    assert briefing.bluf == "Talks broke down." and briefing.judgments[0].text == "the strike lasts"
    assert briefing.claim("c2").rating.admiralty == "B2"
    assert window.isWindowModified() and window.windowTitle().startswith("Untitled[*]")
    assert window.briefing_panel.bluf.toPlainText() == "Talks broke down."
    assert window.article.source_id == briefing.sources[0].id
    # The work moved to this session's autosave; the dead session's files are gone.
    assert window.autosave.file.exists()
    assert [p.name for p in autosave_dir().glob("*.briefing")] == [window.autosave.file.name]
    window.doc.undo_stack.undo()
    assert window.doc.briefing.sources == [] and not window.isWindowModified()


def test_discarding_the_offer_deletes_the_autosave(private_home, tmp_path, make_window,
                                                    handmade, answers):
    run_child_until_autosaved(private_home, tmp_path)
    asked, reply = answers
    reply(QMessageBox.StandardButton.Discard)
    window = make_window(handmade.FakeEngine())
    assert asked == ["Restore unsaved work?"]
    assert window.doc.briefing.sources == [] and not window.isWindowModified()
    assert find_recoveries() == []
    second = make_window(handmade.FakeEngine())
    assert asked == ["Restore unsaved work?"] and not second.isWindowModified()


def test_window_autosaves_within_seven_seconds(window, qtbot, answers):
    qtbot.keyClicks(window.briefing_panel.bluf, "Talks broke down.")
    qtbot.waitUntil(window.autosave.file.exists, timeout=7000)
    window.doc.undo_stack.setClean()
    assert not window.autosave.file.exists()
    asked, _reply = answers
    assert asked == []


def test_older_crashed_sessions_wait_for_the_next_start(private_home, tmp_path, make_window,
                                                         handmade, monkeypatch):
    run_child_until_autosaved(private_home, tmp_path)
    newest = find_recoveries()[0].file
    older = newest.with_name("session-2-older" + newest.suffix)
    shutil.copy(newest, older)
    shutil.copy(newest.with_suffix(".json"), older.with_suffix(".json"))
    an_hour_ago = newest.stat().st_mtime - 3600
    os.utime(older, (an_hour_ago, an_hour_ago))
    texts = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: texts.append(args[2])
                        or QMessageBox.StandardButton.Discard)
    make_window(handmade.FakeEngine())
    assert "1 older autosaved session will be offered" in texts[0]
    assert [r.file for r in find_recoveries()] == [older]  # the newest was discarded
    make_window(handmade.FakeEngine())
    assert len(texts) == 2 and "older autosaved" not in texts[1]
    assert find_recoveries() == []


def _run_child(code: str, home: Path, out: Path, until: str, then=None):
    """Start a window in a child, wait until it has made `out/until`, then call `then` on
    it; returns the child once it has ended, its stderr read."""
    handmade = ROOT / "tests" / "support" / "handmade.py"
    child = subprocess.Popen([sys.executable, "-c", code, str(handmade), str(out)],
                             env=child_env(PYTHONPATH=str(ROOT)),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    try:
        while not (out / until).exists():  # the child's only way to say where it is
            if child.poll() is not None:
                break
            if time.monotonic() > deadline:
                pytest.fail(f"the child did not reach {until} within the deadline")
            time.sleep(0.05)
        if then is not None and child.poll() is None:
            then(child)
        child.stderr_text = child.communicate(timeout=60)[1]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    return child


CHILD_PREAMBLE = textwrap.dedent("""
    import importlib.util, os, signal, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from briefing_app.app import create_main_window
    from briefing_app.document import briefing_commands as bc
    from briefing_app.document.commands import AddSourceCommand
    from briefing_app.storage.project_file import dumps

    spec = importlib.util.spec_from_file_location("handmade", sys.argv[1])
    handmade = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(handmade)
    out = Path(sys.argv[2])
    window = create_main_window(engine=handmade.FakeEngine())
    window.show()
    doc = window.doc
    doc.path = str(out / "strike.briefing")

    def expect(name):
        (out / "expected.tmp").write_text(dumps(doc.briefing), encoding="utf-8")
        os.replace(out / "expected.tmp", out / name)
""")

CHILD_KILLED_IN_RENAME = CHILD_PREAMBLE + textwrap.dedent("""
    real_replace = os.replace
    writes = []

    def replace(src, dst, *args, **kwargs):
        # The autosave's second write, after its fsync and before its rename: killed.
        if str(dst).endswith(".briefing") and "autosave" in str(dst):
            writes.append(dst)
            if len(writes) == 2:
                expect("expected.done")
                os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(src, dst, *args, **kwargs)

    os.replace = replace
    window.autosave._timer.setInterval(10)
    window.autosave.written.connect(
        lambda _path: doc.push(bc.SetBriefingFieldsCommand(doc, {"bluf": "Second write."})))
    doc.push(AddSourceCommand(doc, handmade.make_source()))
    sys.exit(QApplication.exec())
""")

CHILD_TERMINATED = CHILD_PREAMBLE + textwrap.dedent("""
    doc.push(AddSourceCommand(doc, handmade.make_source()))
    doc.push(bc.SetBriefingFieldsCommand(doc, {"bluf": "Not yet autosaved."}))
    assert not window.autosave.file.exists()  # five seconds to go: SIGTERM comes first
    expect("expected.done")
    sys.exit(QApplication.exec())
""")


def test_a_kill_between_fsync_and_rename_is_offered_back(private_home, tmp_path):
    child = _run_child(CHILD_KILLED_IN_RENAME, private_home, tmp_path, "expected.done")
    assert child.returncode == -signal.SIGKILL, child.stderr_text
    folder = autosave_dir()
    assert list(folder.glob("*.tmp"))  # the complete temp file the kill left
    found = find_recoveries()
    assert list(folder.glob("*.tmp")) == []
    assert len(found) == 1
    assert found[0].original_path == str(tmp_path / "strike.briefing")
    recovered = load_project(found[0].file)
    assert recovered.bluf == "Second write."
    assert dumps(recovered) == (tmp_path / "expected.done").read_text(encoding="utf-8")


def test_sigterm_autosaves_releases_the_lock_and_ends_cleanly(private_home, tmp_path):
    child = _run_child(CHILD_TERMINATED, private_home, tmp_path, "expected.done",
                       then=lambda child: child.send_signal(signal.SIGTERM))
    assert child.returncode == 0, child.stderr_text
    assert "Traceback" not in child.stderr_text and "QThread" not in child.stderr_text
    folder = autosave_dir()
    assert list(folder.glob("*.lock")) == []  # released, not left for a stale check
    found = find_recoveries()
    assert len(found) == 1 and found[0].original_path == str(tmp_path / "strike.briefing")
    recovered = load_project(found[0].file)
    assert recovered.bluf == "Not yet autosaved."
    assert dumps(recovered) == (tmp_path / "expected.done").read_text(encoding="utf-8")
