"""Where analyst notes sit: a note's anchor in words ("#1 ¶3" or "free") and the
paragraphs of a source that hold notes, for the Notes panel and the reading view's margin.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from briefing_app.domain.model import Briefing, Note, Source

FREE = "free"


def paragraph_finder(source: Source) -> Callable[[int], int]:
    """A fast Source.paragraph_of for many look-ups: a binary search on paragraph ends
    (a long article has thousands of paragraphs; the plain loop walks them all each time)."""
    ends = [end for _start, end in source.paragraphs]

    def paragraph_of(offset: int) -> int:
        # The first paragraph ending at or after `offset`, as Source.paragraph_of finds it.
        return min(bisect_left(ends, offset) + 1, len(ends))

    return paragraph_of


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def anchor_labels(briefing: Briefing) -> dict[str, str]:
    """Note id -> '#1 ¶3' for a note on source 1, paragraph 3 (as the panels number them),
    or 'free'. One paragraph finder per source, however many notes it holds."""
    numbers = {source.id: n for n, source in enumerate(briefing.sources, 1)}
    finders: dict[str, Callable[[int], int]] = {}
    labels = {}
    for note in briefing.notes:
        number = numbers.get(note.source_id)
        if number is None:
            labels[note.id] = FREE
            continue
        if note.source_id not in finders:
            finders[note.source_id] = paragraph_finder(briefing.sources[number - 1])
        paragraph = finders[note.source_id](note.start)
        labels[note.id] = f"#{number} ¶{paragraph}" if paragraph else f"#{number}"
    return labels


def notes_by_paragraph(briefing: Briefing, source_id: str) -> dict[int, list[Note]]:
    """Paragraph number -> the notes anchored there (by where each note starts)."""
    source = briefing.source(source_id) if source_id else None
    found: dict[int, list[Note]] = {}
    if source is None or not source.paragraphs:
        return found
    paragraph_of = paragraph_finder(source)
    for note in briefing.notes:
        if note.source_id == source_id:
            found.setdefault(paragraph_of(note.start), []).append(note)
    return found
