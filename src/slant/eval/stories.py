"""`slant eval stories`: story clustering scored on NeuS roundups (Lee et al., NAACL 2022).

Every article of the folder's ``*.source`` files (three per line, one line = one story; see
eval/neus.py for the layout) is pooled, shuffled with a fixed seed (so that a story's articles do
not arrive together), and clustered exactly as ``slant ingest`` clusters them (story/features.py,
story/cluster.py; NeuS gives no dates, so the time window plays no part). The recovered stories are
scored against the lines with B-cubed precision, recall and F1 (Bagga & Baldwin, 1998; per article,
averaged over articles) and the adjusted Rand index.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slant.eval.neus import read_stories

if TYPE_CHECKING:
    from slant.settings import Settings

ANCHOR = "issue goal: B-cubed F1 >= 0.97 on unseen NeuS stories (no published figure for this pooling)"
SEED = 13


def bcubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold one (same order of items)."""
    clusters: dict[object, set[int]] = defaultdict(set)
    classes: dict[object, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        clusters[p].add(i)
        classes[g].add(i)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        both = len(clusters[p] & classes[g])
        precision += both / len(clusters[p])
        recall += both / len(classes[g])
    n = max(1, len(gold))
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pooled(data: Path, limit: int | None = None) -> list[tuple[int, str, str]]:
    """(story number, title, text) of every article in the folder, in a fixed shuffled order."""
    items = [(k, title, text) for k, story in enumerate(read_stories(data, limit)) for title, text in story.articles]
    random.Random(SEED).shuffle(items)
    return items


def cluster_items(items: Sequence[tuple[int, str, str]], settings: "Settings") -> list[str]:
    """The story id each article is given, in order."""
    from slant.story.cluster import Clusterer
    from slant.story.features import TermWeights, features

    weights = TermWeights.load()
    clusterer = Clusterer(settings.story_threshold, settings.story_window_hours)
    out = []
    for _, title, text in items:
        f = features(title, text, weights)
        story, _ = clusterer.assign(f.key, title, f, None)
        out.append(story.id)
    return out


def evaluate(data: Path, limit: int | None = None, settings: "Settings | None" = None) -> dict[str, Any]:
    """B-cubed and ARI of slant's story clustering on the NeuS stories in ``data``."""
    from sklearn.metrics import adjusted_rand_score

    from slant.settings import Settings

    settings = settings or Settings()
    items = pooled(data, limit)
    predicted = cluster_items(items, settings)
    gold = [k for k, _, _ in items]
    precision, recall, f1 = bcubed(predicted, gold)
    return {
        "articles": len(items),
        "stories": len(set(gold)),
        "clusters": len(set(predicted)),
        "b3_precision": round(precision, 4),
        "b3_recall": round(recall, 4),
        "b3_f1": round(f1, 4),
        "ari": round(float(adjusted_rand_score(gold, predicted)), 4),
    }
