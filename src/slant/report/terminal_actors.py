"""Terminal printers for the actor and quote sections: portrayal, voices, quotes, cited outlets and
actors (the views of ``actors_view`` and ``quotes_view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from slant.report.actors_view import PORTRAYAL_LIMIT, PortrayalCell, tone_label
from slant.report.quotes_view import QuoteView
from slant.report.terminal_text import DASH, MISSING_STYLE, NOTE_STYLE, absent_line, article_label, note_line
from slant.report.view import ReportView

_TONE_STYLE = {"negative": "red", "positive": "green", "neutral": ""}


def _portrayal_cell(cell: PortrayalCell | None) -> Text:
    if cell is None:
        return Text(DASH, style=MISSING_STYLE)
    label = tone_label(cell.tone)
    out = Text()
    out.append(f"{label} ({cell.tone:+.2f})", style=_TONE_STYLE.get(label.split()[-1], ""))
    out.append(f"  {cell.mentions} mention{'s' * (cell.mentions != 1)}", style="dim")
    if cell.quoted_words:
        out.append(f"\nquoted {cell.quoted_words} words ({cell.voice_share:.0%} of quotes)")
    if cell.references:
        out.append("\nas: " + "; ".join(cell.references[:5]), style="italic")
    if cell.evidence:
        e = cell.evidence[0]
        text = e.text if len(e.text) <= 140 else e.text[:137] + "..."
        out.append(f"\n{e.polarity} {e.score:.2f}: ", style=_TONE_STYLE[e.polarity])
        out.append(text, style="dim")
    return out


def portrayal(view: ReportView) -> RenderableType:
    """How each article portrays each actor, the ``PORTRAYAL_LIMIT`` most mentioned."""
    note = absent_line(view.portrayal, "no people or organisations to portray")
    if note is not None:
        return note
    shown = (view.portrayal or ())[:PORTRAYAL_LIMIT]
    table = Table(expand=True, show_lines=True)
    table.add_column("actor", ratio=1)
    for art in view.articles:
        table.add_column(article_label(art.ref), ratio=2)
    for actor in shown:
        name = Text(actor.name, style="bold")
        if actor.side:
            name.append(f"\n{actor.side}", style="dim")
        table.add_row(name, *[_portrayal_cell(c) for c in actor.cells])
    rest = len(view.portrayal or ()) - len(shown)
    return Group(table, note_line(f"{rest} more actors in the JSON output")) if rest > 0 else table


def voices(view: ReportView) -> RenderableType:
    """Who each article quotes: quoted words, speakers' shares, anonymous share and share by side."""
    note = absent_line(view.voices, "no articles")
    if note is not None:
        return note
    table = Table(expand=True)
    table.add_column("", ratio=1)
    for v in view.voices or ():
        table.add_column(article_label(v.article), ratio=2)
    rows = view.voices or ()
    table.add_row(Text("quoted words"), *[Text(f"{v.quoted_words} in {v.quotes} quotes") for v in rows])
    table.add_row(
        Text("voices"),
        *[
            Text("\n".join(f"{x.name} {x.share:.0%}" + (" (anonymous)" if x.anonymous else "") for x in v.voices[:6]))
            or Text(DASH, style=MISSING_STYLE)
            for v in rows
        ],
    )
    table.add_row(Text("anonymous"), *[Text(f"{v.anonymous_share:.0%}") for v in rows])
    table.add_row(
        Text("by side"),
        *[Text(", ".join(f"{side} {share:.0%}" for side, share in v.sides.items()) or DASH) for v in rows],
    )
    return table


def _quote_row(quote: QuoteView) -> list[Text]:
    speaker = Text(quote.speaker or "unknown", style="" if quote.speaker else NOTE_STYLE)
    if quote.mention and quote.mention != quote.speaker:
        speaker.append(f"\nas \u201c{quote.mention}\u201d", style="dim")
    words = Text(f"\u201c{quote.text}\u201d" if quote.direct else quote.text)
    if quote.cited_outlet:
        words.append(f"\n(to/from {quote.cited_outlet})", style="dim")
    return [
        speaker,
        Text(quote.verb or DASH),
        words,
        Text("direct" if quote.direct else "indirect"),
        Text("anonymous", style="bold magenta") if quote.anonymous else Text(""),
    ]


def quotes(view: ReportView) -> RenderableType:
    """Per article, its quotes: speaker, verb, words, direct or indirect, anonymous."""
    if not view.quotes_run:
        return note_line("not run")
    parts: list[RenderableType] = []
    for art in view.articles:
        parts.append(article_label(art.ref))
        if not art.quotes:
            parts.append(note_line("no quotes found"))
            continue
        table = Table(expand=True, show_lines=True)
        table.add_column("speaker", ratio=2)
        table.add_column("verb", no_wrap=True)
        table.add_column("quote", ratio=5)
        table.add_column("type", no_wrap=True)
        table.add_column("anonymous", no_wrap=True)
        for quote in art.quotes:
            table.add_row(*_quote_row(quote))
        parts.append(table)
    return Group(*parts)


def sources(view: ReportView) -> RenderableType:
    """The outlets the articles cite, with the citing sentence."""
    note = absent_line(view.sources, "no outlets cited")
    if note is not None:
        return note
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("cited outlet", ratio=1)
    table.add_column("cue", ratio=1)
    table.add_column("sentence", ratio=2)
    for cite in view.sources or ():
        table.add_row(
            article_label(cite.article),
            Text(cite.outlet, style="bold"),
            Text(cite.cue),
            Text(cite.sentence_text),
        )
    return table


def actors(view: ReportView) -> RenderableType:
    """Each actor with its aliases and how often each article names it."""
    note = absent_line(view.actors, "no actors found")
    if note is not None:
        return note
    table = Table(expand=True)
    table.add_column("name", ratio=2)
    table.add_column("type", no_wrap=True)
    for art in view.articles:
        table.add_column(Text(art.ref.label), justify="right", ratio=1)
    for actor in view.actors or ():
        name = Text(actor.name, style="bold")
        if actor.aliases:
            name.append(f"\naka {', '.join(actor.aliases)}", style="dim")
        counts = [Text(str(n)) if n else Text(DASH, style=MISSING_STYLE) for n in actor.counts]
        table.add_row(name, Text(actor.type), *counts)
    return table
