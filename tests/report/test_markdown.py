"""report.markdown: GitHub-flavoured tables article text cannot break."""

from __future__ import annotations

import re

import pytest

from slant.report.markdown import escape, render_markdown

from .fixtures import make_bare_comparison, make_comparison, make_comparison3, make_hostile_comparison

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a | b", "a \\| b"),
        ("<script>", "&lt;script&gt;"),
        ("`code`", "\\`code\\`"),
        ("line\nbreak\r\nagain", "line break again"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("*em* _em_ ~~del~~", "\\*em\\* \\_em\\_ \\~\\~del\\~\\~"),
        ("a & b \\ c", "a &amp; b \\\\ c"),
    ],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def _tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


@pytest.mark.parametrize("make", [make_comparison, make_comparison3, make_hostile_comparison], ids=lambda m: m.__name__)
def test_markdown_table_rows_keep_their_column_count(make: object) -> None:
    for table in _tables(render_markdown(make())):  # type: ignore[operator]
        counts = {len(UNESCAPED_PIPE.findall(row)) for row in table}
        assert len(counts) == 1, table


def test_markdown_hostile_text_is_inert() -> None:
    text = render_markdown(make_hostile_comparison())
    assert "<script>" not in text and "<img" not in text and "<iframe" not in text and "<svg" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "](javascript:" not in text
    assert "`" not in text.replace("\\`", "")


def test_markdown_sections_and_columns() -> None:
    text = render_markdown(make_comparison3())
    for title in (
        "## Side by side",
        "## Contradictions",
        "## Quotes",
        "## Cited outlets",
        "## Actors",
        "## Boilerplate removed",
    ):
        assert title in text
    assert "| fact | status | Harbor Daily (a1) | Metro Ledger (a2) | Coastal Wire (a3) |" in text
    assert "| f5 | shared | \u2014 | it was cooperating with investigators |" in text


def test_markdown_not_run_is_stated() -> None:
    text = render_markdown(make_bare_comparison())
    assert text.count("_Not run._") == 9  # every analysis section but side by side, contradictions, boilerplate
    assert text.endswith("\n") and not text.endswith("\n\n")
