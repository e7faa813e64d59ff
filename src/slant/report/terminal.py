"""Rich terminal report: the articles side by side, coloured by fact status; plain text when piped.

This module prints the header and the closing sections (boilerplate, warnings) and hands every other
section of ``view.SECTIONS`` to its printer: ``terminal_facts`` (lean, summary, side by side,
informational bias, contradictions), ``terminal_language`` (terms, profiles, marks) and
``terminal_actors`` (portrayal, voices, quotes, cited outlets, actors); ``terminal_text`` holds what
they share. Every string that came from an article is wrapped in a ``rich.text.Text``,
so rich never reads article text as markup or emoji codes.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from slant.model import Comparison
from slant.report import terminal_actors, terminal_facts, terminal_language
from slant.report.article_view import ArticleView
from slant.report.judgement_view import lean_bar
from slant.report.terminal_text import DASH, ELLIPSIS, MISSING_STYLE, STYLES, article_label
from slant.report.view import SECTIONS, ReportView, build_view


def render_terminal(comparison: Comparison, console: Console) -> None:
    """Print the comparison report to a rich console.

    Colours mark fact status (shared green, unique yellow, contradiction red);
    a console that is not a terminal gets the same layout without colour.

    Args:
        comparison: the comparison to show.
        console: where to print; its width sets the column widths.
    """
    view = build_view(comparison)
    console.rule(Text("slant: how the articles compare", style="bold"), align="left")
    console.print(_header(view))
    console.print()
    for key, title in SECTIONS:
        body = PRINTERS[key](view)
        if body is None:
            continue
        console.rule(Text(title, style="bold"), align="left")
        console.print(body)
        console.print()


def _header(view: ReportView) -> RenderableType:
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("title", ratio=1)
    for status in ("shared", "unique", "contradiction"):
        table.add_column(Text(status, style=STYLES[status]), justify="right")
    for art in view.articles:
        title = Text(art.title or "", style="italic")
        title.append(f"\n{art.source}", style="dim")
        lean = view.lean_of(art.ref.id)
        if lean is not None:
            title.append(f"\nlean {lean.lean} {lean_bar(lean.score)}")
        loaded = art.most_loaded
        if loaded is not None:
            text = loaded.text if len(loaded.text) <= 120 else loaded.text[:119] + ELLIPSIS
            title.append(f"\nmost loaded: \u201c{text}\u201d", style="dim")
        counts = [Text(str(art.counts[s]), style=STYLES[s]) for s in ("shared", "unique", "contradiction")]
        if view.facts is None:
            counts = [Text(DASH, style=MISSING_STYLE)] * 3
        table.add_row(article_label(art.ref), title, *counts)
    parts: list[RenderableType] = [table]
    if view.analyses or view.version:
        line = Text(f"analyses: {', '.join(view.analyses) or 'none'}", style="dim")
        if view.version:
            line.append(f"  slant {view.version}", style="dim")
        parts.append(line)
    return Group(*parts)


def _boilerplate(view: ReportView) -> RenderableType | None:
    rows = [(art, block) for art in view.articles for block in art.boilerplate]
    if not rows:
        return None
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("text", ratio=1)
    for art, block in rows:
        table.add_row(article_label(art.ref), Text(block.kind), Text(block.text, style="dim strike"))
    return table


def _warnings(view: ReportView) -> RenderableType | None:
    lines = [Text(f"- {w}") for w in view.warnings]
    lines += [_article_warning(art, w) for art in view.articles for w in art.warnings]
    return Group(*lines) if lines else None


def _article_warning(art: ArticleView, warning: str) -> Text:
    text = Text("- ")
    text.append(art.ref.label, style="bold")
    text.append(f": {warning}")
    return text


PRINTERS: dict[str, Callable[[ReportView], RenderableType | None]] = {
    "lean": terminal_facts.lean,
    "summary": terminal_facts.summary,
    "side_by_side": terminal_facts.side_by_side,
    "informational": terminal_facts.informational,
    "contradictions": terminal_facts.contradictions,
    "terms": terminal_language.terms,
    "profiles": terminal_language.profiles,
    "marks": terminal_language.marks,
    "portrayal": terminal_actors.portrayal,
    "voices": terminal_actors.voices,
    "quotes": terminal_actors.quotes,
    "sources": terminal_actors.sources,
    "actors": terminal_actors.actors,
    "boilerplate": _boilerplate,
    "warnings": _warnings,
}
"""The printer of each section key in ``view.SECTIONS``; None from a printer leaves its section out."""
