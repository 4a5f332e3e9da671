"""Window benchmark: start-up against a bare PySide6 window, launch to highlights on a
500-word article against its floor (Python start, spaCy load and one parse), and the
longest event-loop stall while a 100,000-word article is analysed and highlighted (5 runs),
with peak memory. Prints JSON.

Run: xvfb-run -a .venv/bin/python benchmarks/ui.py  (or with QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = 100_000
RUNS = 5
SHORT_WORDS = 500

# Each child prints the system-wide monotonic clock once its first frame is painted: at
# the window's first paint event the children (docks, views) have not painted yet, so it
# waits for the next event-loop turn, when the whole frame is done. Tear-down is not
# start-up, so the parent does not wait for the process to exit.
_SHOWN = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
def _shown():
    print(time.monotonic(), flush=True)
    if not hasattr(window, "ready") or window.built:
        app.quit()
    else:
        window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, _shown)
            obj.removeEventFilter(self)
        return False
"""
_BARE = _SHOWN + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
"""
# The program's own start (briefing_app.app.main without the event loop it owns): the
# first frame is the window's empty frame; "ready" prints once its contents are built and
# painted too, which is when the analyst can work.
_APP = _SHOWN + """
from briefing_app.app import _application, launch_window
app = _application()
window = launch_window()
window.ready.connect(lambda: QTimer.singleShot(0, lambda: print('ready', time.monotonic())))
"""
_SHOW = """
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def _start_times(body: str) -> tuple[float, float]:
    """Wall times from spawning the process to its window's first complete frame and to
    the window being ready for work (the same for a bare window)."""
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", body + _SHOW], check=True,
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    lines = done.stdout.split("\n")
    shown = float(lines[0]) - began
    ready = [float(line.split()[1]) for line in lines if line.startswith("ready")]
    return shown, (ready[0] - began if ready else shown)


def startup() -> dict:
    """Best of RUNS, bare and app runs interleaved: the machine is shared, and noise from
    other processes only ever adds time, so the fastest run is the one least disturbed."""
    bare, app, ready = [], [], []
    for _ in range(RUNS):
        bare.append(_start_times(_BARE)[0])
        shown, built = _start_times(_APP)
        app.append(shown)
        ready.append(built)
    return {"bare_window_s": round(min(bare), 3), "app_window_s": round(min(app), 3),
            "ratio": round(min(app) / min(bare), 2),
            "median_ratio": round(statistics.median(app) / statistics.median(bare), 2),
            "app_ready_s": round(min(ready), 3),
            "ready_ratio": round(min(ready) / min(bare), 2)}


# The end of a child program that defines `app`, `window` and `check()`: check every 5 ms
# on the event loop until check() quits.
POLL_UNTIL_DONE = """
poll = QTimer(interval=5)
poll.timeout.connect(check)
poll.start()
window.show()
app.exec()
"""
# The program's own start on a 500-word article, until its highlights are on screen: the
# analysis has landed and the view has finished highlighting it.
_HIGHLIGHTED = """
import sys, time
from PySide6.QtCore import QTimer
from briefing_app.app import _application, launch_window
app = _application()
window = launch_window([sys.argv[1]])
def check():
    if window.built and window.doc.briefing.claims and not window.analysis.busy() \\
            and not window.article.is_highlighting():
        print(time.monotonic(), len(window.doc.briefing.claims), flush=True)
        window.doc.undo_stack.setClean()
        app.quit()
""" + POLL_UNTIL_DONE
# What no program can beat: a fresh Python that imports spaCy, loads the pipeline and
# parses the same article once.
_FLOOR = """
import sys, time
from briefing_app.nlp.pipeline import load_pipeline
nlp = load_pipeline()
nlp(open(sys.argv[1], encoding="utf-8").read())
print(time.monotonic(), flush=True)
"""


def _short_article(folder: Path) -> Path:
    paragraphs, words = [], 0
    for sample in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        for paragraph in sample.read_text(encoding="utf-8").split("\n\n"):
            if words < SHORT_WORDS:
                paragraphs.append(paragraph)
                words += len(paragraph.split())
    path = folder / "short_article.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


def timed_child(body: str, *args: str, timeout: float = 120) -> tuple[float, list[str]]:
    """Run `body` in a fresh Python with a private home; (seconds from the spawn to the
    clock it prints first, the rest of what it printed)."""
    with tempfile.TemporaryDirectory() as home:
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-c", body, *args], check=True,
                              capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                              env={**os.environ, "PYTHONPATH": str(ROOT),
                                   "BRIEFING_APP_HOME": home})
    printed = done.stdout.split()
    return float(printed[0]) - began, printed[1:]


def _time_to(body: str, article: Path) -> float:
    """Seconds from spawning `body` on `article` to the time it prints first."""
    return timed_child(body, str(article))[0]


