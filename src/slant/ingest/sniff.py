"""Decide an input's format: from its file extension, else from its content."""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Literal

Format = Literal["text", "html", "json", "jsonl"]

_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:body|p|article|div)\b[^>]*>", re.IGNORECASE)
_XML_PROLOG = re.compile(r"<\?xml[^>]*\?>\s*(?:<!--.*?-->\s*)*", re.DOTALL)
_SNIFF_CHARS = 4096


def format_from_name(name: str) -> Format | None:
    """The format a file name's extension says, or None when it says nothing useful."""
    return _BY_SUFFIX.get(PurePath(name).suffix.lower())


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and all(line.lstrip()[:1] == "{" and _is_json(line) for line in lines)


def sniff(text: str) -> Format:
    """Guess the format of decoded content.

    JSON when it opens with ``{`` or ``[`` and parses; JSONL when every line is a JSON
    object; HTML when it opens like an HTML document or holds ``<body>``, ``<p>``,
    ``<article>`` or ``<div>`` tags; plain text otherwise.
    """
    head = text.lstrip("\ufeff \t\r\n")
    head = _XML_PROLOG.sub("", head[:_SNIFF_CHARS], count=1) if head.startswith("<?xml") else head
    if head[:1] in ("{", "["):  # before HTML: records may carry HTML in their strings
        if _is_json(text):
            return "json"
        if _is_jsonl(text):
            return "jsonl"
    if _HTML_START.match(head[:_SNIFF_CHARS]) or _HTML_TAG.search(text[: _SNIFF_CHARS * 4]):
        return "html"
    return "text"
