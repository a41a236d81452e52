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
Never reads pages, never logs (the caller counts and logs refusals).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable
from functools import partial
from typing import Any

import httpcore

from ..allowlist import IP, parse_rule
from ..errors import FetchError
from .stream import connect

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
HINT = "a link pointing inside our own network; list the address in fetch.allow_private if it is wanted"
# How long a host's checked addresses are reused. Safe at any length: a connection only ever
# goes to an address that was checked, so a later DNS answer (rebinding) is never used unchecked;
# it only spares a resolver round trip (and a thread hop) for every page of a busy host.
VETTED_TTL = 60.0
_VETTED_MAX = 4096


def forbidden(ip: IP) -> str | None:
    """Why an address is off limits for a crawler (None when it is an ordinary public address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded(ip):
            reason = forbidden(inner)
            if reason:
                return reason
    for name in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


def _embedded(ip: ipaddress.IPv6Address) -> Iterable[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo client, NAT64)."""
    if ip.ipv4_mapped:
        yield ip.ipv4_mapped
    if ip.sixtofour:
        yield ip.sixtofour
    if ip.teredo:
        yield ip.teredo[1]
    if ip in _NAT64:
        yield ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)


class AddressPolicy:
    """The allow-list plus the rules above; `vet` resolves a host and checks every address."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self.rules = tuple(parse_rule(e) for e in entries)
        self.vetted: dict[tuple[str, int], tuple[float, list[str]]] = {}

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
            return known[1]
        addresses = await resolve(host, port)
        for ip in addresses:
            self.check(ip, host, port)
        if len(self.vetted) >= _VETTED_MAX:
            self.vetted.clear()
        checked = [str(ip) for ip in addresses]
        self.vetted[(host, port)] = (now + VETTED_TTL, checked)
        return checked


async def resolve(host: str, port: int) -> list[IP]:
    """Every address `host` resolves to (an IP literal in any spelling resolves to itself)."""
    if "%" not in host:
        try:  # a plain IP literal: no resolver and no thread hop (other spellings go below)
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
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
