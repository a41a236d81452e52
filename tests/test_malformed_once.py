"""An answer that is no HTTP a browser reads is asked for once, not three times.

An HTTP/0.9 reply (the page with no status line), two Content-Length headers that disagree, a
head of more than the 256 KB Chromium reads, a chunk size that is no number: each was a
"transport" failure and asked for again after a backoff, twice, though the same server sends the
same bytes each time. It is one ask now (kind "malformed") and one line naming the page; the next
poll asks again. A connection the server closes before its answer is still asked again: another
try may get it whole. Real sockets on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html, raw
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.pipeline import poll

PAGE = article_html("沪明两地共建产业园区", BODY).encode()
TYPE = b"Content-Type: text/html; charset=utf-8"


def _bare(h) -> None:  # HTTP/0.9: the page and the close, no status line or head
    h.wfile.write(PAGE)
    h.close_connection = True


def _closed(h) -> None:  # the connection closed before any answer
    h.close_connection = True


ANSWERS = {
    "http/0.9": _bare,
    "two-lengths": raw(b"HTTP/1.1 200 OK", [TYPE, b"Content-Length: 10", b"Content-Length: %d" % len(PAGE)], PAGE),
    "a-300-kb-head": raw(b"HTTP/1.1 200 OK", [TYPE, *(b"X-Pad-%d: %s" % (n, b"v" * 6000) for n in range(50))], PAGE),
    "no-chunk-size": raw(b"HTTP/1.1 200 OK", [TYPE, b"Transfer-Encoding: chunked"], b"zz\r\n" + PAGE + b"\r\n0\r\n\r\n"),
}


@pytest.mark.parametrize("name", list(ANSWERS))
def test_an_answer_that_is_no_http_is_asked_for_once(name):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/a.html"] = ANSWERS[name]
        with fetcher_for(site, retries=2) as f:
            err = fails(f, site.url("/a.html"), "malformed")
        asked = site.paths().count("/a.html")
    assert asked == 1, (name, asked)
    assert str(err).startswith(f"GET {site.url('/a.html')}: a malformed HTTP answer"), str(err)
    assert "Error" not in str(err) and "Receive buffer" not in str(err), str(err)


def test_a_connection_closed_before_the_answer_is_still_asked_again():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.sequence("/a.html", _closed, raw(b"HTTP/1.1 200 OK", [TYPE, b"Content-Length: %d" % len(PAGE)], PAGE))
        with fetcher_for(site, retries=2) as f:
            got = f.get(site.url("/a.html"))
        asked = site.paths().count("/a.html")
    assert got.content == PAGE and asked == 2


def test_a_listing_sent_as_http_0_9_fails_its_poll_at_once_naming_it(make_ctx):  # noqa: F811
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.routes["/list.html"] = _bare
        ctx = make_ctx(source_toml("a", site.url("/list.html")))  # fetch.retries = 1
        report = poll(ctx)[0]
        asked = site.paths().count("/list.html")
    assert asked == 1 and report.status == "error", (asked, report)
    assert len(report.errors) == 1 and site.url("/list.html") in report.errors[0], report.errors
    assert "malformed HTTP answer" in report.errors[0] and "\n" not in report.errors[0], report.errors
