"""`slant eval allsides`: the shipped article-lean model scored on any file in the AllSides format.

Data: JSON lines (optionally gzip-compressed, ``.gz``), one article a line, in the layout of the
Article-Bias-Prediction release (Baly et al., EMNLP 2020): ``title``, ``content`` and the label as
``bias_text`` (left / center / right) or ``bias`` (0 / 1 / 2). Only ``title`` and ``content`` are
read to predict; ``source``, ``url`` and ``authors`` never are. Scores: macro-F1 over the three
sides, accuracy, per-side precision/recall, and the confusion matrix (rows gold, columns predicted).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slant.errors import InputError

ANCHOR = (
    "POLITICS (Liu et al., 2022): macro-F1 0.7493 on AllSides article lean; Baly et al. (2020) report lower "
    "figures on the media split; issue goal >= 0.80 on unseen outlets"
)
SIDES = ("left", "center", "right")


@dataclass(frozen=True)
class LeanRow:
    """One labelled article."""

    title: str
    content: str
    side: int
    """0 left, 1 center, 2 right."""
    source: str
    split: str


def _side(record: dict[str, Any]) -> int | None:
    text = record.get("bias_text")
    if isinstance(text, str) and text.strip().lower() in SIDES:
        return SIDES.index(text.strip().lower())
    number = record.get("bias")
    if isinstance(number, int) and not isinstance(number, bool) and 0 <= number <= 2:
        return number
    return None


def records(path: Path) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON-lines file (``.gz`` read as gzip), blank lines skipped.

    Raises:
        InputError: the file is missing or unreadable, or a line is not a JSON object.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file (expected AllSides-format JSON lines)")
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError:
                    raise InputError(f"{path}: line {n} is not JSON") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}: line {n} is not a JSON object")
                yield record
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it as (gzipped) UTF-8 JSON lines ({exc})") from None


def side_of(record: dict[str, Any]) -> int | None:
    """The record's label as 0 left / 1 center / 2 right, from ``bias_text`` or ``bias``; None if absent."""
    return _side(record)


def read_allsides(path: Path) -> list[LeanRow]:
    """Every labelled article of an AllSides-format JSONL file (``.gz`` read as gzip).

    Raises:
        InputError: the file is missing, unreadable, not JSON lines, or holds no labelled article.
    """
    rows: list[LeanRow] = []
    for record in records(path):
        side = _side(record)
        text = f"{record.get('title') or ''}\n{record.get('content') or ''}".strip()
        if side is None or not text:
            continue
        rows.append(
            LeanRow(
                str(record.get("title") or ""),
                str(record.get("content") or ""),
                side,
                str(record.get("source") or ""),
                str(record.get("split") or ""),
            )
        )
    if not rows:
        raise InputError(f"{path}: no article with a title or content and a left/center/right label")
    return rows


def scores(gold: list[int], pred: list[int]) -> dict[str, Any]:
    """Macro-F1, accuracy, per-side precision/recall and the confusion matrix."""
    out: dict[str, Any] = {}
    f1s = []
    for k, side in enumerate(SIDES):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == k and p == k)
        precision = tp / max(1, sum(1 for p in pred if p == k))
        recall = tp / max(1, sum(1 for g in gold if g == k))
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
        out[f"precision_{side}"], out[f"recall_{side}"] = round(precision, 4), round(recall, 4)
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    out["accuracy"] = round(sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / max(1, len(gold)), 4)
    out["articles"] = len(gold)
    out["confusion"] = [
        [sum(1 for g, p in zip(gold, pred, strict=True) if (g, p) == (a, b)) for b in range(3)] for a in range(3)
    ]
    return out


def evaluate(data: Path) -> dict[str, Any]:
    """Score the shipped lean model on an AllSides-format file, from title and content alone."""
    from slant.analyses.judgement.lean import MAX_CHARS, MODEL, LeanModel, without_self_references
    from slant.nlp.resources import Resources

    rows = read_allsides(data)
    model = LeanModel(Resources().shipped(MODEL))
    pred = []
    for row in rows:
        probs = model.probabilities(without_self_references(f"{row.title}\n{row.content}")[:MAX_CHARS])
        pred.append(SIDES.index(model.sides[int(probs.argmax())]))
    return scores([r.side for r in rows], pred)
