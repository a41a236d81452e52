"""httpx transports whose every connection goes through the address policy.

In: the `AddressPolicy` and the proxy from `fetch.proxy` (or, when unset, the usual
HTTP_PROXY / HTTPS_PROXY / ALL_PROXY / NO_PROXY variables). Out: the direct transport and the
per-pattern proxy mounts for `httpx.AsyncClient`. httpx's own transport takes no network
backend, so ours builds the same httpcore pool with `GuardedBackend`; the proxy's own address
is exempt (the operator chose it), and the fetcher checks each target before sending it there.
`GuardedTransport.get` sends a plain GET straight to the pool. Never sends a request itself.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Iterable
from typing import cast

import httpcore
import httpx
from httpx._transports.default import map_httpcore_exceptions  # httpx's own mapping, so errors read the same

from ..lenient import install
from .guard import AddressPolicy, GuardedBackend

MAX_CONNECTIONS = 100
install()  # header lines a browser reads past no longer make a whole answer unreadable


class AsyncioLock:
    """httpcore's `AsyncLock` on asyncio's own lock. httpcore's takes an anyio Lock, whose every
    acquire, free or not, checks anyio's cancel scopes and then yields to the loop once: three
    acquires a request (the connection's, and its HTTP/1.1 state's twice), each an extra turn of
    the event loop. asyncio's takes a free lock at once; a task cancelled meanwhile (the
    fetcher's total time budget) is told at its next wait, the socket read that follows."""

    __slots__ = ("_lock",)

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> AsyncioLock:
        await self._lock.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._lock.release()


class AsyncioEvent:
    """httpcore's `AsyncEvent` on asyncio's own event. The pool makes one a request (set when a
    connection is assigned, waited on only when none is free); httpcore's asks sniffio which
    library runs and builds an anyio Event at its first `set`."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def set(self) -> None:
        self._event.set()

    async def wait(self, timeout: float | None = None) -> None:
        """Until set; httpcore's PoolTimeout after `timeout` seconds, as httpcore's own raises."""
        try:
            async with asyncio.timeout(timeout):
                await self._event.wait()
        except TimeoutError:
            raise httpcore.PoolTimeout(f"no connection free within {timeout}s") from None


def _asyncio_locks() -> None:
    """httpcore's pool and HTTP/1.1 connections take `AsyncioLock` and `AsyncioEvent` (once per
    process; every httpcore async client here runs on asyncio: the fetcher's loop, the webhook
    sender's `asyncio.run`)."""
    from httpcore._async import connection, connection_pool, http11

    if all(hasattr(m, "AsyncLock") for m in (connection, http11)) and hasattr(connection_pool, "AsyncEvent"):
        connection.AsyncLock = http11.AsyncLock = AsyncioLock  # type: ignore[misc,assignment]
        connection_pool.AsyncEvent = AsyncioEvent  # type: ignore[misc,assignment]
    # else an httpcore whose pool is built otherwise keeps its own (slower, as correct)


_asyncio_locks()


def _no_reuse_past_the_end() -> None:
    """An HTTP/1.1 connection holding bytes past the answer it just read (a body longer than its
    `Content-Length`) is closed, not kept: h11 would read those bytes as the answer to the next
    request on it, another page's (a site could so answer one address with what it wrote for
    another, or a broken server leave one page's tail as the next's head). Chromium and curl
    drop such a connection too. Bytes arriving later are httpcore's own check (an idle
    connection that turns readable is closed before reuse). Once per process."""
    from httpcore._async.http11 import AsyncHTTP11Connection

    kept = AsyncHTTP11Connection._response_closed
    if getattr(kept, "checked", False):
        return

    async def response_closed(self: AsyncHTTP11Connection) -> None:
        if self._h11_state.trailing_data[0]:  # read as the next answer otherwise
            async with self._state_lock:
                await self.aclose()
            return
        await kept(self)

    response_closed.checked = True  # type: ignore[attr-defined]
    AsyncHTTP11Connection._response_closed = response_closed  # type: ignore[method-assign]


_no_reuse_past_the_end()


