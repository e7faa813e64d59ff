"""Hand-made gold annotations of example events (src/slant/examples/gold/*.json), mapped onto parsed sentences."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.ingest import read_articles
from slant.model import Article, Comparison
from slant.settings import Settings

LANGUAGE_PREFIX = "lang_"
"""Gold files whose name starts with this hold language marks and terms, not facts or quotes."""

Link = frozenset[str]
"""Two sentence ids from different articles that report the same fact."""


@dataclass
class GoldEvent:
    """One annotated event: its articles and the annotations as written."""

    name: str
    articles: list[Article]
    raw: dict[str, Any]
    path: Path


@dataclass
class GoldLinks:
    """Gold annotations resolved to sentence ids of a parsed comparison."""

    facts: list[list[str]] = field(default_factory=list)
    links: set[Link] = field(default_factory=set)
    contradictions: set[Link] = field(default_factory=set)


def load_events(folder: Path, settings: Settings | None = None) -> list[GoldEvent]:
    """Read every ``*.json`` gold file in a folder, with its articles.

    ``lang_*.json`` files hold language gold (``slant eval language``/``terms``) and are skipped.

    Raises:
        InputError: the folder holds no gold file, or a file or article is unusable.
    """
    folder = Path(folder)
    files = (
        sorted(f for f in folder.glob("*.json") if not f.name.startswith(LANGUAGE_PREFIX))
        if folder.is_dir()
        else [folder]
    )
    if not files or not all(f.is_file() for f in files):
        raise InputError(f"{folder}: no gold alignment files (*.json) found")
    events: list[GoldEvent] = []
    for path in files:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            specs = raw["articles"]
            sources = [str((path.parent / spec["path"]).resolve()) for spec in specs]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: not a gold alignment file ({exc})") from None
        articles = read_articles(sources, settings)
        for article, spec in zip(articles, specs, strict=True):
            article.id = spec["id"]
            article.outlet = spec.get("outlet", article.outlet)
        events.append(GoldEvent(name=raw.get("event", path.stem), articles=articles, raw=raw, path=path))
    return events


def sentence_of(comparison: Comparison, article_id: str, quote: str) -> str:
    """Id of the sentence of an article that contains ``quote``.

    Raises:
        InputError: the quote is not inside exactly one sentence.
    """
    article = comparison.article(article_id)
    at = article.text.find(quote)
    if at < 0:
        raise InputError(f"gold quote not found in {article_id}: {quote!r}")
    for sentence in article.sentences:
        if sentence.start <= at < sentence.end:
            return sentence.id
    raise InputError(f"gold quote is not inside a sentence of {article_id}: {quote!r}")


def _pairs(ids: list[str]) -> set[Link]:
    return {frozenset((a, b)) for a, b in combinations(ids, 2) if a.split(".")[0] != b.split(".")[0]}


def resolve(event: GoldEvent, comparison: Comparison) -> GoldLinks:
    """Map an event's gold facts and contradictions onto the sentences of its parsed comparison."""
    gold = GoldLinks()
    for group in event.raw.get("facts", []):
        ids = [sentence_of(comparison, ref["article"], ref["quote"]) for ref in group]
        gold.facts.append(ids)
        gold.links |= _pairs(ids)
    for group in event.raw.get("contradictions", []):
        ids = [sentence_of(comparison, ref["article"], ref["quote"]) for ref in group]
        gold.contradictions |= _pairs(ids)
    return gold


def prf(predicted: set[Link], gold: set[Link]) -> dict[str, float]:
    """Precision, recall and F1 of predicted links against gold links."""
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": len(predicted), "gold": len(gold)}
