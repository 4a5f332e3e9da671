"""SettingsWriter: writes the settings file on a thread of its own, one write after another.

A save is atomic and fsynced, and an fsync waits for whatever else the disk has to write:
one save took 371 ms on the GUI thread here, when a large article just written to disk
was opened (the recent-files list is saved on every open). The bytes are taken
on the GUI thread, so the file always holds the values as they stood at that save; a
failure comes back as its one sentence through `failed`.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from briefing_app.errors import BriefingError
from briefing_app.settings import Settings


class SettingsWriter(QObject):
    failed = Signal(str)  # the sentence to show

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="settings")

    def save(self) -> None:
        self._pool.submit(self._write, self._settings.encoded())

    def _write(self, data: bytes) -> None:
        try:
            self._settings.write(data)
        except BriefingError as error:
            self.failed.emit(str(error))  # queued to the window's thread

    def close(self) -> None:
        """Finish the writes under way and end the thread."""
        self._pool.shutdown(wait=True)
