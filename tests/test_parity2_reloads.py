"""A cookie check by reloading: the first answer sets a cookie and reloads the page itself (a
meta refresh or `Refresh` header without an address, or to the page's own address, or a stub
whose script calls `location.reload()`); asked again with the cookie, the page comes. A browser
reloads and shows the page; the fetcher called the page a bot check ("refreshes to itself") or
stored the empty stub. A page reloading itself without setting a cookie is still a challenge,
and one setting a new cookie at every reload still ends.
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, _send, article_html
from test_fetch import fetcher_for

from monitor.errors import FetchError

PAGE = article_html("沪明两地共建产业园区", BODY).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _checks(stub: bytes, headers: dict[str, str] | None = None):
    def serve(h) -> None:
        if "seen=1" in (h.headers.get("Cookie") or ""):
            _send(h, 200, HTML, PAGE)
        else:
            _send(h, 200, {**HTML, "Set-Cookie": "seen=1; Path=/", **(headers or {})}, stub)
    return serve


@pytest.mark.parametrize(("stub", "headers"), [
    (b'<html><head><meta http-equiv="refresh" content="0"></head><body></body></html>', None),
    (b'<html><head><meta http-equiv="refresh" content="1;url=/a.html"></head><body></body></html>', None),
    (b"", {"Refresh": "0"}),
    (b"<html><head><script>location.reload();</script></head><body></body></html>", None),
    (b"<html><body><script>window.location.reload(true)</script><p>\xe8\xaf\xb7\xe7\xa8\x8d\xe5\x80\x99</p></body></html>", None),
])
def test_a_reload_after_a_cookie_is_set_is_followed(stub, headers):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = _checks(stub, headers)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.url == site.url("/a.html") and "三明市有关负责人" in got.text
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]


def test_a_reload_without_a_cookie_is_still_a_challenge():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/a.html", b'<html><head><meta http-equiv="refresh" content="0"></head><body></body></html>')
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError) as err:
            f.get(site.url("/a.html"))
    assert err.value.kind == "blocked" and site.paths() == ["/robots.txt", "/a.html"]


def test_a_reload_setting_a_cookie_each_time_ends():
    count = iter(range(100))
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = lambda h: _send(h, 200, {**HTML, "Set-Cookie": f"n={next(count)}"},
                                                 b"<html><script>location.reload()</script></html>")
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError):
            f.get(site.url("/a.html"))
    assert len(site.paths()) <= 7
