"""HTML page -> ``Article`` through trafilatura: main text only, with title, outlet, date and author.

trafilatura is imported when a page is read, never at module import, so that
``slant --help`` stays fast. Navigation, footers and most widgets are dropped by
trafilatura; what survives of donation, newsletter and similar boxes is flagged
by ``find_boilerplate`` like in any other article.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from slant.errors import InputError
from slant.ingest.article import build_article, label_for
from slant.ingest.checks import check_not_empty, check_size
from slant.ingest.decode import decode
from slant.model import Article
from slant.settings import Settings

log = logging.getLogger(__name__)


def _hostname(url: str | None) -> str | None:
    """``https://www.example.org/a`` -> ``example.org``; None when there is no usable host."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _extract(html: str, label: str) -> Any:
    """Run trafilatura; one return type (its ``Document``) or an ``InputError``."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except RecursionError:
        raise InputError(f"{label}: the HTML is nested too deeply to read") from None
    except Exception as exc:  # lxml and trafilatura raise a variety of errors on malformed pages
        log.debug("trafilatura failed on %s", label, exc_info=True)
        raise InputError(f"{label}: could not be read as HTML ({type(exc).__name__})") from None
    text = getattr(document, "text", None)
    if document is None or not isinstance(text, str) or not text.strip():
        raise InputError(f"{label}: no article text found in the HTML page")
    return document


def _meta(document: Any, name: str) -> str | None:
    value = getattr(document, name, None)
    return value if isinstance(value, str) and value.strip() else None


def article_from_html(html: str | bytes, source: str, settings: Settings | None = None) -> Article:
    """Make an article from an HTML page.

    Args:
        html: the page, as text or as bytes (decoded like any input, honouring a
            ``<meta charset>`` when the bytes are not UTF-8).
        source: where it came from, kept on the article and naming it in messages.
        settings: limits and thresholds; defaults to ``Settings()``.

    Returns:
        The article: trafilatura's main text (paragraphs one a line) as ``text``, the
        page's title, site name (or the host of its URL) as outlet, date, author and URL.

    Raises:
        InputError: the page is empty, binary or undecodable, has no main text, or the
            text fails the article checks.
    """
    settings = settings or Settings()
    label = label_for(source)
    warnings: list[str] = []
    if isinstance(html, bytes):
        check_size(len(html), label, settings)
        decoded = decode(html, label)
        html, warnings = decoded.text, decoded.warnings
    check_not_empty(html, label, "input" if source == "-" else "file")
    document = _extract(html, label)
    url = _meta(document, "url")
    return build_article(
        document.text,
        source=source,
        settings=settings,
        label=label,
        title=_meta(document, "title"),
        outlet=_meta(document, "sitename") or _hostname(url),
        url=url,
        date=_meta(document, "date"),
        author=_meta(document, "author"),
        warnings=warnings,
    )
