"""A small trained token tagger over attributions: SOURCE, CUE and CONTENT in BIO labels.

It reads what the spaCy pipeline already found (words, tags, dependencies, entities) plus
what the rules know and the parse alone does not say: whether a word is inside a
quotation, and which cue word (from the lexicon) the word hangs under and through which
branch (a "ccomp" under "say" is content, an "nsubj" under it the source). A hashed
embedding per feature and a small window CNN (thinc, which spaCy ships) turn these into
label probabilities; nothing else is downloaded or imported. The weights live in the
package (resources/tagger/) and are trained by training/train_tagger.py on PolNeAR tune/.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy
from spacy.strings import hash_string
from thinc.api import (
    HashEmbed,
    Maxout,
    Softmax,
    chain,
    concatenate,
    expand_window,
    residual,
    with_array,
)

from briefing_app.nlp.lexicon import CUE_NOUNS, CUE_VERBS
from briefing_app.nlp.records import Seg
from briefing_app.paths import resources_dir

LABELS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
LABEL_INDEX = {label: n for n, label in enumerate(LABELS)}
# Bumped whenever the features change: old weights would read them wrongly.
FEATURES_VERSION = 1
# (name, hash rows, embedding width) per feature column, in the order features() writes them.
COLUMNS = (
    ("norm", 5000, 64),
    ("prefix", 1000, 16),
    ("suffix", 2500, 32),
    ("shape", 500, 16),
    ("tag", 200, 16),
    ("dep", 200, 16),
    ("ent", 200, 16),
    ("quote", 16, 8),
    ("head_lemma", 3000, 32),
    ("head_dep", 500, 16),
    ("cue_branch_lemma", 3000, 32),
    ("cue_branch_depth", 500, 16),
    ("near_cue", 100, 16),
)
# How far up the head chain a word looks for the cue it belongs to.
_CUE_REACH = 8

_cache: dict[str, object] = {}
_lock = threading.Lock()


_CUE_VERB_LEMMAS = {hash_string(w) for w in CUE_VERBS}
_CUE_NOUN_LEMMAS = {hash_string(w) for w in CUE_NOUNS}
_VERB_POS = {hash_string("VERB"), hash_string("AUX")}
_NOUN_POS = hash_string("NOUN")
_ACCORDING = hash_string("according")
_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "ENT_TYPE", "ENT_IOB", "HEAD",
          "LEMMA", "POS", "LOWER", "SENT_START", "IDX")
# Odd multipliers that mix two hashed values into one feature (uint64 arithmetic wraps).
_MIX = numpy.uint64(0x9E3779B97F4A7C15)
_MIX2 = numpy.uint64(0xC2B2AE3D27D4EB4F)


def _cue_flags(lemma, pos, lower) -> list[bool]:
    """Whether each word is one of the lexicon's cue words (a verb, a noun, "according")."""
    return [
        (p in _VERB_POS and le in _CUE_VERB_LEMMAS)
        or (p == _NOUN_POS and le in _CUE_NOUN_LEMMAS)
        or lo == _ACCORDING
        for le, p, lo in zip(lemma, pos, lower)
    ]


