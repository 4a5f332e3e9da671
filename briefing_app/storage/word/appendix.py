"""The appendix: every source's full text, paragraph by paragraph, with the window's
highlights as run shading and each note and claim comment as a Word comment on its words.

The full text is reproduced as it is; only what the analyst kept is highlighted or commented.
Each source's heading and metadata line are labels, written without bidi controls.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from docx.text.run import Run

from briefing_app.domain.model import Source
from briefing_app.storage.word.ooxml import HIGHLIGHT_LABELS, Look, add_run, clean, one_line
from briefing_app.storage.word.sections import Context, heading, label, shown

# When layers overlap, the most specific wins: a hedge inside a claim keeps its own colour.
_PRIORITY = ("hedge", "cue", "person", "organisation", "state", "group", "unnamed",
             "content")
_RANK = {layer: rank for rank, layer in enumerate(_PRIORITY)}
_LEGEND = ("content", "source", "cue", "hedge", "person", "organisation", "state", "group",
           "unnamed")


def write_appendix(ctx: Context) -> None:
    heading(ctx, "Appendix: annotated sources").paragraph_format.page_break_before = True
    _legend(ctx)
    for number, source in enumerate(ctx.briefing.sources, 1):
        heading(ctx, f"Source {number}: {label(source.title) or 'Untitled'}", 2)
        meta = ", ".join(label(p) for p in (source.outlet, source.author, source.published)
                         if p.strip())
        if meta:
            ctx.add(meta, "Caption")
        _write_source(ctx, source)


def _legend(ctx: Context) -> None:
    paragraph = ctx.add(style="Caption")
    add_run(paragraph, "Highlights: ")
    for layer in _LEGEND:
        look = Look(bold=True) if layer == "source" else Look(fill=ctx.highlight[layer])
        add_run(paragraph, HIGHLIGHT_LABELS[layer], look)
        add_run(paragraph, " ")
    add_run(paragraph, "Analyst notes and comments appear as Word comments.")


def _layers(ctx: Context, source: Source) -> list[tuple[int, int, str]]:
    """(start, end, layer) for every highlight the analyst kept in this source."""
    found = []
    for actor in ctx.briefing.actors:
        if shown(actor):
            found += [(m.start, m.end, actor.kind) for m in actor.mentions
                      if m.source_id == source.id and actor.kind in ctx.highlight]
    for claim in ctx.briefing.claims:
        if claim.source_id != source.id or not shown(claim):
            continue
        found += [(s, e, "content") for s, e in claim.content.pieces()]
        for layer, span in (("source", claim.source_span), ("cue", claim.cue)):
            if span is not None:
                found += [(s, e, layer) for s, e in span.pieces()]
        found += [(s, e, "hedge") for h in claim.hedges for s, e in h.pieces()]
    return [(s, e, layer) for s, e, layer in found if s < e]


def _comments(ctx: Context, source: Source) -> list[tuple[int, int, str]]:
    """(start, end, text) of notes and claim comments anchored in this source."""
    found = [(n.start, n.end, n.text) for n in ctx.briefing.notes
             if n.source_id == source.id and n.end > n.start and n.text.strip()]
    found += [(c.content.start, c.content.end, c.comment) for c in ctx.briefing.claims
              if c.source_id == source.id and shown(c) and c.comment.strip()
              and c.content.end > c.content.start]
    return found


def _paragraphs(source: Source) -> list[tuple[int, int]]:
    if source.paragraphs:
        return source.paragraphs
    # A source without paragraph boundaries is split at blank lines.
    edges = [0]
    for gap in re.finditer(r"\n[ \t\r\f\v]*\n\s*", source.text):
        edges += [gap.start(), gap.end()]
    edges.append(len(source.text))
    return [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True)
            if source.text[a:b].strip()]


def _write_source(ctx: Context, source: Source) -> None:
    text = source.text
    layers = _layers(ctx, source)
    comments = _comments(ctx, source)
    bounds = sorted(_paragraphs(source))
    # Every layer edge, comment anchor and paragraph edge is a cut: runs must start and end
    # exactly on comment anchors, and a run never crosses a paragraph.
    points = {0, len(text)}
    for start, end, _ in layers + comments:
        points.update((start, end))
    for start, end in bounds:
        points.update((start, end))
    opening: dict[int, list[str]] = defaultdict(list)
    closing: dict[int, list[str]] = defaultdict(list)
    for start, end, layer in layers:
        opening[start].append(layer)
        closing[end].append(layer)
    active: Counter[str] = Counter()
    runs: list[tuple[int, int, Run]] = []
    index, made_for, paragraph = 0, -1, None
    ordered = sorted(points)
    for a, b in zip(ordered, ordered[1:], strict=False):
        active.subtract(closing[a])
        active.update(opening[a])
        while index < len(bounds) and bounds[index][1] <= a:
            index += 1
        if index == len(bounds) or a < bounds[index][0]:
            continue  # the blank lines between paragraphs
        if made_for != index:
            paragraph, made_for = ctx.add(), index
        on = [layer for layer, count in active.items() if count > 0 and layer in _RANK]
        # Who speaks is set in bold rather than tinted, so the actor tint inside it shows.
        # A plain stretch keeps the empty w:rPr it has always had (Look()).
        look = Look(bold=active["source"] > 0 or None)
        if on:
            top = min(on, key=_RANK.__getitem__)
            # Colour alone must not carry meaning: hedges are also underlined.
            look = Look(bold=look.bold, underline=top == "hedge" or None,
                        fill=ctx.highlight[top])
        runs.append((a, b, add_run(paragraph, clean(text[a:b]), look)))
    _add_comments(ctx, runs, comments)


def _add_comments(ctx: Context, runs: list[tuple[int, int, Run]],
                  comments: list[tuple[int, int, str]]) -> None:
    author = one_line(ctx.briefing.author) or "Analyst"
    initials = "".join(word[0] for word in author.split()[:3]).upper()
    starts = [a for a, _, _ in runs]
    ends = [b for _, b, _ in runs]
    for start, end, note in comments:
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_right(ends, end) - 1
        if first <= last:
            ctx.document.add_comment([runs[first][2], runs[last][2]], clean(note).strip(),
                                     author=author, initials=initials)
