"""Answers a browser shows and a strict HTTP/1.1 parser refuses: the status line and the body.

Old servers, embedded web servers and firewalls in front of county sites write a status line in
lower case (`http/1.1 200 OK`), send a stray blank line before it (left over from the previous
answer on a kept-alive connection), put two spaces after the version, or name a version that
is no HTTP/1.x (`HTTP/2 200` over a plain connection). Chromium reads all of them as HTTP/1.x;
h11 refused the answer as "a malformed HTTP answer", so the page, or the whole site when it was
robots.txt, was out of reach. So was an answer with `Transfer-Encoding: identity` or a
`Content-Length` that is no number (`abc`, `-1`), which Chromium ignores, or a chunked body
whose sizes are padded with blanks (`819b   `), which Chromium reads. Likewise a body shorter than its Content-Length, or a chunked or
gzip body cut off, when the server then closes the connection: a browser shows what came, the
fetcher threw it all away. An answer that is no HTTP at all is still refused (test_fetch), and
a connection reset or a timeout mid-body still fails the page."""

from __future__ import annotations

import gzip

import pytest
from hostile import BODY, Site, article_html, raw
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fetcher_for

from monitor.errors import FetchError
from monitor.pipeline import poll

PAGE = ("<html><head><title>沪明合作</title></head><body><p>三明与上海共建产业园区。</p>"
        + "".join(f"<p>第{i}项：两地将继续深化对口合作，推动{i * 7919 % 10007}家企业落地。</p>" for i in range(200))
        + "</body></html>").encode()
TYPE = b"Content-Type: text/html; charset=utf-8"
CLOSE = b"Connection: close"  # `raw` closes the connection: said, so no request races the close


@pytest.mark.parametrize("status_line", [
    b"http/1.1 200 OK",  # lower case
    b"Http/1.0 200 OK",
    b"\r\nHTTP/1.1 200 OK",  # a blank line before it
    b"\r\n\r\nHTTP/1.1 200 OK",
    b"\nHTTP/1.1 200 OK",
    b"HTTP/1.1  200  OK",  # two spaces
    b"HTTP/1.1\t200 OK",
    b" HTTP/1.1 200 OK",  # a space before it
    b"HTTP/2 200",  # no HTTP/1.x version at all
    b"HTTP/1 200 OK",
    b"HTTP/1.1 200 O\x01K",  # a control character in the reason
])
def test_a_status_line_a_browser_reads_is_read(status_line):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(status_line, [TYPE, b"Content-Length: %d" % len(PAGE), CLOSE], PAGE)
        site.routes["/gone.html"] = raw(status_line.replace(b"200", b"404").replace(b" OK", b" Not Found"),
                                        [TYPE, b"Content-Length: 0", CLOSE], b"")
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
            with pytest.raises(FetchError) as gone:
                f.get(site.url("/gone.html"))
    assert got.status == 200 and got.content == PAGE and "三明与上海" in got.text
    assert gone.value.status == 404


def test_a_lower_case_status_line_on_robots_txt_keeps_the_site_reachable_and_obeyed():
    robots = b"User-agent: *\nDisallow: /private/\n"
    with Site() as site:
        site.routes["/robots.txt"] = raw(b"http/1.1 200 OK", [b"Content-Type: text/plain",
                                                              b"Content-Length: %d" % len(robots), CLOSE], robots)
        site.routes["/a.html"] = raw(b"http/1.1 200 OK", [TYPE, b"Content-Length: %d" % len(PAGE), CLOSE], PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.html")).content == PAGE
            with pytest.raises(FetchError) as private:
                f.get(site.url("/private/b.html"))
    assert private.value.kind == "robots"


@pytest.mark.parametrize("framing", [
    [b"Transfer-Encoding: identity", b"Content-Length: %d" % len(PAGE)],
    [b"Transfer-Encoding: identity", b"Connection: close"],
    [b"Content-Length: abc", b"Connection: close"],
    [b"Content-Length: -1", b"Connection: close"],
    [b"Content-Length: ", b"Connection: close"],
])
def test_framing_headers_chromium_ignores_are_ignored(framing):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, *framing], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


@pytest.mark.parametrize("size", [b"%x   ", b"%x ;name=value", b"%x\t"])
def test_a_chunk_size_padded_with_blanks_is_read(size):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        half = len(PAGE) // 2
        body = b"".join(size % len(p) + b"\r\n" + p + b"\r\n" for p in (PAGE[:half], PAGE[half:])) + b"0  \r\n\r\n"
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, b"Transfer-Encoding: chunked"], body)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


def _cut(headers: list[bytes], body: bytes) -> object:
    return raw(b"HTTP/1.1 200 OK", [TYPE, *headers, b"Connection: close"], body)


def test_a_body_shorter_than_its_length_is_what_came():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = _cut([b"Content-Length: %d" % (len(PAGE) + 5000)], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


def test_a_chunked_body_without_its_last_chunk_is_what_came():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = _cut([b"Transfer-Encoding: chunked"], b"%x\r\n" % len(PAGE) + PAGE + b"\r\n")
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


def test_a_gzip_body_cut_short_is_what_inflated():
    packed = gzip.compress(PAGE)
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = _cut([b"Content-Encoding: gzip", b"Content-Length: %d" % len(packed)], packed[:len(packed) * 3 // 4])
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert PAGE.startswith(got.content) and len(got.content) > len(PAGE) // 3 and "三明与上海" in got.text


def test_a_body_that_never_came_still_fails():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = _cut([b"Content-Length: 5000"], b"")
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError) as empty:
            f.get(site.url("/a.html"))
    assert empty.value.kind == "transport"


# A mislabelled page (`application/octet-stream`) whose first tag is one Chromium's sniffer takes
# for HTML: a script or style block before `<html>` (a tracking snippet, a CMS's injected CSS),
# or a fragment of a page (`<div>`, `<table>`, `<p>`) without any `<html>` at all.
@pytest.mark.parametrize("opening", ['<script type="text/javascript">var hit = 1;</script>\n',
                                     "<style>body{margin:0}</style>", "<div class='wrap'>", "<table width=100%>",
                                     "<p>", "<font size=2>"])
def test_a_mislabelled_page_opening_with_a_tag_a_browser_sniffs_is_read(make_ctx, opening):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/1.shtml"])
        a.page("/1.shtml", (opening + article_html("沪明合作新闻", BODY)).encode(), content_type="application/octet-stream")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/1.shtml")}, report
