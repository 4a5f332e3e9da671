"""Where things live: platformdirs folders for config, data and cache, and bundled resources.

Tests point everything at a temporary folder by setting BRIEFING_APP_HOME (or calling
`override_home`), so no test ever touches the user's real folders. A folder that cannot be
made never stops the program: warning() says which, and the defaults apply.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

from briefing_app import APP_ID

_APP_DIR_NAME = "briefing-app"
_home_override: Path | None = None
# Folder role -> (the folder and what went wrong, what the user loses); read by warning().
_problems: dict[str, tuple[str, str]] = {}


def override_home(path: str | Path | None) -> None:
    """Send config, data and cache into `path` (tests); None restores the defaults."""
    global _home_override
    _home_override = Path(path) if path is not None else None
    _problems.clear()  # they were the old home's


def _home() -> Path | None:
    if _home_override is not None:
        return _home_override
    env = os.environ.get("BRIEFING_APP_HOME")
    return Path(env) if env else None


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(_APP_DIR_NAME, False))
    return _made(path, "settings")


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(_APP_DIR_NAME, False))
    return _made(path, "data")


def cache_dir() -> Path:
    home = _home()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(_APP_DIR_NAME, False))
    return _made(path, "cache")


def log_dir() -> Path:
    home = _home()
    path = home / "log" if home else Path(platformdirs.user_log_dir(_APP_DIR_NAME, False))
    return _made(path, "log")


def _made(path: Path, role: str) -> Path:
    """`path`, created if need be. A folder that cannot be made (a file in its place, a
    read-only file system) is noted for warning() and returned all the same: reading from
    it then fails like a missing file (defaults apply) and writing says what went wrong."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _problems[role] = f"the {role} folder {path} ({_reason(error)})", _CONSEQUENCES[role]
    else:
        _problems.pop(role, None)
    return path


def _reason(error: OSError) -> str:
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a file is in the way"
    return _REASONS.get(error.errno, (error.strerror or str(error)).lower())


_CONSEQUENCES = {
    "settings": "the default settings apply and changes are not saved",
    "data": "unsaved work is not autosaved",
    "cache": "nothing is cached",
    "log": "no log is written",
}
_REASONS = {
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
}


def warning() -> str | None:
    """One sentence on the folders that could not be made (None when all could): the
    command line prints it, the window can show it."""
    if not _problems:
        return None
    folders = " or ".join(folder for folder, _ in _problems.values())
    consequences = ", ".join(consequence for _, consequence in _problems.values())
    fix = "it a writable folder" if len(_problems) == 1 else "them writable folders"
    return f"Could not use {folders}: {consequences}; make {fix}."


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

