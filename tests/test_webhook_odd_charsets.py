"""A webhook receiver whose answer names as its charset a codec no text is read with
(`charset=base64`, `rot13`, `hex`, `zlib`, `undefined`: a misconfigured proxy, a hostile
receiver): httpx decodes an answer's text with whatever codec Python has by that name, and
reading it for a refusal in words or an excerpt raised AssertionError, TypeError or
UnicodeError. `monitor digest` died with a traceback, the subscribers after it unsent; a 200's
message, which the receiver had taken, went again at every run. Such a charset is read as the
pages' decoder reads it (unknown: UTF-8): a 200 is sent once, a 400 is that message's failure in
one line. Real sockets on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from delivery_world import NO_PROXY, Server, counts, quick_webhooks, read_request, webhook_world


class Receiver(Server):
    """Answers each POST with `statuses` in turn (the last repeats), in `charset`."""

    def __init__(self, charset: str, statuses: list[int]) -> None:
        self.charset, self.statuses, self.seen = charset, statuses, []
        super().__init__()

    def one(self, conn: socket.socket, n: int) -> None:
        self.seen.append(read_request(conn).partition(b"\r\n\r\n")[2].decode())
        status = self.statuses[min(n, len(self.statuses) - 1)]
        said = "收到" if status == 200 else "格式错误"
        body = f'{{"msg": "{said}"}}'.encode("gbk")
        conn.sendall(b"HTTP/1.1 %d X\r\nContent-Type: application/json; charset=%s\r\nContent-Length: %d\r\n"
                     b"Connection: close\r\n\r\n" % (status, self.charset.encode(), len(body)) + body)


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "undefined"])
def test_a_webhook_answer_in_a_charset_that_is_no_text_encoding_is_read(tmp_path, monkeypatch, charset):
    from monitor.pipeline import send_digests

    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    receiver = Receiver(charset, [400, 200])
    try:
        ctx = webhook_world(tmp_path, f"http://127.0.0.1:{receiver.port}/hook")
        try:
            (refused,) = send_digests(ctx)
            assert refused.status == "error" and refused.pending == 1, refused
            assert "answered HTTP 400" in refused.detail and "\n" not in refused.detail, refused
            (taken,) = send_digests(ctx)
            assert taken.status == "sent" and taken.stories == 5, taken
            assert send_digests(ctx)[0].status == "empty"
        finally:
            ctx.store.close()
    finally:
        receiver.close()
    assert len(receiver.seen) == 2
    assert sorted(counts(receiver.seen[1:]).values()) == [1] * 5


class Headed(Server):
    """Answers with `status` and `header` (raw bytes) while `failing`, then with 200."""

    def __init__(self, status: int, header: bytes, content_type: bytes = b"application/json") -> None:
        self.status, self.header, self.content_type, self.seen, self.failing = status, header, content_type, [], True
        super().__init__()

    def one(self, conn: socket.socket, n: int) -> None:
        self.seen.append(read_request(conn).partition(b"\r\n\r\n")[2].decode())
        body = b'{"ok": true}'
        status = self.status if self.failing else 200
        conn.sendall(b"HTTP/1.1 %d X\r\nContent-Type: %s\r\n%s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                     % (status, self.content_type, self.header, len(body)) + body)


@pytest.mark.parametrize(("status", "header", "content_type"), [
    (200, "Location: /收到".encode(), b"application/json"),  # raw UTF-8 in a header: taken
    (503, b"Retry-After: \xff\xfe", b"application/json"),
    (503, b"X-Note: none", b"text/plain; charset=utf-16"),  # its body has no byte order mark
], ids=["utf8-location-200", "binary-retry-after-503", "utf16-without-bom-503"])
def test_a_webhook_answer_with_bytes_its_headers_or_charset_do_not_allow_is_read(tmp_path, monkeypatch, status,
                                                                                 header, content_type):
    """httpx re-encoded the kept headers as ASCII (UnicodeEncodeError), or decoded the text with a
    charset its bytes do not fit (UnicodeError): the send died, a 200's message went again at
    every run."""
    from monitor.pipeline import send_digests

    quick_webhooks(monkeypatch)  # its tries in this run without waiting; no proxy
    receiver = Headed(status, header, content_type)
    try:
        ctx = webhook_world(tmp_path, f"http://127.0.0.1:{receiver.port}/hook")
        try:
            (first,) = send_digests(ctx)
            if status == 200:
                assert first.status == "sent" and first.stories == 5, first
            else:
                assert first.status == "error" and "answered HTTP 503" in first.detail, first
                assert "\n" not in first.detail
                receiver.failing, tried = False, len(receiver.seen)
                assert send_digests(ctx)[0].status == "sent"
            assert send_digests(ctx)[0].status == "empty"
        finally:
            ctx.store.close()
    finally:
        receiver.close()
    taken = receiver.seen if status == 200 else receiver.seen[tried:]
    assert sorted(counts(taken).values()) == [1] * 5
