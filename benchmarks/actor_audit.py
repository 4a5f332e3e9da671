"""Actor audit: actors left apart that look like one referent, and pronoun sources.

For each article of a PolNeAR-style folder (or any folder of .txt files), prints JSON lines:
  {"doc", "split": [names...], "why": "surname"|"acronym"|"state"}  actors that share a
      surname, an acronym or a state alias but stayed separate;
  {"doc", "pronoun": "he", "resolved": "Ted Cruz", "context": "..."}  each pronoun source
      with the actor it resolved to (null when unresolved), for checking by hand;
  with --kinds, {"doc", "actor", "kind", "confidence", "flags", "mentions"} for every
      listed actor, to count by hand the share that are real actors of the right kind.

  .venv/bin/python benchmarks/actor_audit.py --data-dir ../shared/data/polnear-train/tune
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from briefing_app.domain.model import Source
from briefing_app.nlp import names
from briefing_app.nlp.engine import analyze_many
from briefing_app.nlp.pipeline import load_pipeline
from briefing_app.storage.analysis_json import analysis_to_json

_PRONOUNS = {"he", "she", "they", "it", "i", "we", "his", "her", "their", "its", "who"}


def split_actors(actors: list[dict]) -> list[dict]:
    """Pairs of separate actors sharing a surname, an acronym or a canonical state."""
    found = []
    for n, a in enumerate(actors):
        for b in actors[n + 1 :]:
            why = _same_referent(a, b)
            if why:
                found.append({"split": [a["name"], b["name"]], "kinds": [a["kind"], b["kind"]],
                              "why": why})
    return found


def _same_referent(a: dict, b: dict) -> str:
    wa, wb = a["name"].split(), b["name"].split()
    if not wa or not wb:
        return ""
    if a["kind"] == b["kind"] == "person" and wa[-1].lower() == wb[-1].lower():
        return "surname"
    short, long_ = sorted((a["name"], b["name"]), key=len)
    if " " not in short and len(short) > 1 and names.acronym(long_).lower() == short.lower():
        return "acronym"
    sa, sb = names.state_for(a["name"]), names.state_for(b["name"])
    if sa and sa == sb:
        return "state"
    return ""


def pronoun_sources(result: dict) -> list[dict]:
    """Each claim whose source is a pronoun, with the actor it resolved to."""
    text = result["text"]
    names_by_id = {a["id"]: a["name"] for a in result["actors"]}
    out = []
    for claim in result["claims"]:
        source = claim["source"]
        if not source or source["text"].lower() not in _PRONOUNS:
            continue
        out.append({
            "pronoun": source["text"],
            "resolved": names_by_id.get(source.get("actor_id")),
            "context": " ".join(text[max(0, source["start"] - 300) : source["end"] + 60].split()),
        })
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=0, help="first N docs by sha1 of name")
    parser.add_argument("--kinds", action="store_true", help="also list every actor")
    args = parser.parse_args(argv)
    folder = args.data_dir / "text" if (args.data_dir / "text").is_dir() else args.data_dir
    paths = sorted(folder.glob("*.txt"), key=lambda p: hashlib.sha1(p.stem.encode()).hexdigest())
    if args.sample:
        paths = paths[: args.sample]
    sources = [Source(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(paths)]
    for source, analysis in zip(sources, analyze_many(load_pipeline(), sources)):
        result = analysis_to_json(source, analysis)
        rows = split_actors(result["actors"]) + pronoun_sources(result)
        if args.kinds:
            rows += [{"actor": a["name"], "kind": a["kind"], "confidence": a.get("confidence"),
                      "flags": a.get("flags", []), "mentions": len(a["mentions"])}
                     for a in result["actors"]]
        for row in rows:
            print(json.dumps({"doc": source.id, **row}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
