"""A body longer than its `Content-Length` on a kept-alive connection: the bytes past the
declared end sat in the connection's buffer and were read as the answer to the next request on
it. A site could so answer one address with a page it wrote for another (a list page's tail
holding a whole forged answer was stored as the next article's page), and a broken server
leave one page's tail as the next one's head. Now such a connection is closed, as Chromium and
curl close it, and the next request goes on a new one."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html, list_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

FORGED = "沪明合作新闻伪造页面"


def _answer(body: bytes, chunked: bool = False) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    if chunked:
        return head + b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    return head + b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_bytes_past_an_answer_s_end_are_never_the_next_page(make_ctx, chunked):  # noqa: F811
    titles = {"/a1.html": "三明与上海签约共建产业园区", "/a2.html": "沪明两地联合举办文旅推介会"}
    with Site() as site:
        listing = list_html(list(titles)).encode()
        forged = _answer(article_html(FORGED, BODY).encode())

        def list_with_a_tail(h) -> None:  # the list as declared, then a whole answer no one asked for
            h.wfile.write(_answer(listing, chunked) + forged)
            h.wfile.flush()

        site.routes["/list.html"] = list_with_a_tail
        for path, title in titles.items():
            site.article(path, title)
        ctx = make_ctx(source_toml("a", site.url("/list.html")))
        report = poll(ctx)[0]
        asked = site.paths()
    stored = {r["url"]: r["title"] for r in ctx.store.db.query("SELECT url, title FROM articles")}
    assert stored == {site.url(path): title for path, title in titles.items()}, (stored, report.errors)
    assert all(path in asked for path in titles), asked  # each article asked for, none answered by the tail
