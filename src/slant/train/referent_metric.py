"""Fit the learned mention metric (``analyses/referents/metric.py``) for `slant train referents`.

A linear map of each mention's raw vectors to ``DIMS`` dimensions, trained so that the scaled cosine
of two mentions' projections predicts whether they name one referent: logistic loss over the
cross-article pairs of labelled mentions (positives weighted up to balance the classes, at most
``MAX_POSITIVE_WEIGHT``), Adam, ``EPOCHS`` passes, seeded. The map is all that is shipped; the scale
and offset of the cosine are left to the pair model, which weighs ``metric_cosine`` against the
other features.

The fit is deterministic (seeded, CPU), so ``fit_metric_cached`` keeps each fitted map under the hash
of everything it depends on (the fitting code, the torch version, the settings, the labelled pairs and
the vectors of the mentions they hold): `slant train referents` fits one map per set of left-out
events (16 fits, most of its run time), and a rerun whose labelled mentions and their vectors did not
change (a change to the pair features, the clustering, or candidates outside the labelled pairs)
reads them back instead.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from slant.analyses.referents.features import MentionTable
from slant.analyses.referents.metric import Metric, raw_vectors, unit_rows
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


Example = tuple[MentionTable, tuple[np.ndarray, np.ndarray], np.ndarray]


def cache_key(examples: Sequence[Example], epochs: int = EPOCHS, batch: int = BATCH) -> str:
    """The hash of everything a fit depends on: the code that fits and reads it, torch's version, the
    settings, and each event's labelled cross-article pairs with the vectors of the mentions they hold
    (``raw_vectors`` joins them row by row; its code is in the hash). A fit reads no other mention, so
    candidates added or dropped outside the labelled pairs (an uncoded phrase, a verb of a newly shared
    fact) leave the key as it was; the pairs are numbered over the mentions they hold, in text order."""
    import torch

    digest = hashlib.sha256(_CODE)
    digest.update(f"{torch.__version__}|{DIMS}|{epochs}|{batch}|{MAX_POSITIVE_WEIGHT}|{SEED}".encode())
    for table, pairs, concept in examples:
        i, j, labels = labelled_pairs(table, pairs, concept)
        used, inverse = np.unique(np.concatenate([i, j]), return_inverse=True)
        parts = (table.context_vec[used], table.words_vec[used], table.head_vec[used], inverse, labels)
        for part in parts:
            digest.update(f"{part.dtype}{part.shape}".encode())
            digest.update(np.ascontiguousarray(part).tobytes())
    return digest.hexdigest()


def fit_metric_cached(
    examples: Sequence[Example], cache: Path | None, epochs: int = EPOCHS, batch: int = BATCH
) -> Metric:
    """``fit_metric``, read from ``cache`` (a folder) when the same inputs were fitted before, and
    stored there otherwise; no cache when it is None. An unreadable entry is fitted again, and a
    folder that cannot be written is left alone.

    Raises:
        InputError: the events give no cross-article pairs of both kinds.
    """
    if cache is None:
        return fit_metric(examples, epochs, batch)
    path = cache / f"{cache_key(examples, epochs, batch)}.npy"
    if path.is_file():
        try:
            return Metric(np.load(path, allow_pickle=False))
        except (OSError, ValueError):
            pass
    metric = fit_metric(examples, epochs, batch)
    partial = path.with_name(path.stem + ".partial.npy")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(partial, metric.weight, allow_pickle=False)
        partial.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs the next run its time
    return metric


def fit_metric(
    examples: Sequence[Example],
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


_CODE = hashlib.sha256(
    "".join(inspect.getsource(code) for code in (fit_metric, labelled_pairs, raw_vectors, unit_rows, Metric)).encode()
).digest()
"""The hash of the code a cached map comes from (read once, at import)."""
