"""Offline replay of news sites on 127.0.0.1, for `monitor demo` and the end-to-end tests.

In: a directory tree of recorded pages (a `Path`, or the bundled package data as a
`Traversable`) and an optional `_headers.toml` at its root. Out: a static HTTP server on an
ephemeral port, with a request log and switchable failures. Besides `fetch` and `notify` this is
the one module that opens sockets, and it only ever listens: the demo and the tests need real
sites to poll (charsets that lie, conditional GET, robots.txt, 5xx) without the internet.
Never fetches, never writes files, never decodes the pages it serves.
"""

from __future__ import annotations

import fnmatch
import hashlib
import mimetypes
import re
import socket
import threading
import time
import tomllib
from datetime import datetime, timedelta, timezone
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"{{BASE}}"
# `{{DATE-3}}`: the date three days before today in Asia/Shanghai (YYYY-MM-DD), so replayed
# sitemaps and API answers stay "recent" whenever the demo runs (their max_age_days filters).
DATE_PLACEHOLDER = re.compile(rb"\{\{DATE-(\d+)\}\}")
HEADERS_FILE = "_headers.toml"
TEXT_SUFFIXES = {".html", ".htm", ".shtml", ".xml", ".rss", ".atom", ".txt", ".json"}
_TYPES = {".html": "text/html", ".htm": "text/html", ".shtml": "text/html", ".xml": "application/xml",
          ".rss": "application/rss+xml", ".atom": "application/atom+xml", ".txt": "text/plain",
          ".json": "application/json"}


def bundled_root() -> Traversable:
    """The replayed demo sites shipped inside the package (`monitor/data/replay`)."""
    return files("monitor") / "data" / "replay"


class RequestHeaders(dict):
    """Request headers keyed in lower case; lookups ignore case, as HTTP does."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__((str(k).lower(), v) for k, v in dict(items).items())

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


class ReplayServer:
    """Serves `root` over HTTP on 127.0.0.1 from a daemon thread; use as a context manager."""

    def __init__(self, root: Path | Traversable, *, latency: float = 0.0) -> None:
        self.root = root
        self.latency = latency
        self.base_url = ""
        self.requests: list[tuple[str, str, dict]] = []
        self._lock = threading.Lock()
        self._statuses: dict[str, list[Any]] = {}  # path -> [status, remaining or None, headers]
        self._rules = _load_rules(root)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> ReplayServer:
        """Bind an ephemeral port on 127.0.0.1 and serve from a daemon thread."""
        if self._httpd is None:
            self._httpd = _QuietServer(("127.0.0.1", 0), _handler_for(self))
            self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
            self._thread = threading.Thread(target=self._httpd.serve_forever, name="replay", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd = self._thread = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def set_status(self, path: str, status: int, times: int | None = None,
                   headers: dict[str, str] | None = None) -> None:
        """Answer `path` (no query) with `status` and `headers` (e.g. Retry-After), `times` times or always."""
        with self._lock:
            self._statuses[path] = [status, times, dict(headers or {})]

    def clear_status(self, path: str | None = None) -> None:
        """Serve `path` (or every path) normally again."""
        with self._lock:
            if path is None:
                self._statuses.clear()
            else:
                self._statuses.pop(path, None)

    def paths_requested(self, method: str = "GET") -> list[str]:
        """The paths (query included) asked for with `method`, in order; a snapshot of the log."""
        with self._lock:
            return [p for m, p, _ in self.requests if m == method]

    def url(self, path: str) -> str:
        """The absolute URL of `path` on this server."""
        return self.base_url + ("" if path.startswith("/") else "/") + path

    def _record(self, method: str, path: str, headers: dict) -> None:
        with self._lock:
            self.requests.append((method, path, headers))

    def _forced_status(self, path: str) -> tuple[int, dict[str, str]] | None:
        with self._lock:
            entry = self._statuses.get(path)
            if entry is None:
                return None
            status, times, headers = entry
            if times is not None:
                entry[1] = times - 1
                if entry[1] <= 0:
                    del self._statuses[path]
            return status, headers

    def _resolve(self, path: str) -> Traversable | None:
        """The file behind a URL path, `index.html` for a directory; None if missing or hidden."""
        parts = [p for p in unquote(path).split("/") if p]
        if any(p in (".", "..") or "\\" in p for p in parts) or parts == [HEADERS_FILE]:
            return None
        node: Traversable = self.root
        try:
            for part in parts:
                node = node / part
            if node.is_dir():
                node = node / "index.html"
            return node if node.is_file() else None
        except (OSError, ValueError):  # e.g. a NUL byte or an over-long name in the URL
            return None

    def _headers_for(self, path: str, node: Traversable, body: bytes) -> dict[str, str]:
        suffix = Path(node.name).suffix.lower()
        headers = {"Content-Type": _TYPES.get(suffix) or mimetypes.guess_type(node.name)[0]
                   or "application/octet-stream",
                   "ETag": '"' + hashlib.sha256(body).hexdigest()[:20] + '"',
                   "Last-Modified": _mtime_header(node)}
        headers.update(_matching(self._rules, path))
        return headers


class _QuietServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when a client hangs up early."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that time out or disconnect are part of what the tests exercise."""

    def get_request(self) -> tuple[socket.socket, Any]:
        """Accept with TCP_NODELAY: headers and body go out in separate writes, and Nagle's
        algorithm held the second until the client's delayed ACK (~40 ms a response)."""
        sock, address = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, address