def features(doc, base: int = 0, quotes: list[Seg] = ()) -> numpy.ndarray:
    """One row of hashed features per token of `doc` (a piece starting at `base`);
    `quotes` are the text's quotation spans in absolute offsets. Works on the Doc's
    arrays, not on Token objects: it runs on every word the engine reads."""
    n = len(doc)
    rows = numpy.zeros((n, len(COLUMNS)), dtype="uint64")
    if not n:
        return rows
    a = doc.to_array(list(_ATTRS)).astype("uint64")
    col = {name: a[:, k] for k, name in enumerate(_ATTRS)}
    heads = (numpy.arange(n) + doc.to_array(["HEAD"]).astype("int64")).tolist()
    dep, lemma = col["DEP"], col["LEMMA"]
    cue = _cue_flags(lemma.tolist(), col["POS"].tolist(), col["LOWER"].tolist())
    rows[:, 0:6] = a[:, 0:6]
    rows[:, 6] = col["ENT_TYPE"] * _MIX + col["ENT_IOB"]
    # Quotation state: 1 outside, 2 inside, 3 on a mark.
    pos = col["IDX"].astype("int64") + base
    rows[:, 7] = 1
    for q_start, q_end in quotes:
        if q_end <= pos[0] or q_start > pos[-1]:
            continue
        inside = (pos >= q_start) & (pos < q_end)
        rows[inside, 7] = 2
        rows[(pos == q_start) | (pos == q_end - 1), 7] = 3
    head_index = numpy.asarray(heads)
    side = numpy.sign(head_index - numpy.arange(n)) + 1
    rows[:, 8] = lemma[head_index]
    rows[:, 9] = dep[head_index] * _MIX + side.astype("uint64")
    # The cue each word hangs under, the branch it hangs through and how far up.
    branch = numpy.zeros(n, dtype="uint64")
    cue_lemma = numpy.zeros(n, dtype="uint64")
    steps = numpy.zeros(n, dtype="uint64")
    for i in range(n):
        if cue[i]:
            branch[i], cue_lemma[i], steps[i] = 1, lemma[i], 0
            continue
        child, node = i, heads[i]
        for step in range(1, _CUE_REACH + 1):
            if node == child:
                break
            if cue[node]:
                branch[i], cue_lemma[i], steps[i] = dep[child], lemma[node], min(step, 4)
                break
            child, node = node, heads[node]
    rows[:, 10] = branch * _MIX + cue_lemma
    rows[:, 11] = (branch * _MIX + steps) * _MIX2 + dep
    # Where the nearest cue word of the sentence is: side and distance in steps of 3.
    sentence = numpy.cumsum(col["SENT_START"] == 1)
    near = numpy.zeros(n, dtype="uint64")
    cue_at = [i for i in range(n) if cue[i]]
    for i in range(n):
        gaps = [c - i for c in cue_at if sentence[c] == sentence[i]]
        if gaps:
            gap = min(gaps, key=abs)
            near[i] = (1 if gap < 0 else 2 if gap > 0 else 3) * 8 + min(abs(gap), 12) // 3
    rows[:, 12] = near
    return rows


def build_model(width: int = 128, depth: int = 4, window: int = 1, dropout: float = 0.1):
    """The untrained network: one hashed embedding per feature column, a residual window
    CNN, a softmax over LABELS. Takes a list of feature arrays, returns one of probabilities."""
    embeds = [
        HashEmbed(nO=w, nV=rows, column=n, seed=n + 1, dropout=dropout)
        for n, (_name, rows, w) in enumerate(COLUMNS)
    ]
    layers = [
        concatenate(*embeds),
        Maxout(nO=width, nP=3, normalize=True, dropout=dropout),
    ]
    for _ in range(depth):
        layers.append(
            residual(
                chain(
                    expand_window(window_size=window),
                    Maxout(nO=width, nP=3, normalize=True, dropout=dropout),
                )
            )
        )
    layers.append(Softmax(nO=len(LABELS)))
    # Padding between pieces keeps one piece's window from reading the next.
    return with_array(chain(*layers), pad=window * depth)


class Tagger:
    """Trained weights and the settings they were trained with."""

    def __init__(self, model, settings: dict):
        self.model = model
        self.settings = settings

    def probabilities(self, rows: list[numpy.ndarray]) -> list[numpy.ndarray]:
        """Label probabilities, one (tokens x LABELS) array per feature array."""
        keep = [n for n, r in enumerate(rows) if len(r)]
        out = [numpy.zeros((0, len(LABELS)), dtype="float32") for _ in rows]
        if keep:
            for n, probs in zip(keep, self.model.predict([rows[n] for n in keep])):
                out[n] = numpy.asarray(probs)
        return out

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "model.bin").write_bytes(self.model.to_bytes())
        (folder / "settings.json").write_text(json.dumps(self.settings, indent=1) + "\n")


def weights_dir() -> Path | None:
    """The shipped weights' folder (resources/tagger), or None when there are none."""
    folder = resources_dir() / "tagger"
    return folder if (folder / "model.bin").is_file() else None


def load_tagger(folder: Path | None = None) -> Tagger | None:
    """The shipped tagger (cached), or None when no weights are shipped or they were
    trained on other features."""
    folder = folder or weights_dir()
    if folder is None:
        return None
    key = str(folder)
    with _lock:
        if key not in _cache:
            settings = json.loads((folder / "settings.json").read_text())
            if settings.get("features_version") != FEATURES_VERSION:
                _cache[key] = None
            else:
                model = build_model(**settings["model"])
                model.initialize(
                    X=[numpy.zeros((2, len(COLUMNS)), dtype="uint64")],
                    Y=[numpy.zeros((2, len(LABELS)), dtype="float32")],
                )
                model.from_bytes((folder / "model.bin").read_bytes())
                _cache[key] = Tagger(model, settings)
        return _cache[key]
