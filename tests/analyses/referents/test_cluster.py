"""Grouping candidates into referents (analyses/referents/cluster.py)."""

from __future__ import annotations

import numpy as np

from slant.analyses.referents.cluster import attach, cluster


def _prob(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    prob = np.zeros((n, n), dtype=np.float32)
    for (a, b), p in pairs.items():
        prob[a, b] = prob[b, a] = p
    np.fill_diagonal(prob, 1.0)
    return prob


def test_cluster_joins_groups_above_the_threshold() -> None:
    labels = cluster(_prob(3, {(0, 1): 0.9, (0, 2): 0.1, (1, 2): 0.2}), np.array([0, 1, 2]), 0.5)
    assert labels[0] == labels[1] != labels[2]


def test_cluster_never_splits_a_linked_group() -> None:
    labels = cluster(_prob(3, {(0, 1): 0.0, (0, 2): 0.0, (1, 2): 0.0}), np.array([0, 0, 1]), 0.5)
    assert labels[0] == labels[1] != labels[2]


def test_cluster_average_over_members_decides() -> None:
    # One strong link to one member of a two-member group is not enough on average.
    prob = _prob(3, {(0, 2): 0.9, (1, 2): 0.0, (0, 1): 0.0})
    assert len(set(cluster(prob, np.array([0, 0, 1]), 0.5).tolist())) == 2
    assert len(set(cluster(prob, np.array([0, 0, 1]), 0.4).tolist())) == 1


def test_cluster_keeps_groups_apart_when_told() -> None:
    prob = _prob(2, {(0, 1): 0.99})
    apart = np.array([[False, True], [True, False]])
    assert len(set(cluster(prob, np.array([0, 1]), 0.5, apart).tolist())) == 2
    assert len(set(cluster(prob, np.array([0, 1]), 0.5).tolist())) == 1


def test_cluster_labels_in_order_of_first_candidate() -> None:
    labels = cluster(_prob(4, {(1, 3): 0.9}), np.array([0, 1, 2, 3]), 0.5)
    assert labels.tolist() == [0, 1, 2, 1]


def test_cluster_empty() -> None:
    assert cluster(np.zeros((0, 0)), np.zeros(0, dtype=np.int64), 0.5).tolist() == []


def test_cluster_keeps_groups_apart_through_a_third() -> None:
    # 0 and 2 must stay apart; 1 is close to both. Whichever joins 1 first, the other may not follow.
    prob = _prob(3, {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7})
    apart = np.zeros((3, 3), dtype=bool)
    apart[0, 2] = apart[2, 0] = True
    labels = cluster(prob, np.array([0, 1, 2]), 0.3, apart)
    assert labels[0] == labels[1] != labels[2]
    assert len(set(cluster(prob, np.array([0, 1, 2]), 0.3).tolist())) == 1


def test_cluster_is_scipy_average_linkage_when_nothing_is_apart() -> None:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(4, 60))
        points = rng.random((n, 3))
        prob = np.exp(-3.0 * ((points[:, None] - points[None]) ** 2).sum(-1))
        distance = np.clip(1.0 - prob, 0.0, 1.0)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), "average")
        expected = fcluster(tree, t=0.5, criterion="distance")
        labels = cluster(prob, np.arange(n), 0.5)
        pairs = np.equal.outer(expected, expected)
        assert (np.equal.outer(labels, labels) == pairs).all()


def test_attach_joins_a_lone_referent_to_its_strongest_partner_in_another_article() -> None:
    # Candidates 0, 1 (article 0) and 2 (article 1) are referent 0; 3 (article 1) is a referent of its own
    # whose one strong pair (with 0) the average over referent 0 dilutes.
    prob = _prob(4, {(0, 3): 0.8, (1, 3): 0.1, (2, 3): 0.1, (0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9})
    labels, article = np.array([0, 0, 0, 1]), np.array([0, 0, 1, 1])
    none = np.zeros((2, 2), dtype=bool)
    verbs = np.zeros(4, dtype=bool)
    assert attach(prob, labels, article, verbs, 0.6, none).tolist() == [0, 0, 0, 0]
    assert attach(prob, labels, article, verbs, 0.9, none).tolist() == [0, 0, 0, 1]
    assert attach(prob, labels, article, verbs, 0.6, ~np.eye(2, dtype=bool)).tolist() == [0, 0, 0, 1]


def test_attach_reads_only_pairs_across_articles_and_leaves_shared_referents_alone() -> None:
    # 1 is lone in article 0; its strong partner 0 is in the same article, its cross-article one weak.
    prob = _prob(4, {(0, 1): 0.95, (1, 2): 0.3, (0, 2): 0.9, (2, 3): 0.9, (0, 3): 0.2})
    labels, article = np.array([0, 1, 0, 2]), np.array([0, 0, 1, 1])
    verbs = np.zeros(4, dtype=bool)
    # referent 2 (candidate 3, article 1) is lone too; its best partner across articles is 0 (0.2)
    assert attach(prob, labels, article, verbs, 0.5, np.zeros((3, 3), dtype=bool)).tolist() == [0, 1, 0, 2]
    assert attach(prob, labels, article, verbs, 0.25, np.zeros((3, 3), dtype=bool)).tolist() == [0, 0, 0, 1]


def test_attach_pairs_a_verb_only_with_a_verb() -> None:
    prob = _prob(3, {(0, 1): 0.9, (0, 2): 0.6, (1, 2): 0.1})
    labels, article = np.array([0, 1, 2]), np.array([0, 1, 1])
    apart = np.zeros((3, 3), dtype=bool)
    assert attach(prob, labels, article, np.array([True, False, True]), 0.5, apart).tolist() == [0, 1, 0]
    assert attach(prob, labels, article, np.zeros(3, dtype=bool), 0.7, apart).tolist() == [0, 0, 1]
