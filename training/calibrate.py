"""Fit the claim-confidence model (nlp/confidence.py) on PolNeAR tune/ and write its
weights beside the tagger's (resources/tagger/confidence.json).

Each tune/ article is read by the fold tagger that never trained on it (--folds DIR, from
train_tagger.py --fold), so the tagger's support for a claim means there what it will mean
on new articles (the shipped tagger is fold 4's, so its own unseen articles are among
them). Each cued claim the engine finds is labelled right when the corpus scorer pairs it
with a gold claim (partial level) with the right source (benchmarks/calibration.py); a
logistic model with a small L2 penalty is fitted to those labels by Newton's method:
deterministic, no random start, a few seconds on one core once the articles are parsed
(parses are cached).

  .venv/bin/python training/calibrate.py --data-dir ../shared/data/polnear-train/tune \\
      --folds /tmp/tagger_folds
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "benchmarks"))

from calibration import outcomes, reliability  # noqa: E402
from combine_eval import _scorer, corpus_and_taggers  # noqa: E402

from briefing_app.nlp import confidence  # noqa: E402
from briefing_app.nlp.engine import analyze_parsed  # noqa: E402
from briefing_app.nlp.pipeline import load_pipeline, pipeline_info  # noqa: E402
from briefing_app.storage.analysis_json import analysis_to_json  # noqa: E402

L2 = 1.0  # on ~13,000 claims: keeps rare facts from getting extreme weights


def fit(x: numpy.ndarray, y: numpy.ndarray, l2: float = L2) -> numpy.ndarray:
    """Logistic regression weights (bias last) by Newton's method with an L2 penalty on
    every weight but the bias."""
    x = numpy.hstack([x, numpy.ones((len(x), 1))])
    w = numpy.zeros(x.shape[1])
    penalty = numpy.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + numpy.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty)
        step = numpy.linalg.solve(hessian, gradient)
        w -= step
        if numpy.abs(step).max() < 1e-8:
            break
    return w


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path, help="PolNeAR tune/")
    parser.add_argument("--folds", required=True, type=Path, help="DIR/fold0 ... fold4")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/briefing_tagger_cache"))
    parser.add_argument("--scorer", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=confidence.model_path())
    args = parser.parse_args(argv)
    scorer = _scorer(
        args.scorer
        or args.data_dir.resolve().parent.parent.parent / "tools" / "score_attribution.py")
    nlp = load_pipeline()
    info = pipeline_info(nlp)
    args.held_back, args.weights = False, None
    parsed, docs, taggers = corpus_and_taggers(nlp, args)
    preds, facts = {}, {}
    for article, tagger in zip(parsed, taggers):
        source, evidence = article.source(), []
        analysis = analyze_parsed(source, info, article.docs, tagger, evidence=evidence)
        preds[article.doc_id] = analysis_to_json(source, analysis)
        facts.update((f"{article.doc_id}/{cid}", f) for cid, f in evidence)
    rows = outcomes(scorer, docs, preds)
    x = numpy.array([[facts[f"{r.doc_id}/{r.claim_id}"][k] for k in confidence.FEATURES]
                     for r in rows])
    y = numpy.array([float(r.correct) for r in rows])
    w = fit(x, y)
    model = {
        "bias": round(float(w[-1]), 5),
        "weights": {k: round(float(v), 5) for k, v in zip(confidence.FEATURES, w[:-1])},
        "fitted_on": f"PolNeAR tune/, each article read by a fold tagger that never saw it "
                     f"({len(docs)} articles, {len(rows)} cued claims, {int(y.sum())} right)",
        "l2": L2,
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    fitted = confidence.Model(model["bias"], model["weights"])
    for r in rows:
        r.confidence = fitted.chance(facts[f"{r.doc_id}/{r.claim_id}"])
    summary = reliability(rows)
    print(json.dumps({"weights": model["weights"], "bias": model["bias"],
                      **{k: v for k, v in summary.items() if k != "table"}}, indent=1))
    for line in summary["table"]:
        print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
