"""What an exception raised while serving a request becomes: its HTTP status and the JSON error response.

Every error a client can cause is a 4xx with a ``{"error": "..."}`` body; a full line is a 429, a
late analysis or a missing model or store a 503, both with ``Retry-After``; only a bug is a 500 (and
is logged). The pages turn the same status and message into an HTML page instead.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from slant.errors import FetchError, InputError, NotFoundError, SlantError, StoreError
from slant.web.articles import InvalidRequest
from slant.web.runner import Busy, TimedOut

log = logging.getLogger(__name__)


class NoStore(NotFoundError):
    """The app has no story store."""


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


def http_error_response(request: Request, exc: HTTPException) -> JSONResponse:
    """The JSON error response for Starlette's own HTTP errors: no such endpoint, method not allowed, ..."""
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such endpoint: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return JSONResponse({"error": detail}, status_code=exc.status_code, headers=exc.headers)


def validation_error_response(exc: RequestValidationError) -> JSONResponse:
    """The 422 JSON error response when FastAPI refuses a request's parameters, naming the first problem."""
    errors: list[dict[str, Any]] = list(exc.errors())
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body"))
    message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
    return JSONResponse({"error": f"{where}: {message}" if where else message}, status_code=422)
