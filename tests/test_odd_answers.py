"""Receivers that answer a message in a way no protocol allows, after they had all of it.

A webhook receiver answering HTTP 200 with a body its Content-Encoding cannot decode (a proxy
that labels plain text as gzip): `monitor digest` died with httpx's DecodingError, a traceback,
the subscribers after it unsent and the message, which the receiver had taken, sent again at
the next run. A mail server answering the message's data with something that is neither 250 nor
a refusal (a line that is no SMTP reply, a 2xx other than 250, a 354): the message was taken as
refused and sent again unmarked, as if it never arrived. Now the first is sent (the status is
the answer), the second goes once more marked as sent again, with the same Message-ID, and its
error says what the server answered. Real sockets on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from delivery_world import NO_PROXY, Server, counts, news_lines, read_request, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


class OddServer(Server):
    """A TCP server on 127.0.0.1 running `talk(conn, n)` for each connection (n: its number)."""

    def __init__(self, talk) -> None:
        self.talk, self.seen = talk, []
        super().__init__()

    def one(self, conn: socket.socket, n: int) -> None:
        self.talk(self, conn, n)


def world(tmp_path, channel, monkeypatch):
    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    path = write_config(tmp_path / "monitor.toml", [channel])
    path.write_text(path.read_text(encoding="utf-8") + "[fetch]\ntimeout = 3\n", encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(3)).matched == 3
    return ctx


def http(server: OddServer, conn: socket.socket, n: int) -> None:
    server.seen.append(read_request(conn).partition(b"\r\n\r\n")[2].decode())
    junk = b"plain words, not compressed"
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: " + server.encoding
                 + b"\r\nContent-Length: %d\r\n\r\n" % len(junk) + junk)


@pytest.mark.parametrize("encoding", [b"gzip", b"deflate"])
def test_a_webhook_answering_200_in_a_broken_encoding_has_the_message_once(tmp_path, monkeypatch, encoding):
    server = OddServer(http)
    server.encoding = encoding
    try:
        ctx = world(tmp_path, {"kind": "webhook", "format": "json", "url": f"http://127.0.0.1:{server.port}/h"},
                    monkeypatch)
        (first,) = send_digests(ctx)
        assert first.status == "sent" and first.stories == 3, first
        assert send_digests(ctx)[0].status == "empty"
        assert counts(server.seen) == dict.fromkeys(range(3), 1)
    finally:
        server.close()


def smtp(server: OddServer, conn: socket.socket, n: int) -> None:
    """A mail server answering the first message's data with `server.odd`; the next with 250."""
    f = conn.makefile("rb")
    conn.sendall(b"220 odd.example.org ESMTP\r\n")
    while line := f.readline():
        word = line.strip().upper()[:4]
        if word == b"EHLO":
            conn.sendall(b"250-odd.example.org\r\n250 8BITMIME\r\n")
        elif word == b"DATA":
            conn.sendall(b"354 go on\r\n")
            message = b"".join(iter(lambda: f.readline(), b".\r\n"))
            server.seen.append(message.decode("utf-8", "replace"))
            conn.sendall(server.odd if len(server.seen) == 1 else b"250 2.0.0 queued\r\n")
        elif word == b"QUIT":
            conn.sendall(b"221 bye\r\n")
            return
        else:
            conn.sendall(b"250 ok\r\n")


@pytest.mark.parametrize("odd, said", [(b"queued it\r\n", "no SMTP reply"), (b"200 fine\r\n", "200 fine"),
                                       (b"354 go on\r\n", "354"), (b"999 what\r\n", "999 what")])
def test_an_email_answered_neither_taken_nor_refused_goes_again_marked(tmp_path, monkeypatch, odd, said):
    server = OddServer(smtp)
    server.odd = odd
    try:
        ctx = world(tmp_path, {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": server.port,
                               "from": "m@example.org", "to": ["desk@example.org"]}, monkeypatch)
        (first,) = send_digests(ctx)
        assert first.status == "error" and said in first.detail and "marked as sent again" in first.detail, first
        (again,) = send_digests(ctx)
        assert again.status == "sent" and len(server.seen) == 2
        one, two = server.seen
        assert "X-Monitor-Resend" not in one and "X-Monitor-Resend: 1" in two
        ids = [next(x for x in m.splitlines() if x.lower().startswith("message-id:")) for m in server.seen]
        assert ids[0] == ids[1]
        assert send_digests(ctx)[0].status == "empty" and len(server.seen) == 2
    finally:
        server.close()


def test_an_email_refused_after_its_data_goes_again_unmarked(tmp_path, monkeypatch):
    server = OddServer(smtp)
    server.odd = b"554 5.7.1 refused\r\n"
    try:
        ctx = world(tmp_path, {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": server.port,
                               "from": "m@example.org", "to": ["desk@example.org"]}, monkeypatch)
        assert send_digests(ctx)[0].status == "error"
        assert send_digests(ctx)[0].status == "sent"
        assert "X-Monitor-Resend" not in server.seen[1]
    finally:
        server.close()