class GuardedTransport(httpx.AsyncHTTPTransport):
    """`httpx.AsyncHTTPTransport` on a guarded network backend, optionally via an HTTP proxy."""

    def __init__(self, backend: GuardedBackend, proxy: str | None = None, ca_file: str | None = None) -> None:
        # Deliberately not calling super().__init__: it would build an unguarded pool. The
        # parent's request handling only needs `_pool`.
        self._pool: httpcore.AsyncConnectionPool
        if proxy:
            url = httpx.URL(proxy)
            self._pool = httpcore.AsyncHTTPProxy(
                proxy_url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
                ssl_context=tls_context(ca_file), max_connections=MAX_CONNECTIONS, network_backend=backend)
        else:
            self._pool = _Pool(max_connections=MAX_CONNECTIONS, network_backend=backend)
            self._pool.ca_file = ca_file

    async def get(self, url: httpx.URL, headers: httpx.Headers) -> Answer:
        """A GET without a body, as `handle_async_request` sends an httpx Request of one (the
        Host header first, then `headers`), without building httpx's Request and Response
        around httpcore's: a third of the CPU httpx spends above the pool for a page."""
        raw = headers.raw if "host" in headers else [(b"Host", url.netloc), *headers.raw]
        request = httpcore.Request(b"GET", httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port,
                                                        target=url.raw_path), headers=raw)
        with map_httpcore_exceptions():
            return Answer(await self._pool.handle_async_request(request))


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """httpx's TLS context (the usual CA bundle, or SSL_CERT_FILE's), with `fetch.ca_file`'s
    certificates trusted too: a site's missing intermediate, which links its certificate to a
    root of the bundle (the chain is still checked up to that root)."""
    context = httpx.create_ssl_context()
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


class _Pool(httpcore.AsyncConnectionPool):
    """httpcore's pool, its TLS context made (as httpx makes it) at the first https connection:
    reading the CA bundle costs ~22 ms of CPU, which a poll of http sites never needs."""

    ca_file: str | None = None

    def create_connection(self, origin: httpcore.Origin) -> httpcore.AsyncConnectionInterface:
        """A connection to `origin` (the TLS context made first, for the first https one)."""
        if origin.scheme == b"https" and self._ssl_context is None:
            self._ssl_context = tls_context(self.ca_file)
        return super().create_connection(origin)

    async def _close_connections(self, closing: list[httpcore.AsyncConnectionInterface]) -> None:
        """Close those connections (httpcore asks twice a request, mostly with none to close:
        no cancel scope is then set up around nothing)."""
        if closing:
            await super()._close_connections(closing)


class Answer:
    """httpcore's response as the fetcher reads it: status, httpx Headers, the raw body stream
    (raising httpx's errors, as httpx's own response stream does) and `aclose`."""

    def __init__(self, response: httpcore.Response) -> None:
        self.status_code = response.status
        self.headers = httpx.Headers(response.headers)
        self._response = response
        self.stream = _mapped(cast(AsyncIterator[bytes], response.stream))

    async def aclose(self) -> None:
        """Give the connection back to the pool (or close it)."""
        await self._response.aclose()


async def _mapped(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    with map_httpcore_exceptions():
        async for part in stream:
            yield part


def proxies(configured: str | None) -> dict[str, str | None]:
    """URL pattern → proxy URL (None: go direct), from the config or else the environment."""
    if configured:
        return {"all://": configured}
    try:
        from httpx._utils import get_environment_proxies  # the same reading httpx itself does
    except ImportError:  # pragma: no cover - a future httpx moved it; go direct
        return {}
    return {k: v for k, v in get_environment_proxies().items() if v is None or v.startswith("http")}


def transports(policy: AddressPolicy, proxy: str | None, ca_file: str | None = None,
               unverified: Iterable[str] = ()) -> tuple[GuardedTransport, dict[str, GuardedTransport]]:
    """The direct transport and the proxy mounts for an AsyncClient."""
    routes = proxies(proxy)
    exempt = set()
    for url in filter(None, routes.values()):
        parsed = httpx.URL(url)
        exempt.add((parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80)))
    backend = GuardedBackend(policy, exempt, unverified)
    direct = GuardedTransport(backend, ca_file=ca_file)
    mounts = {pattern: GuardedTransport(backend, url, ca_file) if url else direct for pattern, url in routes.items()}
    return direct, mounts
