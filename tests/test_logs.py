"""The bug-report log: one rotating file in the private log folder, holding how the program
ran and never what the analyst read."""

import logging

import pytest

from briefing_app import logs
from briefing_app.errors import LoadError
from briefing_app.storage.readers.load import load_path


@pytest.fixture
def log_path():
    path = logs.start_logging()
    yield path
    logs.stop_logging()


def test_the_log_lives_in_the_private_log_folder(log_path, private_home):
    assert log_path == private_home / "log" / logs.LOG_NAME
    assert logs.start_logging() == log_path  # a second start adds no second handler
    handlers = [h for h in logging.getLogger("briefing_app").handlers
                if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(handlers) == 1


def test_a_swallowed_failure_is_logged_without_the_article(log_path, tmp_path, monkeypatch):
    secret = "The minister's private remark about the harbour"
    article = tmp_path / "leak.html"
    article.write_text(f"<html><body><p>{secret}</p></body></html>", encoding="utf-8")

    def broken(*_args, **_kwargs):
        raise RuntimeError(secret)  # a library failure quoting the text it choked on

    monkeypatch.setattr("briefing_app.storage.readers.html_reader.read_html", broken)
    with pytest.raises(LoadError):
        load_path(article)
    written = log_path.read_text(encoding="utf-8")
    assert "reading a html file failed: RuntimeError" in written
    assert secret not in written
