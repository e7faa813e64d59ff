"""Vetted connections: an httpx transport whose every socket goes only to public addresses, on a deadline.

``VettingBackend`` is an httpcore network backend that resolves a host name itself, refuses it when any
address it resolves to is non-public (``slant.ingest.addresses.address_kind``), and then connects to
exactly the addresses it checked, so DNS rebinding gains nothing; every read, write and TLS handshake on
its streams waits no longer than what is left of the current attempt's deadline, kept per thread in a
``Clock``. ``VettingTransport`` puts an httpx face on an httpcore pool over that backend, since httpx's
own transport has no hook for one. A refusal is a ``Failure`` (why one fetch attempt failed), defined
here so that the fetcher above and the backend below raise the same error.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpcore
import httpx

from slant.ingest.addresses import address_kind

__all__ = ["Clock", "Failure", "VettingBackend", "VettingTransport"]


class Failure(Exception):
    """Why one attempt failed, and whether trying again may help."""

    def __init__(self, reason: str, *, retry: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry
        self.retry_after = retry_after


class Clock(threading.local):
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

    def __init__(self, inner: httpcore.NetworkStream, clock: Clock) -> None:
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


class VettingBackend(httpcore.NetworkBackend):
    """Resolve, refuse non-public addresses, then connect to exactly the addresses that were checked."""

    def __init__(self, allow_private: bool, clock: Clock) -> None:
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
                raise Failure(f"cannot resolve the host name {host}") from None
            addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise Failure(f"cannot resolve the host name {host}")
        if not self._allow_private:
            for address in addresses:
                kind = address_kind(address)
                if kind is not None:
                    article = "an" if kind[0] in "aeiou" else "a"
                    where = f"{host} is" if literal else f"{host} resolves to"
                    raise Failure(f"refused: {where} {article} {kind} address" + ("" if literal else f" {address}"))
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
        raise Failure("refused: Unix sockets are never connected to")

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


class VettingTransport(httpx.BaseTransport):
    """httpx's transport over an httpcore pool whose every connection is opened by ``VettingBackend``."""

    def __init__(self, backend: VettingBackend) -> None:
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
