"""Measure claim extraction against a PolNeAR-style folder (text/ + gold/) and print JSON.

Runs the engine in one process (the pipeline loaded once) and scores with the corpus's own
scorer, score_attribution.py, found next to the data unless --scorer says otherwise:

  .venv/bin/python benchmarks/quality.py --data-dir ../shared/data/polnear-train/check --sample 60

It also prints how well the engine's confidence is calibrated (benchmarks/calibration.py):
the expected calibration error and the two ranking targets, and with --table the
reliability table by confidence decile.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

from calibration import outcomes, reliability

from briefing_app import __version__
from briefing_app.domain.model import Source
from briefing_app.nlp.engine import analyze_many
from briefing_app.nlp.pipeline import load_pipeline
from briefing_app.storage.analysis_json import analysis_to_json


def _load_scorer(path: Path):
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=0, help="fixed sha1-based subset of N docs")
    parser.add_argument(
        "--scorer",
        type=Path,
        default=None,
        help="score_attribution.py (default: ../../tools next to the data)",
    )
    parser.add_argument("--pred-dir", type=Path, default=None, help="keep predictions here")
    parser.add_argument("--model", default=None)
    parser.add_argument("--table", action="store_true",
                        help="print the confidence reliability table first, a line per decile")
    args = parser.parse_args(argv)
    scorer_path = (
        args.scorer
        or args.data_dir.resolve().parent.parent.parent / "tools" / "score_attribution.py"
    )
    if not args.data_dir.is_dir() or not scorer_path.is_file():
        print(json.dumps({"skipped": f"no data at {args.data_dir} or no scorer at {scorer_path}"}))
        return 0
    scorer = _load_scorer(scorer_path)
    docs = scorer.sample_docs(scorer.find_docs(str(args.data_dir)), args.sample)
    nlp = load_pipeline(args.model)
    sources = []
    for doc_id, text_path, _gold in docs:
        text = Path(text_path).read_text(encoding="utf-8")
        sources.append(Source(id=doc_id, text=text, title=doc_id))
    started = time.perf_counter()
    preds = {}
    for source, analysis in zip(sources, analyze_many(nlp, sources)):
        preds[source.id] = analysis_to_json(source, analysis)
    elapsed = time.perf_counter() - started
    if args.pred_dir:
        args.pred_dir.mkdir(parents=True, exist_ok=True)
        for doc_id, pred in preds.items():
            (args.pred_dir / f"{doc_id}.json").write_text(json.dumps(pred), encoding="utf-8")
    result = scorer.score(docs, preds)
    calibrated = reliability(outcomes(scorer, docs, preds))
    if args.table:
        for line in calibrated.get("table", []):
            print(json.dumps(line))
    summary = {
        "engine_version": __version__,
        "docs": len(docs),
        "seconds": round(elapsed, 1),
        "partial_P": result["claims"]["partial"]["P"],
        "partial_R": result["claims"]["partial"]["R"],
        "partial_F1": result["claims"]["partial"]["F1"],
        "exact_F1": result["claims"]["exact"]["F1"],
        "source_acc": result["source_acc_overlap"],
        "cue_acc": result["cue_acc_overlap"],
        "e2e_F1": result["end_to_end"]["F1"],
        "recall_direct": result["recall_partial_direct"],
        "recall_indirect": result["recall_partial_indirect"],
        # Calibration (benchmarks/calibration.py): targets ECE <= 0.05, >= 0.9 right among
        # claims at confidence >= 0.8, >= half the wrong-source claims in the lowest fifth.
        "ece": calibrated.get("ece"),
        "right_at_0.8": calibrated.get("right_at_0.8"),
        "wrong_source_in_lowest_fifth": calibrated.get("wrong_source_in_lowest_fifth"),
    }
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in summary.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
