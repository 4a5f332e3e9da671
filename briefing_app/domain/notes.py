"""Where analyst notes sit: a note's anchor in words ("#1 ¶3" or "free") and the
paragraphs of a source that hold notes, for the Notes panel and the reading view's margin.
"""

from __future__ import annotations

from briefing_app.domain.model import Briefing, Note

FREE = "free"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def anchor_labels(briefing: Briefing) -> dict[str, str]:
    """Note id -> '#1 ¶3' for a note on source 1, paragraph 3 (as the panels number
    them), or 'free' for a note on no text."""
    numbers = {source.id: n for n, source in enumerate(briefing.sources, 1)}
    labels = {}
    for note in briefing.notes:
        number = numbers.get(note.source_id)
        if number is None:
            labels[note.id] = FREE
            continue
        paragraph = briefing.sources[number - 1].paragraph_of(note.start)
        labels[note.id] = f"#{number} ¶{paragraph}" if paragraph else f"#{number}"
    return labels


def notes_by_paragraph(briefing: Briefing, source_id: str) -> dict[int, list[Note]]:
    """Paragraph number -> the notes anchored there (by where each note starts)."""
    source = briefing.source(source_id) if source_id else None
    found: dict[int, list[Note]] = {}
    if source is None or not source.paragraphs:
        return found
    for note in briefing.notes:
        if note.source_id == source_id:
            found.setdefault(source.paragraph_of(note.start), []).append(note)
    return found
