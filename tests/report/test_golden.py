"""Golden files for every report format: `pytest tests/report --update-golden` rewrites them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from slant import __version__
from slant.model import Comparison
from slant.report.html import render_html
from slant.report.json import to_json
from slant.report.markdown import render_markdown
from slant.report.terminal import render_terminal

from .fixtures import make_comparison

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def normalise(comparison: Comparison) -> Comparison:
    """Pin the fields that change from run to run or release to release."""
    if comparison.provenance is None:
        return comparison
    provenance = comparison.provenance.model_copy(
        update={"version": "VERSION", "timings": dict.fromkeys(comparison.provenance.timings, 0.0)}
    )
    return comparison.model_copy(update={"provenance": provenance})


def terminal_text(comparison: Comparison) -> str:
    out = io.StringIO()
    render_terminal(
        comparison, Console(file=out, width=120, force_terminal=False, color_system=None, legacy_windows=False)
    )
    return out.getvalue()


RENDERERS: dict[str, Callable[[Comparison], str]] = {
    "compare.json": lambda c: to_json(c) + "\n",
    "compare.md": render_markdown,
    "compare.html": render_html,
    "compare.txt": terminal_text,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden_report(name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES"):
        monkeypatch.delenv(var, raising=False)
    output = RENDERERS[name](normalise(make_comparison())).replace(f"slant {__version__}", "slant VERSION")
    path = GOLDEN / name
    if update_golden:
        path.write_text(output, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run `pytest tests/report --update-golden`"
    assert output == path.read_text(encoding="utf-8"), f"{name} changed: review, then run with --update-golden"
