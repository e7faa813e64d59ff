"""What every `slant` command shares: the Typer apps, the shared options and default data paths, writing a
report, printing scores, and running the app with each error mapped to one line and an exit code.

The command modules (compare, corpus, serve, eval, train) import this module and never each other; it imports
nothing heavy (reports, models and analyses are imported inside the functions that use them).
"""

from __future__ import annotations

import io
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from slant.errors import InputError, SlantError

app = typer.Typer(
    name="slant",
    help="See how news outlets cover the same event: shared and omitted facts, contradictions, quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score a model or heuristic on a dataset, next to the published anchor.", no_args_is_help=True
)
train_app = typer.Typer(help="Reproduce a model shipped in slant/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

PACKAGE = Path(__file__).resolve().parents[1]
EXAMPLES = PACKAGE / "examples"
DATA = PACKAGE.parents[2] / "shared" / "data"  # the datasets next to the checkout, where eval and train look first
ALLSIDES = DATA / "allsides" / "media_trainvalid.jsonl.gz"
BABE_TRAIN = DATA / "babe" / "train.csv"
BASIL_DIR = DATA / "basil"
NEUS = DATA / "neus"
NEWSMTSC_TRAIN = DATA / "newsmtsc" / "train.jsonl"
NEWSMTSC_DEVTEST = NEWSMTSC_TRAIN.with_name("devtest_mt.jsonl")
NEWSWCL50 = DATA / "newswcl50"
WORDCHOICE = EXAMPLES / "wordchoice"
WORDCHOICE_TRAIN = WORDCHOICE / "train"


def metric_cache() -> Path:
    """Where `slant train referents` keeps its fitted mention metrics (``train.referent_metric.fit_metric_cached``):
    ``$XDG_CACHE_HOME/slant/referent-metrics``, else under ``~/.cache``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "slant" / "referent-metrics"


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    md = "md"
    html = "html"


class EmbedderName(str, Enum):
    minilm = "minilm"
    static = "static"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")]
JsonScores = Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")]


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to standard output (ending in one newline) when it is None."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write the report ({exc.strerror or exc})") from None


def render(comparison: Any, format: Format, output: Path | None) -> None:
    """Write a comparison in the chosen format to ``output`` or standard output."""
    if format is Format.json:
        from slant.report.json import to_json

        write_output(to_json(comparison), output)
    elif format is Format.md:
        from slant.report.markdown import render_markdown

        write_output(render_markdown(comparison), output)
    elif format is Format.html:
        from slant.report.html import render_html

        write_output(render_html(comparison), output)
    else:
        from rich.console import Console

        from slant.report.terminal import render_terminal

        if output is None:
            render_terminal(comparison, Console())
        else:
            console = Console(record=True, width=160, file=io.StringIO())
            render_terminal(comparison, console)
            write_output(console.export_text(), output)


def print_scores(name: str, scores: dict[str, Any], anchor: str, as_json: bool) -> None:
    """Print an eval's metrics: one JSON object, or a table followed by the published anchor."""
    if as_json:
        sys.stdout.write(json.dumps(scores, sort_keys=True) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"slant eval {name}", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in scores.items():
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    console = Console()
    console.print(table)
    console.print(f"anchor: {anchor}")


def run(argv: list[str] | None = None) -> int:
    """Run ``app`` on ``argv``; any failure becomes one line on standard error and an exit code."""
    try:
        app(args=argv, standalone_mode=False)
    except SlantError as exc:
        sys.stderr.write(f"slant: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("slant: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        sys.stderr.write("slant: aborted\n")
        return 1
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            sys.stderr.write(f"slant: error: {exc}\n")
        return int(getattr(exc, "exit_code", 2))
    except Exception as exc:  # a bug, not bad input: still one line unless asked for the traceback
        if os.environ.get("SLANT_DEBUG"):
            raise
        sys.stderr.write(f"slant: internal error: {type(exc).__name__}: {exc} (set SLANT_DEBUG=1 for details)\n")
        return 70
    return 0
