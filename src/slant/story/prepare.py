"""The per-article work of corpus ingest, run in worker processes or Ray tasks: item -> prepared row.

An item (a feed entry, a file, a JSONL record) becomes a checked article (HTML through trafilatura,
text through the same checks as ``slant compare``), its outlet rating is looked up, its lean read by
the article-lean model when the outlet is unrated, its clustering features computed and its text
embedded with the static model. Pure given the item and the shipped models, so every engine gives
the same rows; the models load once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from slant.errors import SlantError
from slant.ingest.stream import Item, iso_date
from slant.settings import Settings
from slant.story.features import Features, TermWeights, features

_CACHE: dict[str, Any] = {}


@dataclass(frozen=True)
class Prepared:
    """An item made ready for clustering and storage."""

    item: Item
    title: str
    text: str
    outlet: str | None
    outlet_id: str | None
    lean: str | None
    lean_origin: str | None
    """"outlet" (the outlet's rating) or "model" (the article-lean model read the text)."""
    probabilities: tuple[float, float, float] | None
    features: Features
    vector: np.ndarray


@dataclass(frozen=True)
class Rejected:
    """An item that could not be used, and why (one line)."""

    item: Item
    reason: str


@dataclass(frozen=True)
class Job:
    """A batch of items and what the worker needs to prepare them."""

    items: tuple[Item, ...]
    settings: Settings
    outlets_csv: str | None = None


def _resources(outlets_csv: str | None) -> tuple[Any, Any, TermWeights, Any]:
    key = f"r:{outlets_csv}"
    if key not in _CACHE:
        from slant.analyses.judgement.lean import MODEL, LeanModel
        from slant.nlp.embed import StaticEmbedder
        from slant.nlp.resources import Resources
        from slant.story.outlets import OutletTable

        table = OutletTable.load(Path(outlets_csv) if outlets_csv else None)
        lean = LeanModel(Resources(Settings()).shipped(MODEL))
        _CACHE[key] = (table, lean, TermWeights.load(), StaticEmbedder())
    return _CACHE[key]  # type: ignore[no-any-return]


def _article(item: Item, settings: Settings) -> tuple[str, str, str | None, datetime | None]:
    """Title, text, outlet and date of an item, checked as ``slant compare`` checks its inputs."""
    from slant.ingest.text import article_from_text

    if item.html is not None:
        from slant.ingest.html import article_from_html

        article = article_from_html(item.html, item.url or item.source, settings)
    else:
        article = article_from_text(item.text or "", item.source, settings, title=item.title, url=item.url)
    title = item.title or article.title or ""
    published = item.published or (iso_date(article.date) if article.date else None)
    return title, article.text, item.outlet or article.outlet, published


def prepare(job: Job) -> list[Prepared | Rejected]:
    """Prepare every item of a batch, in order."""
    table, lean_model, weights, embedder = _resources(job.outlets_csv)
    from slant.analyses.judgement.lean import without_self_references
    from slant.story.outlets import outlet_key

    done: list[tuple[Item, str, str, str | None, datetime | None] | Rejected] = []
    for item in job.items:
        try:
            title, text, outlet, published = _article(item, job.settings)
        except SlantError as exc:
            done.append(Rejected(item, str(exc)))
            continue
        done.append((item, title, text, outlet, published))
    kept = [d for d in done if not isinstance(d, Rejected)]
    vectors = embedder.encode([f"{d[1]}\n{d[2][:1000]}" for d in kept]) if kept else np.zeros((0, 1))
    out: list[Prepared | Rejected] = []
    row = 0
    for d in done:
        if isinstance(d, Rejected):
            out.append(d)
            continue
        item, title, text, outlet, published = d
        rating = table.lookup(name=outlet, url=item.url)
        probabilities: tuple[float, float, float] | None = None
        if rating is not None:
            lean, origin = rating.lean, "outlet"
        else:
            p = lean_model.probabilities(without_self_references(f"{title}\n{text}", outlet)[:20000])
            probabilities = (float(p[0]), float(p[1]), float(p[2]))
            lean, origin = lean_model.sides[int(np.argmax(p))], "model"
        if published is not None and item.published is None:
            item = replace(item, published=published)
        out.append(
            Prepared(
                item=item,
                title=title,
                text=text,
                outlet=rating.name if rating is not None else outlet,
                outlet_id=rating.id if rating is not None else (outlet_key(outlet) or None if outlet else None),
                lean=lean,
                lean_origin=origin,
                probabilities=probabilities,
                features=features(title, text, weights),
                vector=vectors[row],
            )
        )
        row += 1
    return out
