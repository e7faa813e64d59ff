"""A finished comparison as a response in each report format: ``slant.compare/1`` JSON, Markdown, the HTML report.

``POST /api/compare?format=`` and the report exports on the pages answer through ``report_response``;
``report_page`` is the HTML report with its own Content-Security-Policy.
"""

from __future__ import annotations

from enum import Enum

from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from slant.model import Comparison
from slant.web.csp import content_policy


class ReportFormat(str, Enum):
    json = "json"
    md = "md"
    html = "html"


def report_response(comparison: Comparison, fmt: ReportFormat, download: str | None = None) -> Response:
    """The comparison as a response in one of the report formats (``download``: a file name to save as)."""
    headers = {"Content-Disposition": f'attachment; filename="{download}"'} if download else None
    if fmt is ReportFormat.md:
        from slant.report.markdown import render_markdown

        return PlainTextResponse(
            render_markdown(comparison), media_type="text/markdown; charset=utf-8", headers=headers
        )
    if fmt is ReportFormat.html:
        return report_page(comparison, headers=headers)
    from slant.report.json import to_dict

    return JSONResponse(to_dict(comparison), headers=headers)


def report_page(
    comparison: Comparison, headers: dict[str, str] | None = None, links: list[tuple[str, str]] | None = None
) -> HTMLResponse:
    """The HTML report as a response, with its own Content-Security-Policy."""
    from slant.report.html import render_html, report_script

    page_headers = {"Content-Security-Policy": content_policy(report_script(), forms=False)}
    return HTMLResponse(render_html(comparison, links=links or ()), headers=page_headers | (headers or {}))
