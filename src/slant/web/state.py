"""The state every request handler of one app shares (``AppState``), and reading the story store it names.

``create_app`` makes one ``AppState`` and hangs it on the app; a handler gets it with ``state_of``.
``with_store`` opens the app's DuckDB store read-only in a thread, so no handler blocks the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from slant.settings import Settings
from slant.web.errors import NoStore
from slant.web.reports import Reports
from slant.web.runner import Runner

T = TypeVar("T")


@dataclass
class AppState:
    """What every request handler of one app shares."""

    settings: Settings
    db: Path | None
    allow_private: bool
    runner: Runner
    reports: Reports
    ready: threading.Event = field(default_factory=threading.Event)


def state_of(request: Request) -> AppState:
    """The app state behind a request."""
    state: AppState = request.app.state.slant
    return state


async def with_store(state: AppState, read: Callable[[Any], T]) -> T:
    """Open the store read-only in a thread and return ``read(store)``.

    Raises:
        NoStore: the app was started without a store.
        StoreError: the store cannot be opened (missing, foreign, or locked by a writer).
    """
    if state.db is None:
        raise NoStore("this server has no story store; start it with `slant serve --db PATH` after `slant ingest`")
    db = state.db

    def run() -> T:
        from slant.store.duckdb import Store

        with Store(db, read_only=True) as store:
            return read(store)

    return await run_in_threadpool(run)
