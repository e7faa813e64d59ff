"""`slant train wording`: fit the loaded-word scorer (analyses/language/wording.py) and choose its threshold.

Training words: every content word of BABE's labelled sentences (loaded when it is one of the row's
``biased_words``; no story, so no contrast) and of the word-choice dev gold sets (loaded when a gold
``loaded`` or ``intensifier`` mark covers it; the sets run through ``compare`` up to ``facts`` so the
contrast features are real). The threshold is chosen by leaving one gold set out at a time: the
model is fitted on BABE and the other sets, and over the held-out sets' predictions the threshold
with the best word F1 among those with precision >= ``MIN_PRECISION`` is kept.
Writes ``slant/data/language/wording.json`` with the out-of-set figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.language import bias, markers
from slant.analyses.language.wording import FEATURES, WordingModel, words_of
from slant.errors import InputError
from slant.eval.babe import read_babe
from slant.eval.language_gold import load_gold
from slant.model import Article, Comparison, Sentence
from slant.nlp.resources import Resources
from slant.pipeline import build_pipeline, run
from slant.settings import Settings

OUT = Path(__file__).resolve().parent.parent / "data" / "language" / "wording.json"
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.91, 0.02))
MIN_PRECISION = 0.5
"""A mark a reader sees should be right at least half the time: the threshold maximises held-out word F1
among those reaching this precision."""


def _babe_rows(path: Path, resources: Resources) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for r in read_babe(path)]
    texts = [r.text for r in rows]
    model = bias.load(resources, bias.TAGGER)
    scores = model.score(texts)
    x: list[tuple[float, ...]] = []
    y: list[int] = []
    for row, score, doc in zip(rows, scores, resources.nlp.pipe(texts, batch_size=64), strict=True):
        article = Article(
            id="a1",
            source="babe",
            text=row.text,
            sentences=[Sentence(id="a1.s1", start=0, end=len(row.text), text=row.text)],
        )
        comparison = Comparison(articles=[article])
        comparison._nlp = _layer(doc)
        for word in words_of(comparison, article, [score], [], resources):
            x.append(word.features)
            y.append(int(word.text.lower() in row.words))
    return np.array(x, dtype=np.float32), np.array(y, dtype=np.int8)


def _layer(doc: Any) -> Any:
    from slant.nlp.parse import NlpLayer

    layer = NlpLayer()
    layer.docs["a1"] = doc
    return layer


def _gold_sets(folder: Path, settings: Settings, resources: Resources) -> list[tuple[str, np.ndarray, np.ndarray]]:
    out = []
    plan = build_pipeline(["actors", "quotes", "facts"])
    model = bias.load(resources, bias.TAGGER)
    for gold in load_gold(folder, settings):
        comparison = run(Comparison(articles=gold.articles), settings, resources, plan)
        x: list[tuple[float, ...]] = []
        y: list[int] = []
        for article in comparison.articles:
            doc = comparison.nlp.docs[article.id]
            own = [q for q in comparison.quotes or [] if q.article == article.id]
            spoken = markers.speech_spans(article, doc, own)
            scores = model.score([s.text for s in article.sentences])
            marks = [
                (m.start, m.end) for m in gold.marks if m.article == article.id and m.kind in ("loaded", "intensifier")
            ]
            for word in words_of(comparison, article, scores, spoken, resources):
                x.append(word.features)
                y.append(int(any(a < word.end and word.start < b for a, b in marks)))
        out.append((gold.name, np.array(x, dtype=np.float32).reshape(-1, len(FEATURES)), np.array(y, dtype=np.int8)))
    return out


GOLD_WEIGHT = 4.0
"""Weight of a gold-set word against a BABE word: the gold sets are news stories like those slant
compares, with the contrast features real, but far fewer words."""


def fit(x: np.ndarray, y: np.ndarray, threshold: float = 0.5, weight: np.ndarray | None = None) -> WordingModel:
    """Standardised, class-balanced logistic regression over the word features."""
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        raise InputError("the training words hold no loaded word (or only loaded words)")
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced")
    model.fit((x - mean) / scale, y, sample_weight=weight)
    return WordingModel(
        tuple(model.coef_[0].tolist()),
        float(model.intercept_[0]),
        tuple(mean.tolist()),
        tuple(scale.tolist()),
        threshold,
    )


def _stack(
    bx: np.ndarray, by: np.ndarray, sets: list[tuple[str, np.ndarray, np.ndarray]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.concatenate([bx, *(s[1] for s in sets)])
    y = np.concatenate([by, *(s[2] for s in sets)])
    weight = np.concatenate([np.ones(len(by)), *(np.full(len(s[2]), GOLD_WEIGHT) for s in sets)])
    return x, y, weight


def _f1(y: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = float(((predicted == 1) & (y == 1)).sum())
    p = tp / max(float(predicted.sum()), 1.0)
    r = tp / max(float(y.sum()), 1.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train(babe: Path, gold: Path, out: Path = OUT) -> dict[str, Any]:
    """Fit on BABE and the gold sets, choose the threshold leaving one set out, write ``out``.

    Raises:
        InputError: the BABE file or the gold folder cannot be read.
    """
    settings = Settings()
    resources = Resources(settings)
    bx, by = _babe_rows(babe, resources)
    sets = _gold_sets(gold, settings, resources)
    held_prob, held_y = [], []
    for k, (_, x, y) in enumerate(sets):
        rest = [s for j, s in enumerate(sets) if j != k]
        x_rest, y_rest, w_rest = _stack(bx, by, rest)
        model = fit(x_rest, y_rest, weight=w_rest)
        held_prob.append(model.probabilities(x))
        held_y.append(y)
    prob, labels = np.concatenate(held_prob), np.concatenate(held_y)
    grid = {str(t): _f1(labels, (prob >= t).astype(np.int8)) for t in THRESHOLDS}
    precise = [t for t in THRESHOLDS if grid[str(t)][0] >= MIN_PRECISION] or list(THRESHOLDS)
    threshold = max(precise, key=lambda t: (grid[str(t)][2], t))
    x, y, weight = _stack(bx, by, sets)
    final = fit(x, y, threshold, weight)
    p, r, f = grid[str(threshold)]
    result = final.to_json() | {
        "cv": {
            "held_out": "each gold set in turn",
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "grid": {t: [round(v, 4) for v in prf] for t, prf in grid.items()},
        },
        "trained_on": {"babe_words": int(len(by)), "gold_sets": [s[0] for s in sets]},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return {"threshold": threshold, "cv": result["cv"], "trained_on": result["trained_on"], "out": str(out)}
