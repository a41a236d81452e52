"""Bodies a server sends in a form we did not ask for, or in pieces too small to judge.

A page in `br` or `zstd` (we ask for gzip and deflate only and have no decoder for either) was a
"transport" failure: asked three times within the fetch, the same answer each time. It is one
ask now and one line naming the compression. A robots.txt sent so was "unreadable": every page
of the site deferred at every poll though the pages themselves came readable; it is read as a
file of no rules now. A page labelled gzip that is plain text was read only when its first piece
held six bytes: a server sending `<ht` and then the rest had "corrupt gzip body", and a body of
two bytes (`[]`) came out as one garbled byte. Real sockets on 127.0.0.1; invented text."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler

import pytest
from hostile import Site, article_html, raw
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.pipeline import poll

PAGE = article_html("沪明合作新闻", "上海市与三明市召开沪明对口合作联席会议，双方达成多项共识。").encode()
BROTLI = b"\x1b\x00\x00\x00"  # the first bytes of a brotli stream: no decoder here reads them
ZSTD = b"\x28\xb5\x2f\xfd\x00\x00\x00"


def packed(coding: bytes, body: bytes, content_type: bytes = b"text/html; charset=utf-8"):
    return raw(b"HTTP/1.1 200 OK", [b"Content-Type: " + content_type, b"Content-Encoding: " + coding,
                                    b"Content-Length: %d" % len(body)], body)


def halting(first: int, body: bytes, gap: threading.Event):
    """A plain body labelled gzip: its first `first` bytes, a pause, then the rest."""

    def serve(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(body) + body[:first])
        h.wfile.flush()
        gap.wait(0.3)  # never set: a pause, so the first bytes arrive alone
        h.wfile.write(body[first:])
        h.wfile.flush()

    return serve


@pytest.mark.parametrize(("coding", "body"), [(b"br", BROTLI), (b"zstd", ZSTD), (b"gzip, br", BROTLI)],
                         ids=["br", "zstd", "gzip-then-br"])
def test_a_page_in_a_compression_never_asked_for_is_asked_once_and_named(coding, body):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = packed(coding, body)
        with fetcher_for(site, retries=2) as f:
            err = fails(f, site.url("/a.html"), "encoding")
        assert site.paths().count("/a.html") == 1, site.paths()
    assert f"unsupported Content-Encoding {coding.decode()!r}" in err.message, err.message


@pytest.mark.parametrize("coding", [b"br", b"zstd"])
def test_a_robots_txt_in_a_compression_never_asked_for_does_not_shut_the_site(coding):
    with Site() as site:
        site.routes["/robots.txt"] = packed(coding, BROTLI if coding == b"br" else ZSTD, b"text/plain")
        site.page("/a.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.html")).content == PAGE
        assert site.paths() == ["/robots.txt", "/a.html"]


def test_a_poll_reads_the_rest_of_a_site_sending_brotli(make_ctx):  # noqa: F811
    with Site() as a:
        a.routes["/robots.txt"] = packed(b"br", BROTLI, b"text/plain")
        a.listing("/list.html", ["/br.html", "/zstd.html", "/ok.html"])
        a.routes["/br.html"] = packed(b"br", BROTLI)
        a.routes["/zstd.html"] = packed(b"zstd", ZSTD)
        a.article("/ok.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == 1 and report.matched == 1, report
    assert sorted(e.split(": ", 1)[1] for e in report.errors) == [
        "unsupported Content-Encoding 'br' (the server ignored our Accept-Encoding)",
        "unsupported Content-Encoding 'zstd' (the server ignored our Accept-Encoding)"], report.errors
    assert asked.count("/br.html") == 1 and asked.count("/zstd.html") == 1, asked


@pytest.mark.parametrize("first", [1, 3, 5])
@pytest.mark.parametrize("lead", [b"", b"\n\n", b"\xef\xbb\xbf"], ids=["bare", "blank-lines", "bom"])
def test_a_plain_page_labelled_gzip_whose_first_bytes_come_alone_is_read(first, lead):
    body, gap = lead + PAGE, threading.Event()
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = halting(first + len(lead), body, gap)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.html")).content == body


@pytest.mark.parametrize("body", [b"[]", b"{}", b"<p>", b"  "], ids=["list", "object", "tag", "blanks"])
def test_a_plain_body_of_a_few_bytes_labelled_gzip_is_what_was_sent(body):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.json"] = packed(b"gzip", body, b"application/json")
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/a.json")).content == body
