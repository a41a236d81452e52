"""The polite, guarded HTTP client: the `Fetcher` and the `Response` it returns.

In: URLs (plus the ETag / Last-Modified remembered for listings). Out: `Response` with the final
URL after redirects, status, decoded-size-capped bytes, headers and the text decoded once; or
`FetchError` with a `kind`. Every hop of a request goes through the address policy (guard.py),
robots.txt (robots.py) and its host's turn and delay (hosts.py); redirects are followed here,
not inside httpx, at most 5 hops, and a loop (an address asked for again with no cookie set
since: a cookie check's redirect to itself is followed) is a permanent failure; so is a page
that sends the reader on by itself (a meta refresh, a `Refresh` header, a script stub: signals.refresh_target).
Each request has one total time budget (connect + headers + body, `fetch.timeout`), so a page
that drips is abandoned at the deadline; a timeout is retried at most once, an answer that is no
HTTP (kind "malformed": the same bytes would come again) not at all, other transient failures
per retry.py.
All I/O runs on one asyncio loop in a background thread, so many hosts are fetched at once
while no host sees more than one request at a time; callers use `get` (blocking) or `submit`
(a concurrent.futures.Future). Never parses articles, never touches the store.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import errno
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import quote_from_bytes

import h11
import httpx

from ..config import FetchConfig
from ..decode import decode_html
from ..errors import FetchError
from ..retry import RetryPolicy, parse_retry_after
from . import signals
from .body import ACCEPT_ENCODING, Reading, content_length, read_body, too_large
from .cookies import BoundedJar
from .guard import AddressPolicy
from .hosts import MAX_REST, HostGate, RestMemory, clock
from .robots import MAX_BYTES as ROBOTS_MAX_BYTES
from .robots import Memory, RobotsCache
from .stream import NO_ISSUER
from .transport import Answer, GuardedTransport, transports

log = logging.getLogger("monitor.fetch")
T = TypeVar("T")
MAX_HOPS = 5
MAX_URL = 8_192  # what common servers accept in a request line; longer is a broken or hostile link
REDIRECTS = (300, 301, 302, 303, 307, 308)  # Chromium's; another 3xx, or one without a Location, is its page
_FORM_TYPE = "application/x-www-form-urlencoded"
_KEEP_SENT = 64  # header sets kept (`Fetcher._with`): a poll's list pages, each its links' Referer
ERROR_BODY = 65_536  # enough of an error page to tell a WAF stub
# Set while robots.txt is read: its body is cut at this many bytes instead of refused past the cap.
_PREFIX_ONLY: ContextVar[int] = ContextVar("prefix_only", default=0)
_CUT_OK: ContextVar[bool] = ContextVar("cut_ok", default=False)  # `fetch(cut=True)`: a page over the cap is cut
# `fetch(cut=True, limit=N, peek=...)`: cut at N bytes instead of the cap; a look at the first bytes
# of a body the answer says is over the cap, True to stop reading there (`Reading`)
_LIMIT: ContextVar[int] = ContextVar("limit", default=0)
_PEEK: ContextVar[Callable[[bytes], bool] | None] = ContextVar("peek", default=None)
PEEK_AT = 65_536  # the first bytes shown to a `peek` (an eighth of a smaller cap)


class HostMemory(Memory, RestMemory, Protocol):
    """What outlives the process per host: robots.txt answers and pauses asked for."""


@dataclass
class Response:
    """What a GET returned; `not_modified` means a 304 to a conditional request; `redirects`
    lists the URLs we were sent on from (the first is the one asked for)."""

    url: str
    status: int
    content: bytes
    headers: dict[str, str]
    elapsed: float = 0.0
    not_modified: bool = False
    redirects: tuple[str, ...] = ()
    # where the address asked for has moved for good: the end of the 301/308 answers it began with
    moved: str = ""
    cut: bool = False  # the body was over fetch.max_bytes: `content` is its first max_bytes (asked with `cut`)
    # with `cut`: the bytes of the cap (or `limit`) the read left unused (a `peek` stopped it early, or
    # the body came compressed): what a further request for the same body may still take
    room: int = 0
    rest_until: float = 0.0  # the host asked for a pause (Retry-After past our patience) until this Unix time
    location: bytes = field(default=b"", repr=False)  # a redirect's Location as its bytes came
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The body decoded once: BOM, HTTP charset, meta charset, then detection."""
        if self._text is None:
            self._text = decode_html(self.content, self.headers.get("content-type"))
        return self._text

    @property
    def canonical(self) -> str | None:
        """The canonical URL the page declares (Link header or `<link rel=canonical>`), if any."""
        return signals.canonical_link(self.url, self.headers, self.content)


