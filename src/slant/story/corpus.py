"""`slant ingest`: sources -> items -> prepared articles (any engine) -> stories -> the DuckDB store.

Items already stored (same URL) are skipped before any work; link-only items are fetched in threads
with per-host limits; batches are prepared on the chosen engine and come back in order; each
prepared article not yet stored (same content key) is clustered here, in input order, and the batch
is written in one transaction with the stories it changed. Killed at any point, a re-run resumes
after the last written batch and ends with exactly the rows an uninterrupted run writes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from slant.errors import SlantError
from slant.ingest.stream import Item, read_items
from slant.settings import Settings
from slant.store.duckdb import Store, StoredArticle
from slant.story.backends import run_map
from slant.story.cluster import MAX_LIVE, Clusterer, StoryState
from slant.story.prepare import Job, Prepared, Rejected, prepare

if TYPE_CHECKING:
    from slant.ingest.fetch import FetchPolicy


@dataclass
class IngestReport:
    """What one ingest run did."""

    seen: int = 0
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    stories_touched: int = 0
    reasons: list[str] = field(default_factory=list)
    """The first rejection messages (at most 20)."""

    def reject(self, reason: str) -> None:
        self.rejected += 1
        if len(self.reasons) < 20:
            self.reasons.append(reason)


def _policy(settings: Settings, allow_private: bool) -> "FetchPolicy":
    from slant.ingest.fetch import FetchPolicy

    return FetchPolicy.from_settings(settings, allow_private)


def _fetch_links(items: list[Item], report: IngestReport, policy: "FetchPolicy") -> list[Item]:
    """Items with only a link get the page's HTML, fetched politely; failures are rejected."""
    todo = [k for k, it in enumerate(items) if it.text is None and it.html is None and it.url]
    if not todo:
        return items
    from slant.ingest.decode import decode
    from slant.ingest.fetch import Fetcher

    out: list[Item | None] = list(items)
    with Fetcher(policy) as fetcher:

        def get(k: int) -> tuple[int, Item | str]:
            it = items[k]
            try:
                page = fetcher.fetch(it.url or "")
                html = decode(page.content, it.url or it.source).text
            except SlantError as exc:
                return k, str(exc)
            return k, replace(it, url=page.url, html=html)

        with ThreadPoolExecutor(max_workers=8) as pool:
            for k, got in pool.map(get, todo):
                if isinstance(got, str):
                    report.reject(got)
                    out[k] = None
                else:
                    out[k] = got
    return [it for it in out if it is not None]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def ingest(
    sources: list[str],
    db: Path,
    settings: Settings | None = None,
    *,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    outlets_csv: Path | None = None,
    batch_size: int = 256,
    allow_private: bool = False,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest every source into the store at ``db``.

    Raises:
        InputError: a source cannot be read (nothing of later batches is written; earlier ones stay).
        StoreError: the store cannot be opened or written.
    """
    settings = settings or Settings()
    report = IngestReport()
    policy = _policy(settings, allow_private)
    with Store(db) as store:
        keys, urls = store.known()
        seq = store.next_seq()
        clusterer = Clusterer(settings.story_threshold, settings.story_window_hours, store.live_stories(MAX_LIVE))
        if outlets_csv is not None:
            from slant.story.outlets import OutletTable

            table = OutletTable.load(outlets_csv)
            store.save_outlets([(r.id, r.name, r.lean, r.origin) for r in table if r.origin == "user"])

        def fresh() -> Iterator[list[Item]]:
            for batch in _batches(read_items(sources, settings.max_input_bytes * 50, _fetcher(policy)), batch_size):
                report.seen += len(batch)
                new = [it for it in batch if not (it.url and it.url in urls)]
                report.duplicates += len(batch) - len(new)
                yield _fetch_links(new, report, policy)

        jobs = (Job(tuple(b), settings, str(outlets_csv) if outlets_csv else None) for b in fresh())
        for results in run_map(prepare, jobs, engine, workers, address):
            rows, touched = _cluster(results, clusterer, keys, urls, report)
            store.write_batch(rows, touched, seq)
            seq += len(rows)
            report.added += len(rows)
            report.stories_touched += len(touched)
            if on_batch is not None:
                on_batch(report)
    return report


def _fetcher(policy: "FetchPolicy") -> Callable[[str], bytes]:
    def get(url: str) -> bytes:
        from slant.ingest.fetch import fetch

        return fetch(url, policy).content

    return get


def _cluster(
    results: list[Prepared | Rejected],
    clusterer: Clusterer,
    keys: set[str],
    urls: set[str],
    report: IngestReport,
) -> tuple[list[StoredArticle], list[StoryState]]:
    rows: list[StoredArticle] = []
    touched: dict[str, StoryState] = {}
    for r in results:
        if isinstance(r, Rejected):
            report.reject(r.reason)
            continue
        key, url = r.features.key, r.item.url
        if key in keys or (url and url in urls):
            report.duplicates += 1
            continue
        keys.add(key)
        if url:
            urls.add(url)
        story, similarity = clusterer.assign(key, r.title, r.features, r.item.published)
        touched[story.id] = story
        rows.append(
            StoredArticle(
                id=key,
                url=url,
                source=r.item.source,
                outlet_id=r.outlet_id,
                outlet=r.outlet,
                title=r.title,
                text=r.text,
                published=r.item.published,
                lean=r.lean,
                lean_origin=r.lean_origin,
                probabilities=r.probabilities,
                entities=r.features.entities,
                sentences=r.features.sentences,
                vector=r.vector,
                story_id=story.id,
                similarity=round(similarity, 4),
            )
        )
    return rows, list(touched.values())
