"""A body its Content-Encoding misnames, as misconfigured servers and proxies send them: a plain
page (or a JSON answer) labelled gzip or deflate, gzip labelled deflate, a zlib stream or a raw
deflate stream labelled gzip. Each was "corrupt gzip body": retried within the fetch, then the
article lost at every poll (a list page: the whole source). Each is read now: a gzip or a zlib header,
whichever came, under either label; raw deflate; a body that opens as plain markup or JSON and
inflates no way, as it came. A body that is compressed and broken (a gzip failing its checksum:
its text may be garbled), or binary, is still a one-line error."""

from __future__ import annotations

import gzip
import zlib

import pytest
from hostile import Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.pipeline import poll

PAGE = article_html("沪明合作新闻", "上海市与三明市召开沪明对口合作联席会议，双方达成多项共识。").encode()
JSON = '{"list": [{"title": "沪明合作新闻", "url": "/a.html"}]}'.encode()


def _raw(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _wrong_checksum(data: bytes) -> bytes:
    packed = bytearray(gzip.compress(data))
    packed[-8] ^= 0x5A
    return bytes(packed)


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.mark.parametrize(("body", "label", "expected"), [
    (PAGE, "gzip", PAGE),
    (PAGE, "deflate", PAGE),
    (JSON, "gzip", JSON),
    (b"\xef\xbb\xbf" + PAGE, "x-gzip", b"\xef\xbb\xbf" + PAGE),
    (gzip.compress(PAGE), "deflate", PAGE),
    (zlib.compress(PAGE), "gzip", PAGE),
    (_raw(PAGE), "gzip", PAGE),
], ids=["plain-as-gzip", "plain-as-deflate", "json-as-gzip", "bom-plain-as-x-gzip", "gzip-as-deflate",
        "zlib-as-gzip", "raw-deflate-as-gzip"])
def test_a_body_its_content_encoding_misnames_is_read(site, body, label, expected):
    site.page("/a.html", body, headers={"Content-Encoding": label})
    with fetcher_for(site) as f:
        assert f.get(site.url("/a.html")).content == expected
    assert site.paths().count("/a.html") == 1  # read at once, not retried


def test_a_polled_plain_article_labelled_gzip_is_stored_and_matched(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/plain.html", "/ok.html"])
        a.page("/plain.html", article_html("沪明合作新闻一", "上海市与三明市召开沪明对口合作联席会议。"),
               headers={"Content-Encoding": "gzip"})
        a.article("/ok.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 2 and report.matched == 2 and not report.errors, report


def test_a_list_page_labelled_deflate_but_sent_gzip_is_read(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", gzip.compress(b'<html><body><ul class="news"><li><a href="/n.html">n</a></li></ul></body></html>'),
               headers={"Content-Encoding": "deflate"})
        a.article("/n.html", "沪明合作新闻")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.status == "ok" and report.new == 1, report


def _broken_in_the_middle() -> bytes:
    packed = bytearray(gzip.compress(PAGE * 20))
    packed[len(packed) // 2] ^= 0xFF
    return bytes(packed)


@pytest.mark.parametrize("body", [_broken_in_the_middle(), _wrong_checksum(PAGE),
                                  b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4],
                         ids=["gzip-broken-in-the-middle", "gzip-failing-its-checksum", "a-picture"])
def test_a_body_that_is_compressed_and_broken_or_binary_is_still_an_error(site, body):
    site.page("/a.html", body, headers={"Content-Encoding": "gzip"})
    with fetcher_for(site, retries=0) as f:
        err = fails(f, site.url("/a.html"), "transport")
    assert "corrupt gzip body" in str(err)
