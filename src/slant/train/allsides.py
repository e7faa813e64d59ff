"""`slant train allsides`: the article-lean model (analyses/judgement/lean.py) from AllSides-labelled articles.

Each article is read as ``without_self_references(title + content)`` cut to ``MAX_CHARS``; words and
word pairs (``analyses.judgement.lean.terms``) that occur in at least ``min_sources`` different outlets are
kept (wording shared across outlets, not one outlet's house style), weighted by sublinear TF-IDF,
and a class-balanced multinomial logistic regression is fitted. The cross-validated figure groups
folds by outlet (GroupKFold on ``source``), so every article is scored by a model that never saw
its outlet, as the held-out media split demands. Writes ``slant/data/allsides.json``.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.judgement.lean import MAX_CHARS, SIDES, terms, without_self_references
from slant.errors import InputError
from slant.eval.allsides import LeanRow, read_allsides, scores

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "allsides" / "media_trainvalid.jsonl.gz"
OUT = Path(__file__).resolve().parent.parent / "data" / "allsides.json"


@dataclass(frozen=True)
class Recipe:
    """What shapes a fit; the defaults are the shipped recipe (docs/EVALUATION.md)."""

    min_sources: int = 40
    """A term is kept only if articles of at least this many outlets use it."""
    min_df: int = 20
    max_df: float = 0.5
    C: float = 1.0
    folds: int = 5


def article_text(row: LeanRow) -> str:
    """What the model reads of an article: its title and content without self-references, cut."""
    return without_self_references(f"{row.title}\n{row.content}")[:MAX_CHARS]


def _analyse(text: str) -> list[str]:
    return list(terms(text).elements())


def fit(rows: list[LeanRow], recipe: Recipe = Recipe()) -> dict[str, Any]:
    """Fit the vocabulary, IDF and logistic regression on ``rows``; returns the model as ``allsides.json`` holds it."""
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    texts = [article_text(r) for r in rows]
    counter = CountVectorizer(analyzer=_analyse, min_df=recipe.min_df, max_df=recipe.max_df)
    counts = counter.fit_transform(texts)
    outlets = sorted({r.source for r in rows})
    row_of = {s: k for k, s in enumerate(outlets)}
    by_outlet = sparse.csr_matrix(
        (np.ones(len(rows)), ([row_of[r.source] for r in rows], np.arange(len(rows)))), shape=(len(outlets), len(rows))
    )
    spread = np.asarray(((by_outlet @ (counts > 0).astype(np.float32)) > 0).sum(0)).ravel()
    keep = np.flatnonzero(spread >= recipe.min_sources)
    if not len(keep):
        raise InputError(f"no term is used by articles of {recipe.min_sources} outlets; lower min_sources")
    tfidf = TfidfTransformer(sublinear_tf=True)
    x = tfidf.fit_transform(counts[:, keep])
    clf = LogisticRegression(C=recipe.C, max_iter=3000, class_weight="balanced")
    clf.fit(x, [r.side for r in rows])
    vocabulary = np.array(counter.get_feature_names_out())[keep]
    classes = [SIDES[int(c)] for c in clf.classes_]
    return {
        "vocabulary": vocabulary.tolist(),
        "idf": [round(float(v), 5) for v in tfidf.idf_],
        "weights": [[round(float(v), 5) for v in row] for row in clf.coef_],
        "bias": [round(float(v), 5) for v in clf.intercept_],
        "classes": classes,
    }


def _predict(model: dict[str, Any], rows: list[LeanRow]) -> list[int]:
    from slant.analyses.judgement.lean import LeanModel

    lean = LeanModel(model)
    return [SIDES.index(lean.sides[int(lean.probabilities(article_text(r)).argmax())]) for r in rows]


def cross_validate(rows: list[LeanRow], recipe: Recipe = Recipe()) -> dict[str, Any]:
    """Outlet-grouped k-fold CV: every article scored by a model fitted without its outlet's articles."""
    from sklearn.model_selection import GroupKFold

    outlets = {r.source for r in rows}
    if len(outlets) < recipe.folds:
        raise InputError(f"outlet-grouped CV needs articles of at least {recipe.folds} outlets, not {len(outlets)}")
    pred = [0] * len(rows)
    for k, (train, test) in enumerate(GroupKFold(recipe.folds).split(rows, groups=[r.source for r in rows])):
        t0 = time.time()
        model = fit([rows[i] for i in train], recipe)
        for i, p in zip(test, _predict(model, [rows[i] for i in test]), strict=True):
            pred[i] = p
        log.info("fold %d of %d done in %.0f s", k + 1, recipe.folds, time.time() - t0)
    return scores([r.side for r in rows], pred)


def train(data: Path = DATA, out: Path = OUT, cv: bool = False, recipe: Recipe = Recipe()) -> dict[str, Any]:
    """Fit the shipped model on all of ``data`` and write it (outlet-grouped CV first with ``cv``).

    Returns:
        The figures written into the model file's ``meta``.
    """
    rows = read_allsides(data)
    meta: dict[str, Any] = {
        "trained_on": f"{data.name}: {len(rows)} articles of {len({r.source for r in rows})} outlets "
        "(AllSides labels, Baly et al., 2020; Apache-2.0)",
        "recipe": asdict(recipe),
    }
    if cv:
        meta["cv_outlet_grouped"] = cross_validate(rows, recipe)
        train_rows = [r for r in rows if r.split == "train"]
        valid_rows = [r for r in rows if r.split == "valid"]
        if train_rows and valid_rows:
            meta["valid_split"] = scores([r.side for r in valid_rows], _predict(fit(train_rows, recipe), valid_rows))
    model = fit(rows, recipe)
    model["meta"] = meta
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    return meta
