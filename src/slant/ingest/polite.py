"""Fetching politely: at most ``per_host`` requests to one host at once, and how long to wait before a retry.

``HostSlots`` hands out turns per host name across threads. ``retry_delay`` is the wait before the next
attempt: exponential backoff from ``backoff_s``, never sooner than a ``Retry-After`` header asks
(``retry_after`` reads one), and no retry at all when it asks for more than ``max_retry_wait_s``.
"""

from __future__ import annotations

import contextlib
import email.utils
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from slant.ingest.policy import FetchPolicy

__all__ = ["HostSlots", "retry_after", "retry_delay"]


@dataclass
class _Slot:
    semaphore: threading.Semaphore
    users: int = 0


@dataclass
class HostSlots:
    """At most ``limit`` holders per host at once; a host's entry lives only while held or awaited."""

    limit: int
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _hosts: dict[str, _Slot] = field(default_factory=dict)

    @contextlib.contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._hosts.setdefault(host, _Slot(threading.Semaphore(self.limit)))
            slot.users += 1
        try:
            with slot.semaphore:
                yield
        finally:
            with self._lock:
                slot.users -= 1
                if not slot.users:
                    del self._hosts[host]


def retry_after(header: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delay or HTTP date); None when absent or unreadable."""
    if not header:
        return None
    if header.strip().isdigit():
        return float(header.strip())
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)


def retry_delay(policy: FetchPolicy, attempt: int, retry_after: float | None) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``; None when the server asks for too long a wait."""
    backoff = min(policy.backoff_s * 2.0**attempt, policy.max_retry_wait_s)
    if retry_after is None:
        return backoff
    if retry_after > policy.max_retry_wait_s:
        return None
    return max(backoff, retry_after)