def _load_rules(root: Path | Traversable) -> list[tuple[str, dict[str, str]]]:
    """`_headers.toml` as (pattern, headers) pairs: globs in file order, then exact paths."""
    node = root / HEADERS_FILE
    if not node.is_file():
        return []
    table = tomllib.loads(node.read_text(encoding="utf-8"))
    pairs = [(pattern, {str(k): str(v) for k, v in headers.items()}) for pattern, headers in table.items()]
    # Exact paths come last so they override any glob that also matches.
    return sorted(pairs, key=lambda pair: not any(c in pair[0] for c in "*?["))


def _matching(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern == path or fnmatch.fnmatchcase(path, pattern):
            merged.update(headers)
    return merged


def _dates(body: bytes) -> bytes:
    """`{{DATE-N}}` → the date N days before today in Asia/Shanghai."""
    if b"{{DATE-" not in body:
        return body
    today = datetime.now(timezone(timedelta(hours=8))).date()
    return DATE_PLACEHOLDER.sub(lambda m: (today - timedelta(days=int(m.group(1)))).isoformat().encode(), body)


def _mtime_header(node: Traversable) -> str:
    """The file's mtime as an HTTP date; a fixed date when the data is not on a file system."""
    try:
        stamp = Path(str(node)).stat().st_mtime
    except OSError:
        stamp = 1_795_000_000  # 2026-11-18: data inside a zip has no useful mtime
    return formatdate(int(stamp), usegmt=True)


def _not_modified(request: Any, headers: dict[str, str]) -> bool:
    """RFC 9110: If-None-Match wins over If-Modified-Since."""
    inm = request.get("If-None-Match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or headers["ETag"] in tags
    ims = request.get("If-Modified-Since")
    if ims is None:
        return False
    try:
        return parsedate_to_datetime(headers["Last-Modified"]) <= parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False


def _handler_for(server: ReplayServer) -> type[BaseHTTPRequestHandler]:
    """A request-handler class bound to one ReplayServer."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "monitor-replay/1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._answer(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(send_body=False)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Silenced: tests and the demo read `server.requests` instead."""

        def _answer(self, send_body: bool) -> None:
            path = urlsplit(self.path).path or "/"
            server._record(self.command, self.path, RequestHeaders(self.headers.items()))
            if server.latency:
                time.sleep(server.latency)
            forced = server._forced_status(path)
            if forced is not None:
                return self._send(forced[0], f"replay: forced {forced[0]}\n".encode(), send_body,
                                  {"Content-Type": "text/plain", **forced[1]})
            node = server._resolve(path)
            if node is None:
                return self._send(404, b"replay: not found\n", send_body, {"Content-Type": "text/plain"})
            body = node.read_bytes()
            if Path(node.name).suffix.lower() in TEXT_SUFFIXES:
                body = _dates(body.replace(PLACEHOLDER, server.base_url.encode("ascii")))
            headers = server._headers_for(path, node, body)
            if _not_modified(self.headers, headers):
                return self._send(304, b"", False, {k: v for k, v in headers.items() if k != "Content-Type"})
            self._send(200, body, send_body, headers)

        def _send(self, status: int, body: bytes, send_body: bool, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                self.wfile.write(body)

    return Handler
