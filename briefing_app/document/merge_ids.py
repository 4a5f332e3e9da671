"""The ids by which typing-like undo commands merge (QUndoCommand.id), declared once.

Qt merges two commands only when both return the same id, so two kinds of edit must never
share one: each gets its own member here.
"""

from __future__ import annotations

from enum import IntEnum


class MergeId(IntEnum):
    NONE = -1  # Qt's "never merge"
    CLAIM_COMMENT = 1001
    BRIEFING_FIELD = 2001
    JUDGMENT = 2002
    NUDGE = 3001
