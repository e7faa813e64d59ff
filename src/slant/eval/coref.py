"""Coreference scores over one set of mentions: MUC, B³, CEAF-e and their mean (the CoNLL F1).

Both partitions (``key``: gold cluster of each mention; ``response``: predicted cluster) are maps
from the same mention ids to cluster labels, as in the CoNLL-2012 scorer when key and response hold
the same mentions. Singletons count in B³ and CEAF-e; MUC ignores them by definition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

Partition = Mapping[Any, Any]


def _clusters(partition: Partition) -> list[set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in partition.items():
        groups[label].add(mention)
    return list(groups.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _muc_recall(key: list[set[Hashable]], response: Partition) -> float:
    num = den = 0
    for cluster in key:
        parts = {response.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(key: Partition, response: Partition) -> tuple[float, float, float]:
    """MUC precision, recall, F1 (Vilain et al., 1995): links kept across the two partitions."""
    r = _muc_recall(_clusters(key), response)
    p = _muc_recall(_clusters(response), key)
    return p, r, _f1(p, r)


def b_cubed(key: Partition, response: Partition) -> tuple[float, float, float]:
    """B³ precision, recall, F1 (Bagga and Baldwin, 1998), averaged over mentions."""
    key_of = {m: c for c in map(frozenset, _clusters(key)) for m in c}
    resp_of = {m: c for c in map(frozenset, _clusters(response)) for m in c}
    mentions = list(key_of)
    if not mentions:
        return 0.0, 0.0, 0.0
    p = sum(len(key_of[m] & resp_of[m]) / len(resp_of[m]) for m in mentions) / len(mentions)
    r = sum(len(key_of[m] & resp_of[m]) / len(key_of[m]) for m in mentions) / len(mentions)
    return p, r, _f1(p, r)


def ceaf_e(key: Partition, response: Partition) -> tuple[float, float, float]:
    """Entity-based CEAF precision, recall, F1 (Luo, 2005): the best one-to-one map of clusters."""
    keys, responses = _clusters(key), _clusters(response)
    if not keys or not responses:
        return 0.0, 0.0, 0.0
    sim = np.array([[2 * len(k & s) / (len(k) + len(s)) for s in responses] for k in keys])
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(responses), total / len(keys)
    return p, r, _f1(p, r)


def conll(key: Partition, response: Partition) -> dict[str, float]:
    """MUC, B³ and CEAF-e F1 and their mean (``conll_f1``)."""
    scores = {"muc_f1": muc(key, response)[2], "b3_f1": b_cubed(key, response)[2], "ceafe_f1": ceaf_e(key, response)[2]}
    scores["conll_f1"] = sum(scores.values()) / 3
    return scores
