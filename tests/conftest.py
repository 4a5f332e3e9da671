"""Shared test set-up: headless Qt, private app folders, and one spaCy pipeline per session."""

import os

# Without a display Qt aborts the process; tests always run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from briefing_app import paths  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Point config, data and cache at a fresh folder so tests never touch the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_APP_HOME", str(home))
    paths.override_home(home)
    yield home
    paths.override_home(None)


@pytest.fixture(scope="session")
def nlp():
    """The real default spaCy pipeline, loaded once for the whole run."""
    from briefing_app.nlp.pipeline import load_pipeline

    return load_pipeline()
