"""The program's log: one rotating file in the platformdirs log folder, for bug reports.

What goes in is how the program ran (which step failed, with which kind of error), never
what the analyst read: modules log exception types and their own words, not article text,
titles or file contents. Help > About shows where the file is.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from briefing_app import paths

LOG_NAME = "briefing-app.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def start_logging(level: int = logging.INFO) -> Path | None:
    """Send the package's log records to the rotating file (once); None when the log folder
    cannot be written, in which case the program runs on without a log."""
    root = logging.getLogger("briefing_app")
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return Path(handler.baseFilename)


def stop_logging() -> None:
    """Close the file handler (tests, and before the log folder is removed)."""
    root = logging.getLogger("briefing_app")
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def failure(error: BaseException) -> str:
    """An exception for the log: its type and where it happened, without its message (a
    message can quote the article)."""
    return type(error).__name__ + "\n" + "".join(traceback.format_tb(error.__traceback__))
