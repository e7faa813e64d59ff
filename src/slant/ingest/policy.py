"""A fetcher's limits and manners: the ``FetchPolicy`` every part of URL fetching reads (see ``slant.ingest.fetch``)."""

from __future__ import annotations

from dataclasses import dataclass

from slant.settings import Settings
from slant.version import __version__

__all__ = ["FetchPolicy"]


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners of a ``Fetcher``."""

    timeout_s: float = 10.0
    """Longest one attempt may take: connecting, every redirect hop and the whole body."""
    max_bytes: int = 5_000_000
    """Largest body accepted, after decompression; a larger one is refused, not truncated."""
    max_redirects: int = 5
    """Most redirects followed; each hop is checked like the first URL."""
    retries: int = 2
    """Further attempts after a connect error, a time-out, HTTP 429 or 5xx."""
    backoff_s: float = 0.5
    """Wait before the first retry, doubled before each next one."""
    max_retry_wait_s: float = 30.0
    """Longest wait a ``Retry-After`` header is obeyed for; asking for longer ends the retries."""
    per_host: int = 2
    """Most requests running at once to one host name, across all threads of a ``Fetcher``."""
    allow_private: bool = False
    """Connect to loopback, private and other non-public addresses too (tests, intranet corpora)."""
    user_agent: str = f"slant/{__version__} (+https://github.com/slant-news/slant)"

    @classmethod
    def from_settings(cls, settings: Settings, allow_private: bool = False) -> FetchPolicy:
        """The policy the ``fetch_*`` settings describe."""
        return cls(
            timeout_s=settings.fetch_timeout_s,
            max_bytes=settings.fetch_max_bytes,
            per_host=settings.fetch_per_host,
            retries=settings.fetch_retries,
            allow_private=allow_private,
        )

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.max_bytes <= 0 or self.per_host < 1:
            raise ValueError("FetchPolicy: timeout_s, max_bytes and per_host must be positive")
        if self.max_redirects < 0 or self.retries < 0 or self.backoff_s < 0 or self.max_retry_wait_s < 0:
            raise ValueError("FetchPolicy: max_redirects, retries and the waits cannot be negative")
