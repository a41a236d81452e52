"""A page sent whole, then its answer going wrong after the page's end: trailer lines after a
chunked body's last chunk that never end (h11 gives up: "Receive buffer too long"), or the
connection reset once `</html>` has gone. A browser has shown the page by then; the fetcher threw
the page away ("a malformed HTTP answer", "connection reset"), retried it, and lost the article at
every poll. What comes after a page's end and is broken ends the read: the page is what came. A
page reset before its end is still an error. Raw answers on 127.0.0.1."""

from __future__ import annotations

import socket
import struct

import pytest
from hostile import Site, article_html
from test_fetch import fails, fetcher_for

PAGE = article_html("沪明合作新闻", "上海市与三明市召开沪明对口合作联席会议。").encode()


def _endless_trailers(h) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n")
    h.wfile.write(b"%x\r\n%s\r\n0\r\n" % (len(PAGE), PAGE))
    try:
        for _ in range(100_000):
            h.wfile.write(b"X-Trailer: " + b"t" * 100 + b"\r\n")
    except OSError:
        pass
    h.close_connection = True


def _reset_after(body: bytes):
    def serve(h) -> None:
        h.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body)
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close: a reset
        h.connection.close()
        h.close_connection = True
    return serve


@pytest.mark.parametrize("serve", [_endless_trailers, _reset_after(PAGE)], ids=["endless-trailers", "reset-after-the-end"])
def test_a_page_whose_answer_goes_wrong_after_its_end_is_read(serve):
    with Site() as site:
        site.routes["/a.html"] = serve
        with fetcher_for(site, retries=0) as f:
            page = f.get(site.url("/a.html"))
    assert "沪明对口合作联席会议" in page.text and page.content.rstrip().endswith(b"</html>")


def test_a_page_reset_before_its_end_is_still_an_error():
    with Site() as site:
        site.routes["/a.html"] = _reset_after(PAGE[: len(PAGE) // 2])
        with fetcher_for(site, retries=0) as f:
            fails(f, site.url("/a.html"), "transport")
