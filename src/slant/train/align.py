"""`slant train align`: fit the claim-alignment model on the gold example events, with leave-one-event-out CV.

Writes ``slant/data/align.json``: logistic weights over ``analyses.facts.align.FEATURES``
and the decision threshold, plus the cross-validated link scores it reached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.actors import actors as actors_analysis
from slant.analyses.facts.align import FEATURES, build_facts, groups, match, pair_features, pair_probability
from slant.analyses.facts.claims import Unit, build_units, unit_vectors
from slant.eval.align import score
from slant.eval.gold import GoldLinks, load_events, resolve
from slant.model import Comparison
from slant.nlp.embed import EMBEDDERS
from slant.nlp.parse import embed, parse
from slant.nlp.resources import Resources
from slant.pipeline import assign_ids
from slant.settings import Settings

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "align.json"
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.91, 0.05))
EXTRA_THRESHOLDS = (0.5, 0.7, 0.9, 1.01)
"""Second-partner thresholds tried; 1.01 means "never a second partner"."""


@dataclass
class Prepared:
    """One gold event parsed once, with its claim-pair features and labels."""

    name: str
    comparison: Comparison
    gold: GoldLinks
    units: list[Unit]
    features: np.ndarray
    labels: np.ndarray


def prepare(data: Path, settings: Settings, resources: Resources) -> list[Prepared]:
    """Parse every gold event and compute the features of all its cross-article unit pairs."""
    out: list[Prepared] = []
    for event in load_events(data, settings):
        comparison = Comparison(articles=assign_ids(event.articles))
        parse(comparison, resources)
        embed(comparison, resources)
        comparison.actors = actors_analysis.run(comparison, resources, settings)["actors"]
        gold = resolve(event, comparison)
        units = build_units(comparison, split=settings.split_clauses)
        features = pair_features(units, unit_vectors(units, comparison, resources.embedder().encode))
        labels = np.array(
            [[frozenset((u.sentence, v.sentence)) in gold.links for v in units] for u in units], dtype=np.int8
        )
        out.append(Prepared(event.name, comparison, gold, units, features, labels))
    return out


def _pairs(prep: Prepared) -> tuple[np.ndarray, np.ndarray]:
    rows = [(u.index, v.index) for u in prep.units for v in prep.units if u.article < v.article]
    idx = np.array(rows, dtype=np.int64).reshape(-1, 2)
    return prep.features[idx[:, 0], idx[:, 1]], prep.labels[idx[:, 0], idx[:, 1]]


def fit_weights(events: list[Prepared]) -> tuple[float, ...]:
    """Logistic regression over the pair features of the given events: (bias, *coefficients)."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = zip(*(_pairs(e) for e in events), strict=True)
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(np.concatenate(xs), np.concatenate(ys))
    return (float(model.intercept_[0]), *(float(c) for c in model.coef_[0]))


def _evaluate(events: list[Prepared], weights: tuple[float, ...], cuts: tuple[float, float]) -> dict[str, Any]:
    pairs = []
    for e in events:
        prob = pair_probability(e.features, weights)
        e.comparison.facts = build_facts(e.comparison, e.units, prob, match(e.units, prob, *cuts))
        pairs.append((e.comparison, e.gold))
    return score(pairs)


def _link_f1(events: list[Prepared], probs: list[np.ndarray], cuts: tuple[float, float]) -> float:
    """Micro link F1 of the matches alone: no facts or conflicts are built, so a threshold search is cheap."""
    tp = predicted = gold = 0
    for e, prob in zip(events, probs, strict=True):
        links: set[frozenset[str]] = set()
        for group in groups(len(e.units), match(e.units, prob, *cuts)):
            ids = {e.units[i].sentence for i in group}
            links |= {frozenset((a, b)) for a in ids for b in ids if a.split(".")[0] < b.split(".")[0]}
        tp += len(links & e.gold.links)
        predicted += len(links)
        gold += len(e.gold.links)
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


def _best_thresholds(events: list[Prepared], weights: tuple[float, ...]) -> tuple[float, float]:
    """The (first match, second partner) thresholds with the best link F1; ties go to the stricter pair."""
    probs = [pair_probability(e.features, weights) for e in events]
    grid = [(t, x) for t in THRESHOLDS for x in EXTRA_THRESHOLDS if x > t]
    return max(grid, key=lambda cut: (_link_f1(events, probs, cut), cut[0], cut[1]))


def train_one(data: Path, settings: Settings) -> dict[str, Any]:
    """Fit the alignment model for the embedder in ``settings``, with leave-one-event-out CV."""
    resources = Resources(settings)
    events = prepare(data, settings, resources)
    folds = []
    for k, held in enumerate(events):
        rest = [e for j, e in enumerate(events) if j != k]
        weights = fit_weights(rest)
        folds.append((held, weights, _best_thresholds(rest, weights)))
    cv_pairs = []
    for held, weights, cuts in folds:
        _evaluate([held], weights, cuts)
        cv_pairs.append((held.comparison, held.gold))
    cv = score(cv_pairs)
    weights = fit_weights(events)
    threshold, extra = _best_thresholds(events, weights)
    return {
        "features": ["bias", *FEATURES],
        "weights": [round(w, 4) for w in weights],
        "threshold": threshold,
        "extra_threshold": extra,
        "trained_on": [e.name for e in events],
        "cv": {k: round(v, 4) if isinstance(v, float) else v for k, v in cv.items()},
    }


def train(data: Path, settings: Settings | None = None, out: Path = WEIGHTS_FILE) -> dict[str, Any]:
    """Fit and save one alignment model per embedder; each reports leave-one-event-out CV scores.

    Returns:
        What was written to ``out``: ``{"models": {embedder: model}}``.
    """
    settings = settings or Settings()
    models = {name: train_one(data, settings.with_(embedder=name)) for name in EMBEDDERS}
    result = {"models": models}
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result
