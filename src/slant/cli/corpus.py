"""The corpus commands of `slant`: ingest articles into a store, list its stories, compare one story."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from slant.cli.apps import Format, FormatOption, OutputOption, app, render
from slant.errors import InputError
from slant.settings import Settings
from slant.story.coverage import Blindspot

DB_HELP = "The DuckDB store (created if missing)."


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Feed files or URLs, folders, JSONL dumps, HTML/text files.")],
    db: Annotated[Path, typer.Option(help=DB_HELP)] = Path("slant.duckdb"),
    workers: Annotated[int, typer.Option(help="Worker processes (or Ray CPUs) for the per-article work.")] = 1,
    engine: Annotated[Engine, typer.Option(help="local: this machine; ray: a Ray cluster.")] = Engine.local,
    address: Annotated[str | None, typer.Option(help="Ray cluster address (ray://host:10001 or auto).")] = None,
    outlets: Annotated[Path | None, typer.Option(help="CSV outlet,lean[,domain] overriding outlet ratings.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 256,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print a line per stored batch.")] = False,
    allow_private_addresses: Annotated[
        bool, typer.Option(help="Let links point to private or loopback addresses (local test servers).")
    ] = False,
) -> None:
    """Ingest articles into the store and group them into stories (idempotent, resumable)."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from slant.story.corpus import IngestReport
    from slant.story.corpus import ingest as run_ingest

    console = Console(stderr=True)
    total = _count(sources)
    columns = [
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("ingest", total=total, rate="-")
        started = datetime.now()

        def tick(report: IngestReport) -> None:
            seconds = max(1e-6, (datetime.now() - started).total_seconds())
            progress.update(task, completed=report.seen, rate=f"{report.added / seconds:.0f}")
            if verbose:
                sys.stderr.write(f"slant: stored: {report.added} articles ({report.seen} read)\n")
                sys.stderr.flush()

        report = run_ingest(
            sources,
            db,
            Settings(),
            engine=engine.value,
            workers=workers,
            address=address,
            outlets_csv=outlets,
            batch_size=batch_size,
            allow_private=allow_private_addresses,
            on_batch=tick,
        )
    seconds = (datetime.now() - started).total_seconds()
    sys.stdout.write(
        f"{report.added} articles added, {report.duplicates} already stored, {report.rejected} rejected, "
        f"{report.stories_touched} story updates in {seconds:.1f} s -> {db}\n"
    )
    for reason in report.reasons[:5]:
        sys.stderr.write(f"slant: skipped: {reason}\n")


def _count(sources: list[str]) -> int | None:
    """Items in local sources (None when a source is a URL): the progress bar's total."""
    if any(s.lower().startswith(("http://", "https://")) for s in sources):
        return None
    from slant.ingest.stream import read_items

    try:
        return sum(1 for _ in read_items(sources, Settings().max_input_bytes * 50))
    except InputError:
        return None  # ingest itself reports the problem, after the good batches


def _bar(counts: dict[str, int], width: int = 12) -> str:
    total = sum(counts.values()) or 1
    cells = {side: round(width * counts[side] / total) for side in ("left", "center", "right")}
    return (
        "[blue]"
        + "█" * cells["left"]
        + "[/][grey62]"
        + "█" * cells["center"]
        + "[/][red]"
        + "█" * cells["right"]
        + "[/]"
    )


@app.command()
def stories(
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = Path("slant.duckdb"),
    since: Annotated[str | None, typer.Option(help="Only stories seen on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only stories that began on or before this ISO date.")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only stories naming this entity (or with it in the title).")
    ] = None,
    blindspot: Annotated[
        Blindspot | None, typer.Option(help="Only stories that are a blindspot for this side.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many stories.", min=1)] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines, one story each.")] = False,
) -> None:
    """List stories with their coverage across the spectrum and blindspots."""
    from slant.store.duckdb import Store
    from slant.story.listing import list_stories, parse_when, story_json

    with Store(db, read_only=True) as store:
        listed = list_stories(
            store,
            Settings(),
            since=parse_when(since, "--since"),
            until=parse_when(until, "--until"),
            entity=entity,
            blindspot=blindspot.value if blindspot is not None else None,
            limit=limit,
        )
    if as_json:
        for row in listed:
            sys.stdout.write(json.dumps(story_json(row), sort_keys=True) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(listed)} stories in {db}", title_justify="left")
    table.add_column("story", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=46)
    table.add_column("n", justify="right", no_wrap=True)
    table.add_column("L / C / R", no_wrap=True)
    table.add_column("coverage", no_wrap=True)
    table.add_column("blindspot", no_wrap=True)
    table.add_column("last seen", no_wrap=True)
    for row in listed:
        lean = row["lean"]
        last = row["last_seen"].date().isoformat() if row["last_seen"] else "-"
        table.add_row(
            row["id"],
            row["title"][:70],
            str(row["articles"]),
            f"{lean['left']} / {lean['center']} / {lean['right']}",
            _bar(lean),
            ", ".join(row["blindspots"]) or "-",
            last,
        )
    Console().print(table)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id from `slant stories`.")],
    db: Annotated[Path, typer.Option(help="The DuckDB store.")] = Path("slant.duckdb"),
    format: FormatOption = Format.terminal,
    output: OutputOption = None,
    max_articles: Annotated[
        int, typer.Option(help="Compare at most this many articles, spread over sides.", min=2)
    ] = 6,
) -> None:
    """Run the full comparison of one story's articles."""
    from slant.pipeline import compare as run_compare
    from slant.store.duckdb import Store
    from slant.story.listing import story_articles

    with Store(db, read_only=True) as store:
        articles = story_articles(store, story_id, max_articles)
    render(run_compare(articles, Settings()), format, output)
