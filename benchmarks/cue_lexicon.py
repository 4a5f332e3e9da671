"""Ground the cue lexicon in data: how often each lemma heads an annotated cue.

For every verb, noun and adjective outside quotation marks in a PolNeAR-style folder, count
its uses and how many of them fall inside a gold cue span; print lemmas by cue count with
that share (precision), split by whether the word has a clausal complement, as JSON lines:

  .venv/bin/python benchmarks/cue_lexicon.py --data-dir ../shared/data/polnear-train/tune
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from briefing_app.domain.model import Source
from briefing_app.nlp.engine import paragraphs_of
from briefing_app.nlp.pipeline import load_pipeline
from briefing_app.nlp.quotes import find_quotes

_CLAUSE = {"ccomp", "xcomp", "acl", "relcl"}


def count(nlp, folder: Path) -> tuple[Counter, Counter]:
    """(uses, cue uses) keyed by (lemma, pos, has_clause)."""
    uses, cues = Counter(), Counter()
    for text_path in sorted((folder / "text").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        gold = json.loads((folder / "gold" / f"{text_path.stem}.json").read_text("utf-8"))
        cue_chars = {i for c in gold["claims"] for s, e in c["cue"] or [] for i in range(s, e)}
        paragraphs = paragraphs_of(Source(id=text_path.stem, text=text))
        quotes = find_quotes(text, paragraphs)
        docs = nlp.pipe(text[s:e] for s, e in paragraphs)
        for (base, _end), doc in zip(paragraphs, docs):
            for token in doc:
                pos = base + token.idx
                if token.pos_ not in ("VERB", "NOUN", "ADJ") or any(
                    a < pos < b for a, b in quotes
                ):
                    continue
                clause = any(c.dep_ in _CLAUSE for c in token.children)
                k = (token.lemma_.lower(), token.pos_, clause)
                uses[k] += 1
                cues[k] += pos in cue_chars
    return uses, cues


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--min-cues", type=int, default=5)
    args = parser.parse_args(argv)
    uses, cues = count(load_pipeline(), args.data_dir)
    for k, n_cue in cues.most_common():
        if n_cue < args.min_cues:
            break
        lemma, pos, clause = k
        print(json.dumps({"lemma": lemma, "pos": pos, "clause": clause, "cues": n_cue,
                          "uses": uses[k], "precision": round(n_cue / uses[k], 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
