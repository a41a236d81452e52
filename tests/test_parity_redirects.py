"""Redirects whose Location a browser follows and a strict URL reader bends or refuses.

A moved article is often sent on by an old IIS or a county CMS with its Location written as
the file name's own bytes: raw GBK (`/新闻/沪明.html` in two bytes a character), or raw UTF-8
next to another header in GBK (a CMS naming itself), or a Windows path with
backslashes, or a tab inside. A browser strips tabs and line breaks, reads a
backslash before the query as a slash, and percent-encodes the bytes as they came, which is
what the server that wrote them understands; the fetcher read the header as Latin-1 text and
asked for the mojibake's UTF-8 (a 404), or refused the target as malformed."""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
from hostile import Site, _send, raw
from test_fetch import fetcher_for

from monitor.errors import FetchError

PAGE = "<html><head><meta charset=utf-8><title>沪明合作</title></head><body><p>三明与上海共建产业园区。</p></body></html>"


def _moved(location: bytes, *extra: bytes) -> object:
    return raw(b"HTTP/1.1 302 Found", [b"Location: " + location, *extra, b"Content-Length: 0", b"Connection: close"], b"")


def _escaped(text: str, codec: str) -> str:
    return quote_from_bytes(text.encode(codec), safe="/?=&")


@pytest.mark.parametrize(("location", "extra", "lands"), [
    ("/新闻/沪明.html".encode("gbk"), [], _escaped("/新闻/沪明.html", "gbk")),
    ("/show.asp?lm=沪明".encode("gbk"), [], "/show.asp?lm=" + _escaped("沪明", "gbk")),
    ("/新闻/café.html".encode(), [], _escaped("/新闻/café.html", "utf-8")),
    ("/新闻/沪明.html".encode(), ["X-Powered-By: 三明网".encode("gbk")], _escaped("/新闻/沪明.html", "utf-8")),
    (b"/news\\2026\\a.html", [], "/news/2026/a.html"),
    (b"/news/\tb.html", [], "/news/b.html"),
    (b"http:\\\\127.0.0.1:{port}\\news\\c.html", [], "/news/c.html"),
])
def test_a_location_a_browser_follows_is_followed_there(location, extra, lands):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/old.html"] = _moved(location.replace(b"{port}", b"%d" % site.port), *extra)
        site.page(lands.split("?")[0], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/old.html"))
    assert got.url == site.url(lands) and "三明与上海" in got.text
    assert site.paths()[-1] == lands


# A stub that moves the reader from its body's onload (`<body onload="location.href='…'">`), as
# an old county CMS's "page moved" template does; a browser runs it at once.
@pytest.mark.parametrize("onload", ["window.location.href='/new/7.html'", 'location.replace("/new/7.html")'])
def test_a_stub_moving_on_from_its_onload_is_followed(onload):
    quote = '"' if "'" in onload else "'"
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", f"<html><head><meta charset=utf-8><title>跳转</title></head><body onload={quote}{onload}"
                              f"{quote}><p>页面已迁移。</p></body></html>")
        site.page("/new/7.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/7.shtml")).url == site.url("/new/7.html")


# A cookie check: the first answer sets a cookie and redirects to the same address; asked again
# with the cookie, the page comes. A browser follows it; the fetcher called it a loop at once.
def _checks_cookie(site: Site, path: str, cookie: str) -> None:
    def serve(h) -> None:
        if cookie in (h.headers.get("Cookie") or ""):
            _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
        else:
            _send(h, 302, {"Location": h.path, "Set-Cookie": f"{cookie}; Path=/"}, b"")
    site.routes[path] = serve


def test_a_redirect_to_itself_that_sets_a_cookie_is_followed():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        _checks_cookie(site, "/a.html", "checked=1")
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.url == site.url("/a.html") and "三明与上海" in got.text
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]


def test_a_loop_setting_a_cookie_each_time_still_ends():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        count = iter(range(100))
        site.routes["/a.html"] = lambda h: _send(h, 302, {"Location": "/a.html", "Set-Cookie": f"n={next(count)}"}, b"")
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError) as err:
            f.get(site.url("/a.html"))
    assert err.value.kind == "redirect" and len(site.paths()) <= 7
