"""Group mention candidates into referents: linked groups first, then average linkage over pair probabilities.

The groups (one actor's names with the titles and descriptions written against them) are never
split. Two groups join while the mean pair probability between their members is at least the
threshold (average linkage, UPGMA, over the groups as units).
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform


def cluster(prob: np.ndarray, group: np.ndarray, threshold: float, apart: np.ndarray | None = None) -> np.ndarray:
    """A referent label per candidate (labels 0, 1, ... in order of first candidate).

    Args:
        prob: n×n symmetric pair probabilities.
        group: the linked group of each candidate (indices 0..G-1).
        threshold: least mean probability between two groups for them to join.
        apart: optional G×G booleans: groups that must not join directly (their mean counts as 0).
    """
    n = len(group)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    groups = int(group.max()) + 1
    member = np.zeros((n, groups), dtype=np.float32)
    member[np.arange(n), group] = 1.0
    counts = member.sum(axis=0)
    mean = (member.T @ prob @ member) / np.outer(counts, counts)
    if apart is not None:
        mean[apart] = 0.0
    np.fill_diagonal(mean, 1.0)
    if groups > 1:
        distance = np.clip(1.0 - (mean + mean.T) / 2.0, 0.0, 1.0)
        tree = linkage(squareform(distance, checks=False), "average")
        labels = fcluster(tree, t=1.0 - threshold, criterion="distance")[group]
    else:
        labels = np.ones(n, dtype=np.int64)
    first: dict[int, int] = {}
    return np.array([first.setdefault(int(x), len(first)) for x in labels], dtype=np.int64)
