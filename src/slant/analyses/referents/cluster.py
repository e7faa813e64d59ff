"""Group mention candidates into referents: linked groups first, then average linkage over pair probabilities.

The groups (one actor's names with the titles and descriptions written against them) are never
split. Two clusters of groups join while the mean pair probability between their groups is at least
the threshold (average linkage, UPGMA, over the groups as units), and never when one holds a group
that must stay apart from a group of the other (two people, two countries): the constraint holds for
the clusters, not only for the two groups, so a merge through a third mention cannot join them.
"""

from __future__ import annotations

import numpy as np


def cluster(prob: np.ndarray, group: np.ndarray, threshold: float, apart: np.ndarray | None = None) -> np.ndarray:
    """A referent label per candidate (labels 0, 1, ... in order of first candidate).

    Args:
        prob: n×n symmetric pair probabilities.
        group: the linked group of each candidate (indices 0..G-1).
        threshold: least mean probability between two clusters for them to join.
        apart: optional G×G booleans: groups that never end in one cluster.
    """
    n = len(group)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    groups = int(group.max()) + 1
    member = np.zeros((n, groups), dtype=np.float64)
    member[np.arange(n), group] = 1.0
    counts = member.sum(axis=0)
    mean = (member.T @ prob.astype(np.float64) @ member) / np.outer(counts, counts)
    blocked = np.zeros((groups, groups), dtype=bool) if apart is None else apart.astype(bool) | apart.T.astype(bool)
    owner = _average_linkage((mean + mean.T) / 2.0, blocked, threshold)
    first: dict[int, int] = {}
    return np.array([first.setdefault(int(x), len(first)) for x in owner[group]], dtype=np.int64)


def _average_linkage(mean: np.ndarray, blocked: np.ndarray, threshold: float) -> np.ndarray:
    """The cluster (its first group) of each group after merging the closest allowed pair of clusters
    while their mean is at least ``threshold``; the best partner of each cluster is cached and
    recomputed only when a merge touches it."""
    size = len(mean)
    score = np.where(blocked, -np.inf, mean)
    np.fill_diagonal(score, -np.inf)
    weight = np.ones(size)
    active = np.ones(size, dtype=bool)
    owner = np.arange(size)
    best = score.argmax(axis=1)
    top = score[np.arange(size), best]
    while True:
        i = int(top.argmax())
        if top[i] < threshold:
            break
        j = int(best[i])
        i, j = min(i, j), max(i, j)
        merged = (weight[i] * mean[i] + weight[j] * mean[j]) / (weight[i] + weight[j])
        mean[i, :] = mean[:, i] = merged
        blocked[i, :] |= blocked[j, :]
        blocked[:, i] = blocked[i, :]
        weight[i] += weight[j]
        owner[owner == j] = i
        active[j] = False
        row = np.where(blocked[i] | ~active, -np.inf, merged)
        row[i] = -np.inf
        score[i, :] = score[:, i] = row
        score[j, :] = score[:, j] = -np.inf
        top[j] = -np.inf
        stale = (best == i) | (best == j)
        stale[i] = True
        stale[j] = False
        better = ~stale & (score[:, i] > top)
        best[better], top[better] = i, score[better, i]
        for k in np.flatnonzero(stale):
            best[k] = int(score[k].argmax())
            top[k] = score[k, best[k]]
    return owner
