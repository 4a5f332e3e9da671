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
from briefing_app.storage.project_file import dumps

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
