"""`slant eval align`: fact alignment scored against hand-made gold links between example articles."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Any

from slant.eval.gold import GoldLinks, Link, load_events, prf, resolve
from slant.model import Comparison
from slant.pipeline import compare
from slant.settings import Settings

ANCHOR = "no published anchor: gold links written for slant's own example events (src/slant/examples/gold)"


def predicted_links(comparison: Comparison, statuses: tuple[str, ...] = ("shared", "contradiction")) -> set[Link]:
    """Sentence pairs from different articles that the comparison puts in one fact of the given statuses."""
    links: set[Link] = set()
    for fact in comparison.facts or []:
        if fact.status in statuses:
            ids = sorted({e.sentence for e in fact.evidence})
            links |= {frozenset((a, b)) for a, b in combinations(ids, 2) if a.split(".")[0] != b.split(".")[0]}
    return links


def score(pairs: list[tuple[Comparison, GoldLinks]]) -> dict[str, Any]:
    """Micro-averaged link and contradiction precision/recall/F1 over events."""
    pred: set[tuple[int, Link]] = set()
    gold: set[tuple[int, Link]] = set()
    pred_c: set[tuple[int, Link]] = set()
    gold_c: set[tuple[int, Link]] = set()
    for k, (comparison, links) in enumerate(pairs):
        pred |= {(k, link) for link in predicted_links(comparison)}
        gold |= {(k, link) for link in links.links}
        pred_c |= {(k, link) for link in predicted_links(comparison, ("contradiction",))}
        gold_c |= {(k, link) for link in links.contradictions}
    links_prf = prf(pred, gold)  # type: ignore[arg-type]
    contra = prf(pred_c, gold_c)  # type: ignore[arg-type]
    return {
        "precision": links_prf["precision"],
        "recall": links_prf["recall"],
        "f1": links_prf["f1"],
        "contradiction_precision": contra["precision"],
        "contradiction_recall": contra["recall"],
        "contradiction_f1": contra["f1"],
        "gold_links": links_prf["gold"],
        "predicted_links": links_prf["predicted"],
        "events": len(pairs),
    }


def evaluate(data: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Run compare on every gold event in ``data`` and score its facts.

    Returns:
        Link precision/recall/F1 (a link = two sentences of different articles in one
        shared or contradicted fact) and the same for contradictions, micro-averaged.
    """
    settings = settings or Settings()
    pairs = []
    for event in load_events(data, settings):
        comparison = compare(event.articles, settings)
        pairs.append((comparison, resolve(event, comparison)))
    return score(pairs)
