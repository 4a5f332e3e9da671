"""Actor audit: actors left apart that look like one referent, and pronoun sources.

For each article of a PolNeAR-style folder (or any folder of .txt files), prints JSON lines:
  {"doc", "split": [names...], "why": "surname"|"acronym"|"state"}  actors that share a
      surname, an acronym or a state alias but stayed separate;
  {"doc", "pronoun": "he", "resolved": "Ted Cruz", "context": "..."}  each pronoun source
      with the actor it resolved to (null when unresolved), for checking by hand;
  with --kinds, {"doc", "actor", "kind", "confidence", "flags", "mentions"} for every
      listed actor, to count by hand the share that are real actors of the right kind.

  .venv/bin/python benchmarks/actor_audit.py --data-dir ../shared/data/polnear-train/tune

With --audit FILE, the hand audit of issue 14: a fixed sample of AUDIT_DOCS tune articles
(random.Random(AUDIT_SEED) over the sorted ids); of their listed actors a seeded sample of
AUDIT_ACTORS, and of their merges (actors whose mentions have two or more surface forms)
AUDIT_MERGES. FILE holds only the judgements (doc, the actor's first mention offsets, its
name and kind, the verdict; for a merge its surface forms), never article text. Each stored
row is found again in the current engine's output by its first mention's offsets: a kind
that changed is judged from the stored right kind, a name or a set of forms that changed is
printed as {"todo": ...} with a little context (read from the corpus at run time, never
stored) to be judged again and stored with "rejudged": true. An actor no longer listed
counts apart (a real one lost, or a non-actor dropped). The last line prints the two shares:

  .venv/bin/python benchmarks/actor_audit.py --data-dir ../shared/data/polnear-train/tune \
      --audit benchmarks/data/actor_audit.jsonl

--draw prints the sample to judge (as todo rows) instead; it was drawn once, on the engine
of 2026-12-03, and the judged rows stay the sample afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path

from briefing_app.domain.model import Source
from briefing_app.nlp import names
from briefing_app.nlp.engine import analyze_many
from briefing_app.nlp.pipeline import load_pipeline
from briefing_app.storage.analysis_json import analysis_to_json

AUDIT_SEED, AUDIT_DOCS, AUDIT_ACTORS, AUDIT_MERGES = 14, 30, 150, 60
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


def audit_docs(paths: list[Path]) -> list[Path]:
    """The fixed sample of articles: AUDIT_DOCS ids drawn with AUDIT_SEED."""
    ordered = sorted(paths, key=lambda p: p.stem)
    return sorted(random.Random(AUDIT_SEED).sample(ordered, min(AUDIT_DOCS, len(ordered))))


def surface_forms(actor: dict) -> list[str]:
    """The distinct names an actor's mentions are written with, in order of first use."""
    forms = []
    for mention in actor["mentions"]:
        form = names.strip_article(names.clean_name(mention["text"]))
        if form and form not in forms:
            forms.append(form)
    return forms


def _at(actor: dict) -> list[int]:
    first = min(actor["mentions"], key=lambda m: m["start"]) if actor["mentions"] else None
    return [first["start"], first["end"]] if first else [-1, -1]


def _context(text: str, actor: dict, limit: int = 2) -> list[str]:
    out, seen = [], set()
    for mention in actor["mentions"]:
        form = names.clean_name(mention["text"])
        if form in seen:
            continue
        seen.add(form)
        a, b = mention["start"], mention["end"]
        out.append(" ".join((text[max(0, a - 90):a] + "[[" + text[a:b] + "]]"
                             + text[b:b + 60]).split()))
        if len(out) >= limit:
            break
    return out


def draw(results: dict[str, dict]) -> list[dict]:
    """The seeded sample of actors and merges to judge, as todo rows with context."""
    rng = random.Random(AUDIT_SEED)
    pool = [(doc, a) for doc in sorted(results) for a in results[doc]["actors"]]
    merges = [(doc, a) for doc, a in pool if len(surface_forms(a)) > 1]
    picked = rng.sample(pool, min(AUDIT_ACTORS, len(pool)))
    picked_merges = rng.sample(merges, min(AUDIT_MERGES, len(merges)))
    rows = [_todo(doc, a, results[doc]["text"], False) for doc, a in picked]
    rows += [_todo(doc, a, results[doc]["text"], True) for doc, a in picked_merges]
    return rows


