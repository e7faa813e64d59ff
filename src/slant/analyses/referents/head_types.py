"""What kind of thing a head noun names — people, an organisation or place, a thing, an event — read
from its static embedding, so that the pair model can tell "the council" from "the councilmember",
"teachers" from "classrooms" and "smoke inhalation" from "inhalers" even when their words are close.

A multinomial logistic probe over the static vector of the head lemma, fitted by ``slant train
referents`` on the head words of the word-choice training gold (each referent's ``type``; never the
dev or test split) and shipped inside the pair model (``head_types`` in ``data/referents/model.json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

TYPES = ("people", "organisation or place", "thing", "event")
"""The classes the probe tells apart."""
GOLD_TYPES = {
    "person": "people",
    "group": "people",
    "organization": "organisation or place",
    "country": "organisation or place",
    "object": "thing",
    "policy": "thing",
    "event": "event",
}
"""The gold referent types (``gold.json``) each class gathers."""


@dataclass(frozen=True)
class HeadTypes:
    """Weights of the probe: one row of ``coef`` and one ``intercept`` per entry of ``TYPES``."""

    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(n, len(TYPES)) class probabilities of n head vectors."""
        logit = np.asarray(vectors, dtype=np.float64) @ self.coef.T + self.intercept
        logit -= logit.max(axis=1, keepdims=True)
        odds = np.exp(logit)
        return np.asarray(odds / odds.sum(axis=1, keepdims=True), dtype=np.float32)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "HeadTypes":
        """Read the probe from the pair model's JSON (``KeyError``/``ValueError`` when malformed)."""
        if list(data["types"]) != list(TYPES):
            raise ValueError("the head-type probe was fitted on other classes")
        return cls(np.array(data["coef"], dtype=np.float64), np.array(data["intercept"], dtype=np.float64))

    def to_json(self) -> dict[str, Any]:
        """The probe as the JSON object ``from_json`` reads."""
        return {
            "types": list(TYPES),
            "coef": [[round(float(w), 6) for w in row] for row in self.coef],
            "intercept": [round(float(b), 6) for b in self.intercept],
        }


def fit(vectors: np.ndarray, types: Sequence[str]) -> HeadTypes:
    """Fit the probe on head vectors and their classes (entries of ``TYPES``)."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([TYPES.index(t) for t in types])
    if len(set(y.tolist())) < len(TYPES):
        raise ValueError("the head-type probe needs examples of every class")
    model = LogisticRegression(C=1.0, max_iter=3000).fit(np.asarray(vectors, dtype=np.float64), y)
    return HeadTypes(np.asarray(model.coef_, dtype=np.float64), np.asarray(model.intercept_, dtype=np.float64))
