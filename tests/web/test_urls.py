"""URL articles through the API: fetched when public, refused (422, one line) for every non-public address,
on every redirect hop, for other schemes, and over the size and time caps. Local servers only."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from slant.ingest import connect as connect_module
from slant.ingest.addresses import address_kind
from slant.settings import Settings

from .conftest import Pages, Served, example_text, serve

pytestmark = pytest.mark.slow


def _page(text: str, title: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Local Gazette'></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def private_web() -> Iterator[Served]:
    """An app allowed to fetch from loopback (the local page server), with small fetch caps."""
    served = serve(Settings(fetch_max_bytes=200_000, fetch_timeout_s=1.0, fetch_retries=0), allow_private=True)
    yield served
    served.close()


def test_url_articles_are_fetched_and_compared(private_web: Served, pages: Pages) -> None:
    pages.page("/left", _page(example_text("harbor_left.txt"), "Council approves Pier 9 overhaul"))
    pages.page("/right", example_text("harbor_right.txt").encode(), "text/plain; charset=utf-8")
    got = private_web.client.post(
        "/api/compare", json={"articles": [{"url": pages.url("/left")}, {"url": pages.url("/right"), "outlet": "Wire"}]}
    )
    assert got.status_code == 200, got.text
    left, right = got.json()["articles"]
    assert left["url"] == pages.url("/left")
    assert left["title"] == "Council approves Pier 9 overhaul"
    assert left["outlet"] == "Local Gazette"
    assert "Calder Bay City Council voted 6-3" in left["text"]
    assert right["outlet"] == "Wire"
    assert right["source"] == pages.url("/right")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/big", "too large: over 200,000 bytes"),
        ("/missing", "HTTP 404"),
        ("/image", "content type image/png is not text"),
        ("/slow", "timed out after 1 s"),
    ],
)
def test_fetch_failures_are_422_with_the_reason(private_web: Served, pages: Pages, url: str, message: str) -> None:
    pages.page("/big", b"<p>" + b"x" * 300_000 + b"</p>")
    pages.page("/image", b"\x89PNG....", "image/png")

    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(3)

    pages.routes["/slow"] = slow
    got = private_web.client.post(
        "/api/compare", json={"articles": [{"url": pages.url(url)}, {"text": example_text("harbor_right.txt")}]}
    )
    assert got.status_code == 422
    error = got.json()["error"]
    assert error.startswith("article 1: ") and message in error


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1:{port}/left", "loopback"),
        ("http://localhost:{port}/left", "loopback"),
        ("http://[::1]:{port}/left", "loopback"),
        ("http://[::ffff:127.0.0.1]:{port}/left", "loopback"),
        ("http://2130706433:{port}/left", "loopback"),
        ("http://10.0.0.8/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://[fd00::1]/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://0.0.0.0:{port}/", "unspecified"),
    ],
)
def test_non_public_addresses_are_refused(web: Served, pages: Pages, url: str, kind: str) -> None:
    pages.page("/left", _page(example_text("harbor_left.txt"), "Secret"))
    got = web.client.post(
        "/api/compare",
        json={"articles": [{"url": url.format(port=pages.port)}, {"text": example_text("harbor_right.txt")}]},
    )
    assert got.status_code == 422, got.text
    error = got.json()["error"]
    assert "refused: " in error and f"{kind} address" in error
    assert "Secret" not in got.text


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "data:text/html,<p>x</p>", "gopher://x/"],
)
def test_other_schemes_are_refused(web: Served, url: str) -> None:
    got = web.client.post("/api/compare", json={"articles": [{"url": url}, {"text": example_text("harbor_right.txt")}]})
    assert got.status_code == 422
    assert (
        "only http and https URLs are fetched" in got.json()["error"] or "not an absolute http" in got.json()["error"]
    )


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let 127.0.0.1 pass as public, so the first hop reaches the page server while later hops are checked."""
    monkeypatch.setattr(connect_module, "address_kind", lambda a: None if a == "127.0.0.1" else address_kind(a))


@pytest.mark.usefixtures("loopback_is_public")
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://[::1]:{port}/left", "::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://10.1.2.3/", "10.1.2.3 is a private address"),
        ("file:///etc/passwd", "only http and https URLs are fetched"),
    ],
)
def test_every_redirect_hop_is_checked(web: Served, pages: Pages, target: str, reason: str) -> None:
    pages.page("/left", _page(example_text("harbor_left.txt"), "Secret"))
    hits = []

    def redirect(handler: BaseHTTPRequestHandler) -> None:
        hits.append(handler.path)
        handler.send_response(302)
        handler.send_header("Location", target.format(port=pages.port))
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    pages.routes["/go"] = redirect
    got = web.client.post(
        "/api/compare", json={"articles": [{"url": pages.url("/go")}, {"text": example_text("harbor_right.txt")}]}
    )
    assert got.status_code == 422, got.text
    error = got.json()["error"]
    assert "redirected to" in error and reason in error
    assert hits == ["/go"]
