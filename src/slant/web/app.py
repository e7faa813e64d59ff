"""The slant web app: the REST API under ``/api`` and the pages, served by one FastAPI application.

``create_app`` builds it; ``slant serve`` runs it with uvicorn. Every error a client can cause is
a 4xx with a JSON ``{"error": "..."}`` body (an HTML page for page routes); only a bug is a 500.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from slant import __version__
from slant.errors import FetchError, InputError, NotFoundError, SlantError, StoreError
from slant.settings import Settings
from slant.web.articles import InvalidRequest
from slant.web.guard import BodyLimit, SecurityHeaders
from slant.web.reports import Reports
from slant.web.runner import Busy, Runner, TimedOut

log = logging.getLogger(__name__)


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


def create_app(
    settings: Settings | None = None,
    db: Path | None = None,
    *,
    allow_private: bool = False,
    warm: bool = True,
) -> FastAPI:
    """Build the web app.

    Args:
        settings: limits and models; defaults to ``Settings()``.
        db: the DuckDB store ``slant ingest`` wrote, for the stories pages and endpoints; None: no stories.
        allow_private: let URLs point to private or loopback addresses (local test servers only).
        warm: load the models at start-up (one comparison of a bundled example) so the first
            request does not pay for it; ``/api/health`` says ``ready`` once done.
    """
    settings = settings or Settings()
    state = AppState(
        settings=settings,
        db=db,
        allow_private=allow_private,
        runner=Runner(settings.web_workers, settings.web_queue, settings.web_timeout_s),
        reports=Reports(settings.web_reports),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            state.runner.submit(lambda: _warm_up(state))
        else:
            state.ready.set()
        yield
        state.runner.close()

    app = FastAPI(
        title="slant",
        version=__version__,
        summary="How news outlets cover the same event: shared and omitted facts, contradictions, wording, quotes.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.slant = state
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=settings.web_max_body_bytes)
    _install_errors(app)

    from slant.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _warm_up(state: AppState) -> None:
    from slant.pipeline import compare
    from slant.web.examples import example_articles

    try:
        compare(example_articles("harbor", state.settings), state.settings)
    except SlantError as exc:  # e.g. a model missing: requests will report it themselves
        log.warning("warm-up failed: %s", exc)
    finally:
        state.ready.set()


def status_of(exc: Exception) -> int:
    """The HTTP status for an error raised while serving a request."""
    if isinstance(exc, Busy):
        return 429
    if isinstance(exc, TimedOut | StoreError):
        return 503
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, FetchError | InvalidRequest):
        return 422
    if isinstance(exc, InputError):
        return 400
    if isinstance(exc, SlantError):
        return 503  # a model or resource missing on the server
    return 500


def describe(exc: Exception) -> tuple[int, str]:
    """The HTTP status and the one-line message a client gets for an exception (a bug is logged)."""
    status = status_of(exc)
    if status == 500:
        log.error("internal error", exc_info=exc)
        return status, f"internal error ({type(exc).__name__}); the server log has the details"
    return status, " ".join(str(exc).split()) or type(exc).__name__


def error_response(exc: Exception) -> JSONResponse:
    """The JSON error response for an exception (``{"error": "..."}``)."""
    status, message = describe(exc)
    headers = {"Retry-After": "5"} if status in (429, 503) else None
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _install_errors(app: FastAPI) -> None:
    async def on_http(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            from slant.web.pages import not_found_page

            return not_found_page(request)
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such endpoint: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return JSONResponse({"error": detail}, status_code=exc.status_code, headers=exc.headers)

    async def on_validation(_request: Request, exc: RequestValidationError) -> Response:
        errors: list[dict[str, Any]] = list(exc.errors())
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
        message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        return JSONResponse({"error": f"{where}: {message}" if where else message}, status_code=422)

    async def on_error(_request: Request, exc: Exception) -> Response:
        return error_response(exc)

    app.add_exception_handler(HTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    for kind in (SlantError, Busy, TimedOut, Exception):
        app.add_exception_handler(kind, on_error)
