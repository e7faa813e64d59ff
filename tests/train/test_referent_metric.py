"""The learned mention metric (train/referent_metric.py, analyses/referents/metric.py)."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.referents.features import FEATURES, MentionTable
from slant.analyses.referents.metric import Metric, raw_vectors, unit_rows
from slant.errors import InputError
from slant.train import referent_metric
from slant.train.referent_metric import DIMS, cache_key, fit_metric, fit_metric_cached, labelled_pairs


class _Table:
    """The parts of a ``MentionTable`` the metric reads."""

    def __init__(self, context: np.ndarray, words: np.ndarray, head: np.ndarray, article: np.ndarray) -> None:
        self.context_vec, self.words_vec, self.head_vec, self.article = context, words, head, article
        self.candidates = tuple(range(len(article)))


def _event(rng: np.random.Generator, concepts: int = 10, per: int = 5) -> tuple[_Table, tuple, np.ndarray]:
    """Mentions whose identity lies in 32 context dimensions, under the story's topic (shared by every
    mention of the event) and noise in the others; the static vectors are noise."""
    concept = np.repeat(np.arange(concepts), per)
    identity = rng.normal(size=(concepts, 32))[concept]
    topic = rng.normal(size=(1, 352)) * 3.0 + rng.normal(size=(len(concept), 352))
    context = np.hstack([identity, topic]).astype(np.float32)
    words = rng.normal(size=(len(concept), 256)).astype(np.float32)
    head = rng.normal(size=(len(concept), 256)).astype(np.float32)
    article = np.tile(np.arange(per), concepts)
    i, j = np.triu_indices(len(concept), k=1)
    return _Table(context, words, head, article), (i, j), concept


def _auc(same: np.ndarray, score: np.ndarray) -> float:
    """The chance that a pair of one referent scores above a pair of two."""
    return float((score[same == 1][:, None] > score[same == 0][None, :]).mean())


def test_the_fitted_metric_tells_mentions_of_one_referent_better_than_the_raw_cosine() -> None:
    rng = np.random.default_rng(3)
    metric = fit_metric([_event(rng) for _ in range(20)], epochs=5, batch=256)  # type: ignore[misc]
    table, pairs, concept = _event(rng)
    i, j, same = labelled_pairs(table, pairs, concept)  # type: ignore[arg-type]
    raw = raw_vectors(table.context_vec, table.words_vec, table.head_vec)
    projected = metric.project(raw)
    learned = np.einsum("ij,ij->i", projected[i], projected[j])
    plain = np.einsum("ij,ij->i", unit_rows(raw)[i], unit_rows(raw)[j])
    assert metric.weight.shape == (DIMS, 384 + 256 + 256)
    assert _auc(same, learned) > _auc(same, plain) + 0.05
    assert np.allclose(np.linalg.norm(projected, axis=1), 1.0, atol=1e-5)


def test_a_cached_metric_is_read_back_only_for_the_same_inputs(tmp_path, monkeypatch) -> None:
    rng = np.random.default_rng(5)
    events = [_event(rng, concepts=4, per=3) for _ in range(3)]
    first = fit_metric_cached(events, tmp_path, epochs=1, batch=64)  # type: ignore[arg-type]
    assert np.array_equal(first.weight, fit_metric(events, epochs=1, batch=64).weight)  # type: ignore[arg-type]
    assert [p.name for p in tmp_path.iterdir()] == [f"{cache_key(events, 1, 64)}.npy"]  # type: ignore[arg-type]

    fits: list[int] = []
    real = referent_metric.fit_metric

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        fits.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(referent_metric, "fit_metric", counted)
    again = fit_metric_cached(events, tmp_path, epochs=1, batch=64)  # type: ignore[arg-type]
    assert fits == [] and np.array_equal(again.weight, first.weight)

    table, pairs, concept = events[0]
    relabelled = [(table, pairs, np.roll(concept, 1)), *events[1:]]
    fit_metric_cached(relabelled, tmp_path, epochs=1, batch=64)  # type: ignore[arg-type]
    assert fits == [1] and len(list(tmp_path.glob("*.npy"))) == 2
    fit_metric_cached(events, tmp_path, epochs=2, batch=64)  # type: ignore[arg-type]
    assert fits == [1, 1]


def test_mentions_outside_the_labelled_pairs_leave_the_key_and_the_fit_alone() -> None:
    # A new uncoded candidate (not in any labelled pair) shifts every later index; the fit reads the
    # same rows in the same order, so it gives the same map, and the key must say so.
    rng = np.random.default_rng(7)
    events = [_event(rng, concepts=4, per=3) for _ in range(2)]
    table, (i, j), concept = events[0]
    at = 5
    grown = _Table(
        np.insert(table.context_vec, at, rng.normal(size=384), axis=0),
        np.insert(table.words_vec, at, rng.normal(size=256), axis=0),
        np.insert(table.head_vec, at, rng.normal(size=256), axis=0),
        np.insert(table.article, at, 0),
    )
    shifted = (i + (i >= at), j + (j >= at))
    moved = [(grown, shifted, np.insert(concept, at, -1)), events[1]]
    assert cache_key(moved, 1, 64) == cache_key(events, 1, 64)  # type: ignore[arg-type]
    assert np.array_equal(fit_metric(moved, 1, 64).weight, fit_metric(events, 1, 64).weight)  # type: ignore[arg-type]
    # A labelled mention's vector is read, so changing one changes the key.
    changed = _Table(table.context_vec.copy(), table.words_vec, table.head_vec, table.article)
    changed.context_vec[int(i[0])] += 1.0
    assert cache_key([(changed, (i, j), concept), events[1]], 1, 64) != cache_key(events, 1, 64)  # type: ignore[arg-type]


def test_a_broken_cache_entry_is_fitted_again(tmp_path) -> None:
    rng = np.random.default_rng(6)
    events = [_event(rng, concepts=4, per=3) for _ in range(2)]
    entry = tmp_path / f"{cache_key(events, 1, 64)}.npy"  # type: ignore[arg-type]
    entry.write_bytes(b"not an array")
    metric = fit_metric_cached(events, tmp_path, epochs=1, batch=64)  # type: ignore[arg-type]
    assert metric.weight.shape == (DIMS, 384 + 256 + 256)
    assert np.array_equal(np.load(entry), metric.weight)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert np.array_equal(fit_metric_cached(events, blocked, epochs=1, batch=64).weight, metric.weight)  # type: ignore[arg-type]


def test_only_cross_article_pairs_train_the_metric() -> None:
    table = _Table(np.eye(4, 384), np.eye(4, 256), np.eye(4, 256), np.array([0, 0, 1, 1]))
    i, j, same = labelled_pairs(table, (np.array([0, 0, 1]), np.array([1, 2, 3])), np.array([5, 5, 5, 6]))  # type: ignore[arg-type]
    assert i.tolist() == [0, 1] and j.tolist() == [2, 3] and same.tolist() == [1.0, 0.0]


def test_a_metric_needs_pairs_of_both_kinds() -> None:
    table = _Table(np.eye(2, 384), np.eye(2, 256), np.eye(2, 256), np.array([0, 1]))
    with pytest.raises(InputError, match="both kinds"):
        fit_metric([(table, (np.array([0]), np.array([1])), np.array([1, 1]))])  # type: ignore[list-item]


def test_a_metric_refuses_vectors_of_another_width() -> None:
    with pytest.raises(ValueError, match="expects 896 inputs"):
        Metric(np.zeros((64, 896), dtype=np.float32)).project(np.zeros((2, 10), dtype=np.float32))


def test_the_pair_model_reads_the_metric_cosine() -> None:
    assert "metric_cosine" in FEATURES
    assert "metric_vec" in MentionTable.__dataclass_fields__
