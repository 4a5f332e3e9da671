"""The analysis JSON contract ("briefing-app/analysis@1"): what `analyze --json` prints.

Other tools read this; later versions may only add fields. Offsets are str indices into
"text"; "segments" lists the pieces of a split span and is omitted when the span is whole.
"""

from __future__ import annotations

from briefing_app.domain.model import Analysis, Span
from briefing_app.domain.ops import mentioned_count

SCHEMA = "briefing-app/analysis@1"


def _span(span: Span, text: str, **extra) -> dict:
    out = {"start": span.start, "end": span.end, "text": span.text(text)}
    if span.segments:
        out["segments"] = [list(seg) for seg in span.segments]
    out.update(extra)
    return out


def analysis_to_json(source, analysis: Analysis) -> dict:
    text = source.text
    quoted: dict[str, int] = {}
    for claim in analysis.claims:
        if claim.actor_id:
            quoted[claim.actor_id] = quoted.get(claim.actor_id, 0) + 1
    return {
        "schema": SCHEMA,
        "pipeline": {"name": analysis.pipeline.name, "version": analysis.pipeline.version},
        "document": {
            "title": source.title, "path": source.path, "chars": len(text),
            "sha256": source.sha256, "paragraphs": [list(p) for p in source.paragraphs],
            "warnings": list(source.notes) + list(analysis.warnings),
        },
        "text": text,
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "role": a.role,
             "affiliation": a.affiliation, "quoted": quoted.get(a.id, 0),
             "mentioned": mentioned_count(a),
             "mentions": [{"start": m.start, "end": m.end, "text": text[m.start:m.end]}
                          for m in a.mentions],
             "confidence": a.confidence, "flags": list(a.flags)}
            for a in analysis.actors
        ],
        "claims": [
            {"id": c.id, "kind": c.kind, "start": c.start, "end": c.end,
             "text": text[c.start:c.end], "paragraph": c.paragraph,
             "source": (_span(c.source_span, text, actor_id=c.actor_id)
                        if c.source_span else None),
             "cue": _span(c.cue, text, stance=c.stance) if c.cue else None,
             "content": _span(c.content, text),
             "hedges": [_span(h, text) for h in c.hedges],
             "origin": c.origin, "confidence": c.confidence, "flags": list(c.flags)}
            for c in analysis.claims
        ],
    }
