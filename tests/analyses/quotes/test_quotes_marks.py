"""Quotation marks found from the text alone (no model): pairing, apostrophes, nesting, multi-paragraph blocks."""

from __future__ import annotations

import pytest

from slant.analyses.quotes.quotemarks import find_quoted, inside


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["We will win,"]),
        ('"We will win," she said.', ["We will win,"]),
        ('"If I gotta go, then I go,” Homan said.', ["If I gotta go, then I go,"]),  # straight open, curly close
        ('“We got a mandate. This will happen."', ["We got a mandate. This will happen."]),
        ("‘Nobody listened,’ he said. ‘Not once.’", ["Nobody listened,", "Not once."]),
        ("'Nobody listened,' he said.", ["Nobody listened,"]),
        ("A “sanctuary city” ordinance", ["sanctuary city"]),
        ("“First part,” the officer said, “second part.”", ["First part,", "second part."]),
    ],
    ids=["curly", "straight", "mixed-open", "mixed-close", "uk-single", "straight-single", "scare", "interrupted"],
)
def test_quotemarks_pairs(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The workers’ union said it won’t strike.",
        "In the ’90s, rock 'n' roll was king.",
        "It's Trump's plan, and the students' rights don't matter to him.",
        "He is 5'10\" tall.",
        "The ’em dash and ’tis the season.",
    ],
    ids=["curly-apostrophes", "elisions", "straight-apostrophes", "inches", "leading-elisions"],
)
def test_quotemarks_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quoted(text) == []


def test_quotemarks_plural_possessive_before_closing_mark() -> None:
    assert _texts("They called it ‘the workers’ deal’ in the end.") == ["the workers’ deal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘He told me “never”,’ she said.", ["He told me “never”,"]),
        ("“She said ‘no’ twice,” he said.", ["She said ‘no’ twice,"]),
    ],
    ids=["double-in-single", "single-in-double"],
)
def test_quotemarks_nested_quotation_is_part_of_outer(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotemarks_unclosed_paragraph_continues_in_next() -> None:
    text = "“We waited ten years.\n\n“Now we deliver,” Park said.\n\nThe vote is Monday."
    quoted = find_quoted(text)
    assert [text[q.start : q.end] for q in quoted] == ["We waited ten years.", "Now we deliver,"]
    assert quoted[0].close is None and quoted[1].close is not None
    assert quoted[0].block == quoted[1].block


def test_quotemarks_closed_paragraphs_are_separate_blocks() -> None:
    text = "“We will fix it,” Stone said.\n“We got the money.”"
    quoted = find_quoted(text)
    assert len(quoted) == 2 and quoted[0].block != quoted[1].block


def test_quotemarks_unclosed_mark_without_continuation_ends_at_paragraph() -> None:
    text = "He said “we will see\nNext paragraph."
    assert _texts(text) == ["we will see"]


def test_quotemarks_offsets_point_into_text() -> None:
    text = "Intro line.\n“Words here,” she said."
    (q,) = find_quoted(text)
    assert text[q.open] == "“" and q.close is not None and text[q.close] == "”"
    assert inside([q], q.open) is q and inside([q], q.close) is q and inside([q], 0) is None
