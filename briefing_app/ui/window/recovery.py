"""Crash recovery in the window: offer the autosave a dead session left, and restore it.

A restored briefing comes back as one undoable step on an otherwise empty window, so it
shows as modified and Save writes it to the project it came from (or asks where).
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox

from briefing_app.document.autosave import Recovery, find_recoveries
from briefing_app.document.briefing_commands import RestoreBriefingCommand
from briefing_app.errors import BriefingError


def offer_recovery(window) -> bool:
    """Ask whether to restore the newest autosave of a crashed session; True if restored."""
    recoveries = find_recoveries()
    if not recoveries:
        return False
    recovery = recoveries[0]
    when = time.strftime("%d %b %Y %H:%M", time.localtime(recovery.saved_at))
    what = recovery.original_path or "an unsaved briefing"
    # One window holds one briefing: older crashed sessions wait for the next starts.
    more = len(recoveries) - 1
    later = (f"\n\n{more} older autosaved session{'s' if more > 1 else ''} will be offered "
             "the next time Briefing Builder starts." if more else "")
    answer = QMessageBox.question(
        window, "Restore unsaved work?",
        f"Briefing Builder did not close properly last time. Work on {what}, autosaved "
        f"{when}, can be restored.\n\nRestore it? Discarding deletes the autosave.{later}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        recovery.discard()
        return False
    return restore(window, recovery)


def restore(window, recovery: Recovery) -> bool:
    from briefing_app.storage.project_file import load_project

    try:
        briefing = load_project(recovery.file)
    except BriefingError as error:
        QMessageBox.warning(window, "Could not restore", str(error))
        return False
    window.doc.push(RestoreBriefingCommand(window.doc, briefing, recovery.original_path))
    window.show_source(briefing.sources[0].id if briefing.sources else "")
    window.update_title()
    # The work now lives in this session's autosave; only then is the old one let go.
    window.autosave.save_now()
    recovery.discard()
    return True
