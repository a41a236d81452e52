"""A request to `monitor serve` whose address holds raw UTF-8, not percent-encoded: curl sends
`curl 'http://host:8080/search?q=三明'` as typed, and so does a script writing its request by
hand. uvicorn answered each with a plain-text 400 ("Invalid HTTP request received."); now it is
read as the encoded address would be. A real `monitor serve` on 127.0.0.1, a real socket, a real
SQLite file made by `monitor import`."""

from __future__ import annotations

import re
import socket
import time

from test_serve_waiting import Served, setup, write_archive  # noqa: F401 (fixture)


def _exchange(port: int, *requests: bytes, pause: float = 0.0) -> bytes:
    """Send each piece on one connection (a pause between them), then read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i, piece in enumerate(requests):
            if i:
                time.sleep(pause)
            s.sendall(piece)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def _answer(s: socket.socket, request: bytes) -> bytes:
    """One request sent on an open connection and its whole answer read (by its content-length)."""
    s.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        assert chunk, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?im)^content-length: *(\d+)", head)[1])  # type: ignore[index]
    while len(body) < length:
        chunk = s.recv(65536)
        assert chunk, data
        body += chunk
    return head + b"\r\n\r\n" + body


def _get(target: str, close: bool = True) -> bytes:
    return (f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ("Connection: close\r\n" if close else "")
            + "\r\n").encode("utf-8")


def test_a_raw_utf8_address_is_served_as_if_encoded(setup):  # noqa: F811
    cfg, db = setup
    write_archive(cfg, db)  # one article: 沪明两地签署文旅合作协议
    served = Served(cfg, db)
    try:
        answer = _exchange(served.port, _get("/search?q=文旅合作"))
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200"), answer[:300]
        page = body.decode("utf-8")
        assert "沪明两地签署文旅合作协议" in re.sub(r"<[^>]+>", "", page), page[-3000:]  # found (words marked)
        assert 'value="文旅合作"' in page, page[:2000]  # the query box holds what was asked, decoded
        # a request line cut inside a character, in two reads; and a second request on a kept-alive
        # connection, after a first that was plain ASCII (sent after its answer: a client pipelining
        # requests, none of them answered yet, still has the 400 for the second)
        line = _get("/search?q=沪明")
        cut = line.index("明".encode()) + 1
        answer = _exchange(served.port, line[:cut], line[cut:], pause=0.3)
        assert answer.startswith(b"HTTP/1.1 200") and "两地签署".encode() in answer, answer[:300]
        with socket.create_connection(("127.0.0.1", served.port), timeout=60) as s:
            first = _answer(s, _get("/search?q=x", close=False))
            second = _answer(s, _get("/search?q=签署"))
        assert first.startswith(b"HTTP/1.1 200") and second.startswith(b"HTTP/1.1 200"), (first[:300], second[:300])
        assert "文旅合作协议".encode() in second, second[-2000:]
    finally:
        served.stop()


def test_raw_utf8_addresses_pipelined_on_one_connection_are_each_served(setup):  # noqa: F811
    # A client sending its requests one behind another before any answer (a script's HTTP client, a
    # load tester): each request line past the first came while h11 still held the first request, and
    # had its 400. A body is the request's own bytes: one that reads as a request line stays as sent.
    cfg, db = setup
    write_archive(cfg, db)  # one article: 沪明两地签署文旅合作协议
    served = Served(cfg, db)
    try:
        body = _get("/search?q=三明", close=False)  # a POST's body that reads like a request, in UTF-8
        post = (f"POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
        answer = _exchange(served.port, _get("/search?q=文旅合作", close=False) + post + _get("/search?q=签署"))
        heads = re.findall(rb"HTTP/1\.1 (\d{3})", answer)
        assert heads[0] == b"200" and heads[-1] == b"200" and len(heads) == 3, answer[:3000]
        assert heads[1] != b"400", answer  # the POST read whole: its body was not taken for a request
        text = re.sub(r"<[^>]+>", "", answer.decode("utf-8", "replace"))  # found words are marked
        assert text.count("沪明两地签署文旅合作协议") >= 2, text[-2000:]  # the first and the last found it
    finally:
        served.stop()
