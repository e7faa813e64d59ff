"""The analysis registry: ordering by requirements, early failure, compare()'s input checks."""

from __future__ import annotations

import pytest

import slant
from slant.errors import InputError, PipelineError
from slant.pipeline import ANALYSES, Analysis, build_pipeline


def _a(name: str, requires: tuple[str, ...], provides: tuple[str, ...]) -> Analysis:
    return Analysis(name, requires, provides, lambda: lambda c, r, s: {})


def test_build_pipeline_pulls_in_requirements_in_order() -> None:
    names = [a.name for a in build_pipeline(["facts"])]
    assert names == ["actors", "facts"]


def test_build_pipeline_default_covers_registry() -> None:
    names = [a.name for a in build_pipeline(slant.Settings().analyses)]
    assert names.index("actors") < names.index("quotes")
    assert set(names) <= set(ANALYSES)


def test_build_pipeline_unknown_analysis() -> None:
    with pytest.raises(PipelineError, match="unknown analysis 'nope'"):
        build_pipeline(["nope"])


def test_build_pipeline_missing_requirement() -> None:
    registry = {"x": _a("x", ("docs", "ghost"), ("x",))}
    with pytest.raises(PipelineError, match="requires 'ghost'"):
        build_pipeline(["x"], registry)


def test_build_pipeline_cycle() -> None:
    registry = {"x": _a("x", ("y",), ("x",)), "y": _a("y", ("x",), ("y",))}
    with pytest.raises(PipelineError, match="cycle"):
        build_pipeline(["x"], registry)


@pytest.mark.parametrize("articles", [[], ["Only one article about the council vote on Tuesday."]])
def test_compare_needs_two_articles(articles: list[str]) -> None:
    with pytest.raises(InputError, match="at least two articles"):
        slant.compare(articles)


def test_public_api_is_small_and_pinned() -> None:
    assert sorted(slant.__all__) == [
        "Article",
        "Comparison",
        "FetchError",
        "InputError",
        "ModelUnavailableError",
        "PipelineError",
        "Settings",
        "SlantError",
        "StoreError",
        "compare",
        "read_articles",
    ]
    for name in slant.__all__:
        assert getattr(slant, name).__doc__
