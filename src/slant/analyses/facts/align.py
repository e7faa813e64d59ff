"""Facts across articles: claim units aligned as the same fact, shared, unique (omitted elsewhere) or contradicted.

Two units from different articles report the same fact when a small logistic
model over four signals says so: embedding cosine (paraphrase), IDF-weighted
overlap of content lemmas, shared actors (merged across articles, so "CB" and
"Calder Bay" count as one) and shared quantities. Units are matched one to one
per pair of articles, best first, with a second match allowed only when it is
very likely; matches are then joined into facts across all articles.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.facts.claims import Unit, build_units, unit_vectors
from slant.analyses.facts.conflicts import find_conflicts
from slant.model import Comparison, Evidence, Fact

if TYPE_CHECKING:
    from slant.nlp.resources import Resources
    from slant.settings import Settings

FEATURES = ("cosine", "lexical", "actors", "same_values", "same_measures", "position")


def _idf(units: list[Unit]) -> dict[str, float]:
    df = Counter(lemma for u in units for lemma in u.lemmas)
    n = len(units)
    return {lemma: math.log(1 + n / count) for lemma, count in df.items()}


def _dice(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    inter = sum(idf[x] for x in a & b)
    return 2 * inter / (sum(idf[x] for x in a) + sum(idf[x] for x in b))


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _measure(key: str) -> str:
    """What a quantity measures, coarsely: any day or date is "when"."""
    return "when" if key in {"weekday", "date", "month", "year"} else key


def _relative_positions(units: list[Unit]) -> list[float]:
    """Where each unit stands in its article, 0 (lede) to 1 (end): news puts the core facts first."""
    counts = Counter(u.article for u in units)
    seen: Counter[str] = Counter()
    out: list[float] = []
    for u in units:
        out.append(seen[u.article] / max(counts[u.article] - 1, 1))
        seen[u.article] += 1
    return out


def pair_features(units: list[Unit], vectors: np.ndarray) -> np.ndarray:
    """Features of every pair of units, shape (n, n, len(FEATURES)); pairs within one article are zero."""
    n = len(units)
    feats = np.zeros((n, n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return feats
    feats[:, :, 0] = vectors @ vectors.T
    idf = _idf(units)
    values = [{q.key + "=" + q.value for q in u.quantities} for u in units]
    measures = [{_measure(q.key) for q in u.quantities} for u in units]
    position = _relative_positions(units)
    for i in range(n):
        for j in range(i + 1, n):
            if units[i].article == units[j].article:
                continue
            feats[i, j, 1:] = feats[j, i, 1:] = (
                _dice(units[i].lemmas, units[j].lemmas, idf),
                _jaccard(units[i].actors, units[j].actors),
                _jaccard(values[i], values[j]),
                _jaccard(measures[i], measures[j]),
                1.0 - abs(position[i] - position[j]),
            )
    same = np.array([[u.article == v.article for v in units] for u in units])
    feats[same] = 0.0
    return feats


def pair_probability(features: np.ndarray, weights: tuple[float, ...]) -> np.ndarray:
    """Probability that two units report the same fact: logistic over the features (bias first)."""
    bias, *coefs = weights
    z = bias + features @ np.asarray(coefs, dtype=np.float32)
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float32)


def match(
    units: list[Unit], prob: np.ndarray, threshold: float, extra_threshold: float
) -> list[tuple[int, int, float]]:
    """Pick the aligned pairs: best first, one partner per unit and article pair, seconds only when very likely."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for u in units:
        by_article[u.article].append(u.index)
    arts = list(by_article)
    edges: list[tuple[int, int, float]] = []
    for x, a in enumerate(arts):
        for b in arts[x + 1 :]:
            pairs = [(float(prob[i, j]), i, j) for i in by_article[a] for j in by_article[b] if prob[i, j] >= threshold]
            pairs.sort(reverse=True)
            used_i: set[int] = set()
            used_j: set[int] = set()
            for p, i, j in pairs:
                if i not in used_i and j not in used_j or p >= extra_threshold:
                    edges.append((i, j, p))
                    used_i.add(i)
                    used_j.add(j)
    return edges


