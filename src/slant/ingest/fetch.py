"""Safe, polite URL fetching: http(s) only, non-public addresses refused on every hop, size and time capped.

Corpus ingest fetches the pages its feeds link to, many at once from threads; the web API fetches
URLs its users type. Both go through one ``Fetcher``:

* **Where it connects.** Only ``http`` and ``https`` URLs are fetched. Host names are resolved by
  the fetcher's own httpcore network backend at the moment it opens a connection: every address the
  name resolves to must be public (see ``address_kind``), and the socket is then opened to one of
  *those* addresses. Checking and connecting are one step, so a name that resolves to a public
  address for a check and to ``127.0.0.1`` for the connect (DNS rebinding) gains nothing; redirects
  are followed by hand and every hop connects through the same backend, so every hop is checked.
  TLS still verifies the certificate against the host name. httpx's own transport has no hook for
  its network backend, so a small transport over httpcore's public ``ConnectionPool`` stands in for
  it. Proxy settings from the environment are ignored: a proxy would connect for us, unchecked.
* **How much.** An attempt (every redirect hop and the whole body) must end within ``timeout_s``:
  name resolution and every socket read get only what is left of it, so a server dripping a byte at
  a time is cut off on time. A body over ``max_bytes`` is refused, counted after decompression (gzip
  and deflate are decoded here, in bounded steps, so a compression bomb is refused too). Only text
  types are accepted: HTML, XHTML, plain text, RSS/Atom/XML and JSON.
* **How politely.** At most ``per_host`` requests to one host run at once, across threads (waiting
  for a turn does not count against ``timeout_s``); connect errors, time-outs, 429 and 5xx are
  retried ``retries`` times with exponential backoff, never sooner than ``Retry-After`` asks, and not
  at all when it asks for more than ``max_retry_wait_s``. The User-Agent names slant and its version.
  A whole ``fetch`` thus takes at most ``(retries + 1) * timeout_s`` plus the waits between attempts.

Every failure is a ``FetchError`` whose one-line message names the URL and the reason.
"""

from __future__ import annotations

import contextlib
import email.utils
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Any

import httpcore
import httpx

from slant import __version__
from slant.errors import FetchError

__all__ = ["FetchPolicy", "Fetched", "Fetcher", "address_kind", "fetch"]

log = logging.getLogger(__name__)

_TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/json",
        "application/feed+json",
    }
)
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SHOWN_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Special-purpose ranges (IANA IPv4/IPv6 registries), most specific first. Addresses embedding an IPv4
# address (IPv4-mapped, NAT64, 6to4) are judged by that IPv4 address instead.
_NON_PUBLIC: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.ip_network(net), kind)
    for net, kind in (
        ("0.0.0.0/32", "unspecified"),
        ("0.0.0.0/8", "reserved"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "reserved"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "reserved"),  # IPv4-compatible, deprecated
        ("64:ff9b:1::/48", "private"),  # local-use NAT64
        ("100::/64", "reserved"),  # discard-only
        ("2001::/23", "reserved"),  # IETF protocol assignments, Teredo among them
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("5f00::/16", "reserved"),  # segment routing
        ("fc00::/7", "private"),  # unique local
        ("fe80::/10", "link-local"),
        ("fec0::/10", "private"),  # site-local, deprecated
        ("ff00::/8", "multicast"),
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners of a ``Fetcher``."""

    timeout_s: float = 10.0
    """Longest one attempt may take: connecting, every redirect hop and the whole body."""
    max_bytes: int = 5_000_000
    """Largest body accepted, after decompression; a larger one is refused, not truncated."""
    max_redirects: int = 5
    """Most redirects followed; each hop is checked like the first URL."""
    retries: int = 2
    """Further attempts after a connect error, a time-out, HTTP 429 or 5xx."""
    backoff_s: float = 0.5
    """Wait before the first retry, doubled before each next one."""
    max_retry_wait_s: float = 30.0
    """Longest wait a ``Retry-After`` header is obeyed for; asking for longer ends the retries."""
    per_host: int = 2
    """Most requests running at once to one host name, across all threads of a ``Fetcher``."""
    allow_private: bool = False
    """Connect to loopback, private and other non-public addresses too (tests, intranet corpora)."""
    user_agent: str = f"slant/{__version__} (+https://github.com/slant-news/slant)"

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.max_bytes <= 0 or self.per_host < 1:
            raise ValueError("FetchPolicy: timeout_s, max_bytes and per_host must be positive")
        if self.max_redirects < 0 or self.retries < 0 or self.backoff_s < 0 or self.max_retry_wait_s < 0:
            raise ValueError("FetchPolicy: max_redirects, retries and the waits cannot be negative")


@dataclass(frozen=True)
class Fetched:
    """A fetched text resource."""

    url: str
    """The final URL, after redirects."""
    status: int
    content_type: str
    """The media type, lower case, without parameters (``text/html``)."""
    content: bytes
    """The body, decompressed, undecoded."""
    charset: str | None
    """The charset the ``Content-Type`` header names, if any."""


def address_kind(address: str) -> str | None:
    """Say which kind of non-public address ``address`` is.

    Args:
        address: an IPv4 or IPv6 address (an IPv6 zone such as ``%eth0`` is ignored).

    Returns:
        ``"loopback"``, ``"private"``, ``"link-local"``, ``"shared (carrier-grade NAT)"``,
        ``"multicast"``, ``"reserved"``, ``"unspecified"``, ``"documentation"`` or
        ``"benchmarking"``; None for a public address.

    Raises:
        ValueError: ``address`` is not an IP address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_kind(str(embedded))
    for network, kind in _NON_PUBLIC:
        if ip.version == network.version and ip in network:
            return kind
    return None if ip.is_global else "reserved"


class _Failure(Exception):
    """Why one attempt failed, and whether trying again may help."""

    def __init__(self, reason: str, *, retry: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.retry_after = retry_after


class _Clock(threading.local):
    """The deadline of the attempt the current thread is running; None outside one."""

    deadline: float | None = None

    def cap(self, timeout: float | None) -> float | None:
        """``timeout`` shortened to what is left before the deadline (never 0: that would mean non-blocking)."""
        if self.deadline is None:
            return timeout
        left = max(self.deadline - time.monotonic(), 0.001)
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the current attempt has left."""

    def __init__(self, inner: httpcore.NetworkStream, clock: _Clock) -> None:
        self._inner = inner
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._clock.cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._clock.cap(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, self._clock.cap(timeout)), self._clock
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _VettingBackend(httpcore.NetworkBackend):
    """Resolve, refuse non-public addresses, then connect to exactly the addresses that were checked."""

    def __init__(self, allow_private: bool, clock: _Clock) -> None:
        self._allow_private = allow_private
        self._clock = clock
        self._inner = httpcore.SyncBackend()
        # getaddrinfo has no timeout of its own; running it here lets a slow resolver be abandoned on time.
        self._resolver = ThreadPoolExecutor(max_workers=8, thread_name_prefix="slant-resolve")

    def _addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        literal = True
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            literal = False
            future = self._resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
            try:
                infos = future.result(timeout=self._clock.cap(timeout))
            except FutureTimeout:
                raise httpcore.ConnectTimeout(f"resolving {host} took too long") from None
            except (OSError, UnicodeError):
                raise _Failure(f"cannot resolve the host name {host}") from None
            addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise _Failure(f"cannot resolve the host name {host}")
        if not self._allow_private:
            for address in addresses:
                kind = address_kind(address)
                if kind is not None:
                    article = "an" if kind[0] in "aeiou" else "a"
                    where = f"{host} is" if literal else f"{host} resolves to"
                    raise _Failure(f"refused: {where} {article} {kind} address" + ("" if literal else f" {address}"))
        return addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        options = list(socket_options or ())
        error: httpcore.ConnectError | None = None
        for address in self._addresses(host, port, timeout):
            try:
                stream = self._inner.connect_tcp(address, port, self._clock.cap(timeout), local_address, options)
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return _DeadlineStream(stream, self._clock)
        raise error or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise _Failure("refused: Unix sockets are never connected to")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)

    def close(self) -> None:
        self._resolver.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """Re-raise httpcore's transport errors as httpx's, as httpx's own transport does."""
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise httpx.TimeoutException(str(exc)) from exc
    except httpcore.ConnectError as exc:
        raise httpx.ConnectError(str(exc)) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise httpx.TransportError(str(exc) or type(exc).__name__) from exc


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _VettingTransport(httpx.BaseTransport):
    """httpx's transport over an httpcore pool whose every connection is opened by ``_VettingBackend``."""

    def __init__(self, backend: _VettingBackend) -> None:
        self._backend = backend
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = httpcore.URL(
            scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port, target=request.url.raw_path
        )
        core = httpcore.Request(
            request.method, url, headers=request.headers.raw, content=request.read(), extensions=request.extensions
        )
        with _as_httpx_errors():
            response = self._pool.handle_request(core)
        if not isinstance(response.stream, Iterable):  # a sync pool always gives an iterable
            raise TypeError("httpcore returned an async stream to a sync transport")
        return httpx.Response(
            response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
        self._backend.close()


@dataclass
class _Slot:
    semaphore: threading.Semaphore
    users: int = 0


@dataclass
class _HostSlots:
    """At most ``limit`` holders per host at once; a host's entry lives only while held or awaited."""

    limit: int
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _hosts: dict[str, _Slot] = field(default_factory=dict)

    @contextlib.contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._hosts.setdefault(host, _Slot(threading.Semaphore(self.limit)))
            slot.users += 1
        try:
            with slot.semaphore:
                yield
        finally:
            with self._lock:
                slot.users -= 1
                if not slot.users:
                    del self._hosts[host]


def _shown(url: str | httpx.URL) -> str:
    """``url`` as messages show it: on one line, control characters escaped, long ones cut."""
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), str(url))
    if not text.strip():
        return repr(text)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def _checked_url(url: str | httpx.URL) -> httpx.URL:
    """``url`` parsed, when it is an absolute http(s) URL with a host; its fragment dropped."""
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError):
        raise _Failure("is not a valid URL") from None
    if not parsed.scheme:
        raise _Failure("is not an absolute http or https URL")
    if parsed.scheme not in ("http", "https"):
        raise _Failure(f"refused: only http and https URLs are fetched, not {parsed.scheme}: URLs")
    if not parsed.host:
        raise _Failure("is not a valid URL (it has no host name)")
    return parsed.copy_with(fragment=None)


