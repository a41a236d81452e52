"""Frozen dataclasses passed between stages.

In: nothing. Out: the nouns of the pipeline. Never does I/O. Times are timezone-aware and in
UTC inside the program; Asia/Shanghai appears only at the edges (parsing and display).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .outlets import IMPORTED as IMPORTED  # apart: a search names outlets without these dataclasses
from .outlets import outlet as outlet
from .outlets import shown_url
from .siterules import ExtractRules as ExtractRules  # apart, so loading the config needs only it

PARAGRAPH_SEP = "\n\n"


@dataclass(frozen=True)
class Article:
    """One extracted article; `paragraphs` keep the original text for display."""

    url: str | None
    title: str
    paragraphs: tuple[str, ...]
    published: datetime | None = None
    author: str | None = None
    source_name: str | None = None
    editor: str | None = None
    lang: str | None = None

    @property
    def body(self) -> str:
        """Paragraphs joined by a blank line; hit offsets in `body` refer to this string."""
        return PARAGRAPH_SEP.join(self.paragraphs)


@dataclass(frozen=True)
class Candidate:
    """A link a source offers, with whatever the listing said about it."""

    url: str
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Hit:
    """One matched term: offsets are [start, end) in the original `field` text."""

    term: str
    field: str  # "title" or "body"
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Match:
    """The verdict of one topic on one article, with the evidence."""

    topic: str
    matched: bool
    score: float
    hits: tuple[Hit, ...] = ()
    rules: tuple[str, ...] = ()  # names of the rules that fired
    reason: str = ""  # one human line: why it matched or why not


@dataclass(frozen=True)
class Repost:
    """Another outlet's copy of a story."""

    article_id: int
    source: str
    url: str
    title: str
    published: datetime | None

    def __post_init__(self) -> None:  # a link stored before 12fec96 may keep user information
        if self.url and "@" in self.url:
            object.__setattr__(self, "url", shown_url(self.url))


@dataclass(frozen=True)
class Story:
    """A story as a digest or search shows it: the first article plus its reposts."""

    story_id: int
    article_id: int
    title: str
    url: str
    source: str
    published: datetime | None
    topics: tuple[str, ...]
    snippet: str
    hits: tuple[Hit, ...] = ()
    reposts: tuple[Repost, ...] = ()
    page_url: str | None = None  # the story's page on `monitor serve`, when [web] base_url is set
    more_reposts: int = 0  # copies not listed in `reposts` (a story copied by hundreds of sites)
    seen: datetime | None = None  # when the first article was stored: a feed's date for one without its own

    def __post_init__(self) -> None:  # a link stored before 12fec96 may keep user information
        if self.url and "@" in self.url:
            object.__setattr__(self, "url", shown_url(self.url))


@dataclass(frozen=True)
class Digest:
    """What one subscriber is sent at one time."""

    subscriber: str
    generated_at: datetime
    since: datetime | None
    topics: tuple[str, ...]
    stories: tuple[Story, ...]
    total: int | None = None  # stories waiting before the cap; the rest go in the next digest


@dataclass
class SourceReport:
    """The result of polling one source once; a failing source is a result, not a crash."""

    source: str
    status: str = "ok"  # ok | not_modified | partial | rate_limited | error | blocked | layout_changed | gone
    # | busy (another process was polling it: nothing done, nothing recorded)
    candidates: int = 0
    fetched: int = 0  # article pages fetched (whatever became of them)
    new: int = 0
    matched: int = 0
    duplicates: int = 0
    skipped: int = 0  # links robots.txt asks us not to fetch
    deferred: int = 0  # new links beyond fetch.max_articles_per_poll or the source's deadline, left for the next poll
    refused: int = 0  # links to addresses the outbound policy refuses (private, loopback, ...)
    errors: list[str] = field(default_factory=list)
    duration_ms: int = 0
    store_error: str = ""  # the database could not be written: its new articles wait for the next poll


# A message sent again after a try whose answer never came (`Outgoing.resend`) waits this many times
# the timeout for the answer once its receiver has it whole: a receiver that takes each message and
# answers past the timeout (a webhook bridge relaying it to a slow API, a mail server's content
# filter; RFC 5321 gives the answer to an email's data ten minutes) had every try, and the message
# went again at each run for ever
RESEND_PATIENCE = 4


@dataclass(frozen=True)
class Outgoing:
    """A digest rendered for one channel: everything delivery needs and nothing to decide.

    `text` goes to files, stdout and the email's text part, `html` to the email's HTML part,
    `payload` to a webhook; `problem` says why the channel's format could not be rendered.
    """

    subscriber: str
    subject: str
    digest_id: str
    day: str  # Asia/Shanghai YYYY-MM-DD of the digest, for file names
    stories: int
    format: str
    text: str | None = None
    html: str | None = None
    payload: dict | None = None
    problem: str = ""
    key: str = ""  # the message's idempotency key: the same on every retry
    story_ids: tuple[int, ...] = ()
    part: int = 1  # which message of the digest on this channel, of `parts`
    parts: int = 1
    recipients: tuple[str, ...] = ()  # email: those of the channel's `to` still waiting (none: all)
    resend: bool = False  # a try of it may have reached the receiver unanswered: the next says it is sent again


@dataclass(frozen=True)
class Queued:
    """A message in the outbox: planned, maybe tried, not yet accepted by its receiver."""

    id: int
    subscriber: str
    channel: str
    status: str  # pending | failed
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    message: Outgoing


UNTITLED = "(no title)"


def titled(title: str | None) -> str:
    """A title to show: a page stored without one (an empty <title>, an imported line without a
    `title`) is named so, not left an empty link, entry or digest line no one can tell apart."""
    return title if title and title.strip() else UNTITLED


def headline(first: dict, rows: Iterable[dict]) -> str:
    """A story's title: its first article's (a row with `title`), or, that one stored without a
    title (a wire's feed line, an imported line), the first of `rows` (its copies) that has one:
    the story was headed '(no title)' in lists, pages and feeds though its copies carried one."""
    return next((t for t in (first["title"], *(r["title"] for r in rows)) if t and t.strip()), "")
