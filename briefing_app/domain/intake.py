"""Admitting an article into a briefing: the one rule for every way a source arrives.

File > Open, Add Source, paste, drag and drop and the command line all hand a freshly read
Source to `prepare_source`, which decides whether it is new (the same text is never added
twice), gives it an id no other source holds and a title when the file carried none.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing_app.domain.model import Briefing, Source
from briefing_app.domain.ops import new_id


@dataclass(frozen=True)
class Admission:
    """What admitting a source decided: `source` is the one to show; `is_new` says whether
    it still has to be added (False: the same text is already in the briefing)."""

    source: Source
    is_new: bool


def content_hash(text: str) -> str:
    # surrogatepass: text from a clipboard may hold lone surrogates; hashing must not fail.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def title_from_path(path: str) -> str:
    """A readable title from a file name: 'port_strike_notes.txt' -> 'port strike notes'."""
    return Path(path).stem.replace("_", " ").strip()


def prepare_source(briefing: Briefing, source: Source, path: str = "") -> Admission:
    """Dedupe `source` against the briefing by content hash, else make it ready to add."""
    source.sha256 = source.sha256 or content_hash(source.text)
    known = next((s for s in briefing.sources if s.sha256 == source.sha256), None)
    if known is not None:
        return Admission(known, is_new=False)
    if not source.id or briefing.source(source.id) is not None:
        source.id = new_id("s")
    source.title = source.title or (title_from_path(path) if path else "")
    return Admission(source, is_new=True)
