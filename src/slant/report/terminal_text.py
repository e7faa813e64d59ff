"""What the terminal section printers share: fact-status colours, marks and the small ``Text`` helpers.

Every string that came from an article is wrapped in a ``rich.text.Text``,
so rich never reads article text as markup or emoji codes.
"""

from __future__ import annotations

from rich.text import Text

from slant.report.refs import ArticleRef

STYLES = {"shared": "green", "unique": "yellow", "contradiction": "red"}
"""The colour of each fact status."""
ELLIPSIS = "\u2026"
DASH = "\u2014"
"""Shown where an article has nothing for a cell."""
MISSING_STYLE = "dim"
"""The style of that dash."""
NOTE_STYLE = "dim italic"
"""The style of a note standing in for a section or a value ("not run", "unknown")."""


def article_label(ref: ArticleRef) -> Text:
    """An article's label in bold, its id after it in dim when the label is an outlet."""
    text = Text(ref.label, style="bold")
    if ref.label != ref.id:
        text.append(f" ({ref.id})", style="dim")
    return text


def note_line(message: str) -> Text:
    """A note in the report's note style."""
    return Text(message, style=NOTE_STYLE)


def absent_line(items: object, empty: str) -> Text | None:
    """The line shown instead of a section: 'not run' for None, ``empty`` for nothing found."""
    if items is None:
        return note_line("not run")
    if not items:
        return note_line(empty)
    return None
