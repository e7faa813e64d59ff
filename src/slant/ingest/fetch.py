"""Safe, polite URL fetching: http(s) only, non-public addresses refused on every hop, size and time capped.

Corpus ingest fetches the pages its feeds link to, many at once from threads; the web API fetches
URLs its users type. Both go through one ``Fetcher``, which runs each attempt hop by hop through
redirects and retries failed attempts; its limits and manners are a ``FetchPolicy``
(``slant.ingest.policy``):

* **Where it connects.** Only ``http`` and ``https`` URLs are fetched. Host names are resolved by
  the fetcher's own httpcore network backend at the moment it opens a connection: every address the
  name resolves to must be public (see ``address_kind``), and the socket is then opened to one of
  *those* addresses. Checking and connecting are one step, so a name that resolves to a public
  address for a check and to ``127.0.0.1`` for the connect (DNS rebinding) gains nothing; redirects
  are followed by hand and every hop connects through the same backend, so every hop is checked.
  TLS still verifies the certificate against the host name. httpx's own transport has no hook for
  its network backend, so a small transport over httpcore's public ``ConnectionPool`` stands in for
  it (both in ``slant.ingest.connect``). Proxy settings from the environment are ignored: a proxy
  would connect for us, unchecked.
* **How much.** An attempt (every redirect hop and the whole body) must end within ``timeout_s``:
  name resolution and every socket read get only what is left of it, so a server dripping a byte at
  a time is cut off on time. A body over ``max_bytes`` is refused, counted after decompression (gzip
  and deflate are decoded in bounded steps, so a compression bomb is refused too). Only text
  types are accepted: HTML, XHTML, plain text, RSS/Atom/XML and JSON (``slant.ingest.response``).
* **How politely.** At most ``per_host`` requests to one host run at once, across threads (waiting
  for a turn does not count against ``timeout_s``); connect errors, time-outs, 429 and 5xx are
  retried ``retries`` times with exponential backoff, never sooner than ``Retry-After`` asks, and not
  at all when it asks for more than ``max_retry_wait_s`` (``slant.ingest.polite``). The User-Agent
  names slant and its version. A whole ``fetch`` thus takes at most ``(retries + 1) * timeout_s``
  plus the waits between attempts.

Every failure is a ``FetchError`` whose one-line message names the URL and the reason.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Iterator
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType

import httpx

from slant.errors import FetchError
from slant.ingest.addresses import address_kind
from slant.ingest.connect import Clock, Failure, VettingBackend, VettingTransport
from slant.ingest.policy import FetchPolicy
from slant.ingest.polite import HostSlots, retry_delay
from slant.ingest.response import Fetched, read_final

__all__ = ["FetchPolicy", "Fetched", "Fetcher", "address_kind", "fetch"]

log = logging.getLogger(__name__)

_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SHOWN_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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
        raise Failure("is not a valid URL") from None
    if not parsed.scheme:
        raise Failure("is not an absolute http or https URL")
    if parsed.scheme not in ("http", "https"):
        raise Failure(f"refused: only http and https URLs are fetched, not {parsed.scheme}: URLs")
    if not parsed.host:
        raise Failure("is not a valid URL (it has no host name)")
    return parsed.copy_with(fragment=None)


class Fetcher:
    """Fetch URLs safely and politely; one per process or task, shared by any number of threads.

    Use as a context manager, or call ``close()``, to release its connections.
    """

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._clock = Clock()
        self._slots = HostSlots(self.policy.per_host)
        self._client = httpx.Client(
            transport=VettingTransport(VettingBackend(self.policy.allow_private, self._clock)),
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
            except Failure as failure:
                delay = retry_delay(self.policy, attempt, failure.retry_after) if failure.retry else None
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
            except Failure as failure:
                if hop:
                    failure.reason = f"redirected to {_shown(current)}, {failure.reason}"
                raise
            if isinstance(nxt, Fetched):
                return nxt
            current = nxt
        raise Failure(f"too many redirects (more than {self.policy.max_redirects})")

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
                            raise Failure(f"redirected to an invalid URL {_shown(location)}") from None
                    return read_final(response, self.policy, deadline)
                finally:
                    response.close()
        finally:
            self._clock.deadline = None

    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """httpx's transport errors as ``Failure``s, the retryable ones marked."""
        try:
            yield
        except httpx.TimeoutException:
            raise Failure(f"timed out after {self.policy.timeout_s:g} s", retry=True) from None
        except httpx.ConnectError as exc:
            raise Failure(f"cannot connect ({exc})", retry=True) from None
        except httpx.HTTPError as exc:
            raise Failure(f"the connection failed ({exc or type(exc).__name__})") from None


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
