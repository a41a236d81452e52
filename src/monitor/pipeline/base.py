"""What every pipeline step shares: the Context and the reports the steps return.

In: nothing. Out: dataclasses. Never does I/O. (What a search needs of a Context is
`reading.Reading`.)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..errors import MonitorError
from ..store import Store
from .health import Outages

if TYPE_CHECKING:  # only polling needs it: searching never loads httpx (nor the validated config)
    from ..config import Config
    from ..fetch import Fetcher
    from ..models import Article

log = logging.getLogger("monitor")
SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_BODY_CHARS = 1_000_000  # a longer body (imported or polled) is cut here


@dataclass
class Context:
    """What every pipeline step needs: config, an open store and (for polling) a fetcher.
    `lock` serialises use of the store's one connection between threads (daemon jobs); it is
    never held while fetching. `stopping`: set by a SIGTERM or Ctrl-C; a digest sends no
    further message once the one under way is recorded."""

    cfg: Config
    store: Store
    fetcher: Fetcher | None = None
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    # held by a daemon job that sends digests, taken before `lock`: a digest lets `lock` go while a
    # message is on its way (its receiver may be silent for minutes), and the next sender waits here
    delivering: threading.RLock = field(default_factory=threading.RLock, repr=False)
    stopping: threading.Event = field(default_factory=threading.Event, repr=False)
    under_way: threading.Event = field(default_factory=threading.Event, repr=False)  # a message is being sent
    # the daemon's digests that failed (a database locked or full): subscriber -> (failures, when to run again)
    owed: dict[str, tuple[int, float]] = field(default_factory=dict, repr=False)
    # the scheduled time each subscriber's last digest in this daemon was for, and when it ran (monotonic)
    served: dict[str, tuple[datetime, float]] = field(default_factory=dict, repr=False)
    outages: Outages = field(default_factory=Outages, repr=False)  # which sources the daemon said are failing
    # the daemon's polls under way: source -> when it began (monotonic); one not here waits for a thread
    polling: dict[str, float] = field(default_factory=dict, repr=False)
    # a database fault's words -> when a poll last said it at ERROR (monotonic): once an hour, each poll at INFO
    faults_said: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def topic_names(self) -> Collection[str]:
        return self.cfg.topics


@dataclass
class Ingested:
    """What happened to one article on its way into the store."""

    status: str  # new | repost | duplicate | refused (the database would not take it: `reason`)
    article_id: int | None = None
    story_id: int | None = None
    topics: list[str] = field(default_factory=list)
    source: str = ""
    canonical: str = ""
    reason: str = ""


@dataclass
class ImportReport:
    """The outcome of `monitor import`."""

    lines: int = 0
    unit: str = "lines"  # what `lines` counts: a table's "rows", a feed's "items"
    new: int = 0
    reposts: int = 0
    duplicates: int = 0
    matched: int = 0
    zoneless: int = 0  # dates read as Asia/Shanghai time for want of a zone (said once)
    history: int = 0  # stories created that came out before a digest window: recorded read (`backfill`)
    errors: list[str] = field(default_factory=list)  # skipped lines, by number
    warnings: list[str] = field(default_factory=list)  # lines imported with a change (a cut body)
    stopped: MonitorError | None = None  # the database refused a batch, or an interrupt: stopped there


@dataclass
class DigestResult:
    """The outcome of one digest for one subscriber channel."""

    subscriber: str
    channel: str
    stories: int
    status: str  # sent | empty | dry-run | error | stopped (a signal, with messages left for the next run)
    detail: str = ""
    rendered: str = ""
    sent: int = 0  # messages accepted by the receiver in this run
    failed: int = 0  # messages that failed in this run (they are retried later)
    pending: int = 0  # messages still waiting in the outbox after this run
    waiting: int = 0  # stories in those messages (each once)
    next_try: datetime | None = None  # the earliest retry time of those messages (the daemon's)


def cap_body(article: Article, max_body: int | None = None) -> Article:
    """The article with its body cut to at most `max_body` (default `MAX_BODY_CHARS`) characters,
    at the end of a paragraph where one ends in the last tenth, else mid-paragraph."""
    limit = MAX_BODY_CHARS if max_body is None else max_body
    if len(article.body) <= limit:
        return article
    body = article.body[:limit]
    end = body.rfind("\n\n")
    if end >= limit * 0.9:
        body = body[:end]
    return replace(article, paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()))
