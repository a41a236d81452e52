"""robots.txt per RFC 9309: one fetch per origin per TTL, shared by every request to it.

In: a URL, a loader that fetches an origin's `/robots.txt` (status and body, or why not) and,
optionally, a memory that keeps answers across processes (the store's `robots` table), so
`monitor poll` run from cron asks each origin once per TTL too.
Out: whether our user agent may fetch the URL, and the delay the site asks between requests
(Crawl-delay or Request-rate; the fetcher makes it the host's floor). Rules (RFC 9309 §2.3.1): 2xx → parse the first
500 KiB (protego); 4xx → no rules, everything allowed; 5xx, 429, a timeout or a failed
connection → "unreachable": everything disallowed for now and asked again after `retry`
seconds; answers are kept for `ttl` (24 h). Concurrent requests to one origin wait for the
same fetch. Lives on the fetcher's event loop; the loader does the I/O.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from protego import Protego

TTL = 24 * 3600.0
RETRY = 30 * 60.0
MAX_BYTES = 500 * 1024
# A longer Crawl-delay is read as this (hosts.MAX_DELAY, the most a slow host's own latency
# spaces it): a wait past the fetcher's patience defers the request to the next poll, so a site
# asking 200 s would never have an article read past its list page.
MAX_CRAWL_DELAY = 30.0
KEEP_ORIGINS = 512  # past this many origins, expired answers are dropped (a daemon meets new hosts for months)

# The loader returns (status, body), or the reason the origin could not be reached.
Loader = Callable[[str], Awaitable[tuple[int, bytes] | str]]


class Memory(Protocol):
    """Where answers outlive the process: `recall` gives (answer, age in seconds) or None."""

    def recall(self, origin: str) -> tuple[tuple[int, bytes] | str, float] | None: ...

    def remember(self, origin: str, answer: tuple[int, bytes] | str) -> None: ...


@dataclass(frozen=True)
class Rules:
    """What one robots.txt said: parsed rules, or allow/disallow everything (`unreachable` says
    why we could not read it: then everything waits until it answers)."""

    parsed: Protego | None
    allow_all: bool
    expires: float
    unreachable: str = ""

    def allows(self, url: str, agent: str) -> bool:
        """Whether `agent` may fetch `url`."""
        if self.parsed is None:
            return self.allow_all
        return bool(self.parsed.can_fetch(url, agent))

    def delay(self, agent: str) -> float:
        """Seconds the site asks `agent` to leave between requests: its Crawl-delay, or its
        Request-rate's seconds per request, whichever is longer; 0 when it asks nothing."""
        if self.parsed is None:
            return 0.0
        crawl = self.parsed.crawl_delay(agent) or 0.0
        rate = self.parsed.request_rate(agent)
        per = rate.seconds / rate.requests if rate is not None and rate.requests > 0 else 0.0
        asked = max(float(crawl), float(per))
        return min(asked, MAX_CRAWL_DELAY) if math.isfinite(asked) and asked > 0 else 0.0


def rules_for(answer: tuple[int, bytes] | str, now: float, ttl: float = TTL, retry: float = RETRY) -> Rules:
    """RFC 9309's reading of a robots.txt response (a str: why the origin was unreachable)."""
    if isinstance(answer, str):
        return Rules(None, allow_all=False, expires=now + retry, unreachable=answer)
    status, body = answer
    if 200 <= status < 300:
        text = body[:MAX_BYTES].decode("utf-8", "replace").removeprefix("\ufeff")  # a BOM, as Google skips it
        return Rules(Protego.parse(text), allow_all=True, expires=now + ttl)
    if 400 <= status < 500 and status != 429:
        return Rules(None, allow_all=True, expires=now + ttl)
    return Rules(None, allow_all=False, expires=now + retry, unreachable=f"robots.txt answered HTTP {status}")


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL: robots.txt is per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsCache:
    """robots.txt answers per origin, fetched once per TTL through `load`."""

    def __init__(self, load: Loader, agent: str, ttl: float = TTL, retry: float = RETRY,
                 memory: Memory | None = None) -> None:
        self.load = load
        self.memory = memory
        self.agent = agent
        self.ttl = ttl
        self.retry = retry
        self.rules: dict[str, Rules] = {}
        self.locks: dict[str, asyncio.Lock] = {}

    async def rules_of(self, url: str) -> Rules:
        """The robots.txt rules of the URL's origin (fetching them if due)."""
        origin = origin_of(url)
        if origin not in self.locks and len(self.locks) >= KEEP_ORIGINS:
            self._sweep()
        lock = self.locks.setdefault(origin, asyncio.Lock())
        async with lock:
            rules = self.rules.get(origin)
            if rules is None or rules.expires <= time.monotonic():
                rules = self.rules[origin] = self._remembered(origin) or await self._fetched(origin)
        return rules

    def _sweep(self) -> None:
        """Forget the origins whose answer has expired and that nobody is asking about now:
        asked again, they are fetched (or recalled) as on first use."""
        now = time.monotonic()
        for origin, lock in list(self.locks.items()):
            rules = self.rules.get(origin)
            if not lock.locked() and (rules is None or rules.expires <= now):
                del self.locks[origin]
                self.rules.pop(origin, None)

    def _remembered(self, origin: str) -> Rules | None:
        """Rules from an answer another process (or an earlier run) stored, while still fresh."""
        recalled = self.memory.recall(origin) if self.memory else None
        if recalled is None:
            return None
        answer, age = recalled
        rules = rules_for(answer, time.monotonic() - age, self.ttl, self.retry)
        return rules if rules.expires > time.monotonic() else None

    async def _fetched(self, origin: str) -> Rules:
        answer = await self.load(origin + "/robots.txt")
        if self.memory:
            self.memory.remember(origin, answer)
        return rules_for(answer, time.monotonic(), self.ttl, self.retry)

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's origin lets us fetch it."""
        return (await self.rules_of(url)).allows(url, self.agent)
