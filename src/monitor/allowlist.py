"""Allow-list entries for the outbound-address policy (`[fetch] allow_private`).

In: entry strings from the config. Out: `Rule`s, or ValueError saying what is wrong. Pure
(ipaddress only): config validation uses it without loading the fetcher and its HTTP stack;
`fetch.guard` applies the rules. Never resolves a name, never opens a socket.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


@dataclass(frozen=True)
class Rule:
    """One allow-list entry: a network, or one port of a network or of a host name."""

    network: ipaddress.IPv4Network | ipaddress.IPv6Network | None = None
    host: str | None = None
    port: int | None = None

    def permits(self, ip: IP, host: str, port: int) -> bool:
        """Whether this entry lets us connect to `ip` (found for `host`) on `port`."""
        if self.port is not None and self.port != port:
            return False
        if self.host is not None:
            return self.host == host.lower().rstrip(".")
        return self.network is not None and plain(ip) in self.network


def parse_rule(text: str) -> Rule:
    """`127.0.0.1`, `10.0.0.0/8`, `::1`, `127.0.0.1:8080`, `[::1]:8080`, `host.lan:8080` → Rule;
    ValueError saying what is wrong otherwise."""
    entry = text.strip()
    try:
        return Rule(network=ipaddress.ip_network(entry, strict=False))
    except ValueError:
        pass
    if entry.startswith("["):
        addr, sep, port = entry[1:].partition("]:")
    else:
        addr, sep, port = entry.rpartition(":")
    if not sep or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise ValueError(f"{text!r} is not an IP address, a network or host:port")
    try:
        return Rule(network=ipaddress.ip_network(addr, strict=False), port=int(port))
    except ValueError:
        pass
    if not _HOST.match(addr):
        raise ValueError(f"{text!r}: {addr!r} is not an IP address or a host name")
    return Rule(host=addr.lower().rstrip("."), port=int(port))


def plain(ip: IP) -> IP:
    """An IPv4-mapped IPv6 address as the IPv4 address it is, so allow-list entries match it."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


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
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:  # fec0::/10, which Python calls global
        return "site-local"
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
