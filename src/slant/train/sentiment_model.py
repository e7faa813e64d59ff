"""The torch side of the target-sentiment model: MiniLM's top blocks plus a three-class head that reads
the mean state of the target's wordpieces next to the mean state of the whole sentence.

The blocks run once per sentence, however many targets it has. (Marking the target with a learned
vector added to its wordpieces before the blocks, so that they run once per target, scored no better
on devtest_mt with 3 tuned blocks: 0.722 against 0.732 macro-F1; docs/EVALUATION.md.) Block parameter names follow
Hugging Face's ``BertLayer`` (see train/babe_model.py), so the trained blocks run unchanged in
``NumpyMiniLM.run_layers`` (analyses/portrayal/sentiment.py).
"""

from __future__ import annotations

import torch
from torch import nn

from slant.train.babe_model import BertBlock


class SentimentNet(nn.Module):
    """Top blocks over frozen lower-layer states; one logit triple (negative, neutral, positive) per target."""

    def __init__(self, blocks: list[BertBlock], dim: int, dropout: float) -> None:
        super().__init__()
        self.layer = nn.ModuleList(blocks)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(2 * dim, 3)

    def forward(self, x: torch.Tensor, mask: torch.Tensor, owner: torch.Tensor, pool: torch.Tensor) -> torch.Tensor:
        """Logits, shape (targets, 3).

        Args:
            x: frozen states, (batch, tokens, dim); mask: 1 for real tokens, (batch, tokens).
            owner: the batch row of each target, (targets,).
            pool: each target's averaging weights over the flattened (batch x tokens) states, (targets, batch*tokens).
        """
        for block in self.layer:
            x = block(x, mask)
        sentence = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        target = pool @ x.reshape(-1, x.shape[-1])
        return self.head(self.drop(torch.cat([target, sentence[owner]], -1)))  # type: ignore[no-any-return]
