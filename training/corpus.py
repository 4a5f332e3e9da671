"""PolNeAR articles parsed the way the engine parses them, with BIO labels from the gold.

Shared by train_tagger.py and combine_eval.py. The parses are cached outside the
repository (--cache, /tmp by default): corpus text never goes into the project.
tune/ is cut into FOLDS folds by sorted id (article n in fold n % FOLDS). The held-back
part is the last fold: it decided the combination rules. Each fold's tagger is trained on
the other folds (train_tagger.py --fold), so every tune/ article can be read by a tagger
that never saw it: the confidence model is fitted on all of them (calibrate.py --folds).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from spacy.tokens import DocBin

from briefing_app.domain.model import Source
from briefing_app.nlp.engine import paragraphs_of, pieces_of
from briefing_app.nlp.quotes import find_quotes
from briefing_app.nlp.tagger import LABEL_INDEX

FOLDS = 5
HELD_BACK = FOLDS - 1


def documents(data_dir: Path) -> list[tuple[str, Path, Path]]:
    """(doc id, text path, gold path) of a PolNeAR part, sorted by id."""
    gold = data_dir / "gold"
    return [
        (p.stem, data_dir / "text" / f"{p.stem}.txt", p)
        for p in sorted(gold.glob("*.json"))
        if (data_dir / "text" / f"{p.stem}.txt").is_file()
    ]


def split_tune(docs: list, fold: int = HELD_BACK) -> tuple[list, list]:
    """(the other folds, the fold) of tune/'s sorted documents (or their parses)."""
    train = [d for n, d in enumerate(docs) if n % FOLDS != fold]
    held = [d for n, d in enumerate(docs) if n % FOLDS == fold]
    return train, held


def parse_tune(nlp, docs: list, cache: Path) -> list:
    """Every tune/ article parsed (one cache for all folds)."""
    return parse(nlp, docs, cache, "tune_all")


class Parsed:
    """One article as the engine sees it: its pieces' Docs, their offsets, its quotes."""

    def __init__(self, doc_id, text, pieces, docs, quotes, gold):
        self.doc_id = doc_id
        self.text = text
        self.pieces = pieces
        self.docs = docs
        self.quotes = quotes
        self.gold = gold

    def source(self) -> Source:
        return Source(id=self.doc_id, text=self.text, title=self.doc_id)


def parse(nlp, docs: list, cache: Path, name: str) -> list[Parsed]:
    """Parse (or read from the cache) every article of `docs`."""
    cache.mkdir(parents=True, exist_ok=True)
    bin_path, meta_path = cache / f"{name}.spacy", cache / f"{name}.pkl"
    if bin_path.is_file() and meta_path.is_file():
        meta = pickle.loads(meta_path.read_bytes())
        all_docs = list(DocBin().from_disk(bin_path).get_docs(nlp.vocab))
    else:
        meta, texts = [], []
        for doc_id, text_path, _gold in docs:
            text = text_path.read_text(encoding="utf-8")
            source = Source(id=doc_id, text=text, title=doc_id)
            paragraphs = paragraphs_of(source)
            pieces = pieces_of(text, paragraphs)
            meta.append((doc_id, pieces, find_quotes(text, paragraphs)))
            texts.extend(text[s:e] for s, e in pieces)
        all_docs = list(nlp.pipe(texts, batch_size=32))
        DocBin(store_user_data=False, docs=all_docs).to_disk(bin_path)
        meta_path.write_bytes(pickle.dumps(meta))
    out, at = [], 0
    for (doc_id, pieces, quotes), (_id, text_path, gold_path) in zip(meta, docs):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["claims"]
        text = text_path.read_text(encoding="utf-8")
        out.append(Parsed(doc_id, text, pieces, all_docs[at : at + len(pieces)], quotes, gold))
        at += len(pieces)
    return out


def labels(doc, base: int, gold: list[dict]) -> list[int]:
    """A BIO label index per token: CUE over SOURCE over CONTENT where claims overlap (a
    claim nested in another's content keeps its own cue and source)."""
    role = ["O"] * len(doc)
    starts = set()
    rank = {"O": 0, "CON": 1, "SRC": 2, "CUE": 3}
    for claim in gold:
        for key, name in (("content", "CON"), ("source", "SRC"), ("cue", "CUE")):
            for seg_start, seg_end in claim.get(key) or ():
                first = True
                for token in doc:
                    t_start = token.idx + base
                    t_end = t_start + len(token.text)
                    if token.is_space or t_end <= seg_start or t_start >= seg_end:
                        continue
                    if rank[name] > rank[role[token.i]]:
                        role[token.i] = name
                    if first:
                        starts.add((token.i, name))
                        first = False
    out = []
    for token in doc:
        name = role[token.i]
        if name == "O":
            out.append(LABEL_INDEX["O"])
            continue
        begins = (token.i, name) in starts or token.i == 0 or role[token.i - 1] != name
        out.append(LABEL_INDEX[("B-" if begins else "I-") + name])
    return out
