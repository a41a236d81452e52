"""A programmable fixture site on 127.0.0.1 for tests that need more than static files.

`Site()` serves routes added with `site.page(path, body, type)` (GET only: other methods get
405), `site.route(method, path, handler)` for answers computed from the request (a handler gets
a `Hit` and returns (status, headers, body)), and `site.redirect(path, location)`. Every request
is logged in `site.hits` (method, path with query, body). Use as a context manager.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Hit:
    """One request the site received."""

    method: str
    path: str  # with the query
    body: bytes
    headers: dict[str, str]

    @property
    def form(self) -> dict[str, str]:
        """The body as an HTML form (first value of each field)."""
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8")).items()}

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}


Answer = tuple[int, dict[str, str], bytes]


class Site:
    """Routes by (method, path without query); unknown paths 404, known paths with another method 405."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Callable[[Hit], Answer]] = {}
        self.hits: list[Hit] = []
        self.base_url = ""
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    def __enter__(self) -> Site:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, method: str, path: str, handler: Callable[[Hit], Answer]) -> None:
        self.routes[(method, path)] = handler

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.route("GET", path, lambda hit: (200, {"Content-Type": content_type}, data))

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.route("GET", path, lambda hit: (status, {"Location": location}, b""))

    def requested(self, method: str | None = None) -> list[str]:
        """Paths (with query) asked for, optionally only with `method`."""
        with self._lock:
            return [h.path for h in self.hits if method is None or h.method == method]

    def _answer(self, hit: Hit) -> Answer:
        with self._lock:
            self.hits.append(hit)
        path = urlsplit(hit.path).path
        handler = self.routes.get((hit.method, path))
        if handler is not None:
            return handler(hit)
        if any(p == path for _, p in self.routes):
            return 405, {"Content-Type": "text/plain", "Allow": "POST"}, b"method not allowed\n"
        return 404, {"Content-Type": "text/plain"}, b"not found\n"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            status, headers, data = site._answer(Hit(self.command, self.path, body,
                                                     {k.lower(): v for k, v in self.headers.items()}))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_HEAD = _serve

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: tests read site.hits."""

    return Handler
