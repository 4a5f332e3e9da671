"""Every setting declared once (key, type, default), stored as JSON in the config folder.

Qt-free on purpose: the CLI and tests read the same settings without a QApplication.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing_app import paths


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    help: str


SETTINGS = {
    s.key: s
    for s in (
        Setting("pipeline", str, "", "spaCy pipeline name; empty means the default pipeline"),
        Setting("author", str, "", "analyst name written into new briefings"),
        Setting("mark", str, "TLP:AMBER", "default handling mark of new briefings"),
        Setting("theme", str, "system", "system (follow the platform), light or dark"),
        Setting("highlight_colours", dict, {},
                "the analyst's own light tint per actor kind, as #rrggbb; missing: default"),
        Setting("max_input_mb", int, 50, "largest article file that will be opened, in MB"),
        Setting("max_text_chars", int, 2_000_000, "longest article text, in characters"),
        Setting("recent_files", list, [], "recently opened files, newest first"),
        Setting("window_geometry", str, "", "main window geometry (base64 of saveGeometry)"),
        Setting("window_state", str, "", "dock and toolbar layout (base64 of saveState)"),
        Setting("zoom", int, 0, "reading view zoom steps from the default font size"),
        Setting("export_folder", str, "", "folder of the last Word export"),
        Setting("export_mark", str, "", "handling mark chosen at the last Word export"),
        Setting("export_template", str, "", "Word template (.docx/.dotx) of the last export"),
        Setting("export_open_after", bool, False, "open the Word briefing after exporting"),
    )
}
RECENT_LIMIT = 10


class Settings:
    """Typed access to the settings file; unknown keys and wrong types fall back to defaults."""

    def __init__(self, path: Path | None = None):
        self.path = path or paths.config_dir() / "settings.json"
        self._values: dict[str, object] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            for key, value in loaded.items():
                setting = SETTINGS.get(key)
                # bool is an int in Python: a true/false only counts for a bool setting.
                if setting and isinstance(value, setting.type) and (
                        setting.type is bool or not isinstance(value, bool)):
                    self._values[key] = value

    def get(self, key: str):
        value = self._values.get(key, SETTINGS[key].default)
        # Copies: a caller that edits a list or dict must not edit the stored value.
        return type(value)(value) if isinstance(value, (list, dict)) else value

    def set(self, key: str, value) -> None:
        if not isinstance(value, SETTINGS[key].type):
            raise TypeError(f"setting {key} takes {SETTINGS[key].type.__name__}")
        self._values[key] = value

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self._values, indent=1, sort_keys=True), encoding="utf-8")

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
