"""Shared test set-up: headless Qt, private app folders, and one spaCy pipeline per session."""

import os
import socket
import sys

# Without a display Qt aborts the process; tests always run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from briefing_app import logs, paths  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Point config, data, cache and log at a fresh folder so tests never touch the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_APP_HOME", str(home))
    paths.override_home(home)
    yield home
    logs.stop_logging()  # a test that ran cli.main() must not log into the next one's home
    paths.override_home(None)


@pytest.fixture(scope="session")
def nlp():
    """The real default spaCy pipeline, loaded once for the whole run."""
    from briefing_app.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def no_sockets(monkeypatch):
    """Any attempt to reach the network fails the test; yields the attempts (none)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network connection attempted: {args!r}")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"),
                        (socket, "create_connection"), (socket, "getaddrinfo")):
        monkeypatch.setattr(owner, name, refuse)
    yield attempts
    assert attempts == []


_exit_status = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _exit_status["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without interpreter finalisation once pytest is done with everything.

    Tearing down PySide6 during CPython's shutdown (QApplication, worker QThreads, frozen
    spaCy objects) crashed the process now and then after every test had passed (seen once
    in three clean-clone runs: "Segmentation fault" after the summary). Nothing is left to
    check or write at this point, so end with pytest's own status.
    """
    if "PySide6.QtCore" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["code"])
