"""Hostile fixture sites on 127.0.0.1 for the fetch and poll tests.

A `Site` is one host (127.0.0.1:<its own port>) whose paths are set by the test: pages with any
bytes and headers, statuses, redirects, a hang, a one-byte drip, a huge body with or without
Content-Length, a gzip bomb. Every request is logged with its arrival time, so politeness
(robots.txt first, same-host gaps) is measured from the server's side. `Proxy` is a recording
HTTP proxy that forwards only to 127.0.0.1 and logs every target it was asked for.
All text is invented for these tests.
"""

from __future__ import annotations

import gzip
import http.client
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    at: float  # time.monotonic() on arrival
    method: str
    path: str
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that give up mid-body are what these sites are for."""


def article_html(title: str, body: str, *, charset: str = "utf-8", extra_head: str = "") -> str:
    """A plain article page the generic extractor reads."""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p)
    return (f"<html><head><meta charset=\"{charset}\"><title>{title}</title>{extra_head}</head>"
            f"<body><h1>{title}</h1><div class=\"content\">{paras}</div></body></html>")


def list_html(links: list[str], cls: str = "news") -> str:
    """A list page with one `<li><a>` per link."""
    items = "".join(f'<li><a href="{href}">新闻{i}</a></li>' for i, href in enumerate(links))
    return f"<html><body><ul class=\"{cls}\">{items}</ul></body></html>"


BODY = ("上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。\n"
        "会议指出，沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地。\n"
        "三明市有关负责人表示，将进一步优化营商环境，服务好来明投资的上海企业。")


class Site:
    """One hostile host on 127.0.0.1; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[Hit] = []
        self.sent: dict[str, int] = {}  # bytes of a `huge` body written so far, by path
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        """Paths asked for, in order (query included)."""
        with self._lock:
            return [h.path for h in self.hits]

    # ------------------------------------------------------------ what a path answers

    def page(self, path: str, body: str | bytes, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, encoding: str = "utf-8") -> None:
        """A fixed answer: `body` (text is encoded with `encoding`) with Content-Length."""
        data = body.encode(encoding) if isinstance(body, str) else body
        extra = {"Content-Type": content_type, **(headers or {})}
        self.routes[path] = lambda h: _send(h, status, extra, data)

    def article(self, path: str, title: str, body: str = BODY, **kw: Any) -> None:
        """An article page in UTF-8."""
        self.page(path, article_html(title, body), **kw)

    def listing(self, path: str, links: list[str]) -> None:
        self.page(path, list_html(links))

    def robots(self, text: str) -> None:
        self.page("/robots.txt", text, content_type="text/plain")

    def status(self, path: str, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.routes[path] = lambda h: _send(h, status, {"Content-Type": "text/plain", **(headers or {})}, body)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.routes[path] = lambda h: _send(h, status, {"Location": location}, b"")

    def sequence(self, path: str, *handlers: Handler) -> None:
        """Answer successive requests with successive handlers; the last one repeats."""
        queue = list(handlers)

        def serve(h: BaseHTTPRequestHandler) -> None:
            with self._lock:
                fn = queue.pop(0) if len(queue) > 1 else queue[0]
            fn(h)

        self.routes[path] = serve

    def hang(self, path: str) -> None:
        """Accept, read the request, never answer (until the site stops)."""
        self.routes[path] = lambda h: self._stop.wait(30)

    def drip(self, path: str, every: float = 1.0, total: int = 10_000) -> None:
        """Headers at once, then one byte every `every` seconds."""
        def serve(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(total))
            h.end_headers()
            for _ in range(total):
                if self._stop.wait(every):
                    return
                h.wfile.write(b"x")
                h.wfile.flush()
        self.routes[path] = serve

    def huge(self, path: str, size: int, *, with_length: bool) -> None:
        """`size` bytes of HTML, streamed in 64 KB chunks, with or without Content-Length."""
        chunk = b"<p>" + "沪明".encode() * 10_000 + b"</p>\n"

        def serve(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            if with_length:
                h.send_header("Content-Length", str(size))
            h.send_header("Connection", "close")
            h.end_headers()
            sent = 0
            while sent < size and not self._stop.is_set():
                piece = chunk[: size - sent]
                h.wfile.write(piece)
                sent += len(piece)
                self.sent[path] = sent
            h.close_connection = True
        self.routes[path] = serve

    def gzip_bomb(self, path: str, expanded: int, encoding: str = "gzip") -> None:
        """A small compressed body that expands to `expanded` bytes."""
        comp = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
        block = b"\0" * 1_000_000
        parts = [comp.compress(b"<html><body><p>")]
        for _ in range(expanded // len(block)):
            parts.append(comp.compress(block))
        parts.append(comp.flush())
        data = b"".join(parts)
        self.page(path, data, headers={"Content-Encoding": encoding})

    def gzipped(self, path: str, html: str) -> None:
        self.page(path, gzip.compress(html.encode("utf-8")), headers={"Content-Encoding": "gzip"})

    # ------------------------------------------------------------ machinery

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else each answer waits ~40 ms on a delayed ACK

            def do_GET(self) -> None:  # noqa: N802
                with site._lock:
                    site.hits.append(Hit(time.monotonic(), "GET", self.path,
                                         {k.lower(): v for k, v in self.headers.items()}))
                fn = site.routes.get(urlsplit(self.path).path)
                if fn is None:
                    _send(self, 404, {"Content-Type": "text/plain"}, b"not found\n")
                else:
                    fn(self)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return H


def _send(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
    h.send_response(status)
    for k, v in headers.items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


def raw(status_line: bytes, headers: list[bytes], body: bytes) -> Handler:
    """A handler writing the response bytes as given (for malformed headers) and closing."""
    def serve(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(status_line + b"\r\n" + b"".join(x + b"\r\n" for x in headers) + b"\r\n" + body)
        h.close_connection = True
    return serve


class Proxy:
    """A recording HTTP proxy on 127.0.0.1: logs the absolute URL of every request; forwards only
    to 127.0.0.1 (answers 502 for anything else, without connecting) and refuses CONNECT, unless
    `tunnel`: then CONNECT to 127.0.0.1 or localhost opens a byte pipe (as a proxy carries HTTPS)."""

    def __init__(self, tunnel: bool = False) -> None:
        self.tunnel = tunnel
        self.targets: list[str] = []
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Proxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else each answer waits ~40 ms on a delayed ACK

            def do_GET(self) -> None:  # noqa: N802
                with proxy._lock:
                    proxy.targets.append(self.path)
                parts = urlsplit(self.path)
                if parts.hostname != "127.0.0.1":
                    return _send(self, 502, {"Content-Type": "text/plain"}, b"proxy: not forwarding\n")
                conn = http.client.HTTPConnection("127.0.0.1", parts.port or 80, timeout=10)
                try:
                    path = parts.path + (f"?{parts.query}" if parts.query else "")
                    conn.request("GET", path or "/", headers={k: v for k, v in self.headers.items()
                                                              if k.lower() not in ("proxy-connection", "connection")})
                    resp = conn.getresponse()
                    body = resp.read()
                    keep = {k: v for k, v in resp.getheaders()
                            if k.lower() not in ("transfer-encoding", "connection", "content-length")}
                    _send(self, resp.status, keep, body)
                except OSError:
                    _send(self, 502, {"Content-Type": "text/plain"}, b"proxy: upstream failed\n")
                finally:
                    conn.close()

            def do_CONNECT(self) -> None:  # noqa: N802
                with proxy._lock:
                    proxy.targets.append("CONNECT " + self.path)
                host, _, port = self.path.rpartition(":")
                if not proxy.tunnel or host not in ("127.0.0.1", "localhost"):
                    return _send(self, 403, {}, b"")
                upstream = socket.create_connection((host, int(port)), timeout=10)
                self.send_response(200, "Connection established")
                self.end_headers()
                _pipe(self.connection, upstream)
                self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return H


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until either side closes."""
    import selectors

    with selectors.DefaultSelector() as sel, b:
        sel.register(a, selectors.EVENT_READ, b)
        sel.register(b, selectors.EVENT_READ, a)
        while True:
            for key, _ in sel.select(timeout=10):
                data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                if not data:
                    return
                key.data.sendall(data)


def free_port() -> int:
    """A port with nothing listening (a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
