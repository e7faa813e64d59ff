"""Plain text, JSON and JSONL records -> ``Article``.

A record is a JSON object with the article's ``text`` (or ``content`` / ``body``)
and optional ``title``, ``outlet`` (or ``source`` / ``site``), ``url``, ``date``,
``author`` and ``id``. A ``.json`` input holds one record or a list of them; a
``.jsonl`` input one record per line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from slant.errors import InputError
from slant.ingest.article import build_article, label_for
from slant.ingest.checks import check_not_empty, check_size
from slant.ingest.decode import decode
from slant.model import Article
from slant.settings import Settings

_TEXT_FIELDS = ("text", "content", "body")
_OUTLET_FIELDS = ("outlet", "source", "site", "sitename")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def article_from_text(
    text: str,
    source: str,
    settings: Settings | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    author: str | None = None,
    article_id: str = "",
) -> Article:
    """Make an article from plain text.

    The first line is the headline when it looks like one (short, no sentence-final
    punctuation, or title-cased above a blank line); otherwise it stays in the body.
    The body is normalised (``\\n`` line ends, no trailing spaces, NFC) and nothing else.

    Args:
        text: the article, headline optional.
        source: where it came from, kept on the article and naming it in messages.
        settings: limits and thresholds; defaults to ``Settings()``.
        title: the headline, when known; the first line is then dropped only if it repeats it.
        outlet, url, date, author: metadata to keep on the article.
        article_id: the id, or ``""`` to have it numbered later.

    Returns:
        The article with its boilerplate blocks listed.

    Raises:
        InputError: the text is empty, too short, too long, binary-looking or not English.
    """
    return build_article(
        text,
        source=source,
        settings=settings or Settings(),
        title=title,
        outlet=outlet,
        url=url,
        date=date,
        author=author,
        article_id=article_id,
    )


def _field(record: dict[str, Any], names: tuple[str, ...], label: str) -> str | None:
    """The first of ``names`` present in ``record``, as text (numbers allowed, a list of strings joined)."""
    for name in names:
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ", ".join(value)
        raise InputError(f'{label}: the "{name}" field should be a string')
    return None


def _record_id(record: dict[str, Any], label: str) -> str:
    value = _field(record, ("id",), label)
    if value is None:
        return ""
    if not _ID.fullmatch(value):
        raise InputError(f"{label}: the id {value[:40]!r} may only hold letters, digits, '-' and '_' (64 at most)")
    return value


def _article_from_record(record: object, source: str, label: str, settings: Settings, warnings: list[str]) -> Article:
    if not isinstance(record, dict):
        raise InputError(f'{label}: is not a JSON object (a record needs at least a "text" field)')
    text = _field(record, _TEXT_FIELDS, label)
    if text is None or not text.strip():
        raise InputError(f'{label}: the record has no text (give it a "text", "content" or "body" field)')
    return build_article(
        text,
        source=source,
        settings=settings,
        label=label,
        title=_field(record, ("title", "headline"), label),
        outlet=_field(record, _OUTLET_FIELDS, label),
        url=_field(record, ("url", "link"), label),
        date=_field(record, ("date", "published"), label),
        author=_field(record, ("author", "authors", "byline"), label),
        article_id=_record_id(record, label),
        warnings=warnings,
    )


def _loads(text: str, label: str, where: str = "") -> Any:
    """``json.loads`` with every failure turned into an ``InputError`` naming the position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = "" if where else f"line {exc.lineno}, "
        raise InputError(f"{label}: {where}is not valid JSON ({line}column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{label}: {where}is JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer beyond Python's digit limit
        raise InputError(f"{label}: {where}is not usable JSON ({str(exc).splitlines()[0]})") from None


def _jsonl_records(text: str, label: str) -> list[tuple[str, Any]]:
    return [
        (f"{label} line {n}", _loads(line, label, f"line {n} "))
        for n, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]


def parse_records(text: str, source: str) -> list[tuple[str, Any]]:
    """Parse JSON or JSONL text into records, each with the label messages will name it by.

    JSONL is read when ``source`` ends in ``.jsonl``/``.ndjson``, or when the text is
    not one JSON document but every line is.

    Raises:
        InputError: invalid JSON, or no records.
    """
    label = label_for(source)
    text = text.lstrip("\ufeff")
    if source.lower().endswith(JSONL_SUFFIXES):
        records = _jsonl_records(text, label)
    else:
        try:
            data = _loads(text, label)
        except InputError as whole:
            if len([line for line in text.split("\n") if line.strip()]) < 2:
                raise
            try:
                records = _jsonl_records(text, label)
            except InputError:
                raise whole from None  # not JSONL either: report the document's own error
        else:
            items = data if isinstance(data, list) else [data]
            records = [
                (f"{label} record {n}" if isinstance(data, list) else label, item)
                for n, item in enumerate(items, start=1)
            ]
    if not records:
        raise InputError(f"{label}: holds no records")
    return records


def articles_from_records(data: bytes | str, source: str, settings: Settings | None = None) -> list[Article]:
    """Make one article per JSON or JSONL record.

    Args:
        data: the JSON document (one record or a list) or JSONL lines, as bytes or text.
        source: where it came from; its ``.jsonl`` suffix selects JSONL.
        settings: limits and thresholds; defaults to ``Settings()``.

    Returns:
        The articles, in record order, with the record's ``id`` when it gives one.

    Raises:
        InputError: the data is not JSON, a record is not an object or has no text,
            a field has the wrong type, or a record's text fails the article checks
            (the message names the record or line).
    """
    settings = settings or Settings()
    label = label_for(source)
    warnings: list[str] = []
    if isinstance(data, bytes):
        check_size(len(data), label, settings)
        decoded = decode(data, label)
        text, warnings = decoded.text, decoded.warnings
    else:
        text = data
    check_not_empty(text, label, "input" if source == "-" else "file")
    return [
        _article_from_record(record, source, record_label, settings, warnings)
        for record_label, record in parse_records(text, source)
    ]
