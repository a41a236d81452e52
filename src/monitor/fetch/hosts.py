"""Per-host politeness: one request at a time per host, and a delay between them.

In: a host (`host:port`) before each request, its latency after. Out: waits: a request starts
at least the host's delay after the previous one to that host ended. The delay adapts to
the host's latency (AutoThrottle's idea: half-way towards the last latency) but never drops
below `fetch.min_delay`, nor below the host's own robots.txt Crawl-delay (`at_least`; robots.py reads
at most MAX_DELAY from it); a Retry-After pushes the host's next start later for every request to
it, and a wait longer than `patience` is refused at once instead of holding a worker: the host
rests (`rest`) until the time it asked for, at most MAX_REST, and a memory (the store's
`host_rests`) keeps the pause for the next process; the memory also shares each host's turns
with the other processes polling the same database (a request waits until the last one another
process made is its delay behind). A host that gives no complete answer in time to STALLS
requests in a row (a server that trickles every page) is left alone for STALL_REST, its links
refused at once (as a pause asked for: they wait for the next poll), so it cannot hold a
source to its deadline. Hosts never wait for one another: each has its own lock, and only
`concurrency` requests are in flight overall, shared among the sources asking (`FairSlots`:
a source whose links lead to a hundred slow hosts held every slot for their whole budgets, the
other sources' pages waiting behind them). Lives on the fetcher's event loop; its memory does
the file and database I/O.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from ..errors import FetchError
from ..timespec import SHANGHAI

MAX_DELAY = 30.0
MAX_REST = 86_400.0  # a pause asked for is honoured up to a day: a typo on their side must not silence a source
KEEP_HOSTS = 512  # past this many hosts, idle ones are forgotten
IDLE = 3600.0  # seconds past its next allowed start after which a host is idle
STALLS = 3  # requests in a row without a complete answer in time: the host is left alone for STALL_REST
STALL_REST = 300.0
_OWNER: ContextVar[str] = ContextVar("fetch_owner", default="")


_GIVE_UP: ContextVar[threading.Event | None] = ContextVar("fetch_give_up", default=None)


def fetching_for(owner: str) -> None:
    """Name who the requests of the running task are for (a source): its share of the slots."""
    _OWNER.set(owner)


def given_up_on(stopping: threading.Event) -> None:
    """The running task's requests not yet begun when `stopping` is set (a SIGTERM, Ctrl-C) are
    given up rather than wait their host's turn: FetchError of kind "deferred", the link left for
    the next poll. A request already sent is read to its end."""
    _GIVE_UP.set(stopping)


def _check_given_up(host: str) -> None:
    stopping = _GIVE_UP.get()
    if stopping is not None and stopping.is_set():
        raise FetchError(f"{host}: stopping, not asked", hint="the link is asked at the next poll", kind="deferred")


class RestMemory(Protocol):
    """Where pauses outlive the process: `rest_of` gives (end as a Unix time, why) or None; and
    turns shared with the other processes polling the same database: `take_turn` gives 0 when a
    request may start (the turn is then this process's) or the seconds to wait, `give_back_turn`
    the delay before the next one."""

    def rest_of(self, host: str) -> tuple[float, str] | None: ...

    def rest(self, host: str, until: float, reason: str) -> None: ...

    def take_turn(self, host: str) -> float: ...

    def give_back_turn(self, host: str, delay: float) -> None: ...


@dataclass
class _Host:
    delay: float  # adapted to the host's latency, within [min_delay, MAX_DELAY]
    next_start: float = 0.0
    ended: float = 0.0  # when the last request to it ended
    floor: float = 0.0  # what the host's robots.txt asks (Crawl-delay / Request-rate)
    rest: str = ""  # why the host rests, while it asked for a pause longer than we wait
    timeouts: int = 0  # requests in a row that got no complete answer in time
    stalled: str = ""  # why the host is left alone (STALLS timeouts in a row) until next_start
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def spacing(self) -> float:
        return max(self.delay, self.floor)


class HostGate:
    """Take turns per host: `async with gate.turn(host): ...one request...`."""

    def __init__(self, min_delay: float, concurrency: int, patience: float, memory: RestMemory | None = None) -> None:
        self.min_delay = min_delay
        self.memory = memory
        self.patience = patience
        self.hosts: dict[str, _Host] = {}
        self.slots = FairSlots(concurrency)

    def _host(self, host: str) -> _Host:
        if host not in self.hosts:
            if len(self.hosts) >= KEEP_HOSTS:
                self._sweep()
            self.hosts[host] = h = _Host(self.min_delay)
            rest = self.memory.rest_of(host) if self.memory else None
            if rest:  # another run was told to leave this host alone for a while
                h.next_start = time.monotonic() + rest[0] - time.time()
                h.rest = rest[1]
        return self.hosts[host]

    def _sweep(self) -> None:
        """Forget hosts idle for IDLE seconds (their turn long past, nobody waiting): a daemon
        meets new hosts for months. One met again starts from `min_delay`, as a new one does."""
        idle_since = time.monotonic() - IDLE
        for name, h in list(self.hosts.items()):
            if h.next_start < idle_since and not h.lock.locked():
                del self.hosts[name]

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        """Wait for this host's turn (its lock, then its delay), then one in-flight slot."""
        h = self._host(host)
        async with h.lock:
            _check_given_up(host)  # links queued for a slow site's turns: `docker stop` waits 10 s, not for them
            wait = h.next_start - time.monotonic()
            if h.stalled and wait > 0:
                raise FetchError(f"{host} {h.stalled}; not asked again before {clock(time.time() + wait)}",
                                 hint="the site is too slow; its links are asked again at the next poll", kind="rate_limited")
            if wait > self.patience:
                why = f": {h.rest}" if h.rest else ""
                raise FetchError(f"{host} asked for a pause{why}; not asked again before "
                                 f"{clock(time.time() + wait)}", hint="the site is rate limiting us",
                                 kind="rate_limited")
            if wait > 0:
                await asyncio.sleep(wait)
                _check_given_up(host)
            memory = self.memory
            while memory is not None and (others := memory.take_turn(host)) > 0:  # another process's turn
                await asyncio.sleep(min(others, 1.0))
            try:
                owner = _OWNER.get()
                await self.slots.acquire(owner)
                try:
                    started = time.monotonic()
                    try:
                        yield
                    except FetchError as exc:
                        if exc.kind == "timeout":
                            self._timed_out(h)
                        raise
                    else:
                        h.timeouts, h.stalled = 0, ""
                    finally:
                        h.ended = ended = time.monotonic()
                        h.delay = min(MAX_DELAY, max(self.min_delay, (h.delay + ended - started) / 2))
                        # Counted from the end of this request, so the server sees at least `delay`
                        # between two arrivals whatever the network did to either of them.
                        h.next_start = max(h.next_start, ended + h.spacing)
                finally:
                    self.slots.release(owner)
            finally:
                if memory is not None:  # the other processes' next request: this one's delay from now
                    memory.give_back_turn(host, h.spacing)

    def _timed_out(self, h: _Host) -> None:
        """One more request in a row without a complete answer in time; at STALLS the host is
        left alone for STALL_REST (in this process: not the site's wish, as a pause asked for is)."""
        h.timeouts += 1
        if h.timeouts >= STALLS:
            h.next_start = max(h.next_start, time.monotonic() + STALL_REST)
            h.stalled = f"gave no complete answer in time to {h.timeouts} requests in a row"

    def at_least(self, host: str, seconds: float) -> None:
        """The host's robots.txt asks for `seconds` between requests: from its last one on."""
        h = self._host(host)
        h.floor = seconds
        if h.ended:
            h.next_start = max(h.next_start, h.ended + h.spacing)

    def defer(self, host: str, seconds: float) -> None:
        """The host asked (Retry-After) not to be asked again for `seconds`."""
        h = self._host(host)
        h.next_start = max(h.next_start, time.monotonic() + seconds)

    def rest(self, host: str, seconds: float, reason: str) -> float:
        """The host asked (Retry-After) for a pause longer than we wait: no request to it for
        `seconds` (at most MAX_REST), in this process and, through the memory, in the next.
        Returns the Unix time the pause ends."""
        seconds = min(max(seconds, 0.0), MAX_REST)
        h = self._host(host)
        h.next_start = max(h.next_start, time.monotonic() + seconds)
        h.rest = reason
        until = time.time() + seconds
        if self.memory:
            self.memory.rest(host, until, reason)
        return until

    def delay(self, host: str) -> float:
        """The host's current delay between request starts."""
        return self._host(host).spacing


class FairSlots:
    """`size` requests in flight, shared among owners: one holds at most half of them (at least
    one), the last eighth (two of 16) go only to an owner holding none, and a slot set free goes
    to the waiting owner holding fewest (the first of them to ask). A source whose links all
    time out so keeps the others' first requests from waiting behind its whole list, and two
    such sources together leave a slot for a third; alone one still has half the slots, more
    than one host's turns need."""

    def __init__(self, size: int) -> None:
        self.free = size
        self.cap = max(1, size // 2)
        self.reserve = size // 8  # kept for owners holding none
        self.count: dict[str, int] = {}
        self.waiting: list[tuple[str, asyncio.Future[None]]] = []

    async def acquire(self, owner: str) -> None:
        """A slot for `owner` (give it back with `release`)."""
        # Free slots with owners waiting means those owners are at their cap or hold some and
        # only the reserve is free (each release serves whoever may take it): any other takes one.
        held = self.count.get(owner, 0)
        if self.free > (self.reserve if held else 0) and held < self.cap:
            return self._take(owner)
        waiter = asyncio.get_running_loop().create_future()
        self.waiting.append((owner, waiter))
        try:
            await waiter
        except BaseException:
            if (owner, waiter) in self.waiting:
                self.waiting.remove((owner, waiter))
            elif not waiter.cancelled():
                self._give(owner)  # given a slot just as the wait was cancelled
            raise

    def release(self, owner: str) -> None:
        self._give(owner)

    def _take(self, owner: str) -> None:
        self.free -= 1
        self.count[owner] = self.count.get(owner, 0) + 1

    def _give(self, owner: str) -> None:
        self.free += 1
        left = self.count.pop(owner) - 1
        if left:
            self.count[owner] = left
        while self.free and self.waiting:
            best, fewest = -1, self.cap
            for i, (who, _) in enumerate(self.waiting):
                held = self.count.get(who, 0)
                if held < fewest:
                    best, fewest = i, held
                    if not held:
                        break
            if best < 0 or (fewest and self.free <= self.reserve):
                return  # every owner waiting is at its cap, or holds some and only the reserve is left
            who, waiter = self.waiting.pop(best)
            if waiter.cancelled():
                continue
            self._take(who)
            waiter.set_result(None)


def clock(unix: float) -> str:
    """A Unix time as users read it: Asia/Shanghai, to the minute."""
    return datetime.fromtimestamp(unix, SHANGHAI).strftime("%Y-%m-%d %H:%M Asia/Shanghai")
