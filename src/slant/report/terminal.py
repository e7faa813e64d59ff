"""Rich terminal report: the articles side by side, coloured by fact status; plain text when piped.

Every string that came from an article is wrapped in a ``rich.text.Text``,
so rich never reads article text as markup or emoji codes.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from slant.model import Comparison
from slant.report.refs import ArticleRef
from slant.report.story_view import PortrayalCell, lean_bar, tone_label
from slant.report.view import (
    KIND_LABELS,
    MARK_LIMIT,
    PORTRAYAL_LIMIT,
    SECTIONS,
    ArticleView,
    QuoteView,
    ReportView,
    build_view,
    shown_marks,
)

STYLES = {"shared": "green", "unique": "yellow", "contradiction": "red"}
ELLIPSIS = "\u2026"
DASH = "\u2014"
_MISSING = "dim"
_NONE = "dim italic"


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
        body = globals()[f"_{key}"](view)  # each section key names its function: "terms" -> _terms
        if body is None:
            continue
        console.rule(Text(title, style="bold"), align="left")
        console.print(body)
        console.print()


def _label(ref: ArticleRef) -> Text:
    text = Text(ref.label, style="bold")
    if ref.label != ref.id:
        text.append(f" ({ref.id})", style="dim")
    return text


def _note(message: str) -> Text:
    return Text(message, style=_NONE)


def _not_run(items: object, empty: str) -> Text | None:
    """The line shown instead of a section: 'not run' for None, ``empty`` for nothing found."""
    if items is None:
        return _note("not run")
    if not items:
        return _note(empty)
    return None


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
            counts = [Text(DASH, style=_MISSING)] * 3
        table.add_row(_label(art.ref), title, *counts)
    parts: list[RenderableType] = [table]
    if view.analyses or view.version:
        line = Text(f"analyses: {', '.join(view.analyses) or 'none'}", style="dim")
        if view.version:
            line.append(f"  slant {view.version}", style="dim")
        parts.append(line)
    return Group(*parts)


def _evidence_cell(status: str, texts: list[str]) -> Text:
    """One article's evidence for a fact, or a dim em dash where the article omits it."""
    if not texts:
        return Text(DASH, style=_MISSING)
    return Text(" \u2026 ".join(texts), style=STYLES.get(status, ""))


def _side_by_side(view: ReportView) -> RenderableType:
    note = _not_run(view.facts, "no facts found")
    if note is not None:
        return note
    table = Table(expand=True, show_lines=True)
    table.add_column("fact", no_wrap=True)
    for art in view.articles:
        table.add_column(_label(art.ref), ratio=1)
    for fact in view.facts or ():
        head = Text(fact.id, style="bold")
        head.append(f"\n{fact.status}", style=STYLES.get(fact.status, ""))
        cells = [_evidence_cell(fact.status, [ev.text for ev in cell]) for cell in fact.cells]
        table.add_row(head, *cells)
    return table


