"""`slant train newsmtsc` end to end on a tiny file: it trains, writes weights, and NumPy inference on
those weights scores what torch scored."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from slant.analyses.portrayal.sentiment import SentimentModel
from slant.eval.newsmtsc import evaluate
from slant.nlp.minilm import NumpyMiniLM
from slant.train.newsmtsc import Recipe, train

SENTENCES = [
    ("Critics blasted Mayor Lane for the failed budget.", "Mayor Lane", 2.0),
    ("Volunteers praised Ruiz for her tireless work.", "Ruiz", 6.0),
    ("Senator Park will speak on Tuesday.", "Senator Park", 4.0),
    ("The court convicted Doyle of fraud.", "Doyle", 2.0),
    ("Residents thanked Chief Amos for the quick rescue.", "Chief Amos", 6.0),
    ("Governor Hale met the committee in the morning.", "Governor Hale", 4.0),
]


def test_train_writes_weights_that_numpy_reproduces(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    lines = []
    for text, name, polarity in SENTENCES:
        at = text.index(name)
        lines.append(
            json.dumps(
                {"sentence_normalized": text, "targets": [{"from": at, "to": at + len(name), "polarity": polarity}]}
            )
        )
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    meta = train(data, data, out, Recipe(epochs=1, batch=4))
    assert (out / "model.npz").is_file() and json.loads((out / "model.json").read_text()) == meta
    assert meta["frozen_layers"] == 1 and meta["tuned_layers"] == 5
    with np.load(out / "model.npz") as arrays:
        weights = {k: arrays[k].astype(np.float32) for k in arrays.files}
    model = SentimentModel(NumpyMiniLM(), weights, meta)
    numpy_scores = evaluate(data, model)
    torch_scores = meta["test"]["by_epoch"][-1]
    assert numpy_scores["targets"] == torch_scores["targets"] == 6
    assert numpy_scores["accuracy"] == torch_scores["accuracy"]
