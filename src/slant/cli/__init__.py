"""The `slant` command line: parse flags, call the public API, render, map errors to one line and an exit code.

    apps      the Typer apps, shared options and helpers, error mapping (imported by every module below)
    compare   slant compare, slant version
    corpus    slant ingest, slant stories, slant story
    serve     slant serve
    eval      slant eval ...
    train     slant train ...

The command modules import ``apps`` and never each other; this module imports them so their commands
register (in the order ``slant --help`` lists them) and runs the app.
"""

from __future__ import annotations

import logging

import slant.cli.compare  # noqa: F401  (registers compare and version, listed first)
import slant.cli.corpus  # noqa: F401  (registers ingest, stories, story)
import slant.cli.eval  # noqa: F401  (registers the eval commands)
import slant.cli.serve  # noqa: F401  (registers serve)
import slant.cli.train  # noqa: F401  (registers the train commands)
from slant.cli.apps import app, run

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `slant` console script; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="slant: %(levelname)s: %(message)s")
    return run(argv)
