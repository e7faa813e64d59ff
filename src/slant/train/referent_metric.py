"""Fit the learned mention metric (``analyses/referents/metric.py``) for `slant train referents`.

A linear map of each mention's raw vectors to ``DIMS`` dimensions, trained so that the scaled cosine
of two mentions' projections predicts whether they name one referent: logistic loss over the
cross-article pairs of labelled mentions (positives weighted up to balance the classes, at most
``MAX_POSITIVE_WEIGHT``), Adam, ``EPOCHS`` passes, seeded. The map is all that is shipped; the scale
and offset of the cosine are left to the pair model, which weighs ``metric_cosine`` against the
other features.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from slant.analyses.referents.features import MentionTable
from slant.analyses.referents.metric import Metric, raw_vectors
from slant.errors import InputError

DIMS = 64
EPOCHS = 4
BATCH = 4096
MAX_POSITIVE_WEIGHT = 20.0
SEED = 0


def labelled_pairs(
    table: MentionTable, pairs: tuple[np.ndarray, np.ndarray], concept: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The cross-article pairs among ``pairs`` (both mentions labelled; an uncoded mention of a gold
    set is labelled as a referent of its own) and whether each names one referent."""
    i, j = pairs
    cross = table.article[i] != table.article[j]
    i, j = i[cross], j[cross]
    return i, j, (concept[i] == concept[j]).astype(np.float32)


def fit_metric(
    examples: Sequence[tuple[MentionTable, tuple[np.ndarray, np.ndarray], np.ndarray]],
    epochs: int = EPOCHS,
    batch: int = BATCH,
) -> Metric:
    """The metric fitted on the labelled pairs of the given (table, pairs, concept) events, ``epochs``
    passes over them in batches of ``batch`` pairs.

    Raises:
        InputError: the events give no cross-article pairs of both kinds.
    """
    import torch

    rows: list[np.ndarray] = []
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    same: list[np.ndarray] = []
    offset = 0
    for table, pairs, concept in examples:
        i, j, labels = labelled_pairs(table, pairs, concept)
        rows.append(raw_vectors(table.context_vec, table.words_vec, table.head_vec))
        left.append(i + offset)
        right.append(j + offset)
        same.append(labels)
        offset += len(table.candidates)
    y_all = np.concatenate(same) if same else np.zeros(0, dtype=np.float32)
    if not 0 < float(y_all.mean() if len(y_all) else 0.0) < 1:
        raise InputError("the training events give no cross-article mention pairs of both kinds")
    torch.manual_seed(SEED)
    x = torch.tensor(np.concatenate(rows))
    a, b, y = torch.tensor(np.concatenate(left)), torch.tensor(np.concatenate(right)), torch.tensor(y_all)
    project = torch.nn.Linear(x.shape[1], DIMS, bias=False)
    scale, offset_ = torch.nn.Parameter(torch.tensor(5.0)), torch.nn.Parameter(torch.tensor(-2.0))
    optimiser = torch.optim.Adam([*project.parameters(), scale, offset_], lr=1e-3, weight_decay=1e-5)
    positive = min(float((1 - y.mean()) / y.mean()), MAX_POSITIVE_WEIGHT)
    generator = torch.Generator().manual_seed(SEED)
    for _ in range(epochs):
        order = torch.randperm(len(y), generator=generator)
        for start in range(0, len(y), batch):
            chunk = order[start : start + batch]
            za = torch.nn.functional.normalize(project(x[a[chunk]]), dim=1)
            zb = torch.nn.functional.normalize(project(x[b[chunk]]), dim=1)
            logit = scale * (za * zb).sum(dim=1) + offset_
            weight = torch.where(y[chunk] > 0, positive, 1.0)
            each = torch.nn.functional.binary_cross_entropy_with_logits(logit, y[chunk], reduction="none")
            loss: Any = (each * weight).sum() / weight.sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return Metric(project.weight.detach().numpy().astype(np.float32))
