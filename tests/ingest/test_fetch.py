"""fetch: http(s) only, non-public addresses refused on every hop, size and time caps, retries, per-host limits.

Every request goes to a local server on 127.0.0.1; names are "resolved" by a fake ``socket.getaddrinfo``,
so no test touches the network.
"""

from __future__ import annotations

import gzip
import ipaddress
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpcore
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from slant import __version__
from slant.errors import FetchError
from slant.ingest import connect as connect_module
from slant.ingest.fetch import Fetcher, FetchPolicy, address_kind, fetch
from slant.ingest.polite import retry_delay

PAGE = b"<html><body><p>The council voted on Tuesday.</p></body></html>"
LOCAL = FetchPolicy(allow_private=True, retries=0, timeout_s=5.0)


class Server:
    """A threaded HTTP server on 127.0.0.1 whose routes are plain functions of the request handler."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.stop = threading.Event()
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                with server.lock:
                    server.hits[path] += 1
                    server.headers.append(dict(self.headers))
                route = server.routes.get(path)
                if route is None:
                    self.send_error(404)
                    return
                route(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hung up on purpose (time-outs, size caps) is not an error here

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_port
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def reply(
    handler: BaseHTTPRequestHandler,
    status: int = 200,
    body: bytes = PAGE,
    content_type: str | None = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
    length: bool = True,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    if length:
        handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def redirect(handler: BaseHTTPRequestHandler) -> None:
    target = parse_qs(urlsplit(handler.path).query)["to"][0]
    reply(handler, 302, b"", headers={"Location": target})


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.routes.update(
        {
            "/page": reply,
            "/redirect": redirect,
            "/missing": lambda h: reply(h, 404, b"gone"),
            "/loop": lambda h: reply(h, 302, b"", headers={"Location": "/loop"}),
        }
    )
    srv.thread.start()
    yield srv
    srv.stop.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()


class Resolver:
    """A fake ``socket.getaddrinfo``: names in ``table`` resolve to their addresses, others do not resolve."""

    def __init__(self) -> None:
        self.table: dict[str, list[str]] = {}
        self.calls: list[str] = []
        self.real = socket.getaddrinfo

    def __call__(self, host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        try:
            ipaddress.ip_address(host)
        except ValueError:
            self.calls.append(host)
        else:  # socket.create_connection "resolves" the checked address too
            return self.real(host, port, *args, **kwargs)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in self.table[host]
        ]


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> Resolver:
    fake = Resolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let 127.0.0.1 pass as public, so a first hop can reach the local server while later hops are checked."""
    real = address_kind
    monkeypatch.setattr(connect_module, "address_kind", lambda a: None if a == "127.0.0.1" else real(a))


def test_fetch_returns_the_page_type_and_charset(server: Server) -> None:
    got = fetch(server.url("/page"), LOCAL)
    assert (got.status, got.content_type, got.charset, got.content) == (200, "text/html", "utf-8", PAGE)
    assert got.url == server.url("/page")


def test_fetch_sends_slant_user_agent(server: Server) -> None:
    fetch(server.url("/page"), LOCAL)
    assert server.headers[0]["User-Agent"].startswith(f"slant/{__version__} (+https://")


def test_fetch_follows_redirects_to_final_url(server: Server) -> None:
    got = fetch(server.url("/redirect?to=/page"), LOCAL)
    assert got.url == server.url("/page")
    assert got.content == PAGE


def test_fetch_refuses_redirect_loops(server: Server) -> None:
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch(server.url("/loop"), FetchPolicy(allow_private=True, max_redirects=3))
    assert server.hits["/loop"] == 4


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://files.example/a.txt",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "gopher://x/",
    ],
)
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError, match=r"refused: only http and https URLs are fetched"):
        fetch(url)


@pytest.mark.parametrize("url", ["", "not a url", "//news.example/a", "http://"])
def test_fetch_refuses_non_urls(url: str) -> None:
    with pytest.raises(FetchError, match=r"not (a valid|an absolute http or https) URL"):
        fetch(url)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("255.255.255.255", "reserved"),
        ("198.18.0.1", "benchmarking"),
        ("192.0.2.1", "documentation"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("::7f00:1", "reserved"),  # IPv4-compatible
        ("2001:db8::1", "documentation"),
    ],
)
def test_fetch_refuses_names_resolving_to_non_public_addresses(resolver: Resolver, address: str, kind: str) -> None:
    resolver.table["news.example"] = [address]
    with pytest.raises(
        FetchError, match=rf"news\.example/a: refused: news\.example resolves to an? {re.escape(kind)} address"
    ):
        fetch("http://news.example/a")
    assert address_kind(address) == kind


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.1/"]
)
def test_fetch_refuses_loopback_literals(url: str) -> None:
    with pytest.raises(FetchError, match=r"refused: .* loopback address"):
        fetch(url)