def highlights() -> dict:
    """Launch to highlights on a 500-word article beside its floor; best of RUNS each,
    interleaved, and the median."""
    with tempfile.TemporaryDirectory() as folder:
        article = _short_article(Path(folder))
        app, floor = [], []
        for _ in range(RUNS):
            app.append(_time_to(_HIGHLIGHTED, article))
            floor.append(_time_to(_FLOOR, article))
        words = len(article.read_text(encoding="utf-8").split())
    return {"words": words, "launch_to_highlights_s": round(min(app), 2),
            "median_s": round(statistics.median(app), 2),
            "floor_s": round(min(floor), 2), "floor_median_s": round(statistics.median(floor), 2)}


def _long_article(folder: Path) -> Path:
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    parts, words = [], 0
    while words < WORDS:
        for text in texts:
            parts.append(text)
            words += len(text.split())
    path = folder / "long_article.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def stalls() -> dict:
    """`stall` RUNS times, each in a new window with its own worker process."""
    runs = []
    for _ in range(RUNS):
        runs.append(stall())
        gc.unfreeze()  # the last window was frozen with the rest: let the collector find it
        gc.collect()
        gc.freeze()
    worst = [run["longest_stall_ms"] for run in runs]
    return {"longest_stall_ms": worst, "runs_under_50ms": sum(w < 50 for w in worst),
            "runs": runs}


def stall() -> dict:
    """Open the long article in a real window and time the longest gap between heartbeats."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from briefing_app.app import create_main_window

    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFING_APP_HOME"] = folder
        article = _long_article(Path(folder))
        window = create_main_window()
        window.show()
        loop = QEventLoop()
        # Let the pipeline load first: the stall we want is the analysis and highlighting.
        QTimer.singleShot(0, lambda: window.analysis.runner.warm_up(""))
        beats = {"last": time.perf_counter(), "worst": 0.0, "started": 0.0, "done": 0.0,
                 "opened": 0.0, "long": []}

        def beat():
            now = time.perf_counter()
            if beats["started"]:
                beats["worst"] = max(beats["worst"], now - beats["last"])
                if now - beats["last"] > 0.05:  # when, after the open, each long one began
                    beats["long"].append((round(beats["last"] - beats["started"], 2),
                                          round((now - beats["last"]) * 1000)))
            beats["last"] = now
            # "opened": open_path reads the file on a thread and turns the event loop
            # meanwhile, before any analysis has started.
            if beats["opened"] and not window.analysis.busy() and \
                    not window.article.is_highlighting():
                beats["done"] = now
                loop.quit()

        def begin():
            beats["started"] = beats["last"] = time.perf_counter()
            # Reading the file turns the event loop (the heartbeat goes on); showing the
            # text does not: both count towards the longest stall, and are also timed apart.
            window.open_path(article)
            beats["opened"] = time.perf_counter()

        heart = QTimer(interval=5)
        heart.timeout.connect(beat)
        heart.start()
        QTimer.singleShot(4000, begin)  # after warm-up has loaded spaCy
        loop.exec()
        heart.stop()
        open_start = beats["started"]
        result = {
            "words": len(article.read_text(encoding="utf-8").split()),
            "claims": len(window.doc.briefing.claims),
            "actors": len(window.doc.briefing.actors),
            "analyse_and_highlight_s": round(beats["done"] - open_start, 2),
            "open_path_ms": round((beats["opened"] - open_start) * 1000, 1),
            "longest_stall_ms": round(beats["worst"] * 1000, 1),
            "stalls_over_50ms_at_s_ms": beats["long"],
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "worker_peak_rss_mb": _peak_rss_mb(window.analysis.runner.worker_pid),
        }
        window.shutdown()
        window.doc.undo_stack.setClean()
        window.close()
        # Deleted, as the program's last window is at exit: a window only closed stays alive
        # (its signal connections hold it), and each run's would add its briefing's memory.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return result


def _peak_rss_mb(pid: int | None) -> float | None:
    """A live process's peak resident memory (VmHWM, Linux), None where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except (OSError, TypeError):
        return None
    kilobytes = next(int(line.split()[1]) for line in status.splitlines()
                     if line.startswith("VmHWM:"))
    return round(kilobytes / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("startup", "highlights", "long_article"),
                        help="run one of the three measurements")
    only = parser.parse_args().only
    # Each run starts a fresh Python (the worker too). Installed, the package comes with its
    # bytecode (pip compiles it; so does a first run, unless PYTHONDONTWRITEBYTECODE is set,
    # as on the project's CI machines): compiled once here, no run pays for compiling it.
    compileall.compile_dir(ROOT / "briefing_app", quiet=1)
    result = {}
    if only in (None, "startup"):
        result["startup"] = startup()
    if only in (None, "highlights"):
        result["highlights"] = highlights()
    if only in (None, "long_article"):
        result["long_article"] = stalls()
    # Flushed at once: a crash in PySide6 teardown at interpreter exit (seen once in about
    # ten runs, as in the test suite) must not swallow the numbers still in the buffer.
    print(json.dumps(result, indent=1), flush=True)


if __name__ == "__main__":
    main()
