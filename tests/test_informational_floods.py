"""A server answering with `100 Continue` (or `103 Early Hints`) over and over, never a final
answer: httpcore reads informational answers in a loop of its own, each a few dozen bytes, so
such a host kept a core busy parsing them for the request's whole budget, and the timeout's
second try for as long again (30 s + 30 s a link at the defaults; a list of such links on
several hosts, every core), and the link was called slow ('deferred'), asked again each poll.
Now past 20 informational answers before the final one, the answer is refused as malformed,
at once; a few early hints before a page (as CDNs send them) are read past as before. So is an
answer that opens with no status line (HTTP/0.9's bare page), refused as its first bytes come."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from hostile import BODY, article_html

from monitor.config import FetchConfig
from monitor.errors import FetchError
from monitor.fetch import Fetcher


def serve(answer: bytes | None) -> Iterator[int]:
    """A raw server on 127.0.0.1: robots.txt is 404; any other request gets `answer`, or
    `100 Continue` lines until the client goes (answer None)."""

    def one(conn: socket.socket, stop: threading.Event) -> None:
        with conn:
            try:
                while not stop.is_set():
                    request = conn.recv(65536)
                    if not request:
                        return
                    if request.startswith(b"GET /robots.txt"):
                        conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    elif answer is not None:
                        conn.sendall(answer)
                    else:
                        while not stop.is_set():
                            conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n" * 50)
            except OSError:
                return

    yield from listen(one)


def listen(one: Callable[[socket.socket, threading.Event], None]) -> Iterator[int]:
    """A raw server on 127.0.0.1 running `one(conn, stop)` for each connection; `stop` is set when
    the fixture ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=one, args=(conn, stop), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()


@pytest.fixture
def flood():
    yield from serve(None)


@pytest.fixture
def hinted():
    page = article_html("沪明合作新闻", BODY).encode()
    hints = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n" * 3
    yield from serve(hints + b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                     + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)


def test_an_endless_run_of_100_continue_is_refused_at_once(flood):
    cfg = FetchConfig(min_delay=0.0, retries=1, timeout=8.0, allow_private=("127.0.0.1",))
    with Fetcher(cfg) as f, pytest.raises(FetchError) as err:
        f.get(f"http://127.0.0.1:{flood}/a.html")
    assert err.value.kind != "timeout", err.value.message
    assert "over 20 informational answers" in err.value.message, err.value.message


def test_early_hints_before_a_page_are_read_past(hinted):
    cfg = FetchConfig(min_delay=0.0, retries=0, timeout=5.0, allow_private=("127.0.0.1",))
    with Fetcher(cfg) as f:
        for _ in range(3):  # one connection kept alive: the hints counted afresh for each answer
            assert "沪明合作新闻" in f.get(f"http://127.0.0.1:{hinted}/a.html").text


@pytest.fixture
def bare():
    """A page sent with no status line at all (as HTTP/0.9 did), the connection kept open."""

    def one(conn: socket.socket, stop: threading.Event) -> None:
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            conn.sendall(article_html("沪明合作新闻", BODY).encode())
            stop.wait(30)

    yield from listen(one)


def test_an_answer_without_a_status_line_is_refused_when_it_begins(bare):
    """h11 waited for the end of a head that never came: the request's whole budget, twice, and the
    link was deferred as slow; Chromium refuses such an answer at once."""
    cfg = FetchConfig(min_delay=0.0, retries=1, timeout=8.0, allow_private=("127.0.0.1",))
    with Fetcher(cfg) as f, pytest.raises(FetchError) as err:
        f.get(f"http://127.0.0.1:{bare}/a.html")
    assert err.value.kind != "timeout", err.value.message
    assert "without a status line" in err.value.message, err.value.message
