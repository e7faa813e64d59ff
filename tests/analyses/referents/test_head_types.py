"""The head-type probe (head_types.py): what kind of thing a head noun names."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.referents.head_types import TYPES, HeadTypes, fit
from slant.analyses.referents.pairs import load
from slant.nlp.resources import Resources


def test_probabilities_are_a_distribution_per_row() -> None:
    probe = HeadTypes(np.eye(len(TYPES), 3) * 5.0, np.zeros(len(TYPES)))
    p = probe.probabilities(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]))
    assert p.shape == (3, len(TYPES))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert p[0].argmax() == 0 and p[1].argmax() == 2
    assert np.allclose(p[2], 1.0 / len(TYPES))  # no evidence, no preference


def test_fit_separates_classes_and_round_trips() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(len(TYPES), 6) * 4.0
    types = [TYPES[k % len(TYPES)] for k in range(80)]
    vectors = np.stack([centres[TYPES.index(t)] + rng.normal(0, 0.5, 6) for t in types])
    probe = fit(vectors, types)
    assert [TYPES[k] for k in probe.probabilities(centres).argmax(axis=1)] == list(TYPES)
    again = HeadTypes.from_json(probe.to_json())
    assert np.allclose(again.probabilities(vectors), probe.probabilities(vectors), atol=1e-5)


def test_fit_needs_every_class() -> None:
    with pytest.raises(ValueError, match="every class"):
        fit(np.zeros((2, 3)), [TYPES[0], TYPES[1]])


def test_from_json_refuses_other_classes() -> None:
    data = HeadTypes(np.zeros((len(TYPES), 2)), np.zeros(len(TYPES))).to_json() | {"types": ["a", "b", "c", "d"]}
    with pytest.raises(ValueError, match="other classes"):
        HeadTypes.from_json(data)


_HEADS = {
    "people": "councilwoman lawmaker nurse farmer senator protester refugee landlord janitor bishop",
    "organisation or place": "ministry agency corporation union county parliament bank township church firm",
    "thing": "inhaler ordinance tariff pipeline rifle statute budget vaccine bridge contract",
    "event": "walkout election hearing massacre merger rally shutdown lawsuit eviction blockade",
}
"""Heads written for this test, none looked up in the training gold."""


def test_the_shipped_probe_tells_kinds_of_heads_apart(nlp_resources: Resources) -> None:
    probe = load(nlp_resources).head_types
    heads = [(word, kind) for kind, words in _HEADS.items() for word in words.split()]
    p = probe.probabilities(nlp_resources.embedder("static").encode([w for w, _ in heads]))
    right = sum(TYPES[int(row.argmax())] == kind for row, (_, kind) in zip(p, heads, strict=True))
    assert right / len(heads) >= 0.6  # four classes: chance is 0.25
