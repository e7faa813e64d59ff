"""`slant compare` (articles given on the command line) and `slant version`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from slant.cli.apps import EmbedderName, Format, FormatOption, OutputOption, app, render
from slant.settings import Settings


@app.command()
def compare(
    sources: Annotated[list[str], typer.Argument(help="Article files (.txt, .html, .json, .jsonl) or '-' for stdin.")],
    format: FormatOption = Format.terminal,
    output: OutputOption = None,
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


@app.command()
def version() -> None:
    """Print slant's version."""
    from slant.version import __version__

    sys.stdout.write(f"slant {__version__}\n")
