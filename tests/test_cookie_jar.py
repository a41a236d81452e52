"""Cookies over a daemon's months: one fetcher (one cookie jar) serves every poll, so a site that
sets a new cookie in every answer must not make each request carry all of them (servers refuse a
Cookie header past 4-8 KB, and the source would fail until a restart). Real servers on 127.0.0.1."""

from __future__ import annotations

import itertools
from http.cookiejar import Cookie

import pytest
from hostile import Site, _send

from monitor.config import FetchConfig
from monitor.fetch import Fetcher
from monitor.fetch.cookies import COOKIE_BYTES, HOST_BYTES, HOST_COOKIES, TOTAL, BoundedJar

PAGE = "<html><body><p>沪明对口合作</p></body></html>".encode()


@pytest.fixture
def site():
    with Site() as s:
        yield s


def setting(site: Site, path: str, cookie) -> None:
    """`path` answers with the Set-Cookie header `cookie(n)` for the n-th request."""
    count = itertools.count()

    def serve(h) -> None:
        _send(h, 200, {"Content-Type": "text/html; charset=utf-8", "Set-Cookie": cookie(next(count))}, PAGE)

    site.routes[path] = serve


def sent_cookies(site: Site) -> list[str]:
    """The Cookie header of each page request the site got (robots.txt left out), in order."""
    return [h.headers.get("cookie", "") for h in site.hits if h.path != "/robots.txt"]


def fetcher(*sites: Site) -> Fetcher:
    return Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0, allow_private=tuple(s.netloc for s in sites)))


def test_a_new_cookie_in_every_answer_keeps_the_cookie_header_small(site):
    setting(site, "/a.html", lambda n: f"visit{n}={'v' * 40}; Path=/; Max-Age=86400")
    with fetcher(site) as f:
        for _ in range(120):
            f.get(site.url("/a.html"))
    headers = sent_cookies(site)
    assert max(len(h) for h in headers) <= HOST_BYTES
    last = headers[-1]
    assert "visit118=" in last and "visit0=" not in last  # the newest kept, the oldest let go
    assert last.count("=") <= HOST_COOKIES


def test_a_session_cookie_set_again_in_each_answer_survives_the_churn(site):
    setting(site, "/s.html", lambda n: f"visit{n}=1; Path=/" if n % 2 else f"SESSIONID=abc{n}; Path=/")
    with fetcher(site) as f:
        for _ in range(120):
            f.get(site.url("/s.html"))
    assert "SESSIONID=abc118" in sent_cookies(site)[-1]


def test_a_cookie_too_big_for_a_browser_is_not_kept_and_the_others_are(site):
    setting(site, "/big.html", lambda n: f"huge={'x' * (COOKIE_BYTES + 10)}; Path=/" if n == 0 else f"small{n}=1; Path=/")
    with fetcher(site) as f:
        for _ in range(3):
            f.get(site.url("/big.html"))
    headers = sent_cookies(site)
    assert "huge=" not in "".join(headers)
    assert headers[2] == "small1=1"


def test_one_site_churning_cookies_leaves_another_sites_cookie_alone():
    with Site() as churn, Site() as calm:
        setting(churn, "/c.html", lambda n: f"c{n}=1; Path=/")
        setting(calm, "/k.html", lambda n: "keep=yes; Path=/")
        with fetcher(churn, calm) as f:
            other = calm.url("/k.html").replace("127.0.0.1", "localhost")  # cookies know hosts, not ports
            f.get(other)
            for _ in range(120):
                f.get(churn.url("/c.html"))
            f.get(other)
        assert sent_cookies(calm)[-1] == "keep=yes"


def test_the_whole_jar_keeps_at_most_its_total_newest_first():
    jar = BoundedJar()
    for i in range(TOTAL + 100):
        jar.set_cookie(Cookie(0, "id", str(i), None, False, f"host{i}.example.cn", False, False, "/", True,
                              False, None, False, None, None, {}))
    kept = {c.domain for c in jar}
    assert len(kept) == TOTAL and "host0.example.cn" not in kept and f"host{TOTAL + 99}.example.cn" in kept
