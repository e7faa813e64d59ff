"""Every renderer takes any Comparison: random ones from hypothesis never raise."""

from __future__ import annotations

import io

from hypothesis import given, settings
from rich.console import Console

from slant.model import Comparison
from slant.report.html import render_html
from slant.report.markdown import render_markdown
from slant.report.terminal import render_terminal

from .strategies import comparisons


@settings(max_examples=40, deadline=None)
@given(comparisons())
def test_renderers_accept_any_comparison(comparison: Comparison) -> None:
    assert render_html(comparison).startswith("<!DOCTYPE html>")
    assert render_markdown(comparison).startswith("# slant")
    out = io.StringIO()
    render_terminal(comparison, Console(file=out, width=70, force_terminal=False, color_system=None))
    assert "Side by side" in out.getvalue()
