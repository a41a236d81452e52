"""A webhook behind a reverse proxy (nginx) whose receiver took the POST and then closed the connection
without an answer: the proxy answers 502 Bad Gateway. The receiver has the message; nginx says 502 just
the same when the receiver was down, so which it was cannot be known. Before, a 502 was posted again at
once, four times in a run, the receiver showing each copy unmarked; now it is a message of unknown fate
as 504 and 520 are: not again in this run, and at the retry once more, marked as sent again.
A real proxy and receiver on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from delivery_world import Server, counts, quick_webhooks, read_request, webhook_world

from monitor.pipeline import send_digests


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


class Upstream(Server):
    """The receiver: keeps each request whole (a robot posts it at once); closes the first `lost`
    connections without a word, answers the rest 200."""

    def __init__(self, lost: int) -> None:
        super().__init__()
        self.lost, self.requests = lost, []

    def one(self, conn: socket.socket, n: int) -> None:
        self.requests.append(read_request(conn))
        if len(self.requests) > self.lost:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                         b'{"ok":true}')


class Proxy(Server):
    """nginx's part: the request passed on to `upstream`; its answer passed back, or 502 when it
    gave none (connection closed)."""

    def __init__(self, upstream: Upstream) -> None:
        super().__init__()
        self.upstream = upstream

    def one(self, conn: socket.socket, n: int) -> None:
        request = read_request(conn)
        with socket.create_connection(("127.0.0.1", self.upstream.port)) as up:
            up.sendall(request)
            answer = b""
            while chunk := up.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and answer.endswith(b'{"ok":true}'):
                    break
        if not answer:
            body = b"<html><center><h1>502 Bad Gateway</h1></center></html>"
            answer = (b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        conn.sendall(answer)


@pytest.mark.parametrize("fmt", ["markdown", "slack"])
def test_a_502_from_a_proxy_whose_receiver_took_the_message_is_sent_once_more_marked(tmp_path, fmt):
    upstream = Upstream(lost=1)
    proxy = Proxy(upstream)
    try:
        ctx = webhook_world(tmp_path, f"http://127.0.0.1:{proxy.port}/hook", fmt)
        (first,) = send_digests(ctx)
        assert len(upstream.requests) == 1, f"posted {len(upstream.requests)} times in one run behind a 502"
        assert first.status == "error" and first.pending == 1 and "502" in first.detail
        assert "may have" in first.detail, first.detail
        (second,) = send_digests(ctx)
        assert second.status == "sent" and len(upstream.requests) == 2
        one, two = (r.decode() for r in upstream.requests)
        assert "x-monitor-resend" not in one.lower() and "x-monitor-resend: 1" in two.lower()
        assert "sent again" in two.partition("\r\n\r\n")[2].lower()  # what the reader sees says so
        assert counts([two]) == dict.fromkeys(range(5), 1)
        assert send_digests(ctx)[0].status == "empty" and len(upstream.requests) == 2
    finally:
        proxy.close()
        upstream.close()
