"""The REST API: ``/api/health``, ``/api/compare``, ``/api/stories``, ``/api/stories/{id}``, ``/api/examples``.

Handlers only parse, hand the blocking work to the app's ``Runner`` (comparisons) or a thread
(store reads), and serialise. ``POST /api/compare`` answers with the ``slant.compare/1`` JSON, or
with the Markdown or HTML report when ``?format=md|html``.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from slant.errors import InputError
from slant.model import SCHEMA
from slant.story.coverage import Blindspot
from slant.version import __version__
from slant.web.articles import CompareIn, analyse, parse_request
from slant.web.formats import ReportFormat, report_response
from slant.web.state import state_of, with_store

router = APIRouter(prefix="/api", tags=["api"])

_ERROR_BODY = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
_ERROR = {"content": {"application/json": {"schema": _ERROR_BODY}}}


@router.get("/health", summary="Liveness and readiness")
async def health(request: Request) -> dict[str, Any]:
    """``ready`` turns true once the models are loaded; ``pending`` counts comparisons in line."""
    state = state_of(request)
    return {
        "status": "ok",
        "version": __version__,
        "schema": SCHEMA,
        "ready": state.ready.is_set(),
        "pending": state.runner.pending,
        "stories": state.db is not None,
    }


async def read_json(request: Request) -> Any:
    """The request body as JSON.

    Raises:
        InputError: not JSON (wrong content type, empty, undecodable or invalid).
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise InputError("send the request as JSON with Content-Type: application/json")
    body = await request.body()
    if not body.strip():
        raise InputError('the request body is empty; send {"articles": [...]}')
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the request body is not UTF-8") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the request body is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (RecursionError, ValueError):
        raise InputError("the request body is JSON nested too deeply or with numbers too long to read") from None


@router.post(
    "/compare",
    summary="Compare two or more articles",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": CompareIn.model_json_schema(ref_template="#/components/schemas/{model}")}
            },
        }
    },
    responses={
        200: {"description": "The ``slant.compare/1`` JSON (or the Markdown/HTML report with ``format``)."},
        400: {"description": "Unusable input: not JSON, an article too short, not English, ...", **_ERROR},
        413: {"description": "The body is over the size limit.", **_ERROR},
        422: {"description": "The JSON does not describe a request, or a URL was refused or failed.", **_ERROR},
        429: {"description": "Too many requests in line.", **_ERROR},
        503: {"description": "The analysis took too long.", **_ERROR},
    },
)
async def compare(
    request: Request,
    format: Annotated[ReportFormat, Query(description="json (default), md or html.")] = ReportFormat.json,
) -> Response:
    """Body: ``{"articles": [{"text": ...} | {"html": ...} | {"url": ...}, ...]}``, each with an
    optional ``title`` and ``outlet``. URLs are fetched safely (http/https only; loopback, private,
    link-local, multicast and reserved addresses refused on every redirect hop)."""
    state = state_of(request)
    parsed = parse_request(await read_json(request), state.settings)
    comparison = await state.runner.run(partial(analyse, parsed, state.settings, state.allow_private))
    return report_response(comparison, format)


@router.get("/stories", summary="Stories with their coverage across the spectrum")
async def stories(
    request: Request,
    since: Annotated[str | None, Query(description="Only stories seen on or after this ISO date.")] = None,
    until: Annotated[str | None, Query(description="Only stories that began on or before this ISO date.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Only stories naming this entity.")] = None,
    blindspot: Annotated[Blindspot | None, Query(description="Only blindspots of this side (or any).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many stories.")] = 30,
) -> dict[str, Any]:
    """Newest first: counts and shares per side, blindspot sides, first and last seen, top entities."""
    from slant.story.listing import list_stories, parse_when, story_json

    state = state_of(request)
    when = (parse_when(since, "since"), parse_when(until, "until"))
    side = blindspot.value if blindspot is not None else None
    rows = await with_store(
        state,
        lambda store: list_stories(
            store, state.settings, since=when[0], until=when[1], entity=entity, blindspot=side, limit=limit
        ),
    )
    return {"stories": [story_json(row) for row in rows]}


@router.get("/stories/{story_id}", summary="One story: its articles and their comparison")
async def story(
    request: Request,
    story_id: str,
    compare: Annotated[bool, Query(description="Include the comparison of its articles (slant.compare/1).")] = True,
    max_articles: Annotated[int, Query(ge=2, le=8, description="Compare at most this many, spread over sides.")] = 6,
) -> dict[str, Any]:
    """The story's coverage and articles; with ``compare`` (default) the full comparison of up to
    ``max_articles`` of them, spread over the sides."""
    from slant.story.listing import articles_to_compare, story_json, story_row

    state = state_of(request)

    def read(store: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return story_row(store, story_id, state.settings), store.story_articles(story_id)

    row, rows = await with_store(state, read)
    out: dict[str, Any] = {
        "story": story_json(row),
        "articles": [
            {k: a[k] for k in ("id", "url", "outlet", "title", "lean", "lean_origin")}
            | {"published": a["published"].isoformat() if a["published"] else None}
            for a in rows
        ],
    }
    if compare and len(rows) >= 2:
        from slant.pipeline import compare as run_compare
        from slant.report.json import to_dict

        chosen = articles_to_compare(rows, story_id, str(state.db), max_articles)
        out["comparison"] = to_dict(await state.runner.run(partial(run_compare, chosen, state.settings)))
    return out


@router.get("/examples", summary="The bundled example articles")
async def examples() -> dict[str, Any]:
    """Each example set: its name and articles (``text``), ready to post to ``/api/compare``."""
    from slant.web.examples import example_sets

    return {
        "examples": [
            {"name": name, "articles": [{"text": text, "file": file} for file, text in files]}
            for name, files in example_sets().items()
        ]
    }
