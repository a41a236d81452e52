"""A host whose name resolves to an IPv6 site-local address (fec0::/10: deprecated, yet still
routed inside some networks, the private addresses of their day) was connected to: the guard
asked Python whether an address is private, reserved or not global, and Python 3.11 calls
fec0::/10 none of these. A hostile page's link to such a name reached inside our network, as a
10.x address would (Chromium's private-network rules list fec0::/10). Now refused before any
connection, with the rest of the guard's reasons.

The resolver answers in this process; every connection the guard would open is recorded and
refused, so nothing leaves 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket

import httpcore
import pytest
from test_fetch import fails

from monitor.config import FetchConfig
from monitor.fetch import Fetcher, guard

ANSWERS = {"intranet.example.cn": "fec0::1", "site.example.cn": "fec0:0:0:ffff::a", "edge.example.cn": "feff::1"}


@pytest.fixture
def tried(monkeypatch):
    real = socket.getaddrinfo
    attempts: list[str] = []

    def lookup(host, port, *args, **kw):  # no other name is asked of a real resolver
        if host in ANSWERS:
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (ANSWERS[host], port, 0, 0))]
        if host != "127.0.0.1":
            raise socket.gaierror(socket.EAI_NONAME, f"test: {host} is not one of the test's names")
        return real(host, port, *args, **kw)

    async def connect(host, port, timeout=None, local_address=None):
        attempts.append(host)
        raise httpcore.ConnectError(f"test: no connection to {host}")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(guard, "connect", connect)
    return attempts


@pytest.mark.parametrize("host", list(ANSWERS))
def test_a_name_resolving_to_a_site_local_address_is_refused_before_connecting(tried, host):
    with Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0)) as f:
        err = fails(f, f"http://{host}/news/1.html", "refused")
    assert tried == [] and str(ipaddress.ip_address(ANSWERS[host])) in str(err), (tried, str(err))


def test_the_address_itself_is_named_off_limits():
    assert guard.forbidden(ipaddress.ip_address("fec0::1")) is not None
    assert guard.forbidden(ipaddress.ip_address("2400:3200::1")) is None  # a public resolver's address