class Fetcher:
    """A polite, guarded HTTP client on its own event loop; use as a context manager or `close()`."""

    def __init__(self, cfg: FetchConfig, *, memory: HostMemory | None = None) -> None:
        self.cfg = cfg
        self.policy = AddressPolicy(cfg.allow_private, cfg.timeout)
        self.retry = RetryPolicy(retries=cfg.retries)
        self.gate = HostGate(cfg.min_delay, cfg.concurrency, patience=self.retry.retry_after_cap, memory=memory)
        self.robots = RobotsCache(self._robots_answer, cfg.user_agent, memory=memory)
        self.refusals = 0
        direct, mounts = transports(self.policy, cfg.proxy, cfg.ca_file, cfg.unverified_hosts)
        self.client = httpx.AsyncClient(
            transport=direct, mounts=mounts, follow_redirects=False, timeout=httpx.Timeout(cfg.timeout or None),
            cookies=BoundedJar(),  # one jar for the daemon's life: bounded as a browser's is
            headers={"User-Agent": cfg.user_agent, "Accept-Encoding": ACCEPT_ENCODING,
                     "Accept-Language": "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.6"})
        self._sent: dict[tuple[tuple[str, str], ...], httpx.Headers] = {}  # `_with`
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fetch", daemon=True)
        self.thread.start()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ from other threads

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run a coroutine on the fetch loop; its result or exception arrives in the Future."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            check_robots: bool = True) -> Response:
        """GET and wait; 304 gives `not_modified`, anything else but 2xx raises FetchError."""
        return self.submit(self.fetch(url, etag=etag, last_modified=last_modified, check_robots=check_robots)).result()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's origin lets our user agent fetch it (waits)."""
        return self.submit(self.robots_allow(url)).result()

    def close(self) -> None:
        """Cancel what is still running, close the connections and stop the loop."""
        if self.loop.is_closed():
            return
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            self.submit(self._shutdown()).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        close_memory = getattr(self.robots.memory, "close", None)
        if close_memory:
            close_memory()
        self.thread.join(timeout=10)
        if not self.loop.is_running():
            self.loop.close()

    async def _shutdown(self) -> None:
        me = asyncio.current_task()
        others = [t for t in asyncio.all_tasks() if t is not me]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        await self.client.aclose()
        await self.loop.shutdown_default_executor()

    # ------------------------------------------------------------ on the loop

    async def robots_allow(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url` (True when robots are not respected)."""
        return not self.cfg.respect_robots or await self.robots.allowed(url)

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    check_robots: bool = True, method: str = "GET", headers: dict[str, str] | None = None,
                    body: dict[str, Any] | None = None, cut: bool = False, limit: int = 0,
                    peek: Callable[[bytes], bool] | None = None) -> Response:
        """GET (or `method` with `body`: httpx's data/json/content) following redirects ourselves;
        a WAF stub, a non-2xx answer or a refusal raise. With `cut`, a page over fetch.max_bytes
        is its first max_bytes, `cut` set (a feed reads the entries that came whole), not an error;
        `limit` cuts it sooner, and `peek` is shown the first bytes of a plain body its answer says
        is over the cap, its True stopping the read there (`cut` set, `room` the cap's bytes left)."""
        tokens = (_CUT_OK.set(cut), _LIMIT.set(limit if cut else 0), _PEEK.set(peek if cut else None))
        try:
            return await self._fetch(url, etag, last_modified, check_robots, method, headers, body)
        finally:
            _CUT_OK.reset(tokens[0])
            _LIMIT.reset(tokens[1])
            _PEEK.reset(tokens[2])

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None, check_robots: bool, method: str,
                     headers: dict[str, str] | None, body: dict[str, Any] | None) -> Response:
        sent = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        sent.update(headers or {})
        resp = await self._follow(url, sent, check_robots=check_robots, retries=self.retry.retries,
                                  request=(method, body or {}))
        reason = signals.challenge(resp.url, resp.headers, resp.content)
        if reason:
            raise FetchError(f"{method} {resp.url}: {reason}", status=resp.status, kind="blocked",
                             hint="the site shows crawlers a bot check instead of the page")
        said = signals.busy(resp.text) if _page(resp.status) and len(resp.content) <= signals.TINY else None
        if said:  # a rate limit given as a page: the host rests for the rest of this poll
            self.gate.defer(httpx.URL(resp.url).netloc.decode("ascii", "replace"), self.retry.retry_after_cap + 1)
            raise FetchError(f"{method} {resp.url}: a page saying {said!r} instead of the page", status=resp.status,
                             kind="rate_limited", hint="the site is rate limiting us; asked again at the next poll")
        depth = signals.nesting(resp.content)
        if depth > signals.MAX_DEPTH:
            raise FetchError(f"{method} {resp.url}: elements nested {depth} deep", status=resp.status, kind="too_large",
                             hint="a hostile or broken page; parsing it would take minutes")
        if resp.status == 304:
            if not (etag or last_modified):
                raise FetchError(f"{method} {resp.url}: HTTP 304 to a request that was not conditional", status=304,
                                 kind="http", hint="a broken server or cache; asked again next poll")
            resp.not_modified = True
            return resp
        if resp.rest_until:
            raise FetchError(f"{method} {resp.url}: HTTP {resp.status}, a pause asked for; not asked again before "
                             f"{clock(resp.rest_until)}", status=resp.status, kind="rate_limited",
                             hint="the site is rate limiting us")
        if resp.status == 429:  # too many requests: our pace, not the page, is at fault
            raise FetchError(f"{method} {resp.url}: HTTP 429, too many requests", status=429, kind="rate_limited",
                             hint="the site is rate limiting us; asked again at the next poll")
        if not _page(resp.status):
            raise FetchError(f"{method} {resp.url}: HTTP {resp.status}", hint=_status_hint(resp.status),
                             status=resp.status, kind="http")
        return resp

    async def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool, retries: int,
                      request: tuple[str, dict[str, Any]] = ("GET", {})) -> Response:
        """Request `url`, then each redirect target in turn, every hop checked like the first.
        A POST is repeated only through a 307/308; other redirects continue as a GET."""
        hops: list[str] = []
        asked: set[tuple[str, str, int]] = set()  # each hop's method, URL and the cookies it was asked with
        jar = self.client.cookies.jar
        current = url
        posted: dict[str, str] = {}  # the header of a form's body sent on (a 307/308 repeats it)
        # a conditional request stays one at every hop: the validators are the final page's, and a
        # source that moved (a 301 to its new address) is otherwise fetched in full at every poll
        carried = {k: v for k, v in headers.items() if k in _CONDITIONAL}
        moved, permanent = "", True
        for hop in range(MAX_HOPS + 1):
            target = await self._vet(current)
            if check_robots and self.cfg.respect_robots:
                await self._obey_robots(current, target)
            before = getattr(jar, "changes", 0)
            asked.add((request[0], current, before))
            resp = await self._attempts(current, target, {**(headers if hop == 0 else carried), **posted}, retries,
                                        request)
            location, form = _redirect_target(resp), None
            permanent = permanent and location is not None and resp.status in (301, 308)
            if permanent:
                moved = location or ""
            if location is None and _page(resp.status):  # a page that sends the reader on
                location = signals.refresh_target(resp.url, resp.headers, resp.content)
                self._script_cookies(resp)  # set before it moves or reloads, as a browser runs the script first
                if location is None and getattr(jar, "changes", 0) != before and \
                        signals.reloads(resp.url, resp.headers, resp.content):
                    location = resp.url  # a cookie check: the page again, with the cookie it set
                if location is None and (form := signals.submitted_form(resp.url, resp.content,
                                                                        resp.headers.get("content-type"))):
                    location = form[1]  # a form its script sends at once
            if resp.status not in (307, 308):
                request, posted = ("GET", {}), {}
            if form and form[0] == "POST":  # its fields already encoded in the page's charset
                request, posted = ("POST", {"content": form[2]}), {"Content-Type": _FORM_TYPE}
            if location is None:
                resp.redirects, resp.moved = tuple(hops), moved
                return resp
            hops.append(current)
            # a loop: an address asked for before with the same cookies (a cookie check sends the
            # reader back to the same address with a cookie just set, and a browser follows it)
            if (request[0], location, getattr(jar, "changes", 0)) in asked:
                raise FetchError(f"GET {url}: redirect loop ({' → '.join([*hops, location])})", kind="redirect",
                                 hint="the site sends this link round in circles")
            current = location
        raise FetchError(f"GET {url}: more than {MAX_HOPS} redirects", kind="redirect",
                         hint="the site sends this link on and on")

    def _script_cookies(self, resp: Response) -> None:
        """The cookies a stub's script sets (`document.cookie = "verify=1"`: signals.script_cookies)
        into the jar, as a browser runs the script: those it holds already with the same value
        are no change (a check setting the same cookie at every reload is not asked again)."""
        found = signals.script_cookies(resp.content)
        if not found:
            return
        host = httpx.URL(resp.url).host
        held = {(c.name, c.value) for c in self.client.cookies.jar
                if host == c.domain.lstrip(".") or host.endswith("." + c.domain.lstrip("."))}
        fresh = [value for value in found if tuple(value.split(";", 1)[0].strip().split("=", 1)) not in held]
        if fresh:
            _keep_cookies(self.client.cookies, 200, httpx.Headers([(b"set-cookie", v.encode()) for v in fresh]),
                          httpx.Request("GET", resp.url))

    async def _obey_robots(self, url: str, target: httpx.URL) -> None:
        """Raise unless robots.txt lets us fetch `url`; an unreadable robots.txt means "not now".
        Its Crawl-delay (or Request-rate) becomes the host's least delay."""
        rules = await self.robots.rules_of(url)
        if rules.unreachable:
            raise FetchError(f"GET {url}: not fetched while robots.txt is unreadable ({rules.unreachable})",
                             kind="deferred", hint="RFC 9309: asked again later")
        if not rules.allows(url, self.cfg.user_agent):
            raise FetchError(f"GET {url}: disallowed by robots.txt", kind="robots",
                             hint="the site asks crawlers not to fetch this path")
        asked = rules.delay(self.cfg.user_agent)
        if asked:
            self.gate.at_least(target.netloc.decode("ascii", "replace"), asked)

    async def _vet(self, url: str) -> httpx.URL:
        """The address policy for one hop: http(s) only, every address of the host allowed.
        Gives the URL parsed (once per hop: the request and the host's turn reuse it)."""
        if len(url) > MAX_URL:
            raise FetchError(f"GET {url[:120]}…: a URL of {len(url)} characters", kind="invalid",
                             hint="a broken or hostile link")
        url = signals.encode_controls(url)  # a control character a page put in a link, as a browser sends it
        try:
            parsed = httpx.URL(url)
            if parsed.port is not None and not 0 < parsed.port < 65536:  # httpx parses it; connect() overflows
                raise ValueError(parsed.port)
            host = parsed.host  # an `xn--` label that is no Punycode raises here (IDNAError, a ValueError)
        except (httpx.InvalidURL, ValueError, TypeError):
            raise FetchError(f"GET {url}: not a valid URL", kind="invalid", hint="a broken link") from None
        if parsed.scheme in ("http", "https") and not host:
            raise FetchError(f"GET {url}: not a valid URL (no host)", kind="invalid", hint="a broken link")
        if parsed.scheme not in ("http", "https"):
            self.refusals += 1
            raise FetchError(f"refused {url}: only http and https are fetched", kind="refused",
                             hint="a link to another kind of resource")
        if "%" in host:  # a control encoded above (`good%E2%80%AEgro.example`): no name to look up
            raise FetchError(f"GET {url}: not a valid URL (a host holding '%')", kind="invalid", hint="a broken link")
        try:
            await self.policy.vet(host, parsed.port or (443 if parsed.scheme == "https" else 80))
        except FetchError as exc:
            if exc.kind == "refused":
                self.refusals += 1
                log.warning("refused %s: %s", url, exc.message)
            raise
        return parsed

    async def _attempts(self, url: str, target: httpx.URL, headers: dict[str, str], retries: int,
                        request: tuple[str, dict[str, Any]] = ("GET", {})) -> Response:
        """One request with retries on transient failures; a timeout is retried at most once."""
        host = target.netloc.decode("ascii", "replace")
        timeouts = 0
        for attempt in range(retries + 1):
            final = attempt == retries
            try:
                async with self.gate.turn(host):
                    resp = await self._once(url, target, headers, request)
            except FetchError as exc:
                retry = exc.kind == "transport" or (exc.kind == "timeout" and timeouts == 0)
                if final or not retry:
                    raise
                timeouts += exc.kind == "timeout"
                self.gate.defer(host, self.retry.backoff(attempt))
                continue
            if not self.retry.transient(resp.status):
                return resp
            asked = parse_retry_after(resp.headers.get("retry-after"))
            if asked is not None and asked > self.retry.retry_after_cap:  # longer than a poll waits
                said = f"{asked:.0f}s" if asked <= MAX_REST else "of more than a day"  # not "infs" for 1e400
                resp.rest_until = self.gate.rest(host, asked, f"HTTP {resp.status} with Retry-After {said}")
                return resp
            if final:
                return resp
            self.gate.defer(host, asked if asked is not None else self.retry.backoff(attempt))
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _once(self, url: str, target: httpx.URL, headers: dict[str, str],
                    request: tuple[str, dict[str, Any]] = ("GET", {})) -> Response:
        """One request (a GET unless `request` says otherwise) within the total time budget:
        connect, headers and body."""
        started = time.monotonic()
        method, payload = request
        try:
            async with asyncio.timeout(self.cfg.timeout or None):
                r = await self._send(method, target, headers, payload)
                reading = Reading()
                try:
                    body = await self._body(r, url, reading)
                finally:
                    await r.aclose()
                moved = next((v for k, v in r.headers.raw if k.lower() == b"location"), b"") \
                    if r.status_code in REDIRECTS else b""
                cap = self._cap()
                cut = len(body) > cap or reading.stopped  # only with `fetch(cut=True)`: else over the cap raised
                return Response(url=str(target), status=r.status_code, content=body[:cap] if cut else body,
                                headers=dict(r.headers.items()), elapsed=time.monotonic() - started, location=moved,
                                cut=cut, room=max(0, cap - reading.wire) if cut else 0)
        except TimeoutError:
            raise FetchError(f"GET {url}: no complete answer within {self.cfg.timeout:g}s", kind="timeout",
                             hint="the site is too slow; raise fetch.timeout if it is always like this") from None
        except httpx.TimeoutException:
            raise FetchError(f"GET {url}: timed out", kind="timeout", hint="the site is too slow") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"GET {url}: {exc}", kind="invalid", hint="a broken link") from None
        except httpx.TransportError as exc:
            reason = _transport_reason(exc)
            if _malformed(exc):
                raise FetchError(f"GET {url}: {reason}", kind="malformed",
                                 hint="a broken server; asked again at the next poll, not now") from None
            hint = ("save the site's intermediate certificate (PEM; a browser shows it) and name the file in "
                    "fetch.ca_file" if reason.startswith(_NO_ISSUER) else
                    "the site's certificate is expired, its own or for another name; if you trust the site anyway, "
                    "add its host to fetch.unverified_hosts" if reason.startswith(_NOT_ACCEPTED) else
                    "a fault of the site or of the network on the way; asked again at the next poll"
                    if reason in (_BROKE, _CLOSED) else "check the URL and that the site is reachable from here")
            raise FetchError(f"GET {url}: {reason}", kind="transport", hint=hint) from None

    async def _send(self, method: str, target: httpx.URL, headers: dict[str, str],
                    payload: dict[str, Any]) -> httpx.Response | Answer:
        """Send through the transport for the URL (direct, or a proxy mount), with the client's
        headers and cookie jar: what `AsyncClient.stream` did for us, minus what we never use
        (auth flows, its redirect loop, event hooks, a log line and a cookie pass per request),
        which cost as much CPU as the connection pool underneath. No timeout inside: the
        caller's total budget covers connect, headers and body."""
        sent = self._with(headers) if headers else self.client.headers
        cookies = self.client.cookies
        transport = self.client._transport_for_url(target)
        if method == "GET" and not payload and not len(cookies.jar) and isinstance(transport, GuardedTransport):
            answer = await transport.get(target, sent)  # a page: no httpx Request or Response built
            if "set-cookie" in answer.headers:
                _keep_cookies(cookies, answer.status_code, answer.headers, httpx.Request(method, target, headers=sent))
            return answer
        req = httpx.Request(method, target, headers=sent, **payload)
        if len(cookies.jar):
            req.headers.encoding = _AS_SENT  # a cookie's value goes back as the bytes it came as
            cookies.set_cookie_header(req)
        resp = await transport.handle_async_request(req)
        resp.request = req
        if "set-cookie" in resp.headers:
            _keep_cookies(cookies, resp.status_code, resp.headers, req)
        return resp

    def _with(self, headers: dict[str, str]) -> httpx.Headers:
        """The client's headers with a request's own (an article's Referer: the page that
        linked it, the same for a source's links), each set made once and kept (read-only)."""
        key = tuple(headers.items())
        sent = self._sent.get(key)
        if sent is None:
            if len(self._sent) >= _KEEP_SENT:
                self._sent.clear()
            sent = self._sent[key] = self.client.headers.copy()
            sent.update(headers)
        return sent

    def _cap(self) -> int:
        """fetch.max_bytes, or a `limit` under it (`fetch(cut=True, limit=N)`)."""
        limit = _LIMIT.get()
        return min(limit, self.cfg.max_bytes) if limit > 0 else self.cfg.max_bytes

    async def _body(self, r: httpx.Response | Answer, url: str, reading: Reading | None = None) -> bytes:
        if r.status_code == 304 or (r.status_code in REDIRECTS and _moves(r.headers)):
            return b""
        prefix = _PREFIX_ONLY.get()
        if prefix and _page(r.status_code):
            return await read_body(r, prefix, url, truncate=True)
        if _page(r.status_code) and _CUT_OK.get():  # one byte past the cap read tells a body cut from one that fits
            cap, peek = self._cap(), _PEEK.get()
            declared = content_length(r.headers)
            if reading is not None and peek is not None and declared is not None and declared > cap and \
                    (r.headers.get("content-encoding") or "identity").strip().lower() == "identity":
                reading.peek, reading.at = peek, min(PEEK_AT, max(cap // 8, 1))
            return await read_body(r, cap + 1, url, truncate=True, reading=reading)
        if _page(r.status_code):
            declared = content_length(r.headers)
            if declared is not None and declared > self.cfg.max_bytes:
                raise too_large(url, self.cfg.max_bytes)
            return await read_body(r, self.cfg.max_bytes, url)
        try:  # an error page: enough of it to recognise a WAF stub
            return await read_body(r, ERROR_BODY, url)
        except FetchError:
            return b""

    async def _robots_answer(self, robots_url: str) -> tuple[int, bytes] | str:
        """(status, body) of robots.txt after redirects, or why the origin is unreachable.
        Only its first 500 KiB are read, whatever fetch.max_bytes says (RFC 9309, 2.5)."""
        token = _PREFIX_ONLY.set(ROBOTS_MAX_BYTES)
        try:
            resp = await self._follow(robots_url, {}, check_robots=False, retries=0)
        except FetchError as exc:
            if exc.kind == "redirect":  # RFC 9309: past five redirects, as if there were none
                return 404, b""
            if exc.kind == "encoding":  # a 2xx in a compression never asked for (`br`): no rules to read,
                return 200, b""  # as a file of none (it locked the whole site out as "unreadable")
            return exc.message.removeprefix(f"GET {robots_url}: ")
        finally:
            _PREFIX_ONLY.reset(token)
        # a 3xx that moves nowhere is its body, as for a page
        return (200 if _page(resp.status) and resp.status >= 300 else resp.status), resp.content


def _page(status: int) -> bool:
    """Whether an answer of this status is a page a browser shows: 2xx, and a 3xx but 304 that
    moves nowhere (a redirect is followed before this is asked: a 3xx here has no Location, or
    is one no browser follows, 305 or 399), whose body Chromium shows."""
    return 200 <= status < 400 and status != 304


def _moves(headers: httpx.Headers) -> bool:
    """Whether a redirect's answer names where to (a Location that is not blank)."""
    return any(k.lower() == b"location" and v.strip() for k, v in headers.raw)


_AS_SENT = "iso-8859-1"  # one character a byte: a header's bytes kept as text and written back unchanged


def _keep_cookies(cookies: httpx.Cookies, status: int, headers: httpx.Headers, request: httpx.Request) -> None:
    """The answer's cookies into the jar, each value read one character a byte (`_AS_SENT`), as a
    browser keeps it and sends it back: a GBK or UTF-8 value read as text could not be written
    into the next request's Cookie header (a UnicodeEncodeError on every later page of the site)."""
    answer = httpx.Response(status, headers=headers, request=request)
    answer.headers.encoding = _AS_SENT
    cookies.extract_cookies(answer)


_CONDITIONAL = ("If-None-Match", "If-Modified-Since")


def _redirect_target(resp: Response) -> str | None:
    """The absolute URL a 3xx sends us to (None for any other answer), its Location read from the
    bytes that came (`location_reference`), not from the header decoded as text."""
    if resp.status not in REDIRECTS:
        return None
    location = location_reference(resp.location or resp.headers.get("location", "").encode("utf-8", "replace"))
    if not location:
        return None
    try:
        return str(httpx.URL(resp.url).join(location))
    except (httpx.InvalidURL, ValueError):
        raise FetchError(f"GET {resp.url}: redirect to a malformed URL {location!r}", kind="invalid",
                         hint="a broken redirect") from None


_BLANK_ENDS = bytes(range(0x21))
_URL_SAFE = "".join(map(chr, range(0x21, 0x7F)))  # printable ASCII stays as it is, `%` escapes too


def location_reference(raw: bytes) -> str:
    """A Location header's bytes as a browser reads them (WHATWG URL): blanks and control
    characters around it stripped, tabs and line breaks in it dropped, a backslash before the
    query a slash (`news\\2026\\a.html`, `http:\\\\host\\a`), and every other byte no URL holds
    as it is (a space; a file name's raw GBK or UTF-8 bytes) percent-encoded as it came: the
    server that wrote those bytes reads them back. Header text decoded as Latin-1 (httpx's
    fallback when any header is not UTF-8) was asked for as its mojibake's UTF-8."""
    raw = raw.strip(_BLANK_ENDS).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"")
    cut = min((i for i in (raw.find(b"?"), raw.find(b"#")) if i >= 0), default=len(raw))
    return quote_from_bytes(raw[:cut].replace(b"\\", b"/") + raw[cut:], safe=_URL_SAFE)


_NO_ISSUER = "TLS certificate not accepted:"
_BROKE = "the connection was cut (reset by the site or by a device between)"
_BROKEN = (errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE)
_CLOSED = "the site closed the connection without answering"
_NO_ANSWER = "Server disconnected without sending a response"  # httpcore's words
_NOT_ACCEPTED = "TLS certificate not accepted"


def _transport_reason(exc: BaseException) -> str:
    """A short reason for a transport failure, from the OS error underneath when there is one."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return "connection refused"
        if isinstance(cause, socket.gaierror):
            return "host name not found"
        if isinstance(cause, ssl.SSLCertVerificationError):
            if cause.verify_code == NO_ISSUER:  # the site's chain lacks a link, and issuers.py could not mend it
                return f"{_NO_ISSUER} the site sends its certificate without the intermediate one ({cause.verify_message})"
            return f"{_NOT_ACCEPTED} ({cause.verify_message or cause.reason})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS handshake failed ({cause.reason or cause})"
        if isinstance(cause, ConnectionError) or getattr(cause, "errno", None) in _BROKEN:
            return _BROKE  # reset (RST) or aborted: it was the exception's class name, "ReadError"
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        return "connection refused" if "refused" in text else "cannot connect"
    if isinstance(exc, httpx.RemoteProtocolError) and str(exc).startswith(_NO_ANSWER):  # closed, nothing sent:
        return _CLOSED  # not "a malformed HTTP answer"
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return _BROKE
    if isinstance(exc, httpx.RemoteProtocolError):  # oversized headers, a short body, not HTTP at all
        detail = " ".join(str(exc).split())[:80]
        detail = "a head of over 256 KB" if detail == "Receive buffer too long" else detail  # h11's words
        return f"a malformed HTTP answer ({detail})" if detail else "a malformed HTTP answer"
    return type(exc).__name__


def _malformed(exc: BaseException) -> bool:
    """Whether the answer was one h11 refused for what it said (an HTTP/0.9 page, two
    Content-Lengths, a head past 256 KB, a chunk size that is no number), not for where it
    stopped (a connection closed mid-answer, which another try may get whole): the same bytes
    come again, so asking again within the poll only waits the backoff three times."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, h11.RemoteProtocolError):
            return not str(cause).startswith(_CUT_OFF)
        cause = cause.__cause__ or cause.__context__
    return False


_CUT_OFF = ("peer unexpectedly closed connection", "peer closed connection")


def _status_hint(status: int) -> str:
    if status in (404, 410):
        return "the page is gone; check the source URL"
    if status in (401, 403):
        return "the site refuses us; it may block crawlers or need a different user_agent"
    if status == 405:
        return "the server does not take this method; check the source's method (GET or POST)"
    if status == 429:
        return "rate limited; raise fetch.min_delay or the source interval"
    if status >= 500:
        return "the site is failing; it will be retried next cycle"
    return "unexpected status"
