"""`slant serve`: the web app and REST API with uvicorn."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Annotated

import typer

from slant.cli.apps import EmbedderName, app
from slant.errors import InputError
from slant.settings import Settings


def _check_listen(host: str, port: int) -> None:
    """Fail early, in one line, when the address cannot be listened on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: not an address this machine has ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(f"{host}:{port}: cannot listen there ({exc.strerror or exc})") from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: Annotated[
        Path | None, typer.Option(help="The DuckDB store `slant ingest` wrote, for the stories pages and endpoints.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Comparisons running at once.", min=1, max=64)] = Settings.web_workers,
    embedder: Annotated[
        EmbedderName, typer.Option(help="Sentence embedder used for fact alignment.")
    ] = EmbedderName.minilm,
    allow_private_addresses: Annotated[
        bool, typer.Option(help="Let article URLs point to private or loopback addresses (local test servers).")
    ] = False,
) -> None:
    """Serve the web page and the REST API (/api/compare, /api/stories, /api/health, /api/docs)."""
    import uvicorn

    from slant.web import create_app

    if db is not None:
        from slant.store.duckdb import Store

        with Store(db, read_only=True):  # refuses a missing or foreign file now, in one line
            pass
    _check_listen(host, port)
    settings = Settings(embedder=embedder.value, web_workers=workers)
    web = create_app(settings, db, allow_private=allow_private_addresses)
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"slant: serving on http://{shown}:{port}/ (API docs at /api/docs); Ctrl-C stops\n")
    uvicorn.run(web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
