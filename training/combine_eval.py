"""Score rules alone, the tagger alone and rules + tagger under several combination
settings, on tune/ (which decides the settings) or on check/ (which only reports them),
with the corpus's own scorer. On tune/, each article is read by the fold tagger that never
saw it (--folds, train_tagger.py --fold), or only the held-back fold with --held-back.
Parses are cached like the training script's, so a grid of settings costs one parse.

  .venv/bin/python training/combine_eval.py --data-dir ../shared/data/polnear-train/tune \\
      --folds /tmp/tagger_folds
  .venv/bin/python training/combine_eval.py --data-dir ../shared/data/polnear-train/check
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FOLDS, HELD_BACK, documents, parse, parse_tune, split_tune  # noqa: E402

from briefing_app.nlp import combine  # noqa: E402
from briefing_app.nlp.engine import analyze_parsed  # noqa: E402
from briefing_app.nlp.pipeline import load_pipeline, pipeline_info  # noqa: E402
from briefing_app.nlp.tagger import load_tagger  # noqa: E402
from briefing_app.storage.analysis_json import analysis_to_json  # noqa: E402

# Settings tried on the held-back part; "tagger alone" is the tagger with no rule claims.
GRID = {
    "quote": [0.5, 0.6, 0.7, 0.8],
    "reported": [0.8, 0.85, 0.9, 0.95, 1.1],
    "source": [True, False],
}


def _scorer(path: Path):
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(parsed, info, taggers, settings, scorer, docs) -> dict:
    """The scores of one setting; `taggers` holds each article's tagger (None: rules only)."""
    preds = {}
    for article, tagger in zip(parsed, taggers or [None] * len(parsed)):
        source = article.source()
        analysis = analyze_parsed(source, info, article.docs, tagger, settings)
        preds[article.doc_id] = analysis_to_json(source, analysis)
    res = scorer.score(docs, preds)
    return {
        "P": res["claims"]["partial"]["P"], "R": res["claims"]["partial"]["R"],
        "F1": res["claims"]["partial"]["F1"], "src": res["source_acc_overlap"],
        "cue": res["cue_acc_overlap"], "e2e": res["end_to_end"]["F1"],
        "direct": res["recall_partial_direct"], "indirect": res["recall_partial_indirect"],
    }


def corpus_and_taggers(nlp, args) -> tuple[list, list, list]:
    """(parsed articles, their (id, text, gold) paths, each one's tagger) for the command
    line's --data-dir, --held-back, --folds and --weights."""
    docs = documents(args.data_dir)
    if args.folds:
        folds = [load_tagger(args.folds / f"fold{k}") for k in range(FOLDS)]
        parsed = parse_tune(nlp, docs, args.cache)
        taggers = [folds[n % FOLDS] for n in range(len(parsed))]
    else:
        if args.held_back:
            docs = split_tune(docs, HELD_BACK)[1]
            parsed = split_tune(parse_tune(nlp, documents(args.data_dir), args.cache))[1]
        else:
            parsed = parse(nlp, docs, args.cache, args.data_dir.name)
        taggers = [load_tagger(args.weights)] * len(parsed)
    return parsed, [(d[0], str(d[1]), str(d[2])) for d in docs], taggers


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--held-back", action="store_true", help="tune/'s held-back part")
    parser.add_argument("--folds", type=Path, default=None,
                        help="DIR/fold0 ... fold4: tune/ read out of fold")
    parser.add_argument("--grid", action="store_true", help="try every GRID setting")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/briefing_tagger_cache"))
    parser.add_argument("--scorer", type=Path, default=None)
    parser.add_argument("--weights", type=Path, default=None, help="a tagger folder to try")
    args = parser.parse_args(argv)
    scorer = _scorer(
        args.scorer
        or args.data_dir.resolve().parent.parent.parent / "tools" / "score_attribution.py"
    )
    nlp = load_pipeline()
    info = pipeline_info(nlp)
    parsed, docs, taggers = corpus_and_taggers(nlp, args)

    def show(label, result):
        print(json.dumps({"run": label, **{k: round(v, 4) for k, v in result.items()}}),
              flush=True)

    show("rules", run(parsed, info, None, combine.DEFAULT, scorer, docs))
    alone = replace(combine.DEFAULT, rules=False, add_quote_confidence=0.0,
                    add_reported_confidence=0.0, add_needs_source=False)
    show("tagger alone", run(parsed, info, taggers, alone, scorer, docs))
    show(f"combined {asdict(combine.DEFAULT)}",
         run(parsed, info, taggers, combine.DEFAULT, scorer, docs))
    if args.grid:
        for quote in GRID["quote"]:
            for reported in GRID["reported"]:
                for source in GRID["source"]:
                    settings = replace(combine.DEFAULT, add_quote_confidence=quote,
                                       add_reported_confidence=reported,
                                       add_needs_source=source)
                    show(f"quote {quote} reported {reported} needs source {source}",
                         run(parsed, info, taggers, settings, scorer, docs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