def test_fetch_refuses_name_with_any_private_address(resolver: Resolver) -> None:
    resolver.table["mixed.example"] = ["93.184.216.34", "10.0.0.1"]
    with pytest.raises(FetchError, match=r"resolves to a private address 10\.0\.0\.1"):
        fetch("https://mixed.example/")


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_address_kind_public_is_none(address: str) -> None:
    assert address_kind(address) is None


@pytest.mark.usefixtures("loopback_is_public")
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://internal.example:{port}/page", r"internal\.example resolves to a private address 10\.0\.0\.1"),
        ("http://169.254.169.254/latest/meta-data/", r"169\.254\.169\.254 is a link-local address"),
        ("http://[::1]:{port}/page", r"::1 is a loopback address"),
        ("file:///etc/passwd", r"refused: only http and https URLs are fetched, not file: URLs"),
    ],
)
def test_fetch_checks_every_redirect_hop(server: Server, resolver: Resolver, target: str, reason: str) -> None:
    resolver.table["public.example"] = ["127.0.0.1"]
    resolver.table["internal.example"] = ["10.0.0.1"]
    target = target.format(port=server.port)
    start = server.url(f"/redirect?to={target}", host="public.example")
    with pytest.raises(FetchError, match=rf"/redirect\?to=\S+: redirected to \S+, (refused: )?{reason}"):
        fetch(start, FetchPolicy(retries=0))
    assert server.hits["/redirect"] == 1
    assert server.hits["/page"] == 0


@pytest.mark.usefixtures("loopback_is_public")
def test_fetch_connects_to_the_address_it_checked(server: Server, resolver: Resolver) -> None:
    resolver.table["rebind.example"] = ["127.0.0.1"]
    got = fetch(server.url("/page", host="rebind.example"))
    assert got.content == PAGE
    # One resolution, by the checking backend: the socket is opened to the checked address, not to the name.
    assert resolver.calls == ["rebind.example"]


def test_fetch_cannot_resolve(resolver: Resolver) -> None:
    with pytest.raises(FetchError, match=r"cannot resolve the host name nowhere\.example"):
        fetch("http://nowhere.example/")


def test_fetch_refuses_announced_oversize(server: Server) -> None:
    server.routes["/big"] = lambda h: reply(h, body=b"x" * 2000)
    with pytest.raises(FetchError, match=r"too large: over 1,000 bytes"):
        fetch(server.url("/big"), FetchPolicy(allow_private=True, max_bytes=1000))


def test_fetch_refuses_oversize_while_streaming(server: Server) -> None:
    server.routes["/big"] = lambda h: reply(h, body=b"x" * 200_000, length=False)
    with pytest.raises(FetchError, match=r"too large: over 1,000 bytes"):
        fetch(server.url("/big"), FetchPolicy(allow_private=True, max_bytes=1000))


def test_fetch_refuses_compression_bomb(server: Server) -> None:
    bomb = gzip.compress(b" " * 5_000_000)
    server.routes["/bomb"] = lambda h: reply(h, body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match=r"too large: over 1,000 bytes"):
        fetch(server.url("/bomb"), FetchPolicy(allow_private=True, max_bytes=1000))


