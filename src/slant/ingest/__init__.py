"""Ingest: files, standard input and records -> checked ``Article`` objects numbered a1, a2, ...

Each source is read (size-capped), decoded (binary refused, legacy encodings
guessed with a warning), its format taken from the extension or sniffed from the
content, and turned into one article (text, HTML) or several (JSON, JSONL records).
Nothing heavy is imported here: trafilatura loads only when an HTML page is read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

from slant.errors import InputError
from slant.ingest.article import label_for, scrub
from slant.ingest.checks import check_not_empty
from slant.ingest.decode import decode
from slant.ingest.sniff import format_from_name, sniff
from slant.ingest.sources import read_path, read_stream, source_name
from slant.ingest.text import article_from_text, articles_from_records
from slant.model import Article
from slant.settings import Settings

__all__ = ["read_articles"]


def _read_source(name: str, settings: Settings, stdin: BinaryIO | None) -> list[Article]:
    """Read one source into its articles."""
    if name == "-":
        label, noun = "stdin", "input"
        data = read_stream(stdin if stdin is not None else sys.stdin.buffer, settings)
    else:
        label, noun = scrub(name), "file"
        data = read_path(name, settings, label)
    if not data.strip():
        raise InputError(f"{label}: the {noun} is empty")
    decoded = decode(data, label)
    check_not_empty(decoded.text, label, noun)
    source = "-" if name == "-" else label
    fmt = (format_from_name(source) if source != "-" else None) or sniff(decoded.text)
    if fmt in ("json", "jsonl"):
        articles = articles_from_records(decoded.text, source, settings)
    elif fmt == "html":
        from slant.ingest.html import article_from_html  # imports trafilatura when first used

        articles = [article_from_html(decoded.text, source, settings)]
    else:
        articles = [article_from_text(decoded.text, source, settings)]
    for article in articles:
        article.warnings.extend(decoded.warnings)
    return articles


def _number(articles: list[Article]) -> list[Article]:
    """Give every article without an id ``a<n>``, n its position, skipping ids records already took."""
    given: dict[str, str] = {}
    for article in articles:
        if article.id:
            if article.id in given:
                raise InputError(f"{label_for(article.source)}: the id {article.id!r} is used by more than one article")
            given[article.id] = article.source
    taken = set(given)
    for position, article in enumerate(articles, start=1):
        if not article.id:
            n = position
            while f"a{n}" in taken:
                n += 1
            article.id = f"a{n}"
            taken.add(article.id)
    return articles


def read_articles(
    sources: Sequence[str | os.PathLike[str]],
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
) -> list[Article]:
    """Read articles from files and standard input.

    The format comes from the extension (``.txt``, ``.html``, ``.json``, ``.jsonl``) or,
    when it says nothing, from the content. A text or HTML source gives one article; a
    ``.json`` source one per record (one object or a list), a ``.jsonl`` one per line.

    Args:
        sources: file paths, or ``"-"`` for standard input (at most once).
        settings: limits and thresholds; defaults to ``Settings()``.
        stdin: the stream ``"-"`` reads; defaults to ``sys.stdin.buffer``.

    Returns:
        The articles in source order, with ids ``"a1"``, ``"a2"``, ... (a record's own
        id is kept) and their boilerplate blocks and warnings filled in.

    Raises:
        InputError: no sources, a URL, or a source that cannot be read or used; the
            message names the source.
    """
    settings = settings or Settings()
    names = [source_name(s) for s in sources]
    if not names:
        raise InputError("no articles given; pass one or more files, or - for standard input")
    if names.count("-") > 1:
        raise InputError("-: standard input can be read only once; save the other articles to files")
    articles: list[Article] = []
    for name in names:
        articles.extend(_read_source(name, settings, stdin))
    return _number(articles)
