"""The ``lean`` analysis: each article's political lean (left / center / right), read from its text alone.

The model (``slant/data/allsides.json``, made by ``slant train allsides`` from the AllSides article-lean
data of Baly et al., 2020) is a multinomial logistic regression over TF-IDF weights of words and word
pairs. Only wording shared by many outlets is kept (a term must occur in articles of at least
``min_sources`` outlets), and the outlet's own name, bylines, datelines and wire credits are removed
first (``without_self_references``), so the model reads how a story is told, not who published it.

The article vector is built from per-sentence counts, so each sentence's pull is exact: a term
adds ``x[t] * W[side, t]`` to a side's logit, shared among the sentences that use it in
proportion to their counts. The sentences pulling hardest toward the predicted side (above the
best other side) are its evidence. Inference is plain NumPy (no scikit-learn import).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.analyses.quotes.outlets import outlet_pattern
from slant.model import ArticleLean, Comparison, LeanEvidence

if TYPE_CHECKING:
    from slant.nlp.resources import Resources
    from slant.settings import Settings

MODEL = "allsides"
"""The shipped model's name in ``slant/data`` (``slant train allsides`` rebuilds it)."""
SIDES = ("left", "center", "right")
EVIDENCE = 3
MAX_CHARS = 6000
"""Characters of an article read (title and the first paragraphs); training reads the same."""

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_BYLINE = re.compile(r"^\s*(?:by|written by|reporting by|posted by)\s+[^\n]{0,80}$", re.I | re.M)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .,'-]{2,40}(?:\s*\([A-Za-z .]+\))?\s*[—–-]{1,2}\s*", re.M)
_POSSESSIVE = re.compile(r"(?<=\s)['’]s\b")
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|CNN|Bloomberg|UPI)\)\s*[—–-]*\s*")


def without_self_references(text: str, outlet: str | None = None) -> str:
    """The text with outlet names (its own and every outlet slant knows), bylines, datelines and wire
    credits removed: what an article's lean is read from, in training and at run time alike."""
    text = _BYLINE.sub(" ", text)
    text = _DATELINE.sub("", text)
    text = _WIRE.sub(" ", text)
    if outlet:
        text = re.sub(rf"(?<![\w]){re.escape(outlet)}(?![\w])", " ", text, flags=re.I)
    return _POSSESSIVE.sub(" ", outlet_pattern().sub(" ", text))


def terms(text: str) -> Counter[str]:
    """Word and word-pair counts of a text, tokenised as the model was trained (lower-cased)."""
    words = TOKEN.findall(text.lower())
    return Counter(words) + Counter(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


class LeanModel:
    """The shipped logistic regression over sublinear, L2-normalised TF-IDF of words and word pairs."""

    def __init__(self, meta: dict[str, Any]) -> None:
        self.index = {term: k for k, term in enumerate(meta["vocabulary"])}
        self.idf = np.asarray(meta["idf"], dtype=np.float64)
        self.weights = np.asarray(meta["weights"], dtype=np.float64)  # (sides, terms)
        self.bias = np.asarray(meta["bias"], dtype=np.float64)
        self.sides: tuple[str, ...] = tuple(meta["classes"])
        self.centred = self.weights - self.weights.mean(0, keepdims=True)

    def _vector(self, counts: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the known terms of ``counts`` and their normalised TF-IDF weights."""
        known = [(self.index[t], n) for t, n in counts.items() if t in self.index]
        if not known:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.array([k for k, _ in known], dtype=np.int64)
        x = (1.0 + np.log([n for _, n in known])) * self.idf[idx]
        return idx, x / np.linalg.norm(x)

    def probabilities(self, text: str) -> np.ndarray:
        """P(side) of a whole text, in ``sides`` order."""
        idx, x = self._vector(terms(text))
        return _softmax(self.weights[:, idx] @ x + self.bias)

    def read(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """P(side) of an article given as sentences, and each sentence's pull on each side's logit,
        relative to the mean over sides: shape (sentences, sides). The pulls add up to the article's
        centred logits less the bias."""
        per_sentence = [terms(s) for s in sentences]
        total: Counter[str] = Counter()
        for counts in per_sentence:
            total.update(counts)
        idx, x = self._vector(total)
        probs = _softmax(self.weights[:, idx] @ x + self.bias)
        weight_of = dict(zip(idx.tolist(), x.tolist(), strict=True))
        pulls = np.zeros((len(sentences), len(self.sides)))
        for s, counts in enumerate(per_sentence):
            for term, n in counts.items():
                k = self.index.get(term)
                if k is not None:
                    pulls[s] += weight_of[k] * (n / total[term]) * self.centred[:, k]
        return probs, pulls


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max())
    return np.asarray(e / e.sum(), dtype=np.float64)


def article_sentences(texts: Sequence[str]) -> list[int]:
    """Indices of the sentences read (those that start within the first ``MAX_CHARS`` characters)."""
    kept, used = [], 0
    for k, text in enumerate(texts):
        if used >= MAX_CHARS:
            break
        kept.append(k)
        used += len(text) + 1
    return kept


def lean_of(model: LeanModel, article_id: str, sentence_ids: Sequence[str], sentences: Sequence[str]) -> ArticleLean:
    """The lean of one article from its (cleaned) sentences; ``sentence_ids`` in the same order."""
    probs, pulls = model.read(sentences)
    side = int(np.argmax(probs))
    margin = pulls[:, side] - np.delete(pulls, side, axis=1).max(1) if len(sentences) else np.zeros(0)
    order = [int(k) for k in np.argsort(-margin, kind="stable") if margin[k] > 0][:EVIDENCE]
    by_side = {s: float(p) for s, p in zip(model.sides, probs, strict=True)}
    return ArticleLean(
        article=article_id,
        lean=model.sides[side],
        probabilities={k: round(v, 4) for k, v in by_side.items()},
        score=round(by_side.get("right", 0.0) - by_side.get("left", 0.0), 4),
        evidence=[
            LeanEvidence(
                sentence=sentence_ids[k],
                toward=model.sides[side],
                weight=round(float(margin[k]), 4),
            )
            for k in order
        ],
    )


def load(resources: "Resources") -> LeanModel:
    """The shipped lean model.

    Raises:
        ModelUnavailableError: ``slant/data/allsides.json`` is missing or broken.
    """
    return LeanModel(resources.shipped(MODEL))


def run(comparison: Comparison, resources: "Resources", settings: "Settings") -> dict[str, Any]:
    """Lean of every article: probabilities, the side, and the sentences that drive the call."""
    model = load(resources)
    out = []
    for article in comparison.articles:
        texts = [without_self_references(s.text, article.outlet) for s in article.sentences]
        kept = article_sentences(texts)
        out.append(lean_of(model, article.id, [article.sentences[k].id for k in kept], [texts[k] for k in kept]))
    return {"lean": out}
