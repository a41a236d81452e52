"""What every source kind shares: the request it asks for, the crawl callbacks, the listing.

In: nothing. Out: `Request`, `Crawl`, `Listing` and the filters every kind applies to its links
(http(s) only, one per URL, `link_pattern`, `exclude_pattern`, `max_age_days` on listing dates).
A source never fetches by itself: a kind is a generator (a `Walk`) that yields each `Request`
it needs and is sent back the response, so every request goes through the pipeline's fetcher
and its policy (robots, delay, SSRF guard), and many sources' requests can be in flight at
once. `drive` runs a walk with a blocking fetch function. Never opens sockets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol
from urllib.parse import urljoin

from ..config import Source
from ..models import Candidate

# Links read from one list page or API answer: real ones carry a few hundred; a page of 200,000
# cost ~8 s of every poll (parsing, canonical URLs). Sitemaps, sorted newest first, are not cut.
MAX_LINKS = 5_000


class Page(Protocol):
    """What a source reads from a response (the fetcher's Response has these)."""

    url: str
    status: int
    content: bytes
    headers: dict[str, str]
    not_modified: bool


@dataclass(frozen=True)
class Request:
    """One HTTP request a source needs; `conditional` asks for the stored ETag/Last-Modified."""

    url: str
    method: str = "GET"
    form: dict[str, str] | None = None
    json: Any = None
    content: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()
    conditional: bool = False


@dataclass
class Crawl:
    """What the pipeline lends a source for one listing besides responses."""

    known: Callable[[list[str]], set[str]] = lambda urls: set()  # which URLs are already stored
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # list pages a walk may read past its configured ones while every page still ends on a new
    # link (more news since the last poll than those pages hold); 0 on a source's first poll
    catch_up: int = 0


@dataclass
class PageLinks:
    """One fetched listing page and how many links it gave (for test-source)."""

    url: str
    links: int
    new: int = 0
    note: str = ""


@dataclass
class Listing:
    """A source's candidate links, newest listing order kept, with what was dropped and why."""

    candidates: list[Candidate] = field(default_factory=list)
    pages: list[PageLinks] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    not_modified: bool = False
    etag: str | None = None  # validators of the first (conditional) request
    last_modified: str | None = None

    def first(self, req: Request) -> Generator[Request, Page, Page | None]:
        """The source's first (conditional) request, its validators kept; None if not modified."""
        page = yield req
        self.etag = page.headers.get("etag")
        self.last_modified = page.headers.get("last-modified")
        self.not_modified = bool(page.not_modified)
        return None if self.not_modified else page


def absolute(base: str, href: str | None) -> str | None:
    """`href` resolved against `base` as a browser does; None for script/mail/fragment links and
    malformed URLs."""
    if not href or href.strip().lower().startswith(("javascript:", "mailto:", "#", "tel:")):
        return None
    head, mark, query = href.strip().partition("?")
    try:  # before the query, a backslash is a slash to a browser (`news\\2026\\1.html` from a Windows editor)
        return urljoin(base, head.replace("\\", "/") + mark + query)
    except ValueError:  # e.g. "http://[::1/x": not a URL anyone can fetch
        return None


# A quoted string in a link's script; it names a page when it is an address or a path (`/art/…`,
# `art_3.html`, `show.jsp?id=5`), not a word (`_blank`) or a number (`showMore(3)`).
_QUOTED = re.compile(r"""['"]([^'"\s<>()]{1,500})['"]""")
_PAGE = re.compile(r"\.(?:s?html?|jsp|aspx?|php|do|cgi)(?:[?#]|$)", re.I)


def script_link(base: str, href: str | None, onclick: str | None) -> str | None:
    """The page a script link opens (`href="javascript:window.open('/art/1.html')"`, or a
    `javascript:void(0)` / `#` link whose `onclick` sets `location` or opens a window), resolved
    against `base`; None when the script names no page."""
    script = href or ""
    if not script.strip().lower().startswith("javascript:"):
        if script.strip() not in ("", "#"):
            return None
        script = ""
    for text in (script, onclick or ""):
        for m in _QUOTED.finditer(text[:2000]):
            target = m.group(1)
            if target.lower().startswith(("http://", "https://", "/", "./", "../")) or _PAGE.search(target):
                return absolute(base, target)
    return None


class LinkFilter:
    """The per-source filters, applied in the same order for every kind."""

    def __init__(self, source: Source, now: datetime) -> None:
        self.keep = re.compile(source.link_pattern) if source.link_pattern else None
        self.drop = re.compile(source.exclude_pattern) if source.exclude_pattern else None
        days = source.max_age
        self.cutoff = now - timedelta(days=days) if days else None
        self.seen: set[str] = set()

    def too_old(self, when: datetime | None) -> bool:
        """Whether a listing date is before `max_age_days` (undated entries are kept)."""
        return bool(self.cutoff and when and when < self.cutoff)

    def reason(self, cand: Candidate) -> str:
        """Why `cand` is dropped, or "" to keep it (and remember it as seen)."""
        if not cand.url.startswith(("http://", "https://")):
            return "not an http(s) link"
        if cand.url in self.seen:
            return "listed twice"
        if self.keep and not self.keep.search(cand.url):
            return "does not match link_pattern"
        if self.drop and self.drop.search(cand.url):
            return "matches exclude_pattern"
        if self.too_old(cand.published):
            return f"older than max_age_days ({cand.published:%Y-%m-%d})"
        self.seen.add(cand.url)
        return ""

    def apply(self, found: Iterable[Candidate], listing: Listing) -> list[Candidate]:
        """The kept candidates of one page, added to the listing; drops recorded with reasons."""
        kept = []
        for cand in found:
            why = self.reason(cand)
            if why:
                listing.dropped.append((cand.url, why))
            else:
                kept.append(cand)
        listing.candidates.extend(kept)
        return kept


def only_known(kept: list[Candidate], crawl: Crawl) -> bool:
    """A page whose links are all stored already: the pages after it are older, stop there."""
    return bool(kept) and len(crawl.known([c.url for c in kept])) == len(kept)


Walk = Generator[Request, Page, "Listing"]  # yields requests, is sent responses, returns the listing


def drive(walk: Walk, fetch: Callable[[Request], Page]) -> Listing:
    """Run a walk to its end with a blocking `fetch`; a failed request is thrown into the walk,
    which may handle it (a dropped link) or let it end the listing."""
    try:
        req = next(walk)
        while True:
            try:
                page = fetch(req)
            except Exception as exc:
                req = walk.throw(exc)
                continue
            req = walk.send(page)
    except StopIteration as stop:
        return stop.value
