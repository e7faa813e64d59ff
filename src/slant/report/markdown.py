"""GitHub-flavoured Markdown report: the same sections as the terminal, as tables.

Every string from an article goes through ``escape`` (tables escape their
cells themselves), so article text can neither break a table nor inject
HTML, links or emphasis.
"""

from __future__ import annotations

from collections.abc import Sequence

from slant.model import Comparison
from slant.report.actors_view import PORTRAYAL_LIMIT, PortrayalCell, tone_label
from slant.report.judgement_view import lean_bar
from slant.report.language_view import KIND_LABELS, shown_marks
from slant.report.view import SECTIONS, ReportView, build_view

DASH = "\u2014"
_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\n": " ",
        "\r": " ",
        "\t": " ",
    }
)


class Raw(str):
    """Markdown this module wrote itself; tables leave it unescaped."""


def escape(text: str) -> str:
    """Make text inert in Markdown: no table breaks, HTML, code, links or emphasis; newlines become spaces.

    Args:
        text: any string, typically from an article.

    Returns:
        The text with Markdown and HTML syntax escaped.
    """
    return text.replace("\r\n", "\n").translate(_ESCAPES)


def render_markdown(comparison: Comparison) -> str:
    """Render the comparison as a GitHub-flavoured Markdown report.

    Args:
        comparison: the comparison to show.

    Returns:
        The Markdown text, ending with a newline.
    """
    view = build_view(comparison)
    lines = ["# slant: how the articles compare", ""]
    lines += [*_header(view), ""]
    for key, title in SECTIONS:
        section = globals()[f"_{key}"](view)  # each section key names its function: "terms" -> _terms
        if section is None:
            continue
        lines += [f"## {title}", ""]
        lines += [*section, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    """A GFM table; cells are escaped unless they are ``Raw``, columns in ``right`` right-aligned."""

    def cell(value: str) -> str:
        return value if isinstance(value, Raw) else escape(value)

    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    out = ["| " + " | ".join(cell(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def _note(message: str) -> list[str]:
    return [f"_{message}._"]


def _header(view: ReportView) -> list[str]:
    """The story verdict: per article its source, fact counts, lean and most loaded sentence."""
    rows = []
    for art in view.articles:
        counts = [str(art.counts[s]) if view.facts is not None else DASH for s in ("shared", "unique", "contradiction")]
        row = [art.ref.full, art.title or "", art.source, *counts]
        if view.lean is not None:
            lean = view.lean_of(art.ref.id)
            row.append(f"{lean.lean} {lean_bar(lean.score)}" if lean else DASH)
        if art.marks is not None:
            loaded = art.most_loaded
            row.append(loaded.text if loaded else DASH)
        rows.append(row)
    headers = ["article", "title", "source", "shared", "unique", "contradiction"]
    headers += ["lean"] if view.lean is not None else []
    headers += ["most loaded sentence"] if any(art.marks is not None for art in view.articles) else []
    lines = _table(headers, rows, right=(3, 4, 5))
    if view.analyses or view.version:
        meta = f"Analyses: {escape(', '.join(view.analyses) or 'none')}"
        if view.version:
            meta += f" \u00b7 slant {escape(view.version)}"
        lines += ["", meta]
    return lines


def _side_by_side(view: ReportView) -> list[str]:
    if view.facts is None:
        return _note("Not run")
    if not view.facts:
        return _note("No facts found")
    headers = ["fact", "status", *(a.ref.full for a in view.articles)]
    rows = [
        [fact.id, fact.status, *(" \u2026 ".join(ev.text for ev in cell) or DASH for cell in fact.cells)]
        for fact in view.facts
    ]
    return _table(headers, rows)


def _contradictions(view: ReportView) -> list[str] | None:
    if view.facts is None:
        return None
    if not view.contradictions:
        return _note("None found")
    rows = []
    for fact in view.contradictions:
        for conflict in fact.conflicts:
            values = "; ".join(f"{v.article.label}: {v.value}" for v in conflict.values)
            rows.append([fact.id, conflict.kind, values, conflict.why])
        if not fact.conflicts:
            rows.append([fact.id, DASH, " \u2260 ".join(ev.text for ev in fact.evidence), ""])
    return _table(["fact", "kind", "values", "why"], rows)


def _quotes(view: ReportView) -> list[str]:
    if not view.quotes_run:
        return _note("Not run")
    lines: list[str] = []
    for art in view.articles:
        lines += [f"### {escape(art.ref.full)}", ""]
        if not art.quotes:
            lines += [*_note("No quotes found"), ""]
            continue
        rows = [
            [
                q.speaker or "unknown",
                q.mention or "",
                q.verb or DASH,
                f"\u201c{q.text}\u201d" if q.direct else q.text,
                "direct" if q.direct else "indirect",
                "anonymous" if q.anonymous else "",
            ]
            for q in art.quotes
        ]
        lines += [*_table(["speaker", "named as", "verb", "quote", "type", "anonymous"], rows), ""]
    return lines[:-1]


def _sources(view: ReportView) -> list[str]:
    if view.sources is None:
        return _note("Not run")
    if not view.sources:
        return _note("No outlets cited")
    rows = [[c.article.full, c.outlet, c.cue, c.sentence_text] for c in view.sources]
    return _table(["article", "cited outlet", "cue", "sentence"], rows)


def _actors(view: ReportView) -> list[str]:
    if view.actors is None:
        return _note("Not run")
    if not view.actors:
        return _note("No actors found")
    headers = ["name", "type", "aliases", *(a.ref.full for a in view.articles)]
    rows = [
        [actor.name, actor.type, ", ".join(actor.aliases), *(str(n) if n else DASH for n in actor.counts)]
        for actor in view.actors
    ]
    return _table(headers, rows, right=range(3, len(headers)))


def _terms(view: ReportView) -> list[str]:
    if view.terms is None:
        return _note("Not run")
    if not view.terms:
        return _note("Every article names things the same way")
    rows = []
    for term in view.terms:
        cells = [
            Raw(
                "<br>".join(
                    (
                        f"**{escape(v.text)}** \u00d7{v.count} ({escape(v.why.split(':')[0] or 'loaded')})"
                        if v.loaded
                        else f"{escape(v.text)} \u00d7{v.count}" + (" (neutral)" if v.neutral else "")
                    )
                    for v in variants
                )
                or DASH
            )
            for variants in term.cells
        ]
        rows.append([term.referent, *cells])
    return _table(["referent", *(a.ref.full for a in view.articles)], rows)


def _portrayal_cell(cell: PortrayalCell | None) -> Raw:
    if cell is None:
        return Raw(DASH)
    lines = [f"**{tone_label(cell.tone)}** ({cell.tone:+.2f}), {cell.mentions} mention{'s' * (cell.mentions != 1)}"]
    if cell.quoted_words:
        lines.append(f"quoted {cell.quoted_words} words ({cell.voice_share:.0%} of quotes)")
    if cell.references:
        lines.append("as: " + escape("; ".join(cell.references[:5])))
    lines += [f"_{e.polarity} {e.score:.2f}_: {escape(e.text)}" for e in cell.evidence[:2]]
    return Raw("<br>".join(lines))


def _portrayal(view: ReportView) -> list[str]:
    if view.portrayal is None:
        return _note("Not run")
    if not view.portrayal:
        return _note("No people or organisations to portray")
    shown = view.portrayal[:PORTRAYAL_LIMIT]
    rows = [[f"{a.name} ({a.side})" if a.side else a.name, *(_portrayal_cell(c) for c in a.cells)] for a in shown]
    out = _table(["actor", *(a.ref.full for a in view.articles)], rows)
    rest = len(view.portrayal) - len(shown)
    return out + ([""] + _note(f"{rest} more actors in the JSON output") if rest > 0 else [])


def _voices(view: ReportView) -> list[str]:
    if view.voices is None:
        return _note("Not run")
    voices = view.voices
    rows = [
        ["quoted words", *(f"{v.quoted_words} in {v.quotes} quotes" for v in voices)],
        [
            "voices",
            *(Raw("<br>".join(escape(f"{x.name} {x.share:.0%}") for x in v.voices[:6]) or DASH) for v in voices),
        ],
        ["anonymous", *(f"{v.anonymous_share:.0%}" for v in voices)],
        ["by side", *(", ".join(f"{k} {s:.0%}" for k, s in v.sides.items()) or DASH for v in voices)],
    ]
    return _table(["", *(v.article.full for v in voices)], rows)


def _lean(view: ReportView) -> list[str] | None:
    if view.lean is None:
        return None
    rows = [
        [
            x.article.full,
            f"{x.lean} {lean_bar(x.score)}",
            " / ".join(f"{x.probabilities.get(side, 0.0):.0%}" for side in ("left", "center", "right")),
            Raw("<br>".join(escape(f"\u201c{text}\u201d") for _, text, _ in x.evidence) or DASH),
        ]
        for x in view.lean
    ]
    lines = _table(["article", "lean", "left / center / right", "sentences that drive the call"], rows)
    return [*lines, "", *_note("Read from wording alone (outlet names removed); a model, not a verdict")]


def _summary(view: ReportView) -> list[str] | None:
    if view.summary is None:
        return None
    if not view.summary:
        return _note("Nothing to summarise: no facts were found")
    return [f"{k}. {escape(line.text)} [{escape(', '.join(line.cites))}]" for k, line in enumerate(view.summary, 1)]


def _informational(view: ReportView) -> list[str] | None:
    if view.informational is None:
        return None
    if not view.informational:
        return _note("Nothing flagged: no article brings in facts far from what they share")
    rows = [[m.article.full, m.text, m.why] for m in view.informational]
    return _table(["article", "sentence", "why"], rows)


def _profiles(view: ReportView) -> list[str]:
    if view.profiles is None:
        return _note("Not run")
    headers = ["", *(p.article.full for p in view.profiles)]
    rows = [["words", *(str(p.words) for p in view.profiles)]]
    for kind, label in KIND_LABELS.items():
        rows.append([label, *(f"{p.counts.get(kind, 0)} ({p.rates.get(kind, 0.0):.2f})" for p in view.profiles)])
    rows.append(["share of biased sentences", *(f"{p.biased_share:.0%}" for p in view.profiles)])
    rows.append(
        [
            "attribution verbs",
            *(", ".join(f"{verb} {n}" for verb, n in p.attribution.items()) or DASH for p in view.profiles),
        ]
    )
    return _table(headers, rows, right=range(1, len(headers)))


def _marks(view: ReportView) -> list[str]:
    if all(art.marks is None for art in view.articles):
        return _note("Not run")
    lines: list[str] = []
    for art in view.articles:
        lines += [f"### {escape(art.ref.full)}", ""]
        if art.marks is None:
            lines += [*_note("Not run"), ""]
            continue
        if not art.marks:
            lines += [*_note("Nothing marked"), ""]
            continue
        shown, _hidden = shown_marks(art.marks)
        rows = [[KIND_LABELS.get(m.kind, m.kind), m.category, m.term, str(m.count), m.why] for m in shown]
        lines += [*_table(["kind", "class", "words", "uses", "why"], rows, right=(3,)), ""]
    return lines[:-1]


def _boilerplate(view: ReportView) -> list[str] | None:
    rows = [
        [art.ref.full, block.kind, Raw(f"~~{escape(block.text.strip())}~~") if block.text.strip() else ""]
        for art in view.articles
        for block in art.boilerplate
    ]
    return _table(["article", "kind", "text"], rows) if rows else None


def _warnings(view: ReportView) -> list[str] | None:
    lines = [f"- {escape(w)}" for w in view.warnings]
    lines += [f"- {escape(art.ref.label)}: {escape(w)}" for art in view.articles for w in art.warnings]
    return lines or None
