"""Every setting declared once (key, type, default, allowed range), stored as JSON in the
config folder and saved atomically.

Qt-free on purpose: the CLI and tests read the same settings without a QApplication.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing_app import paths
from briefing_app.errors import BriefingError
from briefing_app.storage.atomic import atomic_write_bytes, describe_os_error
from briefing_app.storage.files import read_user_file

# The file holds a few paths and two window layouts; anything larger is not ours.
_MAX_FILE_BYTES = 4 * 1024 * 1024


class SettingsError(BriefingError):
    """A setting was given a value it does not take, or the settings could not be saved."""


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    help: str
    minimum: int | None = None  # the range of a number setting, both ends included
    maximum: int | None = None

    def fits_type(self, value) -> bool:
        # bool is an int in Python: a true/false only counts for a bool setting.
        return isinstance(value, self.type) and (
            self.type is bool or not isinstance(value, bool))

    def in_range(self, value) -> bool:
        return self.minimum is None or self.minimum <= value <= self.maximum

    def clamp(self, value):
        """`value` moved into the range (the nearest end when it lies outside)."""
        return value if self.in_range(value) else min(max(value, self.minimum), self.maximum)


SETTINGS = {
    s.key: s
    for s in (
        Setting("pipeline", str, "", "spaCy pipeline name; empty means the default pipeline"),
        Setting("author", str, "", "analyst name written into new briefings"),
        Setting("mark", str, "TLP:AMBER", "default handling mark of new briefings"),
        Setting("theme", str, "system", "system (follow the platform), light or dark"),
        Setting("highlight_colours", dict, {},
                "the analyst's own light tint per actor kind, as #rrggbb; missing: default"),
        Setting("max_input_mb", int, 50, "largest article file that will be opened, in MB",
                1, 4096),
        Setting("max_text_chars", int, 2_000_000, "longest article text, in characters",
                1000, 50_000_000),
        Setting("recent_files", list, [], "recently opened files, newest first"),
        Setting("window_geometry", str, "", "main window geometry (base64 of saveGeometry)"),
        Setting("window_state", str, "", "dock and toolbar layout (base64 of saveState)"),
        Setting("zoom", int, 0, "reading view zoom steps from the default font size",
                -10, 20),
        Setting("export_folder", str, "", "folder of the last Word export"),
        Setting("export_mark", str, "", "handling mark chosen at the last Word export"),
        Setting("export_template", str, "", "Word template (.docx/.dotx) of the last export"),
        Setting("export_open_after", bool, False, "open the Word briefing after exporting"),
        Setting("review_order", str, "article",
                "order of J / K and of the Claims panel: article, or least_certain (the "
                "engine's least confident claims first); anything else reads as article"),
        Setting("advance_after_review", bool, True,
                "Accept and Reject move on to the next unreviewed claim"),
        Setting("register_learn", str, "ask",
                "whether the actor register learns your merges, renames and kinds: always, "
                "ask or never"),
    )
}
RECENT_LIMIT = 10
_KINDS = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
          dict: "a mapping"}


def _read(path: Path) -> dict:
    """The settings file's JSON object; {} when it is missing, unreadable or not an object."""
    try:
        loaded = json.loads(read_user_file(path, "the settings file", _MAX_FILE_BYTES))
    except (BriefingError, ValueError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _reason(error: OSError) -> str:
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a file is in the way of its folder"
    return describe_os_error(error)


class Settings:
    """Typed access to the settings file: unknown keys and wrong types fall back to the
    defaults, numbers outside their range are moved to its nearest end."""

    def __init__(self, path: Path | None = None):
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, object] = {}
        for key, value in _read(self.path).items():
            setting = SETTINGS.get(key)
            if setting and setting.fits_type(value):
                self._values[key] = setting.clamp(value)

    def get(self, key: str):
        value = self._values.get(key, SETTINGS[key].default)
        # Copies: a caller that edits a list or dict must not edit the stored value.
        return type(value)(value) if isinstance(value, (list, dict)) else value

    def set(self, key: str, value) -> None:
        """Store `value`; one of the wrong type or outside the range raises SettingsError."""
        setting = SETTINGS[key]
        if not setting.fits_type(value):
            raise SettingsError(f"The setting {key} takes {_KINDS.get(setting.type, 'a value')}, "
                                f"not {value!r}.")
        if not setting.in_range(value):
            raise SettingsError(f"The setting {key} takes a whole number from "
                                f"{setting.minimum:,} to {setting.maximum:,}, not {value:,}.")
        self._values[key] = value

    def save(self) -> None:
        """Write the settings atomically; a failure raises SettingsError and leaves the
        previous file as it was (the values still apply until the program closes)."""
        self.write(self.encoded())

    def encoded(self) -> bytes:
        """The settings file's bytes as the values stand now (for a write elsewhere)."""
        return json.dumps(self._values, indent=1, sort_keys=True).encode("utf-8")

    def write(self, data: bytes) -> None:
        """Write `data` (from encoded()) as save() does; safe on another thread."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, data)
        except OSError as error:
            raise SettingsError(
                f"Could not save the settings to {self.path}: {_reason(error)}; they apply "
                "until the program closes.") from error

    def input_limits(self) -> dict[str, int]:
        """The readers' size limits (keyword arguments of storage.readers.load)."""
        return {"max_bytes": self.get("max_input_mb") * 1024 * 1024,
                "max_chars": self.get("max_text_chars")}

    def new_briefing(self, title: str = ""):
        """An empty Briefing with the analyst's name and default handling mark."""
        from briefing_app.domain.model import Briefing  # not needed for the first frame

        return Briefing(title=title, author=self.get("author"), mark=self.get("mark"))

    def add_recent(self, path: str) -> None:
        recent = [p for p in self.get("recent_files") if p != path]
        self.set("recent_files", [path, *recent][:RECENT_LIMIT])
