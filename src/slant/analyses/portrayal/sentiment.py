"""Target-dependent sentiment: how a sentence treats one of the people or groups it mentions.

The shipped model (``slant/data/newsmtsc/``, made by ``slant train newsmtsc``) holds MiniLM's top
blocks fine-tuned on NewsMTSC (Hamborg & Donnay, 2021) and a three-class head (negative, neutral,
positive) reading the mean state of the target's wordpieces next to the sentence's mean state. The
blocks run once per sentence, however many targets it has. As
with the bias model, the lower ``frozen_layers`` blocks are the packaged MiniLM's, so a caller that
already holds their hidden states passes them in; inference is NumPy only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from slant.analyses.language.bias import piece_words
from slant.nlp.minilm import Hidden, NumpyMiniLM, select
from slant.nlp.resources import Resources

MODEL = "newsmtsc/model"
CLASSES = ("negative", "neutral", "positive")


def target_pieces(offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Sorted indices of the wordpieces (given by character offsets) overlapping any of ``spans``."""
    found: set[int] = set()
    for idx in piece_words(list(offsets), sorted(spans)):
        found.update(idx)
    return np.array(sorted(found), dtype=np.int64)


def argmax(probs: Sequence[float]) -> int:
    """Index of the highest probability (the first on a tie)."""
    return max(range(len(probs)), key=probs.__getitem__)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return np.asarray(e / e.sum(-1, keepdims=True), dtype=np.float32)


class SentimentModel:
    """The fine-tuned MiniLM top blocks and the target head, run over the shared NumPy MiniLM."""

    def __init__(self, minilm: NumpyMiniLM, weights: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.minilm = minilm
        self.upto = int(meta["frozen_layers"])
        self.layers = minilm.tuned_blocks(weights, int(meta["tuned_layers"]))
        self.head_w = weights["head.weight"].astype(np.float32)
        self.head_b = weights["head.bias"].astype(np.float32)

    @property
    def frozen_layers(self) -> int:
        """K: the lower MiniLM blocks the model shares unchanged; ``probabilities`` accepts their states."""
        return self.upto

    def probabilities(
        self,
        texts: list[str],
        targets: Sequence[Sequence[Sequence[tuple[int, int]]]],
        hidden: Hidden | None = None,
    ) -> list[list[tuple[float, float, float]]]:
        """(negative, neutral, positive) probabilities of every target of every text.

        Args:
            texts: the sentences.
            targets: per text, its targets; a target is the character spans of its mentions in that text.
            hidden: optionally ``minilm.hidden_states(texts, frozen_layers)``, already computed by the caller.

        Raises:
            ValueError: ``targets`` or ``hidden`` do not hold one entry per text.
        """
        if len(targets) != len(texts):
            raise ValueError(f"{len(targets)} target lists for {len(texts)} texts")
        if hidden is not None and len(hidden.encodings) != len(texts):
            raise ValueError(f"hidden holds {len(hidden.encodings)} texts, not {len(texts)}")
        wanted = [i for i, spans_of in enumerate(targets) if spans_of]
        out: list[list[tuple[float, float, float]]] = [[] for _ in texts]
        if not wanted:
            return out
        if hidden is None:
            hidden = self.minilm.hidden_states([texts[i] for i in wanted], self.upto)
        else:  # the tuned blocks run only over the texts that have targets
            hidden = select(hidden, wanted)
        states = self.minilm.run_layers(hidden, self.layers)
        for row, i in enumerate(wanted):
            start, n = int(hidden.starts[row]), int(hidden.lengths[row])
            own = states[start : start + n]
            sentence = own.mean(0)
            offsets = list(hidden.encodings[row].offsets)
            features = []
            for spans in targets[i]:
                rows = target_pieces(offsets, spans)  # none when cut off by truncation: the sentence stands in
                features.append(np.concatenate([own[rows].mean(0) if len(rows) else sentence, sentence]))
            probs = _softmax(np.stack(features) @ self.head_w.T + self.head_b)
            out[i] = [(float(p[0]), float(p[1]), float(p[2])) for p in probs]
        return out


def load(resources: Resources | None = None) -> SentimentModel:
    """The shipped target-sentiment model, built once per process through ``Resources``.

    Raises:
        ModelUnavailableError: the weights or the MiniLM package are missing.
    """
    return (resources or Resources()).tuned(MODEL, SentimentModel)
