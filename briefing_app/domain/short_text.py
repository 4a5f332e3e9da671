"""Shortening text for titles and citations: at a word boundary, with an ellipsis, never
inside a word."""

from __future__ import annotations

TITLE_LIMIT = 90


def shortened(text: str, limit: int = TITLE_LIMIT) -> str:
    """`text` on one line, at most `limit` characters: cut after the last whole word that
    fits, with "…" (a single word longer than the limit is kept whole rather than cut)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rfind(" ")
    if cut <= 0:
        return text.split(" ", 1)[0]
    return head[:cut].rstrip(" ,;:-–—") + "…"
