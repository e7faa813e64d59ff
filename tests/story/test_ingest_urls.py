"""Ingest from a feed URL whose entries only link to their pages: pages fetched, failures counted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from slant.errors import FetchError
from slant.story.corpus import ingest

pytestmark = pytest.mark.slow

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>The Tamsin County board voted 4-1 on Thursday to rebuild the Orrin Street bridge, officials said.</p>
<p>Board chair Ida Marsh said the work would start in May and cost about $8 million.</p>
<p>Residents had asked for the repair since a truck damaged the bridge rail last winter.</p>
<p>Engineers will close one lane at a time, and buses will use the Pell Avenue detour until autumn.</p>
<p>The state transport office will pay half of the cost, the county the rest from its road fund.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        host = f"http://{self.headers['Host']}"
        if self.path == "/feed.xml":
            items = (
                "".join(f"<item><title>Bridge story {k}</title><link>{host}/a/{k}</link></item>" for k in (1, 2))
                + f"<item><title>Gone</title><link>{host}/missing</link></item>"
            )
            body = (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tamsin Times</title>{items}</channel></rss>'
            )
            self._send(200, "application/rss+xml", body)
        elif self.path.startswith("/a/"):
            self._send(
                200, "text/html; charset=utf-8", PAGE.format(title=f"Board backs bridge rebuild {self.path[-1]}")
            )
        else:
            self._send(404, "text/plain", "not found")

    def _send(self, status: int, kind: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_links_are_fetched_and_a_dead_link_is_counted(server: str, tmp_path: Path) -> None:
    assert len(PAGE) > 580
    report = ingest([f"{server}/feed.xml"], tmp_path / "s.duckdb", allow_private=True)
    assert (report.seen, report.rejected) == (3, 1) and "404" in report.reasons[0]
    # The two pages differ only in their title: both are kept, as one story.
    assert report.added == 2
    again = ingest([f"{server}/feed.xml"], tmp_path / "s.duckdb", allow_private=True)
    assert again.added == 0 and again.duplicates == 2


def test_loopback_feed_is_refused_by_default(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="loopback"):
        ingest([f"{server}/feed.xml"], tmp_path / "s.duckdb")


def test_fetch_limits_come_from_settings(server: str, tmp_path: Path) -> None:
    from slant.settings import Settings

    # The feed itself (under 600 bytes) fits; the article pages (over 600 bytes) do not.
    report = ingest([f"{server}/feed.xml"], tmp_path / "s.duckdb", Settings(fetch_max_bytes=600), allow_private=True)
    assert report.added == 0 and report.rejected == 3
    assert any("too large" in r for r in report.reasons)
