"""A page sent whole, then the connection held open: an HTTP/1.0 answer without Content-Length
(its body ends when the server closes, and it does not), a chunked one whose last chunk never
comes, a Content-Length larger than what is sent (counted before a filter shortened the page).
A browser shows the page, its spinner turning; the fetcher waited for the end, and at the end of
the request's whole budget the page was "no complete answer", the article lost at every poll
(and the host's slot held for the budget). Now a page whose bytes have reached `</html>` is
read once nothing more comes for `ENDED_GRACE` seconds; what comes sooner is kept, and a page
that has not reached its end is still no complete answer. Raw answers on 127.0.0.1."""

from __future__ import annotations

import gzip
import threading
import time

import pytest
from hostile import Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.fetch import body as fetch_body
from monitor.pipeline import poll

ENDED_GRACE = fetch_body.ENDED_GRACE
PAGE = article_html("沪明合作新闻", "上海市与三明市召开沪明对口合作联席会议。").encode()
HTML = b"Content-Type: text/html; charset=utf-8\r\n"


@pytest.fixture
def held():
    """Set when the test ends: until then each handler below holds its connection open."""
    released = threading.Event()
    yield released
    released.set()


def holding(released: threading.Event, head: bytes, *parts: bytes, gap: float = 0.0):
    def serve(h) -> None:
        h.wfile.write(head + b"\r\n")
        for i, part in enumerate(parts):
            if i and gap:
                time.sleep(gap)  # the server's own pace
            h.wfile.write(part)
            h.wfile.flush()
        released.wait(60)
        h.close_connection = True
    return serve


def _chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100]) for i in range(0, len(body), 100))


ANSWERS = {
    "http10-no-length": (b"HTTP/1.0 200 OK\r\n" + HTML, PAGE),
    "http10-keep-alive": (b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n" + HTML, PAGE),
    "http11-connection-close": (b"HTTP/1.1 200 OK\r\nConnection: close\r\n" + HTML, PAGE),
    "chunked-no-last-chunk": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n" + HTML, _chunked(PAGE)),
    "length-too-large": (b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n" % (len(PAGE) + 300) + HTML, PAGE),
    "gzip-no-length": (b"HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n" + HTML, gzip.compress(PAGE)),
    "upper-case-end-tag": (b"HTTP/1.0 200 OK\r\n" + HTML, PAGE.replace(b"</html>", b"</HTML>\r\n\r\n")),
}


@pytest.mark.parametrize("kind", list(ANSWERS))
def test_a_whole_page_on_a_connection_held_open_is_read(held, kind):
    head, body = ANSWERS[kind]
    with Site() as site:
        site.routes["/a.html"] = holding(held, head, body)
        with fetcher_for(site, retries=0, timeout=15.0) as f:
            started = time.monotonic()
            page = f.get(site.url("/a.html"))
            assert time.monotonic() - started < 10  # the budget (15 s) not waited out
    assert "沪明对口合作联席会议" in page.text and page.content.rstrip().lower().endswith(b"</html>")


def test_what_comes_soon_after_the_end_is_kept(held):
    with Site() as site:
        site.routes["/a.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, PAGE, b"<!-- cached 0.01s -->",
                                         gap=ENDED_GRACE / 4)
        with fetcher_for(site, retries=0, timeout=15.0) as f:
            page = f.get(site.url("/a.html"))
    assert page.content == PAGE + b"<!-- cached 0.01s -->"


def test_a_page_cut_before_its_end_and_held_is_still_no_complete_answer(held):
    with Site() as site:
        site.routes["/a.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, PAGE[: len(PAGE) // 2])
        with fetcher_for(site, retries=0, timeout=2.0) as f:
            fails(f, site.url("/a.html"), "timeout")


def test_a_polled_site_holding_its_connections_open_has_its_articles_stored(held, make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/1.html", "/2.html"])
        for n in (1, 2):
            page = article_html(f"沪明合作新闻{n}", "上海市与三明市召开沪明对口合作联席会议。").encode()
            a.routes[f"/{n}.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, page)
        ctx = make_ctx(source_toml("a", a.url("/list.html")), fetch="[fetch]\nmin_delay = 0\nretries = 0\ntimeout = 15\n")
        report = poll(ctx)[0]
    assert report.new == 2 and report.matched == 2 and not report.errors, report
