"""Corpus sources -> the items to ingest: feed files or URLs, folders of HTML/text/feeds, JSONL dumps.

A JSON-lines dump is read line by line (any size; each line within the size limit). A folder is
walked in name order (hidden files skipped); a file's kind comes from its extension
(``.xml .rss .atom`` feed, ``.jsonl .json`` records, ``.html .htm`` page, ``.txt .md`` text) or is
sniffed from its first bytes. A feed entry carrying its full content becomes an HTML item; one with
only a link becomes a link item, fetched later (politely, see ingest/fetch.py). A JSONL record may
give ``title``, ``text`` (or ``content``/``body``), ``html``, ``url`` (or ``link``), ``outlet``
(or ``source``/``site``) and ``published`` (or ``date``, ISO 8601).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from slant.errors import InputError
from slant.ingest.decode import decode
from slant.ingest.feeds import Feed, parse_feed


@dataclass(frozen=True)
class Item:
    """One article to ingest, as a source gave it."""

    source: str
    """Where it came from: a file (with ``#n`` for the n-th record or entry) or a feed URL."""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    published: datetime | None = None


FEED_EXT = {".xml", ".rss", ".atom"}
RECORD_EXT = {".jsonl", ".json", ".ndjson"}
HTML_EXT = {".html", ".htm"}
TEXT_EXT = {".txt", ".md"}
SKIP_EXT = {".csv", ".tsv", ".duckdb", ".wal", ".png", ".jpg", ".gif", ".css", ".js", ".gz", ".zip"}


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _kind(path: Path, head: bytes) -> str | None:
    ext = path.suffix.lower()
    if ext in FEED_EXT:
        return "feed"
    if ext in RECORD_EXT:
        return "records"
    if ext in HTML_EXT:
        return "html"
    if ext in TEXT_EXT:
        return "text"
    if ext in SKIP_EXT:
        return None
    start = head.lstrip()[:200].lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and b"<html" not in start:
        return "feed"
    if start.startswith((b"{", b"[")):
        return "records"
    if start.startswith(b"<"):
        return "html"
    return "text"


def iso_date(text: str) -> datetime | None:
    """An ISO 8601 date or date-time, UTC when it names no zone; None when it is not one."""
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _date(value: Any, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be an ISO 8601 date string")
    parsed = iso_date(value)
    if parsed is None:
        raise InputError(f"{where}: 'published' is not an ISO 8601 date ({value[:40]!r})")
    return parsed


def _field(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def record_item(record: Any, where: str) -> Item:
    """One JSON record as an item.

    Raises:
        InputError: not an object, or no text, HTML or URL to read.
    """
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object")
    text = _field(record, "text", "content", "body")
    html = _field(record, "html")
    url = _field(record, "url", "link")
    if text is None and html is None and url is None:
        raise InputError(f"{where}: the record has no 'text', 'html' or 'url'")
    return Item(
        source=where,
        url=url,
        outlet=_field(record, "outlet", "source", "site"),
        title=_field(record, "title", "headline"),
        text=text,
        html=html,
        published=_date(record.get("published") or record.get("date"), where),
    )


def feed_items(feed: Feed) -> Iterator[Item]:
    """The items of a parsed feed; the feed's title names the outlet."""
    for n, entry in enumerate(feed.entries, 1):
        where = f"{feed.source}#{n}"
        if entry.content:
            html = f"<html><body><article>{entry.content}</article></body></html>"
            yield Item(where, entry.url, feed.title, entry.title, None, html, entry.published)
        elif entry.url:
            yield Item(where, entry.url, feed.title, entry.title, None, None, entry.published)
        elif entry.summary:
            yield Item(where, entry.url, feed.title, entry.title, entry.summary, None, entry.published)


def _records(text: str, label: str) -> Iterator[Item]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{label}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        for n, record in enumerate(records, 1):
            yield record_item(record, f"{label}#{n}")
        return
    yield from _line_items(text.splitlines(), label, len(text))


def _line_items(lines: Iterable[str | bytes], label: str, max_bytes: int) -> Iterator[Item]:
    """One item per non-blank JSON line, each line within ``max_bytes``."""
    for n, line in enumerate(lines, 1):
        if len(line) > max_bytes:
            raise InputError(f"{label}: line {n} is over the size limit of {max_bytes:,} bytes")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise InputError(f"{label}: line {n} is not JSON") from None
        yield record_item(record, f"{label}#{n}")


def _json_lines(path: Path, max_bytes: int) -> Iterator[Item]:
    """A JSON-lines dump read line by line, so its size is not limited, only each record's."""
    label = str(path)
    try:
        with path.open("rb") as handle:
            yield from _line_items(handle, label, max_bytes)
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror or type(exc).__name__})") from None


def _file_items(path: Path, max_bytes: int) -> Iterator[Item]:
    label = str(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        yield from _json_lines(path, max_bytes)
        return
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(f"{label}: over the size limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{label}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    kind = _kind(path, data[:512])
    if kind is None or not data.strip():
        return
    if kind == "feed":
        yield from feed_items(parse_feed(data, label))
        return
    text = decode(data, label).text
    if kind == "records":
        yield from _records(text, label)
    elif kind == "html":
        yield Item(source=label, html=text)
    else:
        yield Item(source=label, text=text)


def read_items(sources: list[str], max_bytes: int, fetch_url: Any = None) -> Iterator[Item]:
    """Every item of the sources, in order.

    Args:
        sources: files, folders, or http(s) URLs of feeds or pages.
        max_bytes: the largest file read.
        fetch_url: ``url -> bytes``, used for URL sources.

    Raises:
        InputError: a missing source, an unreadable file, a malformed feed or record.
    """
    for source in sources:
        if _is_url(source):
            if fetch_url is None:
                raise InputError(f"{source}: URLs cannot be read here")
            data = fetch_url(source)
            try:
                yield from feed_items(parse_feed(data, source))
            except InputError:
                yield Item(source=source, url=source, html=decode(data, source).text)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(path).parts)
            )
            for file in files:
                yield from _file_items(file, max_bytes)
        elif path.is_file():
            yield from _file_items(path, max_bytes)
        else:
            raise InputError(f"{source}: no such file or folder")
