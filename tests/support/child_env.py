"""The environment for a child Python a test starts: the test's own, so the child keeps the
private BRIEFING_APP_HOME (settings, data, cache, log) and never meets the user's folders,
nor a crashed session left in them."""

import os


def child_env(**extra: str) -> dict[str, str]:
    assert "BRIEFING_APP_HOME" in os.environ, "tests/conftest.py's private_home is not active"
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
