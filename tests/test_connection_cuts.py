"""A connection cut by the site: reset (RST) before its answer's head, or in the middle of its body,
or closed with nothing sent. The poll's line read `GET <url>: ReadError (check the URL and that
the site is reachable from here)`: the name of an exception class, and a hint sending the user to
check an address that is right. It now says what happened, in one line, with a hint that fits
(the page is asked again at the next poll, as before). Raw sockets on 127.0.0.1."""

from __future__ import annotations

import socket
import struct

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.pipeline import poll

PAGE = article_html("沪明合作新闻", BODY).encode()
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(PAGE)


def _reset_after(sent: bytes):
    def serve(h) -> None:
        if sent:
            h.wfile.write(sent)
            h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close: a reset
        h.connection.close()
        h.close_connection = True
    return serve


def _closed(h) -> None:
    h.close_connection = True  # the request read, nothing written, the connection closed


@pytest.mark.parametrize("serve,said", [
    (_reset_after(b""), "the connection was cut"), (_reset_after(b"HTTP/1.1 200 OK\r\nContent-Ty"), "the connection was cut"),
    (_reset_after(HEAD + PAGE[: len(PAGE) // 3]), "the connection was cut"),
    (_closed, "closed the connection without answering")], ids=["at-once", "in-the-head", "mid-body", "closed"])
def test_a_connection_cut_by_the_site_is_said_as_such(serve, said):
    with Site() as site:
        site.routes["/a.html"] = serve
        with fetcher_for(site, retries=0) as f:
            err = fails(f, site.url("/a.html"), "transport")
    assert str(err).startswith(f"GET {site.url('/a.html')}: ") and said in str(err), str(err)
    assert "Error" not in str(err) and "malformed" not in str(err), str(err)  # main: 'ReadError', 'a malformed HTTP answer'
    assert "check the URL" not in err.hint, err.hint


def test_the_polls_line_names_the_cut_and_the_other_pages_are_stored(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/cut.html", "/ok.html"])
        a.routes["/cut.html"] = _reset_after(HEAD + PAGE[:200])
        a.article("/ok.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        stored = {r["url"] for r in ctx.store.db.query("SELECT url FROM articles")}
    assert stored == {a.url("/ok.html")}
    (line,) = report.errors
    assert "/cut.html" in line and "the connection was cut" in line and "ReadError" not in line, line
