"""Where things live: platformdirs folders for config, data and cache, and bundled resources.

Tests point everything at a temporary folder by setting BRIEFING_APP_HOME (or calling
`override_home`), so no test ever touches the user's real folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from briefing_app import APP_ID

_APP_DIR_NAME = "briefing-app"
_home_override: Path | None = None


def override_home(path: str | Path | None) -> None:
    """Send config, data and cache into `path` (tests); None restores the defaults."""
    global _home_override
    _home_override = Path(path) if path is not None else None


def _home() -> Path | None:
    if _home_override is not None:
        return _home_override
    env = os.environ.get("BRIEFING_APP_HOME")
    return Path(env) if env else None


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(_APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(_APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    home = _home()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(_APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "log" if home else Path(platformdirs.user_log_dir(_APP_DIR_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The bundled resources: inside the package when installed, the repo's resources/ otherwise."""
    packaged = Path(__file__).parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def sample_path(name: str = "wire_report.txt") -> Path:
    return resources_dir() / "samples" / name


def app_icon_path(size: int = 256) -> str:
    return str(resources_dir() / "icons" / "app" / f"{APP_ID}-{size}.png")

