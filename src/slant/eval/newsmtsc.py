"""`slant eval newsmtsc`: target-dependent sentiment scored on any NewsMTSC-format JSONL file.

Data. One JSON object per line with ``sentence_normalized`` and ``targets``; each target has
``from``/``to`` (character offsets into the sentence, end exclusive), ``polarity`` (2.0 negative,
4.0 neutral, 6.0 positive) and optionally ``further_mentions`` (coreferent mentions, same offsets).
Each target is one item: the model reads the sentence and the target's mentions (main and further)
and predicts one of the three classes. Printed: macro-F1 over the three classes (the figure the
NewsMTSC paper reports), accuracy, and per-class F1.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from slant.errors import InputError

ANCHOR = "NewsMTSC (Hamborg & Donnay, 2021): macro-F1 0.825 (devtest_mt) / 0.831 (devtest_rw), GRU-TSC on RoBERTa"
CLASSES = ("negative", "neutral", "positive")
POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}


@dataclass(frozen=True)
class Target:
    """One annotated target: its mentions as character spans (the main one first) and its class index."""

    spans: tuple[tuple[int, int], ...]
    label: int


@dataclass(frozen=True)
class Item:
    """One sentence and its targets."""

    text: str
    targets: tuple[Target, ...]


class Scorer(Protocol):
    """What the evaluation needs of a sentiment model (``analyses.portrayal.sentiment.SentimentModel`` has it)."""

    def probabilities(
        self, texts: list[str], targets: Sequence[Sequence[Sequence[tuple[int, int]]]]
    ) -> list[list[tuple[float, float, float]]]: ...


def _span(raw: Any, text: str) -> tuple[int, int] | None:
    try:
        a, b = int(raw["from"]), int(raw["to"])
    except (KeyError, TypeError, ValueError):
        return None
    return (a, b) if 0 <= a < b <= len(text) else None


def _target(raw: Any, text: str) -> Target | None:
    if not isinstance(raw, dict) or raw.get("polarity") not in POLARITY:
        return None
    main = _span(raw, text)
    if main is None:
        return None
    further = [s for m in raw.get("further_mentions") or [] if (s := _span(m, text)) is not None]
    return Target((main, *further), POLARITY[raw["polarity"]])


def read_newsmtsc(path: Path) -> list[Item]:
    """The sentences and targets of a NewsMTSC-format JSONL file (targets with a bad span are skipped).

    Raises:
        InputError: unreadable file, a line that is not a NewsMTSC object, or no usable target.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the NewsMTSC file ({exc})") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["sentence_normalized"]
            raw_targets = record["targets"]
        except (ValueError, KeyError, TypeError):
            raise InputError(
                f"{path}:{number}: not a NewsMTSC record (needs 'sentence_normalized' and 'targets')"
            ) from None
        if not isinstance(text, str) or not isinstance(raw_targets, list):
            raise InputError(f"{path}:{number}: 'sentence_normalized' must be text and 'targets' a list")
        targets = tuple(t for raw in raw_targets if (t := _target(raw, text)) is not None)
        if targets:
            items.append(Item(text, targets))
    if not items:
        raise InputError(f"{path}: no target with a polarity of 2.0, 4.0 or 6.0 and a valid span")
    return items


def scores(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    """Macro-F1 over the three classes, accuracy, per-class F1 and the item count."""
    out: dict[str, Any] = {"targets": len(gold)}
    f1s = []
    for k, name in enumerate(CLASSES):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p == k)
        predicted, actual = sum(1 for p in pred if p == k), sum(1 for g in gold if g == k)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[f"f1_{name}"] = round(f1, 4)
        f1s.append(f1)
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    out["accuracy"] = round(sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / max(1, len(gold)), 4)
    return out


def evaluate(data: Path, model: Scorer | None = None) -> dict[str, Any]:
    """Score ``model`` (default: the shipped one) on every target of a NewsMTSC-format file."""
    items = read_newsmtsc(data)
    from slant.analyses.portrayal.sentiment import argmax, load

    if model is None:
        model = load()
    probs = model.probabilities([i.text for i in items], [[t.spans for t in i.targets] for i in items])
    gold = [t.label for i in items for t in i.targets]
    pred = [argmax(p) for ps in probs for p in ps]
    return scores(gold, pred)
