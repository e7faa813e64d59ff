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
    return _numbered(owner[group])


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


def attach(
    prob: np.ndarray, labels: np.ndarray, article: np.ndarray, action: np.ndarray, threshold: float, apart: np.ndarray
) -> np.ndarray:
    """Families of referents: each referent that one article alone names joins the family of the referent
    holding its most likely partner in another article, when that one pair's probability is at least
    ``threshold`` and the two referents may be one ("a dog-and-pony show" with "the hearing" another article
    holds, which average linkage over all of that referent's mentions keeps apart). A verb pairs only with
    a verb, a phrase only with a phrase. Strongest pairs first; a family never holds two referents that
    must stay apart.

    Args:
        prob: n×n pair probabilities.
        labels: the referent of each candidate (0..R-1).
        article: the article index of each candidate.
        action: whether each candidate is an action (a verb) rather than a noun phrase or name.
        threshold: least pair probability for a lone referent to join.
        apart: R×R booleans: referents that never share a family.

    Returns:
        A family label per candidate (0..F-1 in order of first candidate).
    """
    count = int(labels.max()) + 1 if len(labels) else 0
    blocked = apart.astype(bool) | apart.T.astype(bool)
    offers: list[tuple[float, int, int]] = []
    for label in range(count):
        mine = labels == label
        articles = np.unique(article[mine])
        if len(articles) != 1:
            continue
        other = ~mine & (article != articles[0])
        scores = np.where(other[None, :] & (action[mine][:, None] == action[None, :]), prob[mine], -np.inf).max(axis=0)
        best = int(scores.argmax())
        if scores[best] >= threshold:
            offers.append((float(scores[best]), label, int(labels[best])))
    owner = np.arange(count)
    for _, label, partner in sorted(offers, key=lambda o: (-o[0], o[1])):
        a, b = owner[label], owner[partner]
        if a == b or blocked[np.ix_(owner == a, owner == b)].any():
            continue
        owner[owner == b] = a
    return _numbered(owner[labels])


def _numbered(owner: np.ndarray) -> np.ndarray:
    """Cluster labels 0, 1, ... in order of first candidate, from any label per candidate."""
    first: dict[int, int] = {}
    return np.array([first.setdefault(int(x), len(first)) for x in owner], dtype=np.int64)
