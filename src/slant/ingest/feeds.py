"""RSS and Atom documents -> the entries to ingest (title, link, date, summary, full content, author).

feedparser does the parsing, always from bytes handed to it: given a string or bytes it would
fetch URLs and open local files itself, so it only ever sees an in-memory stream, and fetching
stays with ``slant.ingest.fetch``. Its HTML sanitising (no scripts, styles or event handlers) and
relative-link resolution stay on; relative links resolve against ``xml:base`` or, when the source
is an http(s) URL, against it. Parsing is deterministic and touches no network.
"""

from __future__ import annotations

import calendar
import html
import io
import re
import xml.sax
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import feedparser

from slant.errors import InputError

__all__ = ["Feed", "FeedEntry", "parse_feed"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCKS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre", "figure"}
)
_EMAIL_THEN_NAME = re.compile(r"[^\s@()]+@[^\s@()]+\s*\(([^()]+)\)")  # RSS <author>: "desk@site (Sam Reed)"
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed."""

    url: str | None
    """The entry's absolute http(s) link (an RSS permalink guid counts); None when it has none."""
    title: str | None
    """Plain text (HTML titles are stripped of markup)."""
    published: datetime | None
    """When it was published, else last updated, in UTC; None when the feed gives no readable date."""
    summary: str | None
    """The summary or description as plain text, paragraphs on separate lines."""
    content: str | None
    """The full article HTML (sanitised) when the feed carries it (``content:encoded``, Atom ``content``)."""
    author: str | None


@dataclass(frozen=True)
class Feed:
    """A parsed RSS or Atom feed."""

    source: str
    title: str | None
    link: str | None
    """The site the feed belongs to."""
    entries: tuple[FeedEntry, ...]


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(value: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed, one paragraph a line."""
    extractor = _TextExtractor()
    extractor.feed(value)
    extractor.close()
    text = html.unescape("".join(extractor.parts))  # entities feedparser left encoded, e.g. &ndash;
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _string(value: Any) -> str | None:
    """``value`` stripped when it is a non-blank string, else None (feedparser's values are untyped)."""
    return value.strip() or None if isinstance(value, str) else None


def _text(detail: Any, value: Any) -> str | None:
    """A feedparser text construct as plain text, stripping markup only when its type says HTML."""
    text = _string(value)
    if text is None:
        return None
    kind = detail.get("type") if isinstance(detail, dict) else None
    return (_plain(text) or None) if kind in _HTML_TYPES else text


def _http_url(value: Any) -> str | None:
    url = _string(value)
    if url is None or urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
        return None
    return url


def _date(entry: Any) -> datetime | None:
    # dict.get: feedparser's own get() maps a missing "updated_parsed" to "published_parsed", with a warning.
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed is not None:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc)  # feedparser's dates are UTC
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _content(entry: Any) -> str | None:
    """The first HTML (or plain text, escaped) full-content block of an entry."""
    blocks = [b for b in entry.get("content") or [] if isinstance(b, dict) and _string(b.get("value"))]
    for block in blocks:
        if block.get("type") in _HTML_TYPES:
            return str(block["value"]).strip()
    for block in blocks:
        if block.get("type") == "text/plain":
            return html.escape(str(block["value"]).strip())
    return None


def _author(entry: Any) -> str | None:
    raw = _string(entry.get("author"))
    named = _EMAIL_THEN_NAME.fullmatch(raw or "")
    if named:  # feedparser splits this RSS form wrongly; the name is in the parentheses
        return named.group(1).strip()
    names = [n for n in (_string(a.get("name")) for a in entry.get("authors") or [] if isinstance(a, dict)) if n]
    return ", ".join(dict.fromkeys(names)) if names else raw


def _entry(entry: Any) -> FeedEntry:
    return FeedEntry(
        url=_http_url(entry.get("link")),
        title=_text(entry.get("title_detail"), entry.get("title")),
        published=_date(entry),
        summary=_text(entry.get("summary_detail"), entry.get("summary")),
        content=_content(entry),
        author=_author(entry),
    )


def _not_a_feed(data: bytes, parsed: Any) -> str:
    """Why a document without entries is not a feed, for the message."""
    if not data.strip():
        return "it is empty"
    if _HTML_START.match(data[:1024]):
        return "it is an HTML page; use the address of its RSS or Atom feed instead"
    error = parsed.get("bozo_exception")
    if isinstance(error, xml.sax.SAXParseException):
        return f"not well-formed XML: {error.getMessage()}"
    return "no feed title or entries found"


def parse_feed(data: bytes, source: str) -> Feed:
    """Parse an RSS (0.9x, 1.0, 2.0) or Atom document.

    Args:
        data: the document's bytes; its encoding comes from its XML declaration or BOM.
        source: where it came from, naming it in messages; when an http(s) URL, the base for relative links.

    Returns:
        The feed's title and site link and its entries, in document order. A feed with a title
        and no entries is returned empty.

    Raises:
        InputError: the document is not a feed (empty, HTML, not XML, or no title and no entries).
    """
    base = source if _http_url(source) else ""
    headers = {"content-type": "application/xml", "content-location": base}
    # A stream, never bytes or str: feedparser would open those as a local path or fetch them as a URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    feed = parsed.get("feed") or {}
    title = _text(feed.get("title_detail"), feed.get("title"))
    entries = tuple(_entry(entry) for entry in parsed.get("entries") or [])
    if not entries and (not parsed.get("version") or (parsed.get("bozo") and title is None)):
        raise InputError(f"{source}: is not an RSS or Atom feed ({_not_a_feed(data, parsed)})")
    return Feed(source=source, title=title, link=_http_url(feed.get("link")), entries=entries)
