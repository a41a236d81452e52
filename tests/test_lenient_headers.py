"""Answers with header lines a strict HTTP parser refuses and every browser reads past.

Web application firewalls in front of many Chinese sites add lines that are not headers
(`get-ban-to-cache-result/forum.php: userdata not support`), old servers write
`Content-Type : text/html` or `transfer-encoding: chunked, chunked`, a stray line without a
colon. h11 (under httpx) refused the whole answer, robots.txt's included, so the site was
unreachable for good while a browser showed every page. Now such lines are mended or left
out as a browser leaves them, and the answer is read; an answer that is not HTTP at all is
still "a malformed HTTP answer" (test_fetch). So is a `Content-Encoding` naming no compression
(`utf-8`): passed through, as browsers pass an encoding they do not know."""

from __future__ import annotations

import pytest
from hostile import Site, raw
from test_fetch import fetcher_for

PAGE = "<html><head><title>沪明合作</title></head><body><p>三明与上海共建产业园区。</p></body></html>".encode()


def _chunked(body: bytes) -> bytes:
    return b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"


CASES = {
    "a firewall's line with a slash in its name": [b"Content-Type: text/html; charset=utf-8",
                                                   b"get-ban-to-cache-result/forum.php: userdata not support"],
    "a space before the colon": [b"Content-Type : text/html; charset=utf-8"],
    "a space inside the name": [b"Content-Type: text/html; charset=utf-8", b"X Powered By: ASP.NET"],
    "a line without a colon": [b"Content-Type: text/html; charset=utf-8", b"WAF-OK"],
    "a folded line after a bad one": [b"Content-Type: text/html; charset=utf-8", b"bad line here", b" continued"],
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_page_behind_a_header_line_browsers_skip_is_read(name):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [*CASES[name], b"Content-Length: %d" % len(PAGE)], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.status == 200 and "三明与上海" in got.text and got.headers["content-type"].startswith("text/html")


def test_transfer_encoding_said_twice_is_read_as_chunked():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Transfer-Encoding: chunked, chunked"], _chunked(PAGE))
        site.routes["/b.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Transfer-Encoding: chunked", b"Transfer-Encoding: chunked"],
                                     _chunked(PAGE))
        with fetcher_for(site, retries=0) as f:
            got = [f.get(site.url(p)) for p in ("/a.html", "/b.html")]
    assert [g.content for g in got] == [PAGE, PAGE]


def test_robots_txt_behind_such_a_line_is_read_and_obeyed():
    with Site() as site:
        robots = b"User-agent: *\nDisallow: /private/\n"
        site.routes["/robots.txt"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type : text/plain", b"WAF-OK",
                                                              b"Content-Length: %d" % len(robots)], robots)
        site.page("/a.html", PAGE)
        site.page("/private/b.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.html")).status == 200
            with pytest.raises(Exception, match="robots"):
                f.get(site.url("/private/b.html"))


@pytest.mark.parametrize("coding", ["utf-8", "none", "GB2312", "text"])
def test_a_content_encoding_that_names_no_compression_is_read_past_as_browsers_do(coding):
    """A PHP site that sends `header('Content-Encoding: utf-8')` (a charset where a compression
    belongs): browsers pass an encoding they do not know through; the page was refused."""
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Content-Encoding: " + coding.encode(),
                                                          b"Content-Length: %d" % len(PAGE)], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


def test_a_body_compressed_twice_is_inflated_twice_and_an_unasked_compression_still_refused():
    import gzip

    from monitor.errors import FetchError

    twice = gzip.compress(gzip.compress(PAGE))
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Content-Encoding: gzip, gzip",
                                                          b"Content-Length: %d" % len(twice)], twice)
        site.routes["/b.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Content-Encoding: br", b"Content-Length: 4"], b"\x1b\x00\x00\x00")
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.html")).content == PAGE
            with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
                f.get(site.url("/b.html"))
