"""Answers Chromium reads and the fetcher refused or lost (the second round).

- A chunked body whose size lines, or the line ending each chunk's data, end in a bare LF
  (`1f6\\n…\\n0\\n\\n`): an embedded server's hand-written chunking. Chromium takes a bare LF for
  a line's end; h11 refused the answer as "a malformed HTTP answer".
- A NUL byte in a header's value, or a bare CR inside a header line: Chromium drops the NUL and
  breaks the line at the CR (what follows it, no header, is skipped); h11 refused the answer.
- A head of more than 100 KB (a CMS's session cookies, one long policy header): Chromium reads
  heads up to 256 KB; httpcore gave up at 100 KB.
- A 3xx answer without a Location (or with an empty one), or one no browser follows (305, 399):
  Chromium shows its body, the page; the fetcher called it a failure ("HTTP 302"). A 300 with a
  Location is followed as Chromium follows it.
The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html, raw
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fetcher_for

from monitor.errors import FetchError
from monitor.pipeline import poll

PAGE = article_html("沪明两地共建产业园区", BODY).encode()
TYPE = b"Content-Type: text/html; charset=utf-8"
CLOSE = b"Connection: close"
SIZE = b"Content-Length: %d" % len(PAGE)


def _chunked(data: bytes, size_end: bytes, data_end: bytes, pieces: int = 3) -> bytes:
    step = -(-len(data) // pieces)
    parts = [data[i:i + step] for i in range(0, len(data), step)]
    return b"".join(b"%x" % len(p) + size_end + p + data_end for p in parts) + b"0" + size_end + size_end


@pytest.mark.parametrize(("size_end", "data_end"), [
    (b"\n", b"\n"),  # every line a bare LF
    (b"\r\n", b"\n"),  # the chunk's data ended by a bare LF
    (b"\n", b"\r\n"),  # the size lines ended by a bare LF
])
def test_a_chunked_body_with_bare_line_feeds_is_read(size_end, data_end):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, b"Transfer-Encoding: chunked", CLOSE],
                                     _chunked(PAGE, size_end, data_end))
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


def test_a_chunk_size_line_that_is_no_size_is_still_refused():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, b"Transfer-Encoding: chunked", CLOSE],
                                     b"zz\n" + PAGE + b"\n0\n\n")
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError) as err:
            f.get(site.url("/a.html"))
    assert err.value.kind == "malformed"


@pytest.mark.parametrize("line", [
    b"X-Powered-By: CMS\x00 5.2",  # a NUL in the value
    b"Server: IIS\x00",
    b"X-Note: one\rtwo",  # a bare CR: two lines, the second no header
    b"Content-Type: text/html; charset=utf-8\rX-Cache: HIT",
])
def test_a_header_with_a_nul_or_a_bare_cr_is_read_as_chromium_reads_it(line):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, line, SIZE, CLOSE], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE and "三明市有关负责人" in got.text


def test_a_head_of_200_kb_is_read():
    cookies = [b"Set-Cookie: s%d=%s; Path=/" % (n, b"v" * 4000) for n in range(50)]
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [TYPE, *cookies, SIZE, CLOSE], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE


@pytest.mark.parametrize(("status", "extra"), [
    (b"302 Found", []),
    (b"301 Moved Permanently", [b"Location: "]),
    (b"300 Multiple Choices", []),
    (b"305 Use Proxy", []),
    (b"399 Whatever", []),
])
def test_a_3xx_that_moves_nowhere_is_its_page(status, extra):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 " + status, [TYPE, *extra, SIZE, CLOSE], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.content == PAGE and got.url == site.url("/a.html")


def test_a_300_with_a_location_is_followed():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = raw(b"HTTP/1.1 300 Multiple Choices", [b"Location: /b.html", TYPE, SIZE, CLOSE], PAGE)
        site.page("/b.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert got.url == site.url("/b.html")


def test_an_article_behind_a_302_without_location_is_polled(make_ctx):  # noqa: F811
    with Site() as site:
        site.listing("/list.html", ["/art/1.html"])
        site.routes["/art/1.html"] = raw(b"HTTP/1.1 302 Found", [TYPE, SIZE, CLOSE], PAGE)
        ctx = make_ctx(source_toml("a", site.url("/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {site.url("/art/1.html")}, report
