"""The learned mention metric: a projection of a mention's vectors under which two mentions of one
referent lie close.

A mention's raw vector joins three unit vectors — its MiniLM states in context, the static embedding
of its words and of its head word (``MentionTable``'s ``context_vec``, ``words_vec``, ``head_vec``).
Plain cosines over these weigh every dimension alike, so topic and register count as much as
identity ("the caravan" and "the border wall" share a story; "the caravan" and "asylum seekers" name
one group). ``slant train referents`` fits a linear map to a few dimensions on the cross-article
mention pairs of NewsWCL50 and the word-choice training split (same referent or not), and the pair
model reads the cosine of two mentions' projections (``metric_cosine``). Shipped as
``slant/data/referents/metric.npz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from slant.nlp.resources import Resources

MODEL = "referents/metric"


def unit_rows(values: np.ndarray) -> np.ndarray:
    """The rows of ``values`` scaled to length 1 (zero rows stay zero)."""
    values = np.asarray(values, dtype=np.float32)
    norms = np.linalg.norm(values, axis=1, keepdims=True)
    out: np.ndarray = values / np.where(norms > 0, norms, 1.0)
    return out


def raw_vectors(context_vec: np.ndarray, words_vec: np.ndarray, head_vec: np.ndarray) -> np.ndarray:
    """The metric's input per mention: its three vectors, each of unit length, side by side."""
    return np.concatenate([unit_rows(context_vec), unit_rows(words_vec), unit_rows(head_vec)], axis=1)


@dataclass(frozen=True)
class Metric:
    """A linear map from the raw vectors to the metric's space (``weight``: dims × inputs)."""

    weight: np.ndarray

    def project(self, raw: np.ndarray) -> np.ndarray:
        """Unit rows in the metric's space; the cosine of two rows is the ``metric_cosine`` feature.

        Raises:
            ValueError: ``raw`` has another width than the map was trained on.
        """
        if raw.shape[1] != self.weight.shape[1]:
            raise ValueError(f"the metric expects {self.weight.shape[1]} inputs per mention, got {raw.shape[1]}")
        return unit_rows(raw @ self.weight.T)


def load(resources: "Resources") -> Metric:
    """The shipped metric, read once per process.

    Raises:
        ModelUnavailableError: the weights file is missing or broken.
    """
    return Metric(resources.arrays(MODEL)["weight"])
