"""What the command line's subcommands share: the exit status for bad input, the one line
a bad file gets, and the user's settings (size limits, pipeline) that apply there too."""

from __future__ import annotations

import sys

EXIT_BAD_INPUT = 2


def fail(path, error: Exception) -> None:
    print(f"briefing-app: {path}: {error}", file=sys.stderr)


def user_limits() -> dict:
    """The size limits the user set in the window apply on the command line too."""
    from briefing_app.settings import Settings

    return Settings().input_limits()


def user_model(name: str | None) -> str | None:
    from briefing_app.settings import Settings

    return name or Settings().get("pipeline") or None
