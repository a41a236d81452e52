"""A cookie set for a whole public suffix: a site under `sh.cn` (a province's second-level name,
where any company registers) answering `Set-Cookie: sid=…; Domain=.sh.cn` had the fetcher's one
jar (the daemon's, for its life) send that cookie to every other site under `.sh.cn` it polls, and
the same for `com.cn`, `gov.cn`, `com.hk`, `org.tw` and their kind: one hostile site sets a session
or tracking id that every other outlet under the suffix then sees (a fixation, or a cookie that
makes them answer 400/431 or a block page). A browser checks the Public Suffix List; the jar
refuses a Domain that is a registry's own suffix (the Chinese, Hong Kong, Macau and Taiwan
second-level names and the `co.uk` kind), and still keeps a Domain of the site's own name.

Real servers on 127.0.0.1; the host names below resolve to 127.0.0.1 in this process only."""

from __future__ import annotations

import socket

import pytest
from hostile import Site, _send

from monitor.config import FetchConfig
from monitor.fetch import Fetcher

PAGE = "<html><body><p>沪明对口合作</p></body></html>".encode()
NAMES = ("evil.sh.cn", "good.sh.cn", "evil.example.com.cn", "good.other.com.cn", "www.evil.com.cn",
         "news.good.com.cn", "a.gov.cn", "b.gov.cn", "x.com.hk", "y.com.hk", "p.org.tw", "q.org.tw",
         "a.site.co.uk", "b.site.co.uk")


@pytest.fixture
def names(monkeypatch):
    real = socket.getaddrinfo

    def lookup(host, *args, **kw):  # no other name is asked of a real resolver
        if host not in NAMES and host != "127.0.0.1":
            raise socket.gaierror(socket.EAI_NONAME, f"test: {host} is not one of the test's names")
        return real("127.0.0.1", *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


@pytest.fixture
def site():
    with Site() as s:
        yield s


def setting(site: Site, cookie: str) -> None:
    site.routes["/set.html"] = lambda h: _send(h, 200, {"Content-Type": "text/html; charset=utf-8",
                                                        "Set-Cookie": cookie}, PAGE)
    site.page("/read.html", PAGE)


def sent(site: Site, host: str) -> list[str]:
    return [h.headers.get("cookie", "") for h in site.hits if h.path == "/read.html" and host in h.headers.get("host", "")]


def visit(site: Site, setter: str, reader: str) -> None:
    port = site.port
    with Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0,
                             allow_private=tuple(f"{n}:{port}" for n in NAMES))) as f:
        f.get(f"http://{setter}:{port}/set.html")
        f.get(f"http://{reader}:{port}/read.html")
        f.get(f"http://{setter}:{port}/read.html")


@pytest.mark.parametrize(("setter", "suffix", "reader"), [
    ("evil.sh.cn", ".sh.cn", "good.sh.cn"),
    ("evil.example.com.cn", ".com.cn", "good.other.com.cn"),
    ("a.gov.cn", "gov.cn", "b.gov.cn"),
    ("x.com.hk", ".com.hk", "y.com.hk"),
    ("p.org.tw", ".org.tw", "q.org.tw"),
])
def test_a_cookie_for_a_public_suffix_is_sent_to_no_other_site(names, site, setter, suffix, reader):
    setting(site, f"sid=planted; Path=/; Domain={suffix}")
    visit(site, setter, reader)
    assert sent(site, reader) == [""]
    assert sent(site, setter) == [""]  # refused, as a browser refuses it: not kept for the setter either


@pytest.mark.parametrize(("setter", "domain", "reader"), [
    ("www.evil.com.cn", ".evil.com.cn", "www.evil.com.cn"),
    ("news.good.com.cn", "good.com.cn", "news.good.com.cn"),
    ("a.site.co.uk", ".site.co.uk", "b.site.co.uk"),
])
def test_a_cookie_for_the_sites_own_name_is_still_kept(names, site, setter, domain, reader):
    setting(site, f"sid=mine; Path=/; Domain={domain}")
    visit(site, setter, reader)
    assert sent(site, reader)[0] == "sid=mine"
