"""httpcore's network streams on plain asyncio: what `GuardedBackend` connects with.

In: an address already checked by the guard (an IP, never a name to resolve again) and a port;
later a TLS context and the server name to verify. Out: an `httpcore.AsyncNetworkStream` over
asyncio's own StreamReader/StreamWriter. httpcore's default backend goes through anyio, which
wraps every read and write in a cancel scope and rebuilds a dict of socket attributes each time
the pool asks whether an idle connection is still usable: about a sixth of the fetch thread's
CPU for nothing we use (the fetch loop is asyncio, and the caller's total budget already bounds
every step). Errors are httpcore's (ConnectError, ReadError, …) with the OS error as their
cause, as with anyio. Never resolves names, never decides where to connect.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from collections.abc import Awaitable, Callable
from typing import Any

import httpcore

# Read buffer limit for the StreamReader; httpcore asks for at most 64 KiB per read anyway.
_LIMIT = 1 << 18
NO_ISSUER = 20  # OpenSSL's X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: the chain lacks a link


Mender = Callable[[ssl.SSLContext, "str | None", "float | None"], Awaitable["httpcore.AsyncNetworkStream | None"]]


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One TCP (or TLS) connection as httpcore wants it. `mender`: what a direct connection (the
    guard sets it) tries when the site's certificate chain lacks its intermediate (issuers.py)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.mender: Mender | None = None
        self.unverified: frozenset[str] = frozenset()  # hosts whose certificate is taken unchecked

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Up to `max_bytes`; b"" at the end of the stream."""
        try:
            async with asyncio.timeout(timeout):
                return await self.reader.read(max_bytes)
        except TimeoutError:
            raise httpcore.ReadTimeout("timed out reading") from None
        except (OSError, ssl.SSLError) as exc:
            raise httpcore.ReadError(str(exc) or type(exc).__name__) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """All of `buffer`, waiting while the socket's send buffer is full."""
        if not buffer:
            return
        try:
            async with asyncio.timeout(timeout):
                self.writer.write(buffer)
                await self.writer.drain()
        except TimeoutError:
            raise httpcore.WriteTimeout("timed out writing") from None
        except (OSError, ssl.SSLError) as exc:
            raise httpcore.WriteError(str(exc) or type(exc).__name__) from exc

    async def aclose(self) -> None:
        """Close without waiting for the peer (as anyio's aclose of a plain socket does)."""
        self.writer.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        """The same connection upgraded to TLS, the certificate checked for `server_hostname` (unless
        the config names that host in fetch.unverified_hosts: encrypted, not vouched for)."""
        if server_hostname and server_hostname.lower().rstrip(".") in self.unverified:
            ssl_context = unchecked_context()
        try:
            async with asyncio.timeout(timeout):
                await self.writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError:
            self.writer.close()
            raise httpcore.ConnectTimeout("timed out in the TLS handshake") from None
        except (OSError, ssl.SSLError) as exc:
            self.writer.close()
            if isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_code == NO_ISSUER and self.mender:
                mended = await self.mender(ssl_context, server_hostname, timeout)
                if mended is not None:
                    return mended
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        return self

    def get_extra_info(self, info: str) -> Any:
        """What httpcore asks about a connection; `is_readable` on an idle one means the server
        closed it or sent something unasked, so it must not be reused."""
        if info == "is_readable":
            buffered = getattr(self.reader, "_buffer", None)
            return self.reader.at_eof() or bool(buffered) or self.writer.is_closing()
        key = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername",
               "socket": "socket"}.get(info)
        return self.writer.get_extra_info(key) if key else None


@functools.cache
def unchecked_context() -> ssl.SSLContext:
    """A TLS context that takes any certificate (made once, when first needed)."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    return context


async def connect(host: str, port: int, timeout: float | None = None,
                  local_address: str | None = None) -> AsyncioStream:
    """A TCP connection to `host` (an address), with TCP_NODELAY as asyncio sets it."""
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(
                host, port, limit=_LIMIT, local_addr=(local_address, 0) if local_address else None)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"timed out connecting to {host}") from None
    except OSError as exc:
        raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
    return AsyncioStream(reader, writer)
