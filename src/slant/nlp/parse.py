"""One spaCy pass per article: sentences (boilerplate left out), tokens, entities, noun phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from slant.model import Article, Comparison, Sentence
from slant.nlp.embed import Embedder, MiniLMEmbedder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from slant.nlp.resources import Resources

_NEWLINES = re.compile(r"\n+")


@dataclass
class NlpLayer:
    """What the NLP layer made for each article, kept beside the model and never serialised."""

    docs: dict[str, "Doc"] = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)
    """Article id -> one L2-normalised embedding row per sentence, in sentence order."""
    hidden: dict[str, dict[int, Any]] = field(default_factory=dict)
    """Article id -> block count -> MiniLM token states (``minilm.Hidden``) of the article's sentences,
    kept by ``embed`` for models fine-tuned on top of those blocks (empty for other embedders)."""


def _inside(start: int, end: int, blocks: list[tuple[int, int]]) -> bool:
    return any(start < b_end and end > b_start for b_start, b_end in blocks)


def _paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in _NEWLINES.finditer(text)]


def sentences_of(article: Article, doc: "Doc") -> list[Sentence]:
    """Cut an article's parsed text into sentences, leaving boilerplate blocks out.

    Args:
        article: the article, with ``boilerplate`` already detected.
        doc: spaCy's parse of ``article.text``.

    Returns:
        Sentences with ids ``"<article>.s<n>"`` numbered from 1, offsets trimmed of whitespace.
    """
    blocks = [(b.start, b.end) for b in article.boilerplate]
    para_starts = _paragraph_starts(article.text)
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        if _inside(start, end, blocks):
            continue
        paragraph = sum(1 for p in para_starts if p <= start)
        out.append(
            Sentence(id=f"{article.id}.s{len(out) + 1}", start=start, end=end, text=stripped, paragraph=paragraph)
        )
    return out


def parse(comparison: Comparison, resources: "Resources") -> Comparison:
    """Parse every article once; fill ``Article.sentences`` and the private NLP layer.

    Args:
        comparison: articles to parse (sentences are replaced).
        resources: where the spaCy pipeline comes from.

    Returns:
        The same comparison, enriched.
    """
    nlp = resources.nlp
    layer = comparison.nlp if isinstance(comparison.nlp, NlpLayer) else NlpLayer()
    texts = [a.text for a in comparison.articles]
    for article, doc in zip(comparison.articles, nlp.pipe(texts, batch_size=8), strict=True):
        layer.docs[article.id] = doc
        article.sentences = sentences_of(article, doc)
    comparison._nlp = layer
    return comparison


def _encode(embedder: "Embedder", texts: list[str], keep_layers: Sequence[int]) -> tuple[np.ndarray, dict[int, Any]]:
    if keep_layers and isinstance(embedder, MiniLMEmbedder):
        return embedder.encode_keeping(texts, keep_layers)
    return embedder.encode(texts), {}


def embed(comparison: Comparison, resources: "Resources", keep_layers: Sequence[int] = ()) -> Comparison:
    """Embed every sentence of every article with the configured embedder.

    With the MiniLM embedder, the token states after each block count in ``keep_layers`` are kept
    in ``NlpLayer.hidden`` for models fine-tuned on top of MiniLM (the bias model); other embedders
    keep nothing and those models compute the states themselves.
    """
    layer = comparison.nlp
    assert isinstance(layer, NlpLayer), "parse() runs before embed()"
    embedder = resources.embedder()
    for article in comparison.articles:
        layer.vectors[article.id], layer.hidden[article.id] = _encode(
            embedder, [s.text for s in article.sentences], keep_layers
        )
    return comparison
