"""The shipped target-sentiment model: wordpieces of a target, shapes, shared states, clear cases."""

from __future__ import annotations

import numpy as np
import pytest

from slant.analyses.portrayal.sentiment import argmax, load, target_pieces
from slant.nlp.resources import Resources


def test_target_pieces_cover_every_mention() -> None:
    offsets = [(0, 0), (0, 3), (4, 9), (9, 12), (13, 16), (0, 0)]
    assert target_pieces(offsets, [(13, 16), (4, 12)]).tolist() == [2, 3, 4]
    assert target_pieces(offsets, [(20, 25)]).tolist() == []


def test_argmax_takes_the_first_of_a_tie() -> None:
    assert argmax([0.2, 0.4, 0.4]) == 1


@pytest.fixture(scope="module")
def model(nlp_resources: Resources):  # type: ignore[no-untyped-def]
    return load(nlp_resources)


TEXTS = [
    "The court convicted Smith of fraud, and voters called him a liar who betrayed the town.",
    "Volunteers thanked Garcia, whose quick thinking saved dozens of lives during the flood.",
    "The committee met on Tuesday.",
]


def _span(text: str, word: str) -> list[tuple[int, int]]:
    at = text.index(word)
    return [(at, at + len(word))]


def test_clear_cases(model) -> None:  # type: ignore[no-untyped-def]
    probs = model.probabilities(TEXTS, [[_span(TEXTS[0], "Smith")], [_span(TEXTS[1], "Garcia")], []])
    assert len(probs) == 3 and probs[2] == []
    assert argmax(probs[0][0]) == 0  # negative
    assert argmax(probs[1][0]) == 2  # positive
    for p in probs[0] + probs[1]:
        assert sum(p) == pytest.approx(1.0, abs=1e-4)


@pytest.mark.xfail(
    strict=True,
    reason="known weakness (docs/EVALUATION.md): with two people in one sentence the first one's "
    "sentiment is not told apart (Smith: negative 0.459, positive 0.462)",
)
def test_two_targets_of_one_sentence_are_read_apart(model) -> None:  # type: ignore[no-untyped-def]
    text = "Critics blamed Smith for the delays, while residents praised Garcia for her calm leadership."
    [[smith, garcia]] = model.probabilities([text], [[_span(text, "Smith"), _span(text, "Garcia")]])
    assert smith[0] > smith[2] and garcia[2] > garcia[0]


def test_shared_states_give_the_same_answer(model) -> None:  # type: ignore[no-untyped-def]
    targets = [[_span(TEXTS[0], "Smith")], [_span(TEXTS[1], "Garcia")], []]
    hidden = model.minilm.hidden_states(TEXTS, model.frozen_layers)
    shared = [p for ps in model.probabilities(TEXTS, targets, hidden) for p in ps]
    own = [p for ps in model.probabilities(TEXTS, targets) for p in ps]
    np.testing.assert_allclose(shared, own, atol=1e-6)


def test_mismatched_inputs(model) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        model.probabilities(TEXTS, [[]])
    hidden = model.minilm.hidden_states(TEXTS[:1], model.frozen_layers)
    with pytest.raises(ValueError):
        model.probabilities(TEXTS, [[], [], []], hidden)
    assert model.probabilities([], []) == []