def _todo(doc: str, actor: dict, text: str, merge: bool) -> dict:
    row = {"todo": "merge" if merge else "actor", "doc": doc, "at": _at(actor),
           "actor": actor["name"], "kind": actor["kind"]}
    if merge:
        row["merge"] = surface_forms(actor)
    row["context"] = _context(text, actor, 4 if merge else 2)
    return row


def score(judged: list[dict], results: dict[str, dict]) -> tuple[list[dict], dict]:
    """Todo rows for stored judgements whose actor changed, and the two shares now.

    The sample is the rows drawn first; rows marked "rejudged" only give the verdict for an
    actor whose name (or a merge whose forms) the engine changed since."""
    by_at = {}
    for doc, result in results.items():
        for actor in result["actors"]:
            for m in actor["mentions"]:
                by_at[(doc, m["start"], m["end"])] = actor
    named = {(r["doc"], r["actor"]): r for r in judged if "merge" not in r}
    merged = {(r["doc"], tuple(r["merge"])): r for r in judged if "merge" in r}
    todo, kinds, merges = [], Counter(), Counter()
    for row in (r for r in judged if not r.get("rejudged")):
        actor = by_at.get((row["doc"], *row["at"]))
        tally = merges if "merge" in row else kinds
        if actor is None:
            real = "merge" in row or row["verdict"] != "not_an_actor"
            tally["gone_real" if real else "gone_not_actor"] += 1
            continue
        if "merge" in row:
            forms = tuple(surface_forms(actor))
            found = merged.get((row["doc"], forms))
            if len(forms) < 2:
                tally["unmerged"] += 1
            elif found is None:
                todo.append(_todo(row["doc"], actor, results[row["doc"]]["text"], True))
            else:
                tally["listed"] += 1
                tally["right"] += found["verdict"] == "right"
            continue
        found = named.get((row["doc"], actor["name"]))
        if found is None:
            todo.append(_todo(row["doc"], actor, results[row["doc"]]["text"], False))
            continue
        tally["listed"] += 1
        tally["right"] += (found["verdict"] != "not_an_actor"
                           and actor["kind"] == found["right_kind"])
    summary = {
        "actors_judged": kinds["listed"], "actors_right_kind": kinds["right"],
        "share_right_kind": round(kinds["right"] / max(1, kinds["listed"]), 3),
        "actors_gone": {"real": kinds["gone_real"], "not_an_actor": kinds["gone_not_actor"]},
        "merges_judged": merges["listed"], "merges_right": merges["right"],
        "share_merges_right": round(merges["right"] / max(1, merges["listed"]), 3),
        "merges_gone_or_unmerged": merges["gone_real"] + merges["unmerged"],
        "todo": len(todo),
    }
    return todo, summary


def run_audit(folder: Path, judgements: Path, fresh: bool) -> int:
    paths = audit_docs(list(folder.glob("*.txt")))
    sources = [Source(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]
    results = {s.id: analysis_to_json(s, a)
               for s, a in zip(sources, analyze_many(load_pipeline(), sources))}
    if fresh:
        rows, summary = draw(results), {"listed_actors": sum(
            len(r["actors"]) for r in results.values())}
    else:
        judged = [json.loads(line) for line in judgements.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
        rows, summary = score(judged, results)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps({"summary": summary}))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=0, help="first N docs by sha1 of name")
    parser.add_argument("--kinds", action="store_true", help="also list every actor")
    parser.add_argument("--audit", type=Path, help="judgements file: print the two shares")
    parser.add_argument("--draw", action="store_true", help="with --audit: the rows to judge")
    args = parser.parse_args(argv)
    folder = args.data_dir / "text" if (args.data_dir / "text").is_dir() else args.data_dir
    if args.audit:
        return run_audit(folder, args.audit, args.draw)
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
