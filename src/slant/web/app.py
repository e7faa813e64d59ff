"""``create_app``: the one place the web app is put together, from the routers, middleware and error handlers.

It makes the app's ``AppState``, adds the body cap and security headers (``guard``), maps every
exception to its response (``errors``; a missing page gets the HTML not-found page), includes the
REST API (``api``) and then the pages (``pages``), and warms the models up at start-up.
``slant serve`` runs the result with uvicorn.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from slant.errors import SlantError
from slant.settings import Settings
from slant.version import __version__
from slant.web import api, pages
from slant.web.errors import error_response, http_error_response, validation_error_response
from slant.web.guard import BodyLimit, SecurityHeaders
from slant.web.reports import Reports
from slant.web.runner import Busy, Runner, TimedOut
from slant.web.state import AppState

log = logging.getLogger(__name__)


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


def _install_errors(app: FastAPI) -> None:
    async def on_http(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404 and not request.url.path.startswith("/api/"):
            return pages.not_found_page(request)
        return http_error_response(request, exc)

    async def on_validation(_request: Request, exc: RequestValidationError) -> Response:
        return validation_error_response(exc)

    async def on_error(_request: Request, exc: Exception) -> Response:
        return error_response(exc)

    app.add_exception_handler(HTTPException, on_http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, on_validation)  # type: ignore[arg-type]
    for kind in (SlantError, Busy, TimedOut, Exception):
        app.add_exception_handler(kind, on_error)
