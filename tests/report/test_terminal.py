"""report.terminal: rich output, plain when piped, article text never read as markup."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from slant.model import Comparison
from slant.report.terminal import render_terminal

from .fixtures import (
    make_bare_comparison,
    make_comparison,
    make_comparison3,
    make_empty_comparison,
    make_hostile_comparison,
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(comparison: Comparison, width: int = 120, terminal: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=terminal,
        color_system="standard" if terminal else None,
        legacy_windows=False,
    )
    render_terminal(comparison, console)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _no_colour_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES"):
        monkeypatch.delenv(var, raising=False)


def test_terminal_plain_when_not_a_terminal() -> None:
    assert not ANSI.search(render(make_comparison()))


def test_terminal_colours_fact_status_on_a_terminal() -> None:
    text = render(make_comparison(), terminal=True)
    codes = set(re.findall(r"\x1b\[([0-9;]*)m", text))
    assert {"32", "33", "31"} <= {part for code in codes for part in code.split(";")}


def test_terminal_sections_present() -> None:
    text = render(make_comparison())
    for title in (
        "Side by side",
        "Contradictions",
        "Quotes",
        "Cited outlets",
        "Actors",
        "Boilerplate removed",
        "Warnings",
    ):
        assert title in text


def test_terminal_side_by_side_dash_where_omitted() -> None:
    row = next(line for line in render(make_comparison()).splitlines() if "she heard an explosion" in line)
    assert "\u2014" in row.split("she heard")[0]


def test_terminal_contradiction_values_shown() -> None:
    text = render(make_comparison())
    assert "Harbor Daily: 40" in text and "Metro Ledger: 25" in text


def test_terminal_quotes_flag_anonymous_and_indirect() -> None:
    row = next(
        line
        for line in render(make_comparison()).splitlines()
        if "she heard an explosion" in line and "anonymous" in line
    )
    assert "indirect" in row and "unknown" in row


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_terminal_three_articles_fit_the_width(width: int) -> None:
    text = render(make_comparison3(), width=width)
    assert "Coastal Wire" in text or width < 80
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize(
    "make, expected",
    [(make_bare_comparison, "not run"), (make_empty_comparison, "no facts found")],
)
def test_terminal_missing_analyses_are_stated(make: object, expected: str) -> None:
    assert expected in render(make())  # type: ignore[operator]


def test_terminal_never_reads_article_text_as_markup() -> None:
    text = render(make_hostile_comparison())
    assert "[bold red]Title[/]" in text
    assert "Plain [b]Post[/b]" in text
    assert "[red]him[/red]" in text
    assert "<script>alert(1)</script>" in text
