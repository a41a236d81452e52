"""The outbound-address policy (SSRF guard): which addresses a fetch may connect to.

In: the `[fetch] allow_private` entries and each host name and port we are about to connect
to. Out: the checked IP addresses to connect to, or `FetchError(kind="refused")`. A page can
link anywhere, so every request and every redirect hop is checked: only http and https; the
host is resolved and refused when ANY of its addresses is loopback, private, link-local,
multicast, reserved, unspecified or otherwise not global (IPv4 and IPv6, IPv4-mapped, 6to4,
Teredo and NAT64 forms; decimal, octal and hex IPv4 spellings resolve to the address they
mean). `GuardedBackend` resolves once, checks, and connects to the checked IP itself (through
stream.py's asyncio streams), so no second DNS answer can slip in between check and connect
(DNS rebinding); TLS still verifies and sends SNI for the host name. Allow-list entries: an IP (`127.0.0.1`), a network (`10.0.0.0/8`),
or one port of an address or host name (`127.0.0.1:8080`, `[::1]:8080`, `intranet.local:80`).
A lookup is bounded (`lookup_timeout`, the request's budget): a name whose servers never answer
fails then, not at the system resolver's timeout. Its own daemon thread runs it, so stuck lookups
hold up no other host's and no exit; the links to one host share one lookup, and a failed one is
remembered for `FAILED_TTL`. Never reads pages, never logs (the caller counts and logs refusals).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from functools import partial
from typing import Any

import httpcore

from ..allowlist import IP, forbidden, parse_rule
from ..errors import FetchError
from .stream import connect

HINT = "a link pointing inside our own network; list the address in fetch.allow_private if it is wanted"
# How long a host's checked addresses are reused. Safe at any length: a connection only ever
# goes to an address that was checked, so a later DNS answer (rebinding) is never used unchecked;
# it only spares a resolver round trip (and a thread hop) for every page of a busy host.
VETTED_TTL = 60.0
_VETTED_MAX = 4096
FAILED_TTL = 60.0  # a host that could not be looked up fails at once for this long (its links, the next hops)
LOOKUPS = 64  # lookups running at once (a source's 50 links on as many dead hosts leave room for others)


class AddressPolicy:
    """The allow-list plus the rules above; `vet` resolves a host and checks every address."""

    def __init__(self, entries: Iterable[str] = (), lookup_timeout: float | None = None) -> None:
        self.rules = tuple(parse_rule(e) for e in entries)
        self.lookup_timeout = lookup_timeout or None
        self.vetted: dict[tuple[str, int], tuple[float, list[str] | FetchError]] = {}
        self.asking: dict[tuple[str, int], asyncio.Future[list[IP]]] = {}  # lookups under way
        self.slots: asyncio.Semaphore | None = None  # LOOKUPS, made on the fetch loop

    def check(self, ip: IP, host: str, port: int) -> None:
        """Raise FetchError(kind="refused") unless we may connect to `ip`:`port` for `host`."""
        reason = forbidden(ip)
        if reason and not any(r.permits(ip, host, port) for r in self.rules):
            shown = host if host == str(ip) else f"{host} ({ip})"
            raise FetchError(f"refused to connect to {shown} port {port}: {reason} address",
                             hint=HINT, kind="refused")

    async def vet(self, host: str, port: int) -> list[str]:
        """The addresses of `host`, all checked; FetchError when one is refused or none is found.
        An answer that passed is reused for `VETTED_TTL` seconds (refusals are asked again)."""
        now = time.monotonic()
        known = self.vetted.get((host, port))
        if known is not None and known[0] > now:
            if isinstance(known[1], FetchError):  # looked up a moment ago, and failed
                raise FetchError(known[1].message, hint=known[1].hint, kind=known[1].kind)
            return known[1]
        asking = self.asking.get((host, port))
        if asking is None:  # the first link to the host looks it up; the others wait for that answer
            asking = self.asking[(host, port)] = asyncio.ensure_future(self._lookup(host, port))
            asking.add_done_callback(lambda _: self.asking.pop((host, port), None))
        addresses = await asyncio.shield(asking)  # one waiter's deadline does not end the lookup
        for ip in addresses:
            self.check(ip, host, port)
        if len(self.vetted) >= _VETTED_MAX:
            self.vetted.clear()
        checked = [str(ip) for ip in addresses]
        self.vetted[(host, port)] = (now + VETTED_TTL, checked)
        return checked

    async def _lookup(self, host: str, port: int) -> list[IP]:
        """`resolve` within `lookup_timeout`, at most LOOKUPS at once; a failure is remembered."""
        if self.slots is None:
            self.slots = asyncio.Semaphore(LOOKUPS)
        try:
            async with asyncio.timeout(self.lookup_timeout):
                async with self.slots:
                    return await resolve(host, port)
        except TimeoutError:
            failed = FetchError(f"cannot resolve {host}: no answer within {self.lookup_timeout:g}s",
                                hint="the host's name servers do not answer", kind="timeout")
        except FetchError as exc:
            failed = exc
        if len(self.vetted) >= _VETTED_MAX:
            self.vetted.clear()
        self.vetted[(host, port)] = (time.monotonic() + FAILED_TTL, failed)
        raise failed


async def resolve(host: str, port: int) -> list[IP]:
    """Every address `host` resolves to (an IP literal in any spelling resolves to itself)."""
    if "%" not in host:
        try:  # a plain IP literal: no resolver and no thread hop (other spellings go below)
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
    try:
        infos = await _getaddrinfo(host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}",
                         hint="check the host name", kind="transport") from None
    found: dict[IP, None] = {}
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # an IPv6 zone id is not part of the address
        found[ipaddress.ip_address(text)] = None
    if not found:
        raise FetchError(f"cannot resolve {host}", hint="check the host name", kind="transport")
    return list(found)


async def _getaddrinfo(host: str, port: int) -> list[Any]:
    """The system resolver's answer, on a daemon thread of its own: asyncio's `getaddrinfo` runs
    on the loop's default executor, a few threads that a stuck lookup holds for the resolver's
    whole timeout (and the interpreter waits for at exit)."""
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[list[Any]] = loop.create_future()

    def settle(result: list[Any] | None, exc: BaseException | None) -> None:
        if answer.done():  # abandoned meanwhile
            return
        if exc is not None:
            answer.set_exception(exc)
        else:
            answer.set_result(result or [])

    def work() -> None:
        try:
            result, exc = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM), None
        except BaseException as caught:  # handed to the waiting coroutine
            result, exc = None, caught
        with contextlib.suppress(RuntimeError):  # the loop closed while the resolver took its time
            loop.call_soon_threadsafe(settle, result, exc)

    threading.Thread(target=work, name=f"lookup {host}", daemon=True).start()
    return await answer


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, but every TCP connection goes to an address `policy` checked
    in the same step (the proxy we were configured with is exempt: its targets are vetted
    before the request is sent)."""

    def __init__(self, policy: AddressPolicy, exempt: Iterable[tuple[str, int]] = (),
                 unverified: Iterable[str] = ()) -> None:
        self.policy = policy
        self.exempt = set(exempt)
        self.unverified = frozenset(h.lower().rstrip(".") for h in unverified)  # fetch.unverified_hosts
        self.issuers_tried: set[str] = set()  # issuer addresses fetched (issuers.py), once a process

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        """Resolve, check every address, then connect to a checked address (never the name)."""
        if (host, port) in self.exempt:  # the proxy: a tunnel's TLS is the target host's
            stream = await connect(host, port, timeout, local_address)
            stream.unverified = self.unverified
            return _with_options(stream, socket_options)
        last: Exception | None = None
        for ip in await self.policy.vet(host, port):
            try:
                stream = await connect(ip, port, timeout, local_address)
            except httpcore.ConnectError as exc:  # try the host's next address
                last = exc
                continue
            stream.mender = partial(self._mend, str(ip), port)
            stream.unverified = self.unverified
            return _with_options(stream, socket_options)
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    async def _mend(self, ip: str, port: int, context: ssl.SSLContext, server_hostname: str | None,
                    timeout: float | None) -> httpcore.AsyncNetworkStream | None:
        """A TLS stream once the site's missing intermediate certificate is fetched (issuers.py)."""
        from .issuers import mend

        return await mend(ip, port, context, server_hostname, timeout, self.connect_tcp, self.issuers_tried)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        """Never: a page cannot send us to a local socket."""
        raise FetchError(f"refused to connect to unix socket {path}", kind="refused")

    async def sleep(self, seconds: float) -> None:
        """Wait on the fetch loop."""
        await asyncio.sleep(seconds)


def _with_options(stream: httpcore.AsyncNetworkStream, options: Any) -> httpcore.AsyncNetworkStream:
    """The stream with httpcore's socket options (if it asked for any) set on its socket."""
    for option in options or ():
        stream.get_extra_info("socket").setsockopt(*option)
    return stream