def _content_type(header: str | None) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` header."""
    media, *params = (header or "").split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'").lower()
    return media.strip().lower(), charset


def _retry_after(header: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delay or HTTP date); None when absent or unreadable."""
    if not header:
        return None
    if header.strip().isdigit():
        return float(header.strip())
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)


def _retry_delay(policy: FetchPolicy, attempt: int, retry_after: float | None) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``; None when the server asks for too long a wait."""
    backoff = min(policy.backoff_s * 2.0**attempt, policy.max_retry_wait_s)
    if retry_after is None:
        return backoff
    if retry_after > policy.max_retry_wait_s:
        return None
    return max(backoff, retry_after)


def _decompressor(encoding: str) -> Any:
    """A zlib decompressor for a ``Content-Encoding``, or None for an unencoded body."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise _Failure(f"refused: unsupported content encoding {encoding}")


class Fetcher:
    """Fetch URLs safely and politely; one per process or task, shared by any number of threads.

    Use as a context manager, or call ``close()``, to release its connections.
    """

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._clock = _Clock()
        self._slots = _HostSlots(self.policy.per_host)
        self._client = httpx.Client(
            transport=_VettingTransport(_VettingBackend(self.policy.allow_private, self._clock)),
            headers={"User-Agent": self.policy.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"},
            cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),  # no cookies kept between fetches
            follow_redirects=False,
            trust_env=False,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection; the fetcher cannot be used afterwards."""
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch a text resource, following redirects, retrying transient failures.

        Args:
            url: an absolute ``http`` or ``https`` URL.

        Returns:
            The final URL, status, media type, charset and body.

        Raises:
            FetchError: the URL is not http(s), a hop resolves to a non-public address, the server
                failed (HTTP status, connection, time-out), the body is too large or not text;
                the message names the URL and the reason.
        """
        shown = _shown(url)
        for attempt in range(self.policy.retries + 1):
            try:
                return self._attempt(url)
            except _Failure as failure:
                delay = _retry_delay(self.policy, attempt, failure.retry_after) if failure.retry else None
                if delay is None or attempt == self.policy.retries:
                    reason = failure.reason
                    if failure.retry and failure.retry_after is not None and delay is None:
                        reason += f" (the server asks to retry after {failure.retry_after:g} s)"
                    raise FetchError(f"{shown}: {reason}") from None
                log.debug("%s: %s; retrying in %.2f s", shown, failure.reason, delay)
                time.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _attempt(self, url: str) -> Fetched:
        """One attempt: every redirect hop, each checked; the deadline covers them all."""
        current: str | httpx.URL = url
        deadline = time.monotonic() + self.policy.timeout_s
        cookies = httpx.Cookies()  # kept across this attempt's hops only
        for hop in range(self.policy.max_redirects + 1):
            try:
                checked = _checked_url(current)
                waiting = time.monotonic()
                with self._slots.hold(checked.host):
                    deadline += time.monotonic() - waiting  # our own politeness queue is not the server's time
                    nxt = self._hop(checked, cookies, deadline)
            except _Failure as failure:
                if hop:
                    failure.reason = f"redirected to {_shown(current)}, {failure.reason}"
                raise
            if isinstance(nxt, Fetched):
                return nxt
            current = nxt
        raise _Failure(f"too many redirects (more than {self.policy.max_redirects})")

    def _hop(self, url: httpx.URL, cookies: httpx.Cookies, deadline: float) -> Fetched | httpx.URL:
        """Request ``url``: the response when final, else the URL it redirects to."""
        self._clock.deadline = deadline
        try:
            with self._failures():
                request = self._client.build_request("GET", url, timeout=self.policy.timeout_s)
                cookies.set_cookie_header(request)
                response = self._client.send(request, stream=True)
                try:
                    cookies.extract_cookies(response)
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        try:
                            return url.join(location.strip())
                        except httpx.InvalidURL:
                            raise _Failure(f"redirected to an invalid URL {_shown(location)}") from None
                    return self._final(response, deadline)
                finally:
                    response.close()
        finally:
            self._clock.deadline = None

    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """httpx's transport errors as ``_Failure``s, the retryable ones marked."""
        try:
            yield
        except httpx.TimeoutException:
            raise _Failure(f"timed out after {self.policy.timeout_s:g} s", retry=True) from None
        except httpx.ConnectError as exc:
            raise _Failure(f"cannot connect ({exc})", retry=True) from None
        except httpx.HTTPError as exc:
            raise _Failure(f"the connection failed ({exc or type(exc).__name__})") from None

    def _final(self, response: httpx.Response, deadline: float) -> Fetched:
        status = response.status_code
        if not 200 <= status < 300:
            phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
            retry_after = _retry_after(response.headers.get("retry-after"))
            raise _Failure(f"HTTP {status}{phrase}", retry=status == 429 or status >= 500, retry_after=retry_after)
        media, charset = _content_type(response.headers.get("content-type"))
        if media not in _TEXT_TYPES:
            raise _Failure(f"refused: content type {media or '(none given)'} is not text, HTML, XML or JSON")
        length = response.headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > self.policy.max_bytes:
            raise _Failure(f"too large: over {self.policy.max_bytes:,} bytes ({int(length):,} announced)")
        content = self._body(response, deadline)
        return Fetched(url=str(response.url), status=status, content_type=media, content=content, charset=charset)

    def _body(self, response: httpx.Response, deadline: float) -> bytes:
        """The body, decompressed in steps that never produce more than the size cap allows."""
        limit = self.policy.max_bytes
        decompressor = _decompressor(response.headers.get("content-encoding", ""))
        parts: list[bytes] = []
        size = 0
        try:
            for raw in response.iter_raw():
                part = decompressor.decompress(raw, limit - size + 1) if decompressor else raw
                size += len(part)
                if size > limit:
                    raise _Failure(f"too large: over {limit:,} bytes")
                if time.monotonic() > deadline:
                    raise _Failure(f"timed out after {self.policy.timeout_s:g} s", retry=True)
                parts.append(part)
            if decompressor:
                parts.append(decompressor.flush(limit - size + 1))
                if size + len(parts[-1]) > limit:
                    raise _Failure(f"too large: over {limit:,} bytes")
        except zlib.error:
            raise _Failure("the compressed body is corrupt") from None
        return b"".join(parts)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """Fetch one URL with a fetcher of its own (use a ``Fetcher`` to fetch many).

    Args:
        url: an absolute ``http`` or ``https`` URL.
        policy: limits and manners; defaults to ``FetchPolicy()``.

    Returns:
        The final URL, status, media type, charset and body.

    Raises:
        FetchError: the URL was refused or could not be fetched; the message says why.
    """
    with Fetcher(policy) as fetcher:
        return fetcher.fetch(url)