def test_fetch_decompresses_gzip(server: Server) -> None:
    server.routes["/gz"] = lambda h: reply(h, body=gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    assert fetch(server.url("/gz"), LOCAL).content == PAGE


def test_fetch_times_out_on_silent_server(server: Server) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        server.stop.wait(10)
        reply(handler)

    server.routes["/slow"] = slow
    with pytest.raises(FetchError, match=r"timed out after 0\.3 s"):
        fetch(server.url("/slow"), FetchPolicy(allow_private=True, retries=0, timeout_s=0.3))


def test_fetch_caps_total_time_of_dripping_body(server: Server) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.end_headers()
        while not server.stop.wait(0.05):
            handler.wfile.write(b"x")
            handler.wfile.flush()

    server.routes["/drip"] = drip
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetch(server.url("/drip"), FetchPolicy(allow_private=True, retries=0, timeout_s=0.5))
    assert time.monotonic() - start < 3  # each read alone is quick: only a total deadline stops it


def test_fetch_retries_503_then_succeeds(server: Server) -> None:
    def flaky(handler: BaseHTTPRequestHandler) -> None:
        reply(handler) if server.hits["/flaky"] > 2 else reply(handler, 503, b"busy")

    server.routes["/flaky"] = flaky
    got = fetch(server.url("/flaky"), FetchPolicy(allow_private=True, retries=2, backoff_s=0.01))
    assert got.content == PAGE
    assert server.hits["/flaky"] == 3


def test_fetch_gives_up_after_retries(server: Server) -> None:
    server.routes["/down"] = lambda h: reply(h, 503, b"busy")
    with pytest.raises(FetchError, match=r"HTTP 503"):
        fetch(server.url("/down"), FetchPolicy(allow_private=True, retries=1, backoff_s=0.01))
    assert server.hits["/down"] == 2


def test_fetch_does_not_retry_404(server: Server) -> None:
    with pytest.raises(FetchError, match=r"/missing: HTTP 404"):
        fetch(server.url("/missing"), FetchPolicy(allow_private=True, retries=2, backoff_s=0.01))
    assert server.hits["/missing"] == 1


def test_fetch_stops_when_retry_after_is_too_long(server: Server) -> None:
    server.routes["/busy"] = lambda h: reply(h, 429, b"slow down", headers={"Retry-After": "120"})
    with pytest.raises(FetchError, match=r"HTTP 429 Too Many Requests \(the server asks to retry after 120 s\)"):
        fetch(server.url("/busy"), FetchPolicy(allow_private=True, retries=2))
    assert server.hits["/busy"] == 1


def test_fetch_retries_connect_errors(unused_port: int) -> None:
    with pytest.raises(FetchError, match=r"cannot connect"):
        fetch(f"http://127.0.0.1:{unused_port}/", FetchPolicy(allow_private=True, retries=1, backoff_s=0.01))


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("attempt", "retry_after", "delay"),
    [(0, None, 0.5), (1, None, 1.0), (2, None, 2.0), (0, 3.0, 3.0), (1, 0.0, 1.0), (0, 31.0, None), (10, None, 30.0)],
)
def test_retry_delay_backs_off_and_honours_retry_after(attempt: int, retry_after: float | None, delay: float) -> None:
    assert retry_delay(FetchPolicy(), attempt, retry_after) == delay


def test_fetcher_limits_concurrency_per_host(server: Server) -> None:
    def hold(handler: BaseHTTPRequestHandler) -> None:
        with server.lock:
            server.active += 1
            server.max_active = max(server.max_active, server.active)
        server.stop.wait(0.15)
        with server.lock:
            server.active -= 1
        reply(handler)

    server.routes["/hold"] = hold
    with Fetcher(FetchPolicy(allow_private=True, per_host=2)) as fetcher, ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: fetcher.fetch(server.url("/hold")), range(6)))
    assert all(r.content == PAGE for r in results)
    assert server.hits["/hold"] == 6
    assert 1 <= server.max_active <= 2


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/octet-stream", None])
def test_fetch_refuses_non_text_content(server: Server, content_type: str | None) -> None:
    server.routes["/file"] = lambda h: reply(h, body=b"\x89PNG\r\n", content_type=content_type)
    with pytest.raises(FetchError, match=r"refused: content type .* is not text"):
        fetch(server.url("/file"), LOCAL)


@pytest.mark.parametrize(
    ("header", "media", "charset"),
    [
        ("application/rss+xml; charset=ISO-8859-1", "application/rss+xml", "iso-8859-1"),
        ("Application/Atom+XML", "application/atom+xml", None),
        ('text/plain; format=flowed; charset="utf-8"', "text/plain", "utf-8"),
        ("application/json", "application/json", None),
    ],
)
def test_fetch_accepts_text_types(server: Server, header: str, media: str, charset: str | None) -> None:
    server.routes["/doc"] = lambda h: reply(h, content_type=header)
    got = fetch(server.url("/doc"), LOCAL)
    assert (got.content_type, got.charset) == (media, charset)


def test_fetch_keeps_cookies_within_one_fetch_only(server: Server) -> None:
    server.routes["/login"] = lambda h: reply(
        h, 302, b"", headers={"Location": "/echo", "Set-Cookie": "seen=1; Path=/"}
    )
    server.routes["/echo"] = lambda h: reply(h, body=h.headers.get("Cookie", "none").encode())
    with Fetcher(LOCAL) as fetcher:
        assert fetcher.fetch(server.url("/login")).content == b"seen=1"
        assert fetcher.fetch(server.url("/echo")).content == b"none"


@pytest.fixture
def offline_fetcher(resolver: Resolver, monkeypatch: pytest.MonkeyPatch) -> Iterator[Fetcher]:
    """A fetcher for which no name resolves and no connection opens."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise httpcore.ConnectError("no network in tests")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", refuse)
    with Fetcher(FetchPolicy(retries=0, timeout_s=0.5)) as fetcher:
        yield fetcher


@hsettings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=st.one_of(st.text(max_size=60), st.builds(lambda s: "http://" + s, st.text(max_size=40))))
def test_fetch_any_url_gives_fetch_error_not_traceback(offline_fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError) as caught:
        offline_fetcher.fetch(url)
    assert "\n" not in str(caught.value)
