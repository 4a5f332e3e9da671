"""The small vocabularies the layers share, as enums: what a Change touched, which kind of
item is meant.

They are `str` enums, so a member equals its plain string: project files, Qt roles and
older callers that hold "claims" or "actor" keep working unchanged.
"""

from __future__ import annotations

from enum import Enum


class ChangeKind(str, Enum):
    """What a domain op touched; Qt models refresh only the rows of their own kind."""

    SOURCES = "sources"
    ACTORS = "actors"
    CLAIMS = "claims"
    NOTES = "notes"
    JUDGMENTS = "judgments"  # the briefing's key judgments (ids are judgment ids)
    BRIEFING = "briefing"  # the briefing's own fields: title, author, mark, BLUF

    def __str__(self) -> str:
        return self.value


class ItemKind(str, Enum):
    """The kind of item the analyst has selected, inspects or reviews."""

    CLAIM = "claim"
    ACTOR = "actor"
    SOURCE = "source"

    def __str__(self) -> str:
        return self.value
