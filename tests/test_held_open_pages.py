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


# A page whose `</html>` is followed by a little more before the stall (a cache's comment, a stats
# script a site appends after the end, the end tag spelt `</HTML >` or left out), and a server that keeps a
# byte coming now and then after the end: each was "no complete answer" at the end of the budget
# (the tail's last bytes had to be `</html>`; each late byte waited for the next), asked again and
# lost at every poll. The grace is made short here: what is asserted does not depend on it.
TAILS = {
    "cache-comment": PAGE + b"\n<!-- page cached at 2026-12-07 08:00:01 by the front server -->\n",
    "stats-script": PAGE + b'<script src="http://stats.example.cn/count.js?site=42"></script>\r\n',
    "end-tag-spaced": PAGE.replace(b"</html>", b"</HTML >\n"),
    "no-html-end-tag": PAGE.replace(b"</html>", b"\n"),
}


@pytest.mark.parametrize("tail", list(TAILS))
def test_a_page_with_a_little_after_its_end_on_a_connection_held_open_is_read(held, tail, monkeypatch):
    monkeypatch.setattr(fetch_body, "ENDED_GRACE", 0.5)
    with Site() as site:
        site.routes["/a.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, TAILS[tail])
        with fetcher_for(site, retries=0, timeout=15.0) as f:
            page = f.get(site.url("/a.html"))
    assert page.content == TAILS[tail]


def _trickling(released: threading.Event, head: bytes, body: bytes, every: float):
    """The whole page, then a blank every `every` seconds until the test ends."""
    def serve(h) -> None:
        h.wfile.write(head + b"\r\n" + body)
        h.wfile.flush()
        while not released.wait(every):
            h.wfile.write(b" ")
            h.wfile.flush()
        h.close_connection = True
    return serve


def test_a_page_whose_server_trickles_bytes_after_its_end_is_read(held, monkeypatch):
    monkeypatch.setattr(fetch_body, "ENDED_GRACE", 0.5)
    with Site() as site:
        site.routes["/a.html"] = _trickling(held, b"HTTP/1.0 200 OK\r\n" + HTML, PAGE, every=0.1)
        with fetcher_for(site, retries=0, timeout=15.0) as f:
            page = f.get(site.url("/a.html"))
    assert page.content.startswith(PAGE) and not page.content[len(PAGE):].strip(), page.content[len(PAGE):][:80]


def test_an_end_tag_inside_a_page_that_goes_on_is_no_end(held, monkeypatch):
    """`</html>` in a script's text, then more than a tail of the page: the rest, after a pause
    longer than the grace, is still waited for."""
    monkeypatch.setattr(fetch_body, "ENDED_GRACE", 0.2)
    first = PAGE.replace(b"</body></html>", b"").replace(b"<body>", b'<body><script>var shell = "</html>";</script>'
                                                 + b"<p>" + "沪明".encode() * 400 + b"</p>")
    rest = "<p>第二部分：双方签署了文旅合作协议。</p></body></html>".encode()
    with Site() as site:
        site.routes["/a.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, first, rest, gap=0.6)
        with fetcher_for(site, retries=0, timeout=15.0) as f:
            page = f.get(site.url("/a.html"))
    assert page.content == first + rest


def test_a_polled_site_ending_its_pages_with_a_stats_script_has_them_stored(held, make_ctx, monkeypatch):  # noqa: F811
    monkeypatch.setattr(fetch_body, "ENDED_GRACE", 0.5)
    with Site() as a:
        a.listing("/list.html", ["/1.html", "/2.html", "/3.html"])
        pages = [article_html(f"沪明合作新闻{n}", "上海市与三明市召开沪明对口合作联席会议。").encode() for n in (1, 2, 3)]
        a.routes["/1.html"] = holding(held, b"HTTP/1.0 200 OK\r\n" + HTML, pages[0] + b'<script src="/s.js"></script>')
        a.routes["/2.html"] = _trickling(held, b"HTTP/1.0 200 OK\r\n" + HTML, pages[1], every=0.1)
        a.page("/3.html", pages[2])
        ctx = make_ctx(source_toml("a", a.url("/list.html")), fetch="[fetch]\nmin_delay = 0\nretries = 0\ntimeout = 15\n")
        report = poll(ctx)[0]
    assert report.new == 3 and report.matched == 3 and not report.errors, report
