"""The torch side of the BABE bias model: MiniLM's top BERT blocks plus sentence, word and lexicon heads.

Parameter names follow Hugging Face's ``BertLayer`` so the trained blocks run unchanged in
``NumpyMiniLM.run_layers`` (see analyses/language/bias.py).
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
import torch
from torch import nn


class BertBlock(nn.Module):
    """One BERT encoder layer (post-norm, exact GELU), named as in ``transformers``."""

    def __init__(self, dim: int, heads: int, inner: int, eps: float, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.attention = nn.ModuleDict(
            {
                "self": nn.ModuleDict({n: nn.Linear(dim, dim) for n in ("query", "key", "value")}),
                "output": nn.ModuleDict({"dense": nn.Linear(dim, dim), "LayerNorm": nn.LayerNorm(dim, eps=eps)}),
            }
        )
        self.intermediate = nn.ModuleDict({"dense": nn.Linear(dim, inner)})
        self.output = nn.ModuleDict({"dense": nn.Linear(inner, dim), "LayerNorm": nn.LayerNorm(dim, eps=eps)})
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        h = self.heads
        sa = cast(nn.ModuleDict, self.attention["self"])
        q, k, v = (sa[name](x).view(b, n, h, d // h).transpose(1, 2) for name in ("query", "key", "value"))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d // h) + (1.0 - mask[:, None, None, :]) * -1e9
        ctx = (self.drop(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, d)
        ao = cast(nn.ModuleDict, self.attention["output"])
        x = ao["LayerNorm"](self.drop(ao["dense"](ctx)) + x)
        inner = nn.functional.gelu(self.intermediate["dense"](x))
        return self.output["LayerNorm"](self.drop(self.output["dense"](inner)) + x)  # type: ignore[no-any-return]


def neighbours(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Each token's state next to its left and right neighbours' (zeros past either end), shape (b, n, 3d)."""
    x = x * mask[..., None]
    left = nn.functional.pad(x[:, :-1], (0, 0, 1, 0))
    right = nn.functional.pad(x[:, 1:], (0, 0, 0, 1))
    return torch.cat([x, left, right], -1)


class BiasNet(nn.Module):
    """Top blocks over frozen lower-layer states; mean-pooled sentence logit and per-wordpiece logits.

    With ``context`` the word head reads each wordpiece with its two neighbours (a width-3 window).
    """

    def __init__(self, blocks: list[BertBlock], dim: int, dropout: float, context: bool = False) -> None:
        super().__init__()
        self.layer = nn.ModuleList(blocks)
        self.drop = nn.Dropout(dropout)
        self.context = context
        self.sentence = nn.Linear(dim, 1)
        self.token = nn.Linear(3 * dim if context else dim, 1)
        self.lexicon = nn.Linear(dim, 1)  # auxiliary target at train time only; not shipped

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        for block in self.layer:
            x = block(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        h = self.drop(x)
        return (
            self.sentence(self.drop(pooled)).squeeze(-1),
            self.token(neighbours(h, mask) if self.context else h).squeeze(-1),
            self.lexicon(h).squeeze(-1),
        )


def pretrained_blocks(
    raw: dict[str, np.ndarray], first: int, count: int, config: dict[str, float], dropout: float = 0.1
) -> list[BertBlock]:
    """``BertBlock``s that start from MiniLM's layers ``first .. first + count - 1`` in ``raw``."""
    dim, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    inner, eps = int(config["intermediate_size"]), float(config["layer_norm_eps"])
    prefix = "" if "embeddings.word_embeddings.weight" in raw else "bert."
    blocks = []
    for i in range(first, first + count):
        block = BertBlock(dim, heads, inner, eps, dropout)
        p = f"{prefix}encoder.layer.{i}."
        state = {k[len(p) :]: torch.from_numpy(v.copy()) for k, v in raw.items() if k.startswith(p)}
        block.load_state_dict(state)
        blocks.append(block)
    return blocks


def build(
    raw: dict[str, np.ndarray],
    first: int,
    count: int,
    config: dict[str, float],
    dropout: float = 0.1,
    context: bool = False,
) -> BiasNet:
    """A ``BiasNet`` whose blocks start from MiniLM's layers ``first .. first + count - 1`` in ``raw``."""
    blocks = pretrained_blocks(raw, first, count, config, dropout)
    return BiasNet(blocks, int(config["hidden_size"]), dropout, context)


def half_precision(net: nn.Module, skip: tuple[str, ...] = ()) -> dict[str, np.ndarray]:
    """Every weight of ``net`` as float16 NumPy arrays, except those whose name starts with ``skip``."""
    return {
        name: value.detach().cpu().numpy().astype(np.float16)
        for name, value in net.state_dict().items()
        if not name.startswith(skip)
    }


def shipped_arrays(net: BiasNet) -> dict[str, np.ndarray]:
    """The weights inference needs, float16, named ``layer.{k}.<BertLayer name>``, ``sentence.*``, ``token.*``."""
    return half_precision(net, skip=("lexicon.",))
