"""Benchmark corroboration: pair precision and recall on hand-labelled claim pairs, and the
time to group a large briefing. Prints one JSON object.

    .venv/bin/python benchmarks/corroboration.py ../shared/data/polnear-train/tune

The pairs (benchmarks/data/corroboration_pairs.jsonl) hold only document ids, character
offsets of each claim's content, cue and source (the PolNeAR gold spans) and a label; the
text is read from the tune folder given on the command line and never kept here.

How the pairs were made. Claims were taken from the gold annotations of tune/ articles;
candidate pairs joined two claims of different publishers published within a day of each
other (up to seven days for the denial candidates), drawn at random from strata of word
overlap so that easy, hard and unrelated pairs all appear: high overlap, medium overlap with
a shared rare word, two shared rare words only, a claim with a denial cue or negation
against one without, and random same-day pairs. Each pair was then labelled by reading the
two claims (content, cue and source) side by side, without looking at what the method
predicts:
- same_proposition: the two claims assert the same thing, so that one confirms the other
  (the same statement or event, in the same or other words, by the same or another source);
- contradiction: one asserts what the other denies or reports the opposite of the same
  thing ("Obama is not admitting 250,000 refugees" against "Obama wanted to take in
  250,000 refugees");
- related: the same topic or people, but a different assertion (a reaction to a proposal
  against the proposal itself, two different polls);
- unrelated: nothing shared but incidental words.
One annotator (the helper that wrote the method) labelled them in one sitting, so the labels
carry one reader's judgment; candidate strata were chosen with the same stemmer the method
uses, so pairs that share no content stem at all are under-represented (recall on such
paraphrases is not measured). The thresholds in domain/claim_relation.py were chosen on
these pairs (tune/ only; check/, dev/ and test/ were never looked at).

"speed": corroborate() on a synthetic briefing of 10 sources and 1,000 claims (made-up
words, a third of them restating another source's claim, some negated): best CPU time of
RUNS (target: under 1 s).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from briefing_app.domain.claim_relation import CONTRADICTION, SAME, facts, relation
from briefing_app.domain.corroboration import corroborate
from briefing_app.domain.model import Briefing, Claim, Source, Span

PAIRS = Path(__file__).resolve().parent / "data" / "corroboration_pairs.jsonl"
RUNS = 5
clock = time.process_time  # CPU time: the machine is shared


def _text(text: str, spans) -> str:
    return " ... ".join(text[s:e] for s, e in spans) if spans else ""


def _facts(tune: Path, side: dict, cache: dict):
    doc = side["doc"]
    if doc not in cache:
        cache[doc] = (tune / "text" / f"{doc}.txt").read_text(encoding="utf-8")
    text = cache[doc]
    return facts(_text(text, side["content"]), _text(text, side["cue"]), "", None,
                 _text(text, side["source"]))


def pair_scores(tune: Path) -> dict:
    cache: dict[str, str] = {}
    counts = {label: {"tp": 0, "predicted": 0, "gold": 0} for label in (SAME, CONTRADICTION)}
    labels: dict[str, int] = {}
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        gold = pair["label"]
        labels[gold] = labels.get(gold, 0) + 1
        found = relation(_facts(tune, pair["a"], cache), _facts(tune, pair["b"], cache))
        for label, count in counts.items():
            count["gold"] += gold == label
            count["predicted"] += found == label
            count["tp"] += gold == label and found == label
    scores = {"pairs": sum(labels.values()), "labels": labels}
    for label, count in counts.items():
        scores[label] = {
            "precision": round(count["tp"] / count["predicted"], 3) if count["predicted"] else None,
            "recall": round(count["tp"] / count["gold"], 3) if count["gold"] else None,
            **count,
        }
    return scores


def synthetic_briefing(sources: int = 10, claims: int = 1000, seed: int = 17) -> Briefing:
    """Made-up claims: a third restate an earlier one (a few words swapped), some negated."""
    rng = random.Random(seed)
    vocabulary = [f"w{rng.randrange(10**6):06d}" for _ in range(3000)]
    said, briefing = [], Briefing()
    parts: list[list[str]] = [[] for _ in range(sources)]
    spans: list[list[tuple[int, int]]] = [[] for _ in range(sources)]
    lengths = [0] * sources
    for _ in range(claims):
        if said and rng.random() < 0.33:
            words = list(rng.choice(said))
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            if rng.random() < 0.2:
                words.insert(1, "not")
        else:
            words = rng.sample(vocabulary, rng.randint(5, 14))
        said.append(words)
        source = rng.randrange(sources)
        content = " ".join(words)
        sentence = f"The minister said that {content}. "
        start = lengths[source] + len("The minister said that ")
        spans[source].append((start, start + len(content)))
        parts[source].append(sentence)
        lengths[source] += len(sentence)
    for number in range(sources):
        source = Source(id=f"s{number}", text="".join(parts[number]), outlet=f"Outlet {number}")
        briefing.sources.append(source)
        for index, (start, end) in enumerate(spans[number]):
            briefing.claims.append(Claim(id=f"s{number}c{index}", source_id=source.id,
                                         kind="reported", content=Span(start, end),
                                         stance="assert"))
    return briefing


def speed() -> dict:
    briefing = synthetic_briefing()
    times, result = [], None
    for _ in range(RUNS):
        began = clock()
        result = corroborate(briefing)
        times.append(clock() - began)
    return {"sources": len(briefing.sources), "claims": len(briefing.claims),
            "propositions": len(result.propositions),
            "best_s": round(min(times), 3), "worst_s": round(max(times), 3), "target_s": 1.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tune", type=Path, help="the polnear-train/tune folder (text/ inside)")
    args = parser.parse_args(argv)
    if not (args.tune / "text").is_dir():
        print(f"corroboration benchmark: {args.tune} has no text/ folder; give the "
              "polnear-train/tune folder.", file=sys.stderr)
        return 2
    print(json.dumps({"pairs": pair_scores(args.tune), "speed": speed()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
