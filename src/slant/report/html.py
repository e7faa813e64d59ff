"""One self-contained HTML file: the articles side by side, facts linked across columns.

The page loads nothing: CSS and a small script are inlined from
``templates/``. Jinja autoescapes every value, so text from an article only
ever reaches the page as escaped text or escaped attribute values; the
script is static and reads ``data-*`` attributes only. A Content-Security-Policy
pinned to the script's hash keeps anything else from running even if some
markup slipped through.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from slant.model import Comparison
from slant.report.actors_view import tone_label
from slant.report.article_view import ArticleView, FactTag, SentenceView
from slant.report.language_view import KIND_LABELS, shown_marks
from slant.report.quotes_view import QuoteView
from slant.report.view import ReportView, build_view
from slant.version import __version__

TEMPLATE = "report.html.j2"
_SAFE_SCHEMES = ("http", "https")


def render_html(comparison: Comparison, links: Sequence[tuple[str, str]] = ()) -> str:
    """Render the comparison as one self-contained HTML page.

    Args:
        comparison: the comparison to show.
        links: (label, same-site path) pairs shown as a bar at the top (the web app's navigation
            and export links); paths that do not start with ``/`` are ignored.

    Returns:
        The HTML document.
    """
    view = build_view(comparison)
    script = report_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            view=view,
            version=__version__,
            # Static files shipped with slant, never article text: safe to insert verbatim.
            style=Markup(_asset("report.css")),
            script=Markup(script),
            script_hash=f"sha256-{digest}",
            links=[(label, path) for label, path in links if path.startswith("/") and not path.startswith("//")],
        )
    )


def report_script() -> str:
    """The report's only script (inline; pinned by its hash in the Content-Security-Policy)."""
    return _asset("report.js")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("slant.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        speaker_colours=speaker_colours,
        speaker_name=speaker_name,
        sentence_quotes=sentence_quotes,
        safe_url=safe_url,
        sentence_title=sentence_title,
        conflict_notes=conflict_notes,
        fact_ids=fact_ids,
        shown_marks=shown_marks,
        kind_labels=KIND_LABELS,
        tone_label=tone_label,
    )
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("slant.report").joinpath("templates", name).read_text(encoding="utf-8")


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is http(s) and so safe to link, else None (shown as text, never as a link)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in _SAFE_SCHEMES else None


SPEAKER_COLOURS = 8
"""Distinct speaker colours (``q0`` ... ``q7`` in report.css); more speakers reuse them in turn."""


def speaker_name(quote: QuoteView) -> str:
    """Who a quote is by, as the report names them."""
    return quote.speaker or ("anonymous source" if quote.anonymous else "unknown speaker")


def speaker_colours(view: ReportView) -> dict[str, int]:
    """Speaker -> colour number, in order of first quote over all articles (one colour per speaker everywhere)."""
    colours: dict[str, int] = {}
    for article in view.articles:
        for quote in article.quotes or ():
            colours.setdefault(speaker_name(quote), len(colours) % SPEAKER_COLOURS)
    return colours


def sentence_quotes(sentence: SentenceView, article: ArticleView) -> list[QuoteView]:
    """The quotes found in one sentence."""
    return [q for q in article.quotes or () if q.sentence == sentence.id]


def fact_ids(sentence: SentenceView) -> str:
    """The space-separated ids of the facts a sentence carries, for ``data-fact``."""
    return " ".join(tag.id for tag in sentence.facts)


def sentence_title(sentence: SentenceView, article: ArticleView) -> str:
    """The tooltip of a sentence: one line per fact it carries."""
    lines = []
    for tag in sentence.facts:
        if tag.status == "unique":
            lines.append(f"only in {article.ref.label}")
        elif tag.status == "shared":
            others = ", ".join(ref.label for ref in tag.others) or "no other article"
            lines.append(f"{tag.id}: also in {others}")
        else:
            values = "; ".join(f"{v.article.label}: {v.value}" for c in tag.conflicts for v in c.values)
            why = "; ".join(c.why for c in tag.conflicts)
            lines.append(
                f"{tag.id}: contradiction" + (f" \u2014 {values}" if values else "") + (f" ({why})" if why else "")
            )
    return "\n".join(lines)


def conflict_notes(sentence: SentenceView, article: ArticleView) -> list[str]:
    """What the other articles say where this sentence is contradicted: ["Metro Ledger: 25", ...]."""
    notes: list[str] = []
    tags: list[FactTag] = [tag for tag in sentence.facts if tag.status == "contradiction"]
    for tag in tags:
        for conflict in tag.conflicts:
            notes += [f"{v.article.label}: {v.value}" for v in conflict.values if v.article.id != article.ref.id]
    return notes
