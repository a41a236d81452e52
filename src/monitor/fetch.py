"""HTTP fetching with manners: the only module besides notify that opens sockets.

In: URLs (plus the ETag / Last-Modified remembered for listings). Out: `Response` with the
final URL, status, raw bytes, headers and the text decoded once (see decode.py). Politeness is
a set of small policies: robots.txt per host (protego), a per-host delay that grows with the
host's latency, conditional GET, retries only on transient failures with Retry-After honoured,
and a size cap. Library errors become `FetchError` with a hint. Never parses articles.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock
from urllib.parse import urlsplit

import httpx
from protego import Protego

from .config import FetchConfig
from .decode import decode_html
from .errors import FetchError
from .retry import RetryPolicy


@dataclass
class Response:
    """What a GET returned; `not_modified` means a 304 to a conditional request."""

    url: str
    status: int
    content: bytes
    headers: dict[str, str]
    elapsed: float = 0.0
    not_modified: bool = False
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The body decoded once: BOM, HTTP charset, meta charset, then detection."""
        if self._text is None:
            self._text = decode_html(self.content, self.headers.get("content-type"))
        return self._text


class HostPolicy:
    """Per-host delay that adapts to latency (AutoThrottle's idea) but never drops below a floor."""

    def __init__(self, min_delay: float) -> None:
        self.min_delay = min_delay
        self.delay: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.lock = Lock()

    def wait(self, host: str, sleep: Callable[[float], None] = time.sleep) -> None:
        """Sleep until this host may be asked again."""
        with self.lock:
            due = self.last.get(host, 0.0) + self.delay.get(host, self.min_delay)
            pause = due - time.monotonic()
        if pause > 0:
            sleep(pause)
        with self.lock:
            self.last[host] = time.monotonic()

    def observe(self, host: str, latency: float) -> None:
        """Move the host's delay half-way towards its latency, within [min_delay, 30 s]."""
        with self.lock:
            old = self.delay.get(host, self.min_delay)
            self.delay[host] = min(30.0, max(self.min_delay, (old + latency) / 2))


class Fetcher:
    """A polite HTTP client; use as a context manager or call `close()`."""

    def __init__(self, cfg: FetchConfig, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.cfg = cfg
        self.sleep = sleep
        self.hosts = HostPolicy(cfg.min_delay)
        self.policy = RetryPolicy(retries=cfg.retries)
        self.robots: dict[str, Protego | None] = {}
        self.client = httpx.Client(timeout=cfg.timeout, follow_redirects=True, max_redirects=5,
                                   headers={"User-Agent": cfg.user_agent,
                                            "Accept-Language": "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.6"})

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it."""
        if not self.cfg.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._robots(origin)
        rules = self.robots[origin]
        return True if rules is None else rules.can_fetch(url, self.cfg.user_agent)

    def _robots(self, origin: str) -> Protego | None:
        # A missing or unreadable robots.txt allows everything (the common convention).
        try:
            resp = self._send(origin + "/robots.txt", {}, retries=0)
        except FetchError:
            return None
        if resp.status != 200:
            return None
        return Protego.parse(resp.content.decode("utf-8", "replace"))

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            check_robots: bool = True) -> Response:
        """GET with politeness and retries; 304 gives `not_modified`, other non-2xx raise FetchError."""
        if check_robots and not self.allowed(url):
            raise FetchError(f"GET {url}: disallowed by robots.txt",
                             hint="the site asks crawlers not to fetch this path; drop it from the source")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp = self._send(url, headers, retries=self.cfg.retries)
        if resp.status == 304:
            resp.not_modified = True
            return resp
        if not 200 <= resp.status < 300:
            raise FetchError(f"GET {url}: HTTP {resp.status}", hint=_status_hint(resp.status), status=resp.status)
        return resp

    def _send(self, url: str, headers: dict[str, str], retries: int) -> Response:
        host = urlsplit(url).netloc
        for attempt in range(retries + 1):
            self.hosts.wait(host, self.sleep)
            started = time.monotonic()
            try:
                resp = self._stream(url, headers)
            except (httpx.RequestError, httpx.InvalidURL) as exc:
                if attempt < retries:
                    self.sleep(self.policy.backoff(attempt))
                    continue
                raise FetchError(f"GET {url}: {_transport_reason(exc)}",
                                 hint="check the URL and that the site is reachable from here") from None
            self.hosts.observe(host, time.monotonic() - started)
            if self.policy.transient(resp.status) and attempt < retries:
                delay = self.policy.delay(attempt, resp.headers.get("retry-after"))
                if delay is None:  # asked to come back later than we wait: the next poll will
                    return resp
                self.sleep(delay)
                continue
            return resp
        raise AssertionError("unreachable")  # the loop returns or raises

    def _stream(self, url: str, headers: dict[str, str]) -> Response:
        started = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as r:
            declared = int(r.headers.get("content-length") or 0)
            if declared > self.cfg.max_bytes:
                raise FetchError(f"GET {url}: {declared} bytes is over fetch.max_bytes",
                                 hint="raise fetch.max_bytes if this page is wanted")
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > self.cfg.max_bytes:
                    raise FetchError(f"GET {url}: body over fetch.max_bytes ({self.cfg.max_bytes})",
                                     hint="raise fetch.max_bytes if this page is wanted")
                chunks.append(chunk)
            return Response(url=str(r.url), status=r.status_code, content=b"".join(chunks),
                            headers={k.lower(): v for k, v in r.headers.items()},
                            elapsed=time.monotonic() - started)


def _transport_reason(exc: Exception) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "refused" in text:
            return "connection refused"
        if "name" in text or "resolve" in text or "nodename" in text:
            return "host name not found"
        return "cannot connect"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects"
    return type(exc).__name__


def _status_hint(status: int) -> str:
    if status == 404:
        return "the page is gone; check the source URL"
    if status in (401, 403):
        return "the site refuses us; it may block crawlers or need a different user_agent"
    if status == 429:
        return "rate limited; raise fetch.min_delay or the source interval"
    if status >= 500:
        return "the site is failing; it will be retried next cycle"
    return "unexpected status"
