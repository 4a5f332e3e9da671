"""Train the attribution tagger (briefing_app/nlp/tagger.py) on PolNeAR tune/ and write
its weights into resources/tagger/.

Deterministic and CPU only: fixed seeds (spacy.util.fix_random_seed), one thread is
enough. check/ is not read here. Two uses:

- `--fold K`: train on the other four folds of tune/ (corpus.py), keep the epoch whose
  token F1 on fold K (content, cue and source labels) is best, stop after --patience
  epochs without a gain. The five fold taggers read each tune/ article unseen, for
  calibrate.py and combine_eval.py (`--folds DIR` reads DIR/fold0 ... DIR/fold4).
  The shipped tagger is fold 4's (the default --fold).
- `--all-epochs N`: train on all of tune/ for N epochs (the folds' median best epoch).
  Not shipped: no part of tune/ is left to choose its combination thresholds, and on
  check/ it reported lower than fold 4's (partial F1 0.7238 against 0.7277).

  for k in 0 1 2 3 4; do .venv/bin/python training/train_tagger.py --data-dir \\
      ../shared/data/polnear-train/tune --fold $k --out /tmp/tagger_folds/fold$k; done
  .venv/bin/python training/train_tagger.py --data-dir ../shared/data/polnear-train/tune \\
      --all-epochs 8 --out /tmp/tagger_all
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy
from spacy.util import fix_random_seed
from thinc.api import Adam, NumpyOps, set_current_ops

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FOLDS, HELD_BACK, documents, labels, parse_tune, split_tune  # noqa: E402

from briefing_app.nlp.pipeline import load_pipeline  # noqa: E402
from briefing_app.nlp.tagger import (  # noqa: E402
    COLUMNS,
    FEATURES_VERSION,
    LABELS,
    Tagger,
    build_model,
    features,
)
from briefing_app.paths import resources_dir  # noqa: E402

SEED = 0


def examples(parsed) -> tuple[list, list]:
    """Feature rows and label indices per piece, pieces without tokens left out."""
    xs, ys = [], []
    for article in parsed:
        for (start, _end), doc in zip(article.pieces, article.docs):
            if len(doc):
                xs.append(features(doc, start, article.quotes))
                ys.append(numpy.asarray(labels(doc, start, article.gold), dtype="int32"))
    return xs, ys


def token_f1(model, xs, ys) -> dict:
    """Token-level F1 per role (label without its B/I), and their mean."""
    role = numpy.array([0, 1, 1, 2, 2, 3, 3])  # O, SRC, SRC, CUE, CUE, CON, CON
    pred = numpy.concatenate([p.argmax(axis=1) for p in model.predict(xs)])
    gold = numpy.concatenate(ys)
    out = {}
    for code, name in ((1, "src"), (2, "cue"), (3, "con")):
        p, g = role[pred] == code, role[gold] == code
        tp = float((p & g).sum())
        out[name] = 2 * tp / max(1.0, float(p.sum() + g.sum()))
    out["mean"] = sum(out.values()) / 3
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path, help="PolNeAR tune/")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/briefing_tagger_cache"))
    parser.add_argument("--out", type=Path, default=resources_dir() / "tagger")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--patience", type=int, default=4)
    parser.add_argument("--batch", type=int, default=32, help="pieces per update")
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--fold", type=int, default=HELD_BACK, choices=range(FOLDS),
                        help="the fold held back to choose the epoch")
    parser.add_argument("--all-epochs", type=int, default=0,
                        help="train on all of tune/ for this many epochs, none held back")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    fix_random_seed(SEED)
    set_current_ops(NumpyOps())
    nlp = load_pipeline()
    parsed = parse_tune(nlp, documents(args.data_dir), args.cache)
    train, held = split_tune(parsed, args.fold)
    if args.all_epochs:
        train, held = parsed, []
    train_x, train_y = examples(train)
    held_x, held_y = examples(held)
    print(f"{len(train_x)} train pieces, {len(held_x)} held-back pieces, "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    settings = {
        "width": args.width, "depth": args.depth, "window": args.window, "dropout": args.dropout,
    }
    model = build_model(**settings)
    eye = numpy.eye(len(LABELS), dtype="float32")
    model.initialize(X=train_x[:8], Y=[eye[y] for y in train_y[:8]])
    optimizer = Adam(args.lr)
    rng = numpy.random.RandomState(SEED)
    best, best_bytes, best_epoch, waited = -1.0, None, 0, 0
    for epoch in range(1, args.epochs + 1):
        order = rng.permutation(len(train_x))
        total = 0.0
        for at in range(0, len(order), args.batch):
            batch = order[at : at + args.batch]
            probs, backprop = model.begin_update([train_x[n] for n in batch])
            # Softmax's backward pass takes (probabilities - truth): the gradient of the
            # cross-entropy, averaged over the batch's tokens.
            count = sum(len(p) for p in probs)
            grads = [(p - eye[train_y[n]]) / count for p, n in zip(probs, batch)]
            backprop(grads)
            model.finish_update(optimizer)
            total += -sum(
                float(numpy.log(p[numpy.arange(len(p)), train_y[n]] + 1e-9).sum())
                for p, n in zip(probs, batch)
            )
        if args.all_epochs:
            print(json.dumps({"epoch": epoch, "loss": round(total, 2),
                              "seconds": round(time.perf_counter() - started)}), flush=True)
            if epoch == args.all_epochs:
                best, best_bytes, best_epoch = -1.0, model.to_bytes(), epoch
                break
            continue
        scores = token_f1(model, held_x, held_y)
        print(json.dumps({"epoch": epoch, "loss": round(total, 2),
                          **{k: round(v, 4) for k, v in scores.items()},
                          "seconds": round(time.perf_counter() - started)}), flush=True)
        if scores["mean"] > best:
            best, best_bytes, best_epoch, waited = scores["mean"], model.to_bytes(), epoch, 0
        else:
            waited += 1
            if waited >= args.patience:
                break
    model.from_bytes(best_bytes)
    trained = {
        "features_version": FEATURES_VERSION,
        "model": settings,
        "labels": list(LABELS),
        "columns": [name for name, _rows, _width in COLUMNS],
        "trained_on": "PolNeAR train split, all of tune/" if args.all_epochs else
                      f"PolNeAR train split, tune/ less fold {args.fold} of {FOLDS}",
        "epochs": best_epoch,
        "held_back_token_f1": None if args.all_epochs else round(best, 4),
        "seed": SEED,
    }
    Tagger(model, trained).save(args.out)
    scored = "all of tune/" if args.all_epochs else f"token F1 on fold {args.fold} {best:.4f}"
    print(f"epoch {best_epoch}, {scored}, {time.perf_counter() - started:.0f} s; weights in "
          f"{args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
