"""Read stories back from the store for people: filtered lists with coverage, and a story's articles to compare.

Used by ``slant stories``/``slant story`` and by the web app, so both show the same thing.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from slant.errors import InputError, NotFoundError
from slant.model import Article
from slant.settings import Settings
from slant.story.coverage import Blindspot, coverage

if TYPE_CHECKING:
    from slant.store.duckdb import Store


class NoSuchStory(NotFoundError):
    """The store holds no story with this id."""


BLINDSPOT_SIDES = tuple(side.value for side in Blindspot)


def parse_when(text: str | None, name: str) -> datetime | None:
    """An ISO date or date-time from a filter (``name`` says which, in the message); UTC when no zone is given.

    Raises:
        InputError: not an ISO date.
    """
    if text is None or not text.strip():
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{name}: not an ISO date ({text!r}); use e.g. 2026-01-31 or 2026-01-31T08:00") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def list_stories(
    store: "Store",
    settings: Settings,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: str | None = None,
    blindspot: str | None = None,
    limit: int = 30,
) -> list[dict[str, Any]]:
    """Stories newest first, each with ``shares`` per side and its ``blindspots``.

    Args:
        store: an open store.
        settings: the blindspot rule (``blindspot_share``, ``blindspot_min_articles``).
        since, until, entity: filters passed to the store query.
        blindspot: keep only stories that are a blindspot for this side (``left``, ``center``,
            ``right``) or for any side (``any``); None keeps all.
        limit: at most this many stories.
    """
    if blindspot is not None and blindspot not in BLINDSPOT_SIDES:
        raise InputError(f"blindspot: {blindspot!r} is not one of {', '.join(BLINDSPOT_SIDES)}")
    # The blindspot rule is applied here, after the query: read more rows when it filters.
    wanted = limit if blindspot is None else max(limit, 10_000)
    listed: list[dict[str, Any]] = []
    for row in store.stories(since, until, entity, limit=wanted):
        cov = coverage(row["lean"], settings)
        if blindspot is not None and not (cov.blindspots if blindspot == "any" else blindspot in cov.blindspots):
            continue
        listed.append({**row, "shares": cov.shares, "blindspots": list(cov.blindspots)})
        if len(listed) >= limit:
            break
    return listed


def story_row(store: "Store", story_id: str, settings: Settings) -> dict[str, Any]:
    """One story as ``list_stories`` lists it.

    Raises:
        NoSuchStory: no such story.
    """
    rows = store.stories(story_id=story_id, limit=1)
    if not rows:
        hint = f"list them with `slant stories --db {store.path}`"
        raise NoSuchStory(f"{story_id}: no such story in {store.path}; {hint}")
    cov = coverage(rows[0]["lean"], settings)
    return {**rows[0], "shares": cov.shares, "blindspots": list(cov.blindspots)}


def story_articles(store: "Store", story_id: str, max_articles: int) -> list[Article]:
    """Up to ``max_articles`` of a story's articles, spread over the sides, ready for ``compare``.

    Raises:
        NoSuchStory: no such story.
        InputError: the story has a single article.
    """
    return articles_to_compare(store.story_articles(story_id), story_id, str(store.path), max_articles)


def articles_to_compare(rows: list[dict[str, Any]], story_id: str, db: str, max_articles: int) -> list[Article]:
    """``story_articles`` from the rows ``Store.story_articles`` gave (``db`` names the store in messages)."""
    if not rows:
        hint = f"list them with `slant stories --db {db}`"
        raise NoSuchStory(f"{story_id}: no such story in {db}; {hint}")
    if len(rows) < 2:
        raise InputError(f"{story_id}: has one article only; a comparison needs two or more")
    return [
        Article(
            id=f"a{k}",
            source=r["url"] or r["source"],
            text=r["text"] if not r["title"] else f"{r['title']}\n\n{r['text']}",
            title=r["title"] or None,
            outlet=r["outlet"],
            url=r["url"],
        )
        for k, r in enumerate(_spread(rows, max_articles), 1)
    ]


def _spread(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Up to ``n`` articles taking sides in turn (left, center, right, unrated), in ingest order within a side."""
    queues: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        queues.setdefault(r["lean"] or "unrated", []).append(r)
    out: list[dict[str, Any]] = []
    while len(out) < n and any(queues.values()):
        for side in ("left", "center", "right", "unrated"):
            if queues.get(side) and len(out) < n:
                out.append(queues[side].pop(0))
    return out


def story_json(row: dict[str, Any]) -> dict[str, Any]:
    """A listed story as JSON-ready values (dates as ISO strings)."""
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in row.items()}
