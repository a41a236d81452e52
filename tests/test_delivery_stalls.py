"""Receivers that never finish answering: a digest send has a budget and ends within it.

A webhook receiver that trickles its answer a byte at a time, or streams without end (a URL
pointing at an event stream), and an SMTP server that tarpits (each reply a byte at a time,
or an endless multi-line reply) used to hold `monitor digest` — and the daemon's delivery lock
with it — forever, so no digest went out again. Now a webhook request has `fetch.timeout` in
all, a mail session four times that; a receiver that said 2xx before stalling has accepted the
message (sending it again would be the duplicate), one that did not keeps it for the retry.
Real sockets on 127.0.0.1; each send runs in a thread so a stall fails the test instead of
hanging it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from conftest import SMTPSink, free_port
from delivery_world import counts, news_lines, quick_webhooks, read_request, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

TIMEOUT = 2  # fetch.timeout in these configs: a webhook request's budget; a mail session has 4x
ENOUGH = 60  # a send that has not come back by now is stalled for good


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch, retries=1)


class Stalling:
    """A TCP server on 127.0.0.1 running `answer(conn, request_bytes)` per connection; counts the
    bytes it managed to send and the connections it took."""

    def __init__(self, answer: Callable[[Stalling, socket.socket], None], port: int = 0) -> None:
        self.answer, self.sent, self.connections, self.stop = answer, 0, 0, threading.Event()
        self.sock = socket.create_server(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):  # OSError: the client hung up, as we want
            self.answer(self, conn)

    def send(self, conn: socket.socket, data: bytes) -> None:
        if self.stop.is_set():
            raise OSError("stopped")
        conn.sendall(data)
        self.sent += len(data)

    def drip(self, conn: socket.socket, data: bytes, every: float = 0.3) -> None:
        """`data` a byte at a time, each well inside the socket timeout, then keep dripping."""
        for i in range(len(data)):
            self.send(conn, data[i:i + 1])
            time.sleep(every)
        while True:
            self.send(conn, b" ")
            time.sleep(every)

    def close(self) -> None:
        self.stop.set()
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept, which holds the port
        self.sock.close()


@pytest.fixture
def servers() -> Iterator[list[Stalling]]:
    made: list[Stalling] = []
    yield made
    for s in made:
        s.close()


def world(tmp_path, channel: dict, n: int = 12) -> tuple:
    path = write_config(tmp_path / "monitor.toml", [channel])
    path.write_text(path.read_text(encoding="utf-8") + f"[fetch]\ntimeout = {TIMEOUT}\n", encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return path, ctx


def send_in_time(ctx: Context):
    """send_digests in a thread; its one result, or a test failure when it stalls."""
    done: list = []
    worker = threading.Thread(target=lambda: done.append(send_digests(ctx)), daemon=True)
    worker.start()
    worker.join(ENOUGH)
    assert done, f"the digest send was still running after {ENOUGH} s"
    (result,) = done[0]
    return result


def hook(port: int, fmt: str = "json") -> dict:
    return {"kind": "webhook", "url": f"http://127.0.0.1:{port}/hook", "format": fmt}


# ---------------------------------------------------------------- webhooks

# a robot's code comes whole before the drip: one cut before it is of unknown fate (test_cut_answers)
@pytest.mark.parametrize(("fmt", "whole", "start"), [("json", b"", b'{"ok":true'),
                                                     ("dingtalk", b'{"errcode":0,', b'"errmsg":"ok"')])
def test_a_webhook_answering_200_then_dripping_its_body_has_the_message_once(tmp_path, servers, fmt, whole, start):
    def answer(s: Stalling, conn: socket.socket) -> None:
        read_request(conn)
        s.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + whole)
        s.drip(conn, start)

    servers.append(srv := Stalling(answer))
    _, ctx = world(tmp_path, hook(srv.port, fmt))
    result = send_in_time(ctx)
    assert result.status == "sent" and result.stories == 12  # 2xx: taken; sending again would repeat it
    assert send_in_time(ctx).status == "empty" and srv.connections == 1


def test_a_webhook_streaming_without_end_is_cut_off(tmp_path, servers):
    def answer(s: Stalling, conn: socket.socket) -> None:
        read_request(conn)
        s.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"data: " + b"x" * 65_000 + b"\n\n"
        while True:
            s.send(conn, b"%x\r\n%s\r\n" % (len(chunk), chunk))

    servers.append(srv := Stalling(answer))
    _, ctx = world(tmp_path, hook(srv.port))
    assert send_in_time(ctx).status == "sent"
    assert srv.sent < 64_000_000  # what it sent before we hung up, socket buffers included


def test_a_webhook_dripping_its_headers_fails_and_the_message_goes_once_it_answers(tmp_path, servers):
    bodies: list[str] = []

    def answer(s: Stalling, conn: socket.socket) -> None:
        request = read_request(conn)
        if not bodies and s.connections <= 1:  # the first run's one try (it had the message: not tried again)
            s.drip(conn, b"HTTP/1.1 200 OK\r\nX-Slow: ")
        bodies.append(request.decode("utf-8", "replace"))
        s.send(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    servers.append(srv := Stalling(answer))
    _, ctx = world(tmp_path, hook(srv.port))
    result = send_in_time(ctx)
    assert result.status == "error" and result.pending == 1 and not bodies and srv.connections == 1
    assert f"within {TIMEOUT:g} s" in result.detail, result.detail
    again = send_in_time(ctx)
    assert again.status == "sent", (again.detail, srv.connections)
    assert counts(bodies) == dict.fromkeys(range(12), 1)


# ---------------------------------------------------------------- SMTP

def mail(port: int) -> dict:
    return {"kind": "email", "to": ["desk@example.org"], "from": "monitor@sanming.example.cn",
            "smtp_host": "127.0.0.1", "smtp_port": port}


def tarpit(s: Stalling, conn: socket.socket) -> None:
    """Greets at once, then answers EHLO a byte at a time for ever."""
    s.send(conn, b"220 tarpit.example ESMTP\r\n")
    conn.recv(1024)
    s.drip(conn, b"250-tarpit.example\r\n250-SIZE 10000000\r\n")


def endless_ehlo(s: Stalling, conn: socket.socket) -> None:
    """Greets, then an EHLO reply of continuation lines that never ends."""
    s.send(conn, b"220 loop.example ESMTP\r\n")
    conn.recv(1024)
    while True:
        s.send(conn, b"250-" + b"X" * 200 + b"\r\n")
        time.sleep(0.001)


@pytest.mark.parametrize("answer", [tarpit, endless_ehlo], ids=["tarpit", "endless-reply"])
def test_an_smtp_server_that_never_finishes_a_reply_fails_in_time_and_the_message_goes_later(tmp_path, servers,
                                                                                               answer):
    port = free_port()
    servers.append(srv := Stalling(answer, port))
    _, ctx = world(tmp_path, mail(port))
    result = send_in_time(ctx)
    assert result.status == "error" and result.pending == 1 and result.failed == 1
    # a tarpit has the session's budget; a reply growing without end is given up at 64 KB (test_smtp_endless_replies)
    said = f"within {4 * TIMEOUT:g} s" if answer is tarpit else "a reply of over 64 KB"
    assert said in result.detail and f"127.0.0.1:{port}" in result.detail, result.detail
    srv.close()
    from aiosmtpd.controller import Controller

    sink = SMTPSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert send_in_time(ctx).status == "sent"
        text = [sink.parsed(i).get_body(("plain",)).get_content() for i in range(len(sink.envelopes))]
        assert counts(text) == dict.fromkeys(range(12), 1)
    finally:
        controller.stop()
