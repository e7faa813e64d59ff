"""What every MiniLM fine-tuning in slant/train shares: the packaged weights, the optimiser with
layer-wise learning rates and its warm-up/linear-decay schedule, and length-bucketed batches.

Nets name their tuned blocks ``layer.{k}.*`` (k = 0 the lowest); every other parameter is a head.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from slant.nlp.minilm import model_dir


def packaged_minilm() -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The packaged MiniLM's config and raw weights."""
    from safetensors.numpy import load_file

    config = json.loads((model_dir() / "config.json").read_text())
    return config, load_file(str(model_dir() / "model.safetensors"))


def optimiser(
    net: Any,
    tuned: int,
    lr_head: float,
    lr_top: float,
    layer_decay: float,
    steps_per_epoch: int,
    schedule_epochs: int,
) -> tuple[Any, Any]:
    """AdamW (weight decay 0.01) with the heads at ``lr_head`` and tuned block k at
    ``lr_top * layer_decay ** (tuned - 1 - k)``; learning rate warmed up over half an epoch, then
    decayed linearly to zero at the end of ``schedule_epochs``."""
    import torch

    named = list(net.named_parameters())
    groups = [{"params": [p for n, p in named if not n.startswith("layer.")], "lr": lr_head}]
    for k in range(tuned):
        lr = lr_top * layer_decay ** (tuned - 1 - k)
        groups.append({"params": [p for n, p in named if n.startswith(f"layer.{k}.")], "lr": lr})
    opt = torch.optim.AdamW(groups, weight_decay=0.01)
    steps = schedule_epochs * steps_per_epoch
    warm = max(1, steps_per_epoch // 2)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    return opt, sched


def batches(lengths: np.ndarray, size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """One epoch's batches of example indices, in training order: examples of similar length together
    (sorted with a little noise, so they waste little on padding), batches shuffled."""
    order = np.argsort(lengths + rng.uniform(0, 8, len(lengths)), kind="stable")
    chunks = [order[i : i + size] for i in range(0, len(order), size)]
    return [chunks[c] for c in rng.permutation(len(chunks))]
