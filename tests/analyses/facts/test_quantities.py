"""Quantities read from claims so that contradictions can be found."""

from __future__ import annotations

import pytest

from slant.analyses.facts.quantities import parse_number, quantities_in
from slant.nlp.resources import Resources


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("seven", 7),
        ("$3 million", 3e6),
        ("twice", 2),
        ("twenty five", 25),
        ("a dozen", 12),
        ("3.5 billion", 3.5e9),
        ("about", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The project will create about 1,400 permanent jobs.", {("count:job", "1400")}),
        ("Eleven employees were treated at area hospitals.", {("count:people", "11")}),
        ("It is expected to raise about $85 million a year.", {("money", "85000000")}),
        ("The board voted 5-2 Monday to pull the books.", {("tally", "5-2"), ("weekday", "monday")}),
        ("Roughly 60 percent of the money goes to buses.", {("percent", "60")}),
        ("The new tax takes effect on July 1, 2025.", {("date", "jul 1"), ("year", "2025")}),
        ("He wants 60-50% of officers back in the field.", {("percent", "50")}),
        ("Millions of people crossed the border.", set()),
        ("The project will cost $2.3bn in all.", {("money", "2300000000")}),
        ("It took effect on 5 January 2026.", {("date", "jan 5"), ("year", "2026")}),
        ("Work begins in June.", {("month", "jun")}),
        ("About 120,000 immigrants could apply.", {("count:people", "120000")}),
        ("A 22-year-old student was killed.", set()),
    ],
)
def test_quantities_in_sentences(sentence: str, expected: set[tuple[str, str]]) -> None:
    doc = Resources().nlp(sentence)
    assert {(q.key, q.value) for q in quantities_in(doc[:])} == expected
