"""Sources the fetcher will refuse, said by `check-config` rather than at every poll.

In: a loaded `Config`. Out: `file: sources.NAME.url: …` lines for each enabled source whose
URL names a loopback, private or otherwise non-public address (an IP literal, or `localhost`
and `*.localhost`) that `[fetch] allow_private` does not let through: the fetch guard
(fetch/guard.py, the same `allowlist` rules) refuses every poll of it. Never resolves a name
(a host name's addresses are judged at fetch time), never opens a socket.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from ..allowlist import IP, forbidden, parse_rule
from .schema import Config

_LOCALHOST = (ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"))


def refused_sources(cfg: Config) -> list[str]:
    """One line per enabled source the fetch guard would refuse (empty when none)."""
    rules = [parse_rule(e) for e in cfg.fetch.allow_private]
    out = []
    for src in cfg.sources:
        if not src.enabled or not src.url:
            continue
        try:
            parts = urlsplit(src.url)
            host, port = (parts.hostname or "").rstrip("."), parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:  # said by the URL's own check
            continue
        ips = _addresses(host)
        refused = [(ip, why) for ip in ips if (why := forbidden(ip))]
        if not refused or any(r.permits(ip, host, port) for r in rules for ip, _ in refused):
            continue
        ip, why = refused[0]
        entry = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        shown = host if host == str(ip) else f"{host} ({ip})"
        out.append(f"{cfg.path}: sources.{src.name}.url: {shown} is a {why} address, which the fetcher refuses: "
                   f"every poll would fail (if it is meant, list it in fetch.allow_private: allow_private = [\"{entry}\"] "
                   "under [fetch])")
    return out


def _addresses(host: str) -> tuple[IP, ...]:
    """The addresses an IP literal or a localhost name stands for; () for any other name."""
    if host == "localhost" or host.endswith(".localhost"):
        return _LOCALHOST
    try:
        return (ipaddress.ip_address(host),)
    except ValueError:
        return ()