def groups(n: int, edges: list[tuple[int, int, float]]) -> list[list[int]]:
    """Units joined by matches, each group in unit order (union-find over the edges)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    return sorted(members.values(), key=lambda g: min(g))


def build_facts(
    comparison: Comparison, units: list[Unit], prob: np.ndarray, edges: list[tuple[int, int, float]]
) -> list[Fact]:
    """Turn aligned units into facts with evidence, coverage and contradictions."""
    article_ids = [a.id for a in comparison.articles]
    edge_score: dict[frozenset[int], float] = {frozenset((i, j)): p for i, j, p in edges}
    shared: list[Fact] = []
    unique: list[Fact] = []
    for group in groups(len(units), edges):
        members = [units[i] for i in group]
        present = [a for a in article_ids if any(u.article == a for u in members)]
        evidence = [Evidence(article=u.article, sentence=u.sentence, start=u.start, end=u.end) for u in members]
        missing = [a for a in article_ids if a not in present]
        if len(present) >= 2:
            scores = [s for key, s in edge_score.items() if key <= set(group)]
            conflicts = find_conflicts(members)
            shared.append(
                Fact(
                    id="",
                    status="contradiction" if conflicts else "shared",
                    score=round(float(np.mean(scores)), 4),
                    evidence=evidence,
                    articles=present,
                    missing=missing,
                    coverage="all" if not missing else "some",
                    conflicts=conflicts,
                )
            )
        else:
            i = group[0]
            others = [j for j, u in enumerate(units) if u.article != units[i].article]
            best = float(prob[i, others].max()) if others else 0.0
            unique.append(
                Fact(
                    id="",
                    status="unique",
                    score=round(1.0 - best, 4),
                    evidence=evidence,
                    articles=present,
                    missing=missing,
                    coverage="one",
                )
            )
    order = {a: k for k, a in enumerate(article_ids)}
    unique.sort(key=lambda f: (order[f.articles[0]], f.evidence[0].start))
    facts = shared + unique
    for k, fact in enumerate(facts, start=1):
        fact.id = f"f{k}"
    return facts


def _trained(resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """The shipped alignment model fitted for the configured embedder (`slant train align`)."""
    models: dict[str, Any] = resources.shipped("align")["models"]
    if settings.embedder not in models:
        from slant.errors import ModelUnavailableError

        raise ModelUnavailableError(
            f"no alignment model trained for embedder {settings.embedder!r}; run `slant train align`"
        )
    return dict(models[settings.embedder])


def align(comparison: Comparison, resources: "Resources", settings: "Settings") -> tuple[list[Unit], np.ndarray]:
    """Claim units of the comparison and the probability that each pair reports the same fact."""
    units = build_units(comparison, split=settings.split_clauses)
    vectors = unit_vectors(units, comparison, resources.embedder().encode)
    weights = settings.align_weights or tuple(_trained(resources, settings)["weights"])
    prob = pair_probability(pair_features(units, vectors), weights)
    return units, prob


def thresholds(resources: "Resources", settings: "Settings") -> tuple[float, float]:
    """Least probability for a first match, and for a second partner in the same article (settings, else trained)."""
    model = _trained(resources, settings)
    first = settings.align_threshold if settings.align_threshold is not None else float(model["threshold"])
    second = settings.align_extra_threshold
    if second is None:
        second = float(model.get("extra_threshold", 1.0))
    return first, max(first, second)


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Align the articles' claims into facts.

    Returns:
        ``{"facts": [Fact, ...]}``: shared and contradicted facts first, then unique facts per article.
    """
    units, prob = align(comparison, resources, settings)
    edges = match(units, prob, *thresholds(resources, settings))
    return {"facts": build_facts(comparison, units, prob, edges)}
