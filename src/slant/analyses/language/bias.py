"""Biased sentences and loaded words, from MiniLM's top layers fine-tuned on BABE (NumPy inference only).

The shipped model (``slant/data/babe/``, made by ``slant train babe``) holds the top
transformer blocks of all-MiniLM-L6-v2 fine-tuned on BABE (Spinde et al., 2021) plus two
heads: one on the mean-pooled tokens (is the sentence biased?) and one on every wordpiece
(does it carry bias?). The lower ``frozen_layers`` blocks and the embeddings are the packaged
model's, unchanged, so inference reuses ``NumpyMiniLM`` (and a caller that already has their
hidden states can pass them in) and imports no torch.

Words are the tokens of ``word_spans``: maximal runs of letters and digits, joined across
an inner hyphen or apostrophe ("so-called", "don't"); everything else separates words. A
word's score is the highest score of the wordpieces it overlaps, times the sentence's
probability of being biased raised to ``word_gate`` (chosen by cross-validation; 0 = ungated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from slant.nlp.minilm import Hidden, NumpyMiniLM
from slant.nlp.resources import Resources

MODEL = "babe/model"
TAGGER = "tagger/model"
"""The same architecture trained on BABE and slant's word-choice training sets (``slant train tagger``):
comparisons read biased sentences and loaded words with it; ``MODEL``, trained on BABE alone, is what
``slant eval babe`` / ``babe-words`` score against BABE's published figures."""
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` (the tokenisation BABE words are matched against)."""
    return [m.span() for m in WORD.finditer(text)]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0))), dtype=np.float32)


def piece_words(offsets: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[list[int]]:
    """For each word span, the indices of the wordpieces (given by character offsets) that overlap it."""
    out: list[list[int]] = [[] for _ in spans]
    w = 0
    for i, (a, b) in enumerate(offsets):
        if b <= a:  # special tokens have empty offsets
            continue
        while w < len(spans) and spans[w][1] <= a:
            w += 1
        k = w
        while k < len(spans) and spans[k][0] < b:
            out[k].append(i)
            k += 1
    return out


@dataclass(frozen=True)
class BiasScores:
    """Scores of one text: probability it is biased, and each word's span and loaded-word score."""

    sentence: float
    words: list[tuple[int, int, float]]


class BiasModel:
    """The fine-tuned MiniLM top layers and heads, run over the shared NumPy MiniLM."""

    def __init__(self, minilm: NumpyMiniLM, weights: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.minilm = minilm
        self.upto = int(meta["frozen_layers"])
        self.word_threshold = float(meta["word_threshold"])
        self.word_gate = float(meta.get("word_gate", 0.0))
        self.layers = minilm.tuned_blocks(weights, int(meta["tuned_layers"]))
        self.sentence_w = weights["sentence.weight"].astype(np.float32).reshape(-1)
        self.sentence_b = float(weights["sentence.bias"].reshape(-1)[0])
        self.token_w = weights["token.weight"].astype(np.float32).reshape(-1)
        self.token_b = float(weights["token.bias"].reshape(-1)[0])

    @property
    def frozen_layers(self) -> int:
        """K: the lower MiniLM blocks the model shares unchanged; ``score`` accepts their hidden states."""
        return self.upto

    def _token_logits(self, states: np.ndarray, hidden: Hidden) -> np.ndarray:
        dim = states.shape[1]
        if len(self.token_w) == dim:
            return np.asarray(states @ self.token_w + self.token_b, dtype=np.float32)
        # Width-3 window: each wordpiece with its left and right neighbours in the same text (zeros past the ends).
        w_self, w_left, w_right = self.token_w[:dim], self.token_w[dim : 2 * dim], self.token_w[2 * dim :]
        own, left, right = states @ w_self, states @ w_left, states @ w_right
        ends = hidden.starts + hidden.lengths
        from_left = np.concatenate([[0.0], left[:-1]]).astype(np.float32)
        from_left[hidden.starts] = 0.0
        from_right = np.concatenate([right[1:], [0.0]]).astype(np.float32)
        from_right[ends - 1] = 0.0
        return np.asarray(own + from_left + from_right + self.token_b, dtype=np.float32)

    def score(self, texts: list[str], hidden: Hidden | None = None) -> list[BiasScores]:
        """Sentence probability and word scores for each text (empty list for no texts).

        Args:
            texts: the sentences.
            hidden: optionally ``minilm.hidden_states(texts, frozen_layers)`` for these same texts,
                already computed by the caller; it is not recomputed then.

        Raises:
            ValueError: ``hidden`` does not hold one entry per text.
        """
        if not texts:
            return []
        if hidden is None:
            hidden = self.minilm.hidden_states(texts, self.upto)
        elif len(hidden.encodings) != len(texts):
            raise ValueError(f"hidden holds {len(hidden.encodings)} texts, not {len(texts)}")
        states = self.minilm.run_layers(hidden, self.layers)
        token = _sigmoid(self._token_logits(states, hidden))
        pooled = np.add.reduceat(states, hidden.starts, axis=0) / hidden.lengths[:, None].astype(np.float32)
        sentence = _sigmoid(pooled @ self.sentence_w + self.sentence_b)
        out = []
        for i, text in enumerate(texts):
            spans = word_spans(text)
            start = int(hidden.starts[i])
            pieces = piece_words(list(hidden.encodings[i].offsets), spans)
            gate = float(sentence[i]) ** self.word_gate
            words = [
                (a, b, gate * float(token[start + np.asarray(p)].max()) if p else 0.0)
                for (a, b), p in zip(spans, pieces, strict=True)
            ]
            out.append(BiasScores(float(sentence[i]), words))
        return out


def load(resources: Resources | None = None, name: str = MODEL) -> BiasModel:
    """The shipped bias model (or, with ``name=TAGGER``, the loaded-word tagger), built once per process
    through ``Resources``.

    Raises:
        ModelUnavailableError: the weights or the MiniLM package are missing.
    """
    return (resources or Resources()).tuned(name, BiasModel)


def sentence_bias(texts: list[str], resources: Resources | None = None, name: str = TAGGER) -> list[float]:
    """Probability that each text is a biased sentence (BABE's "Biased" label), in text order, as comparisons
    read it (``name=MODEL`` for the model trained on BABE alone)."""
    return [s.sentence for s in load(resources, name).score(list(texts))]


def loaded_words(text: str, resources: Resources | None = None, name: str = TAGGER) -> list[tuple[int, int, float]]:
    """The loaded (bias-carrying) words of ``text``: ``(start, end, score)`` character spans, in order, as
    comparisons read them (``name=MODEL`` for the model trained on BABE alone)."""
    model = load(resources, name)
    scores = model.score([text])
    return [w for w in scores[0].words if w[2] >= model.word_threshold] if scores else []
