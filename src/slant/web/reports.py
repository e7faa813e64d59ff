"""Finished comparisons kept in memory so the page can show and export them: a small LRU, thread-safe."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from slant.model import Comparison


class Reports:
    """At most ``size`` comparisons by id; the least recently used one is dropped first."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("Reports: size must be at least 1")
        self.size = size
        self._items: OrderedDict[str, Comparison] = OrderedDict()
        self._keys: dict[str, str] = {}
        self._lock = threading.Lock()

    def add(self, comparison: Comparison, key: str | None = None) -> str:
        """Keep a comparison and return its new id (``key``, if given, finds it again with ``find``)."""
        report_id = secrets.token_urlsafe(9)
        with self._lock:
            self._items[report_id] = comparison
            if key is not None:
                self._keys[key] = report_id
            while len(self._items) > self.size:
                dropped, _ = self._items.popitem(last=False)
                self._keys = {k: v for k, v in self._keys.items() if v != dropped}
        return report_id

    def get(self, report_id: str) -> Comparison | None:
        """The comparison with this id, or None once it was dropped."""
        with self._lock:
            comparison = self._items.get(report_id)
            if comparison is not None:
                self._items.move_to_end(report_id)
            return comparison

    def find(self, key: str) -> str | None:
        """The id of a kept comparison added under ``key``."""
        with self._lock:
            report_id = self._keys.get(key)
            return report_id if report_id in self._items else None

    def __len__(self) -> int:
        return len(self._items)
