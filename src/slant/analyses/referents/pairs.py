"""The pair model: the probability that two mention candidates name one referent.

A logistic model over ``features.FEATURES`` (standardised), fitted by ``slant train referents`` on
NewsWCL50's coded mentions and slant's own word-choice gold, shipped as
``slant/data/referents/model.json`` with the clustering threshold chosen on held-out events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.referents.features import FEATURES, MentionTable, pair_features
from slant.errors import ModelUnavailableError

if TYPE_CHECKING:
    from slant.nlp.resources import Resources

MODEL = "referents/model"


@dataclass(frozen=True)
class PairModel:
    """Standardised logistic weights per feature, and the linkage threshold for clustering."""

    coef: dict[str, float]
    intercept: float
    mean: dict[str, float]
    scale: dict[str, float]
    threshold: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "PairModel":
        """Read the shipped model; every feature of ``FEATURES`` must have a weight.

        Raises:
            ModelUnavailableError: a feature is missing (the model was trained on other features).
        """
        missing = [f for f in FEATURES if f not in data.get("coef", {})]
        if missing:
            raise ModelUnavailableError(
                f"the referent model lacks weights for {', '.join(missing)}; run `slant train referents`"
            )
        return cls(
            coef={f: float(data["coef"][f]) for f in FEATURES},
            intercept=float(data["intercept"]),
            mean={f: float(data["mean"][f]) for f in FEATURES},
            scale={f: float(data["scale"][f]) or 1.0 for f in FEATURES},
            threshold=float(data["threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object ``from_json`` reads."""
        return {
            "features": list(FEATURES),
            "coef": self.coef,
            "intercept": self.intercept,
            "mean": self.mean,
            "scale": self.scale,
            "threshold": self.threshold,
        }

    def probabilities(self, table: MentionTable) -> np.ndarray:
        """The n×n matrix of pair probabilities (symmetric; the diagonal is 1)."""
        n = len(table.candidates)
        logit = np.full((n, n), self.intercept, dtype=np.float32)
        for name, values in pair_features(table):
            w = self.coef[name] / self.scale[name]
            logit += w * values
            logit -= w * self.mean[name]
        prob = 1.0 / (1.0 + np.exp(-np.clip(logit, -30.0, 30.0)))
        np.fill_diagonal(prob, 1.0)
        return np.asarray(prob, dtype=np.float32)


def load(resources: "Resources") -> PairModel:
    """The shipped pair model, read once per process.

    Raises:
        ModelUnavailableError: the model file is missing, broken or for other features.
    """
    return PairModel.from_json(resources.shipped(MODEL))
