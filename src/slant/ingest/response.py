"""A fetched page's final response read into a ``Fetched``, within the policy's caps.

A status other than 2xx fails (429 and 5xx marked retryable, with any ``Retry-After`` they send); only
text types are accepted: HTML, XHTML, plain text, RSS/Atom/XML and JSON. A body over ``max_bytes`` is
refused, counted after decompression: gzip and deflate are decoded here in bounded steps, so a
compression bomb is refused too. Reading the body stops at the attempt's deadline. Every refusal is a
``Failure`` (``slant.ingest.connect``) that the fetcher turns into its ``FetchError``.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from typing import Any

import httpx

from slant.ingest.connect import Failure
from slant.ingest.policy import FetchPolicy
from slant.ingest.polite import retry_after

__all__ = ["Fetched", "read_final"]

_TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/json",
        "application/feed+json",
    }
)


@dataclass(frozen=True)
class Fetched:
    """A fetched text resource."""

    url: str
    """The final URL, after redirects."""
    status: int
    content_type: str
    """The media type, lower case, without parameters (``text/html``)."""
    content: bytes
    """The body, decompressed, undecoded."""
    charset: str | None
    """The charset the ``Content-Type`` header names, if any."""


def _content_type(header: str | None) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` header."""
    media, *params = (header or "").split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'").lower()
    return media.strip().lower(), charset


def _decompressor(encoding: str) -> Any:
    """A zlib decompressor for a ``Content-Encoding``, or None for an unencoded body."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise Failure(f"refused: unsupported content encoding {encoding}")


def read_final(response: httpx.Response, policy: FetchPolicy, deadline: float) -> Fetched:
    """The final (non-redirect) response of an attempt as a ``Fetched``; a ``Failure`` when it is refused.

    Args:
        response: a streamed response, not yet read.
        policy: its ``max_bytes`` caps the body; its ``timeout_s`` is named when the deadline passes.
        deadline: ``time.monotonic()`` by which the whole body must have arrived.
    """
    status = response.status_code
    if not 200 <= status < 300:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        wait = retry_after(response.headers.get("retry-after"))
        raise Failure(f"HTTP {status}{phrase}", retry=status == 429 or status >= 500, retry_after=wait)
    media, charset = _content_type(response.headers.get("content-type"))
    if media not in _TEXT_TYPES:
        raise Failure(f"refused: content type {media or '(none given)'} is not text, HTML, XML or JSON")
    length = response.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > policy.max_bytes:
        raise Failure(f"too large: over {policy.max_bytes:,} bytes ({int(length):,} announced)")
    content = _body(response, policy, deadline)
    return Fetched(url=str(response.url), status=status, content_type=media, content=content, charset=charset)


def _body(response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    """The body, decompressed in steps that never produce more than the size cap allows."""
    limit = policy.max_bytes
    decompressor = _decompressor(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw():
            part = decompressor.decompress(raw, limit - size + 1) if decompressor else raw
            size += len(part)
            if size > limit:
                raise Failure(f"too large: over {limit:,} bytes")
            if time.monotonic() > deadline:
                raise Failure(f"timed out after {policy.timeout_s:g} s", retry=True)
            parts.append(part)
        if decompressor:
            parts.append(decompressor.flush(limit - size + 1))
            if size + len(parts[-1]) > limit:
                raise Failure(f"too large: over {limit:,} bytes")
    except zlib.error:
        raise Failure("the compressed body is corrupt") from None
    return b"".join(parts)
