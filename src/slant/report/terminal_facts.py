"""Terminal printers for the story sections: lean, neutral summary, side by side, informational bias
and contradictions (the views of ``judgement_view`` and ``facts_view``)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from slant.report.judgement_view import lean_bar
from slant.report.terminal_text import DASH, ELLIPSIS, MISSING_STYLE, STYLES, absent_line, article_label, note_line
from slant.report.view import ReportView


def lean(view: ReportView) -> RenderableType | None:
    """The lean section: side, probabilities and the sentences behind each article's lean; None when not run."""
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
        lean_cell = Text(f"{x.lean} {lean_bar(x.score)}", style="bold")
        table.add_row(article_label(x.article), lean_cell, Text(probs), evidence)
    return Group(
        table, note_line("Read from wording alone (outlet names removed); a model, not a verdict: see EVALUATION.md.")
    )


def summary(view: ReportView) -> RenderableType | None:
    """The neutral summary, one numbered line per sentence with its cited sentence ids; None when not run."""
    if view.summary is None:
        return None
    if not view.summary:
        return note_line("nothing to summarise: no facts were found")
    lines = []
    for k, line in enumerate(view.summary, 1):
        text = Text(f"{k}. ")
        text.append(line.text, style=STYLES.get(line.kind, ""))
        text.append(f"  [{', '.join(line.cites)}]", style="dim")
        lines.append(text)
    return Group(*lines)


def _evidence_cell(status: str, texts: list[str]) -> Text:
    """One article's evidence for a fact, or a dim em dash where the article omits it."""
    if not texts:
        return Text(DASH, style=MISSING_STYLE)
    return Text(" \u2026 ".join(texts), style=STYLES.get(status, ""))


def side_by_side(view: ReportView) -> RenderableType:
    """One row per fact, one column per article with the evidence it gives (a dash where it omits it)."""
    note = absent_line(view.facts, "no facts found")
    if note is not None:
        return note
    table = Table(expand=True, show_lines=True)
    table.add_column("fact", no_wrap=True)
    for art in view.articles:
        table.add_column(article_label(art.ref), ratio=1)
    for fact in view.facts or ():
        head = Text(fact.id, style="bold")
        head.append(f"\n{fact.status}", style=STYLES.get(fact.status, ""))
        cells = [_evidence_cell(fact.status, [ev.text for ev in cell]) for cell in fact.cells]
        table.add_row(head, *cells)
    return table


def informational(view: ReportView) -> RenderableType | None:
    """The sentences flagged as informational bias, with why; None when not run."""
    if view.informational is None:
        return None
    if not view.informational:
        return note_line("nothing flagged: no article brings in facts far from what they share")
    table = Table(expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("sentence", ratio=3)
    table.add_column("why", ratio=2)
    for m in view.informational:
        table.add_row(article_label(m.article), Text(m.text), Text(m.why, style="dim"))
    return table


def contradictions(view: ReportView) -> RenderableType | None:
    """What the contradicting facts disagree on, value by article; None when fact alignment did not run."""
    if view.facts is None:
        return None
    if not view.contradictions:
        return note_line("none found")
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
