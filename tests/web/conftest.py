"""Fixtures for the web app: the app served by a real uvicorn on 127.0.0.1, a page server for URL articles."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from slant.settings import Settings
from slant.web import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "slant" / "examples"


class Served:
    """A web app running in a uvicorn server thread; ``client`` talks to it."""

    def __init__(self, app: Any) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.app = app
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the web app did not start")
            time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.port}"
        self.client = httpx.Client(base_url=self.url, timeout=120, follow_redirects=False)

    def close(self) -> None:
        self.client.close()
        self.server.should_exit = True
        self.thread.join(timeout=30)


def serve(settings: Settings | None = None, **kwargs: Any) -> Served:
    return Served(create_app(settings, warm=False, **kwargs))


@pytest.fixture(scope="module")
def web() -> Iterator[Served]:
    """The app with default settings, no story store, URLs to public addresses only."""
    served = serve()
    yield served
    served.close()


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A story store made from the bundled example feeds."""
    from slant.story.corpus import ingest

    db = tmp_path_factory.mktemp("store") / "slant.duckdb"
    feeds = EXAMPLES / "feeds"
    ingest([str(feeds)], db, outlets_csv=feeds / "outlets.csv")
    return db


def example_text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


class Pages:
    """A threaded HTTP server on 127.0.0.1 serving fixed pages by path (for URL articles)."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = routes.get(urlsplit(self.path).path)
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Quiet(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # the fetcher hangs up on purpose (size and time caps)

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_port
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = send

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def pages() -> Iterator[Pages]:
    srv = Pages()
    yield srv
    srv.close()