def _contradictions(view: ReportView) -> RenderableType | None:
    if view.facts is None:
        return None
    if not view.contradictions:
        return _note("none found")
    table = Table(expand=True)
    table.add_column("fact", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("values", ratio=1)
    table.add_column("why", ratio=1)
    for fact in view.contradictions:
        for conflict in fact.conflicts or ():
            values = Text()
            for i, value in enumerate(conflict.values):
                if i:
                    values.append("\n")
                values.append(f"{value.article.label}: ", style="bold")
                values.append(value.value, style=STYLES["contradiction"])
            table.add_row(Text(fact.id), Text(conflict.kind), values, Text(conflict.why))
        if not fact.conflicts:
            evidence = Text(" \u2260 ".join(ev.text for ev in fact.evidence), style=STYLES["contradiction"])
            table.add_row(Text(fact.id), Text(DASH), evidence, Text(""))
    return table


def _quote_row(quote: QuoteView) -> list[Text]:
    speaker = Text(quote.speaker or "unknown", style="" if quote.speaker else _NONE)
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


def _quotes(view: ReportView) -> RenderableType:
    if not view.quotes_run:
        return _note("not run")
    parts: list[RenderableType] = []
    for art in view.articles:
        parts.append(_label(art.ref))
        if not art.quotes:
            parts.append(_note("no quotes found"))
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


_TONE_STYLE = {"negative": "red", "positive": "green", "neutral": ""}


def _portrayal_cell(cell: PortrayalCell | None) -> Text:
    if cell is None:
        return Text(DASH, style=_MISSING)
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


def _portrayal(view: ReportView) -> RenderableType:
    note = _not_run(view.portrayal, "no people or organisations to portray")
    if note is not None:
        return note
    shown = (view.portrayal or ())[:PORTRAYAL_LIMIT]
    table = Table(expand=True, show_lines=True)
    table.add_column("actor", ratio=1)
    for art in view.articles:
        table.add_column(_label(art.ref), ratio=2)
    for actor in shown:
        name = Text(actor.name, style="bold")
        if actor.side:
            name.append(f"\n{actor.side}", style="dim")
        table.add_row(name, *[_portrayal_cell(c) for c in actor.cells])
    rest = len(view.portrayal or ()) - len(shown)
    return Group(table, _note(f"{rest} more actors in the JSON output")) if rest > 0 else table


def _voices(view: ReportView) -> RenderableType:
    note = _not_run(view.voices, "no articles")
    if note is not None:
        return note
    table = Table(expand=True)
    table.add_column("", ratio=1)
    for v in view.voices or ():
        table.add_column(_label(v.article), ratio=2)
    rows = view.voices or ()
    table.add_row(Text("quoted words"), *[Text(f"{v.quoted_words} in {v.quotes} quotes") for v in rows])
    table.add_row(
        Text("voices"),
        *[
            Text("\n".join(f"{x.name} {x.share:.0%}" + (" (anonymous)" if x.anonymous else "") for x in v.voices[:6]))
            or Text(DASH, style=_MISSING)
            for v in rows
        ],
    )
    table.add_row(Text("anonymous"), *[Text(f"{v.anonymous_share:.0%}") for v in rows])
    table.add_row(
        Text("by side"),
        *[Text(", ".join(f"{side} {share:.0%}" for side, share in v.sides.items()) or DASH) for v in rows],
    )
    return table


def _sources(view: ReportView) -> RenderableType:
    note = _not_run(view.sources, "no outlets cited")
    if note is not None:
        return note
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("cited outlet", ratio=1)
    table.add_column("cue", ratio=1)
    table.add_column("sentence", ratio=2)
    for cite in view.sources or ():
        table.add_row(
            _label(cite.article),
            Text(cite.outlet, style="bold"),
            Text(cite.cue),
            Text(cite.sentence_text),
        )
    return table


def _actors(view: ReportView) -> RenderableType:
    note = _not_run(view.actors, "no actors found")
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
        counts = [Text(str(n)) if n else Text(DASH, style=_MISSING) for n in actor.counts]
        table.add_row(name, Text(actor.type), *counts)
    return table


def _terms(view: ReportView) -> RenderableType:
    note = _not_run(view.terms, "every article names things the same way")
    if note is not None:
        return note
    table = Table(expand=True, show_lines=True)
    table.add_column("referent", ratio=1)
    for art in view.articles:
        table.add_column(Text(art.ref.label), ratio=1)
    for term in view.terms or ():
        cells = []
        for variants in term.cells:
            cell = Text()
            for i, v in enumerate(variants):
                if i:
                    cell.append("\n")
                cell.append(v.text, style="bold red" if v.loaded else "")
                cell.append(f" \u00d7{v.count}", style="dim")
                if v.loaded:
                    cell.append(" loaded", style="red")
            cells.append(cell if variants else Text(DASH, style=_MISSING))
        table.add_row(Text(term.referent, style="bold"), *cells)
    return table


def _lean(view: ReportView) -> RenderableType | None:
    if view.lean is None:
        return None
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("lean", no_wrap=True)
    table.add_column("left  center  right", no_wrap=True)
    table.add_column("sentences that drive the call", ratio=1)
    for x in view.lean:
        probs = "  ".join(f"{x.probabilities.get(side, 0.0):.0%}" for side in ("left", "center", "right"))
        quoted = [f"\u201c{text if len(text) <= 140 else text[:139] + ELLIPSIS}\u201d" for _, text, _ in x.evidence[:2]]
        evidence = Text("\n".join(quoted) or DASH, style="dim")
        table.add_row(_label(x.article), Text(f"{x.lean} {lean_bar(x.score)}", style="bold"), Text(probs), evidence)
    return Group(
        table, _note("Read from wording alone (outlet names removed); a model, not a verdict: see EVALUATION.md.")
    )


def _summary(view: ReportView) -> RenderableType | None:
    if view.summary is None:
        return None
    if not view.summary:
        return _note("nothing to summarise: no facts were found")
    lines = []
    for k, line in enumerate(view.summary, 1):
        text = Text(f"{k}. ")
        text.append(line.text, style=STYLES.get(line.kind, ""))
        text.append(f"  [{', '.join(line.cites)}]", style="dim")
        lines.append(text)
    return Group(*lines)


def _informational(view: ReportView) -> RenderableType | None:
    if view.informational is None:
        return None
    if not view.informational:
        return _note("nothing flagged: no article brings in facts far from what they share")
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("sentence", ratio=3)
    table.add_column("why", ratio=2)
    for m in view.informational:
        table.add_row(_label(m.article), Text(m.text), Text(m.why, style="dim"))
    return table


def _profiles(view: ReportView) -> RenderableType:
    note = _not_run(view.profiles, "no articles profiled")
    if note is not None:
        return note
    profiles = view.profiles or ()
    table = Table(expand=True)
    table.add_column("", ratio=2)
    for p in profiles:
        table.add_column(_label(p.article), justify="right", ratio=1)
    table.add_row(Text("words"), *[Text(str(p.words)) for p in profiles])
    for kind, label in KIND_LABELS.items():
        cells = []
        for p in profiles:
            count, rate = p.counts.get(kind, 0), p.rates.get(kind, 0.0)
            extra = f" ({p.biased_share:.0%} of sentences)" if kind == "biased_sentence" else ""
            cells.append(Text(f"{count}  {rate:.2f}{extra}") if count else Text(DASH, style=_MISSING))
        table.add_row(Text(label), *cells)
    table.add_row(
        Text("attribution verbs"),
        *[Text(", ".join(f"{verb} {n}" for verb, n in list(p.attribution.items())[:4]) or DASH) for p in profiles],
    )
    return table


def _marks(view: ReportView) -> RenderableType:
    parts: list[RenderableType] = []
    for art in view.articles:
        parts.append(_label(art.ref))
        note = _not_run(art.marks, "nothing marked")
        if note is not None:
            parts.append(note)
            continue
        shown, hidden = shown_marks(art.marks or (), MARK_LIMIT)
        table = Table(expand=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("words", ratio=2)
        table.add_column("why", ratio=3)
        for mark in shown:
            words = Text(mark.term, style="bold")
            if mark.count > 1:
                words.append(f" \u00d7{mark.count}", style="dim")
            table.add_row(Text(KIND_LABELS.get(mark.kind, mark.kind)), words, Text(mark.why))
        parts.append(table)
        if hidden:
            parts.append(_note(f"... and {hidden} more (all of them are in --format json, md and html)"))
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
        table.add_row(_label(art.ref), Text(block.kind), Text(block.text, style="dim strike"))
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
