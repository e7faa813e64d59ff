"""The `slant` command line: parse flags, call the public API, render, map errors to one line and an exit code."""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from slant.errors import InputError, SlantError
from slant.settings import Settings

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

EXAMPLES = Path(__file__).resolve().parent / "examples"


class Format(str, Enum):
    terminal = "terminal"
    json = "json"
    md = "md"
    html = "html"


class EmbedderName(str, Enum):
    minilm = "minilm"
    static = "static"


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: cannot write the report ({exc.strerror or exc})") from None


@app.command()
def compare(
    sources: Annotated[list[str], typer.Argument(help="Article files (.txt, .html, .json, .jsonl) or '-' for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    embedder: Annotated[
        EmbedderName, typer.Option(help="Sentence embedder used for fact alignment.")
    ] = EmbedderName.minilm,
    lexicons: Annotated[
        Path | None,
        typer.Option(
            help="Folder with the Recasens bias lexicon and MPQA subjectivity clues (their release layout), "
            "read at run time to mark more loaded words."
        ),
    ] = None,
) -> None:
    """Compare two or more articles about one event."""
    from slant.ingest import read_articles
    from slant.pipeline import compare as run_compare

    settings = Settings(embedder=embedder.value, lexicons=str(lexicons) if lexicons else None)
    render(run_compare(read_articles(sources, settings), settings), format, output)


def render(comparison: Any, format: Format, output: Path | None) -> None:
    """Write a comparison in the chosen format to ``output`` or standard output."""
    if format is Format.json:
        from slant.report.json import to_json

        _write(to_json(comparison), output)
    elif format is Format.md:
        from slant.report.markdown import render_markdown

        _write(render_markdown(comparison), output)
    elif format is Format.html:
        from slant.report.html import render_html

        _write(render_html(comparison), output)
    else:
        from rich.console import Console

        from slant.report.terminal import render_terminal

        if output is None:
            render_terminal(comparison, Console())
        else:
            console = Console(record=True, width=160, file=io.StringIO())
            render_terminal(comparison, console)
            _write(console.export_text(), output)


def _print_scores(name: str, scores: dict[str, Any], anchor: str, as_json: bool) -> None:
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


@eval_app.command("align")
def eval_align(
    data: Annotated[Path, typer.Option(help="Folder of gold alignment files (*.json).")] = EXAMPLES / "gold",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
    embedder: Annotated[EmbedderName, typer.Option(help="Sentence embedder.")] = EmbedderName.minilm,
) -> None:
    """Fact alignment: link precision/recall/F1 and contradiction P/R/F1 against gold links."""
    from slant.eval.align import ANCHOR, evaluate

    _print_scores("align", evaluate(data, Settings(embedder=embedder.value)), ANCHOR, as_json)


@eval_app.command("quotes")
def eval_quotes(
    data: Annotated[
        Path, typer.Option(help="Folder of gold files (*.json) with quotes and sources, or a BASIL-layout folder.")
    ] = EXAMPLES / "gold",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Quotes: detection recall/precision, speaker attribution accuracy, cited-outlet P/R/F1; on a BASIL
    folder (articles/ and annotations/), speaker accuracy on its quote annotations (slant/eval/basil_quotes.py)."""
    if (data / "articles").is_dir() and (data / "annotations").is_dir():
        from slant.eval import basil_quotes

        _print_scores("quotes (BASIL)", basil_quotes.evaluate(data), basil_quotes.ANCHOR, as_json)
        return
    from slant.eval.quotes import ANCHOR, evaluate

    _print_scores("quotes", evaluate(data), ANCHOR, as_json)


@eval_app.command("language")
def eval_language(
    data: Annotated[Path, typer.Option(help="Folder of language gold files (lang_*.json).")] = EXAMPLES / "gold",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Language marks: per-kind, micro and any-kind span P/R/F1 (protocol in slant/eval/language.py)."""
    from slant.eval.language import ANCHOR, evaluate

    _print_scores("language", evaluate(data), ANCHOR, as_json)


@eval_app.command("terms")
def eval_terms(
    data: Annotated[Path, typer.Option(help="Folder of language gold files (lang_*.json).")] = EXAMPLES / "gold",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Terms: referent precision/recall/F1 and loaded-flag accuracy (protocol in slant/eval/language.py)."""
    from slant.eval.language import ANCHOR, evaluate_terms

    _print_scores("terms", evaluate_terms(data), ANCHOR, as_json)


BABE_TRAIN = Path(__file__).resolve().parents[3] / "shared" / "data" / "babe" / "train.csv"
NEWSMTSC_TRAIN = Path(__file__).resolve().parents[3] / "shared" / "data" / "newsmtsc" / "train.jsonl"
NEWSMTSC_DEVTEST = NEWSMTSC_TRAIN.with_name("devtest_mt.jsonl")


@eval_app.command("babe")
def eval_babe(
    data: Annotated[Path, typer.Option(help="BABE-format CSV (';'-separated: text, label_bias, ...).")] = BABE_TRAIN,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
    cv: Annotated[bool, typer.Option("--cv", help="Run the 5-fold CV of training on this file instead.")] = False,
) -> None:
    """Biased-sentence classifier: macro-F1, accuracy, per-class precision/recall (Biased vs Non-biased)."""
    from slant.eval.babe import ANCHOR, evaluate

    if cv:
        from slant.train.babe import cross_validate_file

        _print_scores("babe --cv", cross_validate_file(data), ANCHOR, as_json)
        return
    _print_scores("babe", evaluate(data), ANCHOR, as_json)


@eval_app.command("newsmtsc")
def eval_newsmtsc(
    data: Annotated[Path, typer.Option(help="NewsMTSC-format JSONL file (e.g. devtest_mt.jsonl).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Target-dependent sentiment: macro-F1 and accuracy over every target (protocol in slant/eval/newsmtsc.py)."""
    from slant.eval.newsmtsc import ANCHOR, evaluate

    _print_scores("newsmtsc", evaluate(data), ANCHOR, as_json)


@eval_app.command("babe-words")
def eval_babe_words(
    data: Annotated[Path, typer.Option(help="BABE-format CSV with a biased_words column.")] = BABE_TRAIN,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
    lexicons: Annotated[
        Path | None, typer.Option(help="Also use the Recasens and MPQA lexicons from this folder (as compare does).")
    ] = None,
) -> None:
    """Loaded-word tagger: precision/recall/F1 of bias-carrying words (protocol in slant/eval/babe.py);
    also slant's lexicons alone (lexicon_*) and with the model (combined_*)."""
    from slant.eval.babe import WORDS_ANCHOR, evaluate_words

    _print_scores("babe-words", evaluate_words(data, str(lexicons) if lexicons else None), WORDS_ANCHOR, as_json)


BASIL_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil"


@eval_app.command("basil")
def eval_basil(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Lexical bias on BASIL: sentence P/R/F1, macro-F1, AUC; loaded-word span overlap P/R/F1 (slant/eval/basil.py)."""
    from slant.eval.basil import ANCHOR, evaluate

    _print_scores("basil", evaluate(data, with_marks=True), ANCHOR, as_json)


ALLSIDES = Path(__file__).resolve().parents[3] / "shared" / "data" / "allsides" / "media_trainvalid.jsonl.gz"


@eval_app.command("basil-stance")
def eval_basil_stance(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Article lean against BASIL's relative stance, alone and ranked within each triplet."""
    from slant.eval.basil_story import STANCE_ANCHOR, evaluate_stance

    _print_scores("basil-stance", evaluate_stance(data), STANCE_ANCHOR, as_json)


@eval_app.command("basil-inf")
def eval_basil_inf(
    data: Annotated[Path, typer.Option(help="BASIL-layout folder (articles/ and annotations/).")] = BASIL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
) -> None:
    """Informational bias: sentence P/R/F1 of facts only one article of a BASIL triplet reports."""
    from slant.eval.basil_story import INF_ANCHOR, evaluate_inf

    _print_scores("basil-inf", evaluate_inf(data), INF_ANCHOR, as_json)


@eval_app.command("allsides")
def eval_allsides(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
    cv: Annotated[
        bool, typer.Option("--cv", help="Run the outlet-grouped 5-fold CV of training on this file instead.")
    ] = False,
) -> None:
    """Article lean (left/center/right) from title and content alone: macro-F1, accuracy, per-side P/R."""
    from slant.eval.allsides import ANCHOR, evaluate, read_allsides

    if cv:
        from slant.train.allsides import cross_validate

        _print_scores("allsides --cv", cross_validate(read_allsides(data)), ANCHOR, as_json)
        return
    _print_scores("allsides", evaluate(data), ANCHOR, as_json)


NEUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "neus"


@eval_app.command("neus")
def eval_neus(
    data: Annotated[Path, typer.Option(help="Folder of NeuS NAME.source / NAME.target pairs.")] = NEUS,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of metrics.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N stories of each file.", min=1)] = None,
) -> None:
    """Neutral summary vs NeuS's human roundups: ROUGE-1/2/L, loaded-word rate, citation coverage,
    and the same for a lead baseline (first sentence of each article) in the same run."""
    from slant.eval.neus import ANCHOR, evaluate

    _print_scores("neus", evaluate(data, limit), ANCHOR, as_json)


@train_app.command("allsides")
def train_allsides(
    data: Annotated[Path, typer.Option(help="AllSides-format JSON lines (.jsonl or .jsonl.gz).")] = ALLSIDES,
    cv: Annotated[bool, typer.Option(help="Also run the outlet-grouped CV and the valid-split score.")] = False,
) -> None:
    """Fit the article-lean model on AllSides-labelled articles and ship it (slant/data/allsides.json)."""
    from slant.train.allsides import OUT, train

    result = train(data, cv=cv)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    sys.stderr.write(f"wrote {OUT}\n")


@train_app.command("align")
def train_align(
    data: Annotated[Path, typer.Option(help="Folder of gold alignment files (*.json).")] = EXAMPLES / "gold",
) -> None:
    """Fit the claim-alignment model on gold events (leave-one-event-out CV printed) and ship it."""
    from slant.train.align import WEIGHTS_FILE, train

    result = train(data)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    sys.stderr.write(f"wrote {WEIGHTS_FILE}\n")


@train_app.command("embedder")
def train_embedder(
    dims: Annotated[int, typer.Option(help="PCA dimensions of the static model.")] = 256,
) -> None:
    """Distil the static (model2vec) embedder from the packaged MiniLM into slant/data/embedder."""
    from slant.train.embedder import distil

    path = distil(dims)
    sys.stderr.write(f"wrote {path}\n")


@train_app.command("babe")
def train_babe(
    data: Annotated[Path, typer.Option(help="BABE train CSV.")] = BABE_TRAIN,
    cv: Annotated[bool, typer.Option(help="Also run the 5-fold CV (about 1 h) into model.json.")] = False,
) -> None:
    """Fine-tune MiniLM's top blocks on BABE (biased sentences + loaded words) and ship the weights."""
    from slant.train.babe import OUT_DIR, train

    result = train(data, cv=cv)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    sys.stderr.write(f"wrote {OUT_DIR}\n")


@train_app.command("newsmtsc")
def train_newsmtsc(
    data: Annotated[Path, typer.Option(help="NewsMTSC train JSONL.")] = NEWSMTSC_TRAIN,
    test: Annotated[
        Path, typer.Option(help="NewsMTSC file scored after every epoch (never used to choose).")
    ] = NEWSMTSC_DEVTEST,
) -> None:
    """Fine-tune MiniLM's top blocks for target-dependent sentiment on NewsMTSC and ship the weights."""
    from slant.train.newsmtsc import OUT_DIR, train

    result = train(data, test)
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    sys.stderr.write(f"wrote {OUT_DIR}\n")


@app.command()
def version() -> None:
    """Print slant's version."""
    from slant import __version__

    sys.stdout.write(f"slant {__version__}\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `slant` console script; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="slant: %(levelname)s: %(message)s")
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


import slant.cli_corpus  # noqa: E402,F401  (registers ingest, stories, story and their eval/train commands)
import slant.cli_serve  # noqa: E402,F401  (registers serve)

if __name__ == "__main__":
    raise SystemExit(main())
