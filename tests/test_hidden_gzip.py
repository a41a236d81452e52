"""A page still gzip once its Content-Encoding is undone: compressed by the application and again
by its web server, which says `Content-Encoding: gzip` once (PHP's ob_gzhandler under nginx's
gzip), or sent compressed with no Content-Encoding at all. The fetcher handed the gzip bytes on,
and the poll gave the article up for good as "not a web page (application/gzip)". Such a body is
unpacked while what comes out fits in fetch.max_bytes (up to five compressions in all); a body
its Content-Type calls a gzip file (a sitemap.xml.gz) is left as it came, as is one that does not
unpack or would pass the cap (a bomb under the second layer costs no more than the cap)."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest
from cpuguard import LINEAR, growth
from hostile import Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fetcher_for

from monitor.fetch.body import unwrapped
from monitor.pipeline import poll

PAGE = article_html("沪明合作新闻", "上海市与三明市召开沪明对口合作联席会议，双方达成多项共识。").encode()
GZ = {"Content-Encoding": "gzip"}


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.mark.parametrize(("body", "headers"), [
    (gzip.compress(gzip.compress(PAGE)), GZ),
    (gzip.compress(PAGE), {}),
    (zlib.compress(gzip.compress(PAGE)), {"Content-Encoding": "deflate"}),
    (gzip.compress(gzip.compress(gzip.compress(PAGE))), {}),
], ids=["gzip-inside-gzip", "gzip-without-its-header", "gzip-inside-deflate", "gzip-thrice-no-header"])
def test_a_page_still_gzip_after_its_content_encoding_is_read(site, body, headers):
    site.page("/a.html", body, headers=headers)
    with fetcher_for(site) as f:
        page = f.get(site.url("/a.html"))
    assert page.content == PAGE and "沪明对口合作联席会议" in page.text


def test_a_polled_article_compressed_twice_is_stored_and_matched(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/twice.html", "/plain.html"])
        twice = gzip.compress(gzip.compress(article_html("沪明合作新闻一", "上海市与三明市召开沪明对口合作联席会议。").encode()))
        a.page("/twice.html", twice, headers=GZ)
        a.article("/plain.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert report.new == 2 and report.matched == 2 and report.skipped == 0, report
    assert titles == {"沪明合作新闻一", "沪明合作新闻二"}, titles


@pytest.mark.parametrize("kind", ["application/x-gzip", "application/gzip", "application/octet-stream"])
def test_a_body_called_a_gzip_file_is_left_as_it_came(site, kind):
    packed = gzip.compress(b'<?xml version="1.0"?><urlset><url><loc>http://x.example/1</loc></url></urlset>')
    site.page("/sitemap.xml.gz", packed, content_type=kind)
    with fetcher_for(site) as f:
        assert f.get(site.url("/sitemap.xml.gz")).content == packed


def test_a_bomb_under_the_second_layer_is_not_unpacked_past_the_cap(site):
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    inner = b"".join([bomb.compress(b"<html><body><p>"), *(bomb.compress(b"\0" * 1_000_000) for _ in range(200)),
                      bomb.flush()])  # 200 MB unpacked, ~200 KB packed
    site.page("/bomb.html", gzip.compress(inner), headers=GZ)
    with fetcher_for(site, max_bytes=1_000_000) as f:
        tracemalloc.start()
        try:
            page = f.get(site.url("/bomb.html"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert page.content == inner  # one layer undone, as the header said; the second would pass the cap
    assert peak < 8_000_000, peak


def test_gzip_bytes_that_do_not_unpack_are_left_as_they_came(site):
    broken = b"\x1f\x8b\x08\x00" + b"not really compressed at all, a page that merely starts so" * 10
    site.page("/odd.html", broken)
    with fetcher_for(site) as f:
        assert f.get(site.url("/odd.html")).content == broken


@pytest.mark.parametrize("headers", [{}, GZ], ids=["unlabelled", "labelled"])
def test_a_body_of_empty_gzip_members_is_read_in_one_pass(site, headers):
    """8 MB of empty members (20 bytes each): zlib copies the input after each member's end, so a
    body handed over whole copied the rest of it 400,000 times (a minute of CPU for the unlabelled
    one, unpacked whole once the page has come): it is handed over a window at a time (the time
    it takes: the next test)."""
    empty = gzip.compress(b"", 1) * 100_000
    site.page("/empty.html", empty, headers=headers)
    with fetcher_for(site, timeout=60.0) as f:
        page = f.get(site.url("/empty.html"))
    assert page.content == (empty if not headers else b"")  # nothing inside: left as it came


def test_empty_gzip_members_are_unpacked_in_a_time_linear_in_them():
    """The CPU for 4x the members against a quarter of them (tests/cpuguard.py), not a timeout."""
    grew = growth(lambda n: unwrapped(gzip.compress(b"", 1) * n, 8_000_000, "text/html", 0), 60_000)
    assert grew < LINEAR, f"{grew:.1f}x the CPU for 4x the members"  # ~16x: the rest copied at each member
