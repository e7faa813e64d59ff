"""Run blocking analyses off the event loop: a fixed pool of worker threads, a bounded line, a deadline.

The event loop only awaits; fetching, parsing and the models run in ``workers`` threads. At most
``queue`` requests wait for a thread: one more is refused at once (``Busy``, HTTP 429) instead of
piling up memory. A request that waits and runs longer than ``timeout_s`` gets ``TimedOut``
(HTTP 503); its thread finishes the work in the background and the result is dropped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Too many requests are waiting already."""


class TimedOut(Exception):
    """The work did not finish in time."""


class Runner:
    """A bounded pool of analysis threads shared by every request of one app."""

    def __init__(self, workers: int, queue: int, timeout_s: float) -> None:
        if workers < 1 or queue < 0 or timeout_s <= 0:
            raise ValueError("Runner: workers >= 1, queue >= 0 and timeout_s > 0 are needed")
        self.workers = workers
        self.queue = queue
        self.timeout_s = timeout_s
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slant-analysis")
        self._lock = threading.Lock()
        self._pending = 0

    @property
    def pending(self) -> int:
        """Requests submitted and not finished (running or waiting)."""
        return self._pending

    def submit(self, func: Callable[[], T]) -> Future[T]:
        """Queue ``func`` for a worker thread without waiting for it (counts as pending until done).

        Raises:
            Busy: ``workers + queue`` requests are in already.
        """
        with self._lock:
            if self._pending >= self.workers + self.queue:
                raise Busy(f"{self._pending} requests are in line already; try again in a moment")
            self._pending += 1
        try:
            future = self._pool.submit(func)
        except RuntimeError:  # shut down
            self._done(None)
            raise Busy("the server is shutting down") from None
        future.add_done_callback(self._done)
        return future

    async def run(self, func: Callable[[], T]) -> T:
        """Run ``func`` in a worker thread and return its result.

        Raises:
            Busy: ``workers + queue`` requests are in already.
            TimedOut: no result within ``timeout_s``.
        """
        future = self.submit(func)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except TimeoutError:
            raise TimedOut(f"the analysis took longer than {self.timeout_s:g} s") from None

    def _done(self, _future: object) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        """Stop taking work; running work finishes."""
        self._pool.shutdown(wait=False, cancel_futures=True)
