"""Terminal printers for the language sections: word choice, language profiles, loaded language and
framing (the views of ``language_view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from slant.report.language_view import KIND_LABELS, MARK_LIMIT, shown_marks
from slant.report.terminal_text import DASH, MISSING_STYLE, absent_line, article_label, note_line
from slant.report.view import ReportView


def terms(view: ReportView) -> RenderableType:
    """Each referent with the wordings of each article, loaded ones in red."""
    note = absent_line(view.terms, "every article names things the same way")
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
                    cell.append(f" {v.why.split(':')[0] or 'loaded'}", style="red")
                elif v.neutral:
                    cell.append(" neutral", style="green")
            cells.append(cell if variants else Text(DASH, style=MISSING_STYLE))
        table.add_row(Text(term.referent, style="bold"), *cells)
    return table


def profiles(view: ReportView) -> RenderableType:
    """Each article's marks per kind: counts, rates per 100 words and attribution verbs."""
    note = absent_line(view.profiles, "no articles profiled")
    if note is not None:
        return note
    profiles = view.profiles or ()
    table = Table(expand=True)
    table.add_column("", ratio=2)
    for p in profiles:
        table.add_column(article_label(p.article), justify="right", ratio=1)
    table.add_row(Text("words"), *[Text(str(p.words)) for p in profiles])
    for kind, label in KIND_LABELS.items():
        cells = []
        for p in profiles:
            count, rate = p.counts.get(kind, 0), p.rates.get(kind, 0.0)
            extra = f" ({p.biased_share:.0%} of sentences)" if kind == "biased_sentence" else ""
            cells.append(Text(f"{count}  {rate:.2f}{extra}") if count else Text(DASH, style=MISSING_STYLE))
        table.add_row(Text(label), *cells)
    table.add_row(
        Text("attribution verbs"),
        *[Text(", ".join(f"{verb} {n}" for verb, n in list(p.attribution.items())[:4]) or DASH) for p in profiles],
    )
    return table


def marks(view: ReportView) -> RenderableType:
    """Per article, its marks grouped by wording, at most ``MARK_LIMIT`` rows and a count of the rest."""
    parts: list[RenderableType] = []
    for art in view.articles:
        parts.append(article_label(art.ref))
        note = absent_line(art.marks, "nothing marked")
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
            parts.append(note_line(f"... and {hidden} more (all of them are in --format json, md and html)"))
    return Group(*parts)
