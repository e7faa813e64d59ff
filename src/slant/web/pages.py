"""The pages: the compare form, reports (view and export), the stories list, a story's report, API docs.

Pages are rendered on the server with autoescaping Jinja templates and need no build step. The
compare form posts as a plain HTML form (it works without JavaScript); a report gets an id, is kept
in memory (``Reports``) and shown at ``/reports/{id}`` with export links. Each page's
Content-Security-Policy allows its own inline script by hash and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from slant.errors import InputError, NotFoundError, SlantError
from slant.model import Comparison
from slant.version import __version__
from slant.web.articles import analyse, parse_request
from slant.web.csp import content_policy
from slant.web.errors import describe, status_of
from slant.web.formats import ReportFormat, report_page, report_response
from slant.web.state import state_of, with_store

router = APIRouter(include_in_schema=False)

_FIELDS = ("url", "text", "title", "outlet")
_EXPORTS = (("html", "HTML"), ("json", "JSON"), ("md", "Markdown"))


@dataclass(frozen=True)
class FormItem:
    """One article box of the compare form, as the user left it."""

    url: str = ""
    text: str = ""
    title: str = ""
    outlet: str = ""


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("slant.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("slant.web").joinpath("templates", name).read_text(encoding="utf-8")


def _page(template: str, status: int = 200, *, script: str | None = None, **context: Any) -> HTMLResponse:
    html = (
        _environment()
        .get_template(template)
        .render(
            version=__version__,
            style=Markup(_asset("app.css")),  # a static file shipped with slant, never user text
            script=Markup(script) if script else None,
            **context,
        )
    )
    policy = content_policy(script, connect=script is not None)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": policy})


def message_page(heading: str, message: str, status: int) -> HTMLResponse:
    """A page that tells the user what went wrong."""
    return _page("message.html.j2", status, heading=heading, message=message, page="")


def not_found_page(request: Request) -> HTMLResponse:
    """The page for a path that does not exist."""
    return message_page("Not found", f"Nothing lives at {request.url.path}.", 404)


def _index(request: Request, items: list[FormItem], error: str | None = None, status: int = 200) -> HTMLResponse:
    from slant.web.examples import example_sets

    settings = state_of(request).settings
    while len(items) < 2:
        items.append(FormItem())
    return _page(
        "index.html.j2",
        status,
        script=_asset("app.js"),
        page="compare",
        items=items,
        error=error,
        examples=list(example_sets()),
        max_articles=settings.web_max_articles,
        fetch_max_bytes=settings.fetch_max_bytes,
    )


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    return _index(request, [])


def form_items(body: bytes, max_fields: int) -> list[FormItem]:
    """The article boxes of an url-encoded compare form, in order (boxes left empty included).

    Raises:
        InputError: the body is not an url-encoded form.
    """
    try:
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=max_fields)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"the form could not be read ({exc})") from None
    columns = [fields.get(name, []) for name in _FIELDS]
    count = max((len(c) for c in columns), default=0)
    return [FormItem(*(c[k] if k < len(c) else "" for c in columns)) for k in range(count)]


def request_from_form(items: list[FormItem]) -> dict[str, Any]:
    """The ``/api/compare`` body the filled boxes describe (empty boxes skipped)."""
    from slant.ingest.sniff import sniff

    articles = []
    for item in items:
        entry: dict[str, str] = {}
        if item.url.strip():
            entry["url"] = item.url.strip()
        elif item.text.strip():
            entry["html" if sniff(item.text) == "html" else "text"] = item.text
        else:
            continue
        entry |= {
            name: value.strip() for name, value in (("title", item.title), ("outlet", item.outlet)) if value.strip()
        }
        articles.append(entry)
    return {"articles": articles}


@router.post("/reports")
async def create_report(request: Request) -> Response:
    """The compare form's target: compare, keep the report, and send the browser to it."""
    state = state_of(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        return message_page("Cannot read the form", "send the form as application/x-www-form-urlencoded", 415)
    items: list[FormItem] = []
    try:
        items = form_items(await request.body(), max_fields=4 * state.settings.web_max_articles + 8)
        body = request_from_form(items)
        if len(body["articles"]) < 2:
            raise InputError("give at least two articles: paste their text or enter their links")
        parsed = parse_request(body, state.settings)
        comparison = await state.runner.run(partial(analyse, parsed, state.settings, state.allow_private))
    except Exception as exc:
        if status_of(exc) == 500:
            raise
        status, message = describe(exc)
        return _index(request, items, error=message, status=status)
    report_id = state.reports.add(comparison)
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


def _report(request: Request, report_id: str) -> Comparison:
    comparison = state_of(request).reports.get(report_id)
    if comparison is None:
        raise NotFoundError(f"report {report_id} is gone (reports are kept in memory, the latest few only)")
    return comparison


def _links(report_id: str) -> list[tuple[str, str]]:
    return [("New comparison", "/"), ("Stories", "/stories")] + [
        (f"Export {label}", f"/reports/{report_id}.{fmt}") for fmt, label in _EXPORTS
    ]


@router.get("/reports/{report_id}.{fmt}")
async def export_report(request: Request, report_id: str, fmt: str) -> Response:
    try:
        kind = ReportFormat(fmt)
    except ValueError:
        return not_found_page(request)
    try:
        comparison = _report(request, report_id)
    except NotFoundError as exc:
        return message_page("Report not found", str(exc), 404)
    return report_response(comparison, kind, download=f"slant-{report_id}.{kind.value}")


@router.get("/reports/{report_id}")
async def show_report(request: Request, report_id: str) -> Response:
    try:
        comparison = _report(request, report_id)
    except NotFoundError as exc:
        return message_page("Report not found", str(exc), 404)
    return report_page(comparison, links=_links(report_id))


@router.get("/stories", response_class=HTMLResponse)
async def stories_page(request: Request) -> HTMLResponse:
    """Stories with coverage bars; filters: blindspot side, entity, since."""
    from slant.story.listing import list_stories, parse_when

    state = state_of(request)
    query = request.query_params
    blindspot = query.get("blindspot") or None
    entity = (query.get("entity") or "").strip()[:200] or None
    since = query.get("since") or None
    context: dict[str, Any] = {
        "page": "stories",
        "blindspot": blindspot,
        "entity": entity,
        "since": since,
        "blindspot_share": state.settings.blindspot_share,
        "blindspot_min": state.settings.blindspot_min_articles,
    }
    if state.db is None:
        return _page("stories.html.j2", stories=None, error=None, **context)
    try:
        when = parse_when(since, "since")
        rows = await with_store(
            state,
            lambda store: list_stories(
                store, state.settings, since=when, entity=entity, blindspot=blindspot, limit=200
            ),
        )
    except SlantError as exc:
        return _page("stories.html.j2", status_of(exc), stories=[], error=str(exc), **context)
    return _page("stories.html.j2", stories=rows, error=None, **context)


@router.get("/stories/{story_id}")
async def story_page(request: Request, story_id: str) -> Response:
    """The full comparison of a story's articles (computed once, then kept like any report)."""
    from slant.story.listing import story_articles

    state = state_of(request)
    key = f"story:{story_id}"
    report_id = state.reports.find(key)
    if report_id is None:
        try:
            from slant.pipeline import compare

            articles = await with_store(state, lambda store: story_articles(store, story_id, 6))
            comparison = await state.runner.run(partial(compare, articles, state.settings))
        except SlantError as exc:
            return message_page("Cannot show this story", str(exc), status_of(exc))
        report_id = state.reports.add(comparison, key=key)
    comparison = _report(request, report_id)
    return report_page(comparison, links=_links(report_id))


@router.get("/api/docs", response_class=HTMLResponse)
async def docs(request: Request) -> HTMLResponse:
    """The API described from its OpenAPI document, readable without any script from elsewhere."""
    return _page("docs.html.j2", page="docs", spec=request.app.openapi())
