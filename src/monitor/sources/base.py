"""What every source kind shares: the request it asks for, the crawl callbacks, the listing.

In: nothing. Out: `Request`, `Crawl`, `Listing` and the filters every kind applies to its links
(http(s) only, one per URL, `link_pattern`, `exclude_pattern`, `max_age_days` on listing dates).
A source never fetches by itself: a kind is a generator (a `Walk`) that yields each `Request`
it needs and is sent back the response, so every request goes through the pipeline's fetcher
and its policy (robots, delay, SSRF guard), and many sources' requests can be in flight at
once. `drive` runs a walk with a blocking fetch function. Never opens sockets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol
from urllib.parse import quote, unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

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
    charset: str = "utf-8"  # what `form` is encoded in: a page's own form goes in the page's charset
    cut: bool = False  # a body over fetch.max_bytes comes cut at it (`cut` set on the page), not as an error
    limit: int = 0  # with `cut`: cut at this many bytes instead (0: fetch.max_bytes)
    # with `cut`: shown the first bytes of a plain body over the cap; True stops its read there (the
    # page `cut`, its `room` the bytes of the cap left for another request)
    peek: Callable[[bytes], bool] | None = field(default=None, compare=False)


@dataclass
class Crawl:
    """What the pipeline lends a source for one listing besides responses."""

    known: Callable[[list[str]], set[str]] = lambda urls: set()  # which URLs are already stored
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # list pages a walk may read past its configured ones while every page still ends on a new
    # link (more news since the last poll than those pages hold); 0 on a source's first poll
    catch_up: int = 0
    # where earlier polls stopped reading with the news still going (`mark`s, as stored): the
    # walk reads on from each until it meets the news stored before the mark was made
    frontiers: list[dict[str, Any]] = field(default_factory=list)
    older: Callable[[list[str], str], set[str]] = lambda urls, since: set()  # which were stored before `since`
    # the most list pages an earlier walk of this list was given (`pages`; 0: not known): pages past
    # it were never read, so a raised `pages` reads them once, as a first poll does, known links or not
    reach: int = 0


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
    # the pages read towards the source's marks (None: a kind without them; the stored marks stand)
    trails: list[Trail] | None = None
    reach: int = 0  # the list pages a walk was given, as a later poll's `Crawl.reach` (0: as it was; m027)
    caught_up: bool = False  # read past the configured pages: the oldest links are stored first
    warnings: list[str] = field(default_factory=list)  # for the poll's report: what may have been missed
    etag: str | None = None  # validators of the first (conditional) request
    last_modified: str | None = None
    moved: str = ""  # where the source's own address answered it has moved for good (a 301 or 308)
    title: str = ""  # the first list page's <title>: the site's name, as an e-paper heads every page

    def first(self, req: Request) -> Generator[Request, Page, Page | None]:
        """The source's first (conditional) request, its validators kept; None if not modified."""
        page = yield req
        moved = getattr(page, "moved", "")
        self.moved = moved if moved and moved != req.url else ""
        self.etag = page.headers.get("etag")
        self.last_modified = page.headers.get("last-modified")
        self.not_modified = bool(page.not_modified)
        return None if self.not_modified else page


MAX_FRONTIERS = 4  # backlogs a source keeps marks for (a second outage before the first is read)
FRONTIER_QUIET = 20  # pages in a row without a new link read on from a mark before the walk lets it go
FRONTIER_FAILS = 3  # failed requests at a mark before the walk lets it go


def mark(url: str, number: int, since: str, quiet: int = 0, fails: int = 0) -> dict[str, Any]:
    """A frontier: the list page (its URL and number) a poll stopped at with the news still
    going, and when (`since`, ISO UTC): links stored before then are the news the backlog ends
    on. The page itself is read again: news published since pushes links down the pages, so
    what was past it is then on it or after it, never before it."""
    return {"url": url, "n": number, "since": since, "quiet": quiet, "fails": fails}


def page_failed(listing: Listing, exc: Exception, url: str, what: str) -> bool:
    """A listing's later page that failed, which costs its own links and those after it, not the
    pages read before it (a reader of page 1 reads it whether page 2 answers or not): a 404 or
    410 is the list's end, noted on the page before; any other failure a warning (the poll is
    partial). True for the list's end."""
    if getattr(exc, "status", None) in (404, 410):
        if listing.pages:
            listing.pages[-1].note = f"{what} is not there: the list ends here"
        return True
    listing.warnings.append(f"{what} failed, its links and those after it not read this poll: {exc}")
    return False


FULL_LIST = 5  # entries of a feed or sitemap, all new since the last poll, that say more may have been missed


def all_new_warning(crawl: Crawl, kept: list[Candidate], what: str) -> str | None:
    """For a feed or a sitemap (no further pages to walk): a warning when the source was polled
    before and every one of its entries, enough to be a full list, is new: news published in
    between may have fallen off its end."""
    if not crawl.catch_up or len(kept) < FULL_LIST or crawl.known([c.url for c in kept]):
        return None
    return (f"every one of the {what}'s {len(kept)} entries is new since the last poll: news published in "
            "between may have fallen off its end (poll it more often, or add the site's list page as an html source)")


def stamp(now: datetime) -> str:
    """A mark's `since`, to the second as articles are stamped: an article stored by the poll
    that made the mark never reads as stored before it."""
    return now.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Trail:
    """The pages read towards one mark in a poll, each with its links, and the mark the walk
    left (None: the backlog was read to its end). The pipeline moves the mark back to the first
    of these pages with a link the poll did not store (`settle`): a link deferred or failing
    there is read again, never skipped."""

    since: str
    pages: list[tuple[str, int, list[str]]] = field(default_factory=list)
    left: dict[str, Any] | None = None


def settle(trails: list[Trail], done: Callable[[list[str]], set[str]]) -> list[dict[str, Any]]:
    """The marks to keep after a poll: each trail's first page with a link not `done` (stored,
    aliased or given up), else the mark its walk left; at most MAX_FRONTIERS, one a page."""
    every = [u for t in trails for _, _, urls in t.pages for u in urls]
    finished = done(every) if every else set()
    out: dict[str, dict[str, Any]] = {}
    for t in trails:
        back = next(((u, n) for u, n, urls in t.pages if any(x not in finished for x in urls)), None)
        m = mark(back[0], back[1], t.since) if back else t.left
        if m is not None:
            out.setdefault(m["url"], m)
    return list(out.values())[:MAX_FRONTIERS]


# One page read on from a mark: its links (kept by the filters, in list order), how many of them
# are not stored yet, and the next page as (url, number) or None at the list's end.
ReadOn = Callable[[str, int], Generator[Request, Page, tuple[list[str], int, tuple[str, int] | None]]]


def read_marks(marks: list[dict[str, Any]], budget: int, read: ReadOn,
               older: Callable[[list[str], str], set[str]]) -> Generator[Request, Page, list[Trail]]:
    """Read on from each mark, within `budget` pages in all: past pages of links stored since
    the mark (news published in between pushed the backlog down), through the backlog, to a page
    that ends on a link stored before the mark was made (the news the backlog ends on: that mark
    is done). A mark the budget cuts short moves to the page reached, and one a failing page
    stops waits there; one whose page fails FRONTIER_FAILS polls in a row, that finds nothing new
    for FRONTIER_QUIET pages in a row, or whose list ends (no next page, or a 404 past the pages
    read), is let go. One `Trail` a mark."""
    from ..errors import MonitorError

    used, trails = 0, []
    for m in marks:
        url, number, since = m["url"], int(m["n"]), str(m.get("since") or "")
        quiet, fails = int(m.get("quiet") or 0), int(m.get("fails") or 0)
        trail = Trail(since)
        trails.append(trail)
        if used >= budget:
            trail.left = m
            continue
        while True:
            used += 1
            try:
                links, new, after = yield from read(url, number)
            except MonitorError as exc:
                # a page past those read on that is not there: the list's end; any other failure
                # (the site busy, a timeout): the mark waits at that page a few polls
                ended = bool(trail.pages) and getattr(exc, "status", None) in (404, 410)
                if not ended and fails + 1 < FRONTIER_FAILS:
                    trail.left = mark(url, number, since, quiet, fails + 1)
                break
            fails = 0
            trail.pages.append((url, number, links))
            quiet = 0 if new else quiet + 1
            if (links and links[-1] in older(links[-1:], since)) or after is None or quiet > FRONTIER_QUIET:
                break
            if used >= budget:
                trail.left = mark(url, number, since, quiet)
                break
            url, number = after
    return trails


def absolute(base: str, href: str | None) -> str | None:
    """`href` resolved against `base` as a browser does (tabs and newlines dropped, other control
    characters percent-encoded); None for script/mail/fragment links and malformed URLs."""
    if not href or href.strip().lower().startswith(("javascript:", "mailto:", "#", "tel:")):
        return None
    head, mark, query = href.strip().partition("?")
    try:  # before the query, a backslash is a slash to a browser (`news\\2026\\1.html` from a Windows editor)
        joined = urljoin(base, head.replace("\\", "/") + mark + query)
    except ValueError:  # e.g. "http://[::1/x": not a URL anyone can fetch
        return None
    if not joined.isprintable():  # a control character inside (a stray U+0001, an escape, U+202E): percent-encoded
        joined = _CONTROL.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8")), joined)
    if not joined.isascii():
        joined = _mapped_host(joined)
    scheme, colon, rest = joined.partition(":")
    # a scheme in capitals (`HTTPS://`) is the same scheme to a browser; urljoin lowers it only as the base's
    return scheme.lower() + colon + rest if colon and not scheme.islower() else joined


_DATED = re.compile(r"\{date:([^{}]+)\}")


def dated(url: str, tz: str, now: datetime, days_back: int = 0) -> str:
    """`url` with each `{date:FORMAT}` filled with the day `days_back` before `now` (strftime, in
    `tz`): an e-paper's edition of the day at an address holding it."""
    if "{date:" not in url:
        return url
    day = now.astimezone(ZoneInfo(tz)) - timedelta(days=days_back)
    return _DATED.sub(lambda m: day.strftime(m.group(1)), url)


# the URL Standard's C0 controls, and DEL, which browsers encode, and the bidirectional controls (as
# fetch.signals.encode_controls: U+202E in a link shows the rest of its log line backwards)
_CONTROL = re.compile("[\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_IN_HOST = re.compile(r"[\s/\\?#@:\[\]<>^|%]")  # what a mapped host may not hold (the URL Standard's forbidden)


def _mapped_host(url: str) -> str:
    """`url` with its host mapped as a browser maps it (UTS #46): full-width letters and digits to
    ASCII, capitals to small, ideographic full stops (。．｡) to dots. The address guard then
    judges the host that is asked for. A host whose mapping yields a character no host may
    hold (a full-width colon: no port) is left as it is, an invalid link."""
    scheme, slashes, rest = url.partition("://")
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    userinfo, at, host = rest[:end].rpartition("@")
    name, colon, port = host.rpartition(":")
    if not (port.isascii() and port.isdigit()):
        name, colon, port = host, "", ""
    if not slashes or name.isascii() or name.startswith("["):
        return url
    import idna  # httpx's own; only for a host that is not ASCII

    try:
        mapped = idna.uts46_remap(name, std3_rules=False, transitional=False)
    except (idna.IDNAError, ValueError):
        return url
    if mapped == name or _NOT_IN_HOST.search(mapped):
        return url
    return f"{scheme}://{userinfo}{at}{mapped}{colon}{port}{rest[end:]}"


def in_page_encoding(url: str, codec: str) -> str:
    """`url` with the non-ASCII characters of its query percent-encoded in `codec`, as a browser
    sends a link of a page in that encoding (`show.asp?lm=沪明` of a GB2312 page goes as
    `lm=%BB%A6%C3%F7`; the path is UTF-8 whatever the page). A character `codec` lacks goes as
    a browser sends it, a numeric reference. UTF-8 pages' links, and ASCII queries, unchanged."""
    head, mark, rest = url.partition("?")
    if not mark or rest.isascii() or codec.replace("_", "-").lower() in ("utf-8", "utf8", "utf-16", "utf-16-le",
                                                                           "utf-16-be"):
        return url
    query, hash_, fragment = rest.partition("#")
    encoded = "".join(ch if ch.isascii() else quote(ch.encode(codec, "xmlcharrefreplace")) for ch in query)
    return head + mark + encoded + hash_ + fragment


# A quoted string in a link's script; it names a page when it is an address or a path (`/art/…`,
# `art_3.html`, `show.jsp?id=5`), not a word (`_blank`) or a number (`showMore(3)`).
_QUOTED = re.compile(r"""['"`]([^'"`\s<>()]{1,500})['"`]""")
_PAGE = re.compile(r"\.(?:s?html?|jsp|aspx?|php|do|cgi)(?:[?#]|$)", re.I)


def script_link(base: str, href: str | None, onclick: str | None) -> str | None:
    """The page a script link opens (`href="javascript:window.open('/art/1.html')"`, or a
    `javascript:void(0)` / `#` / `#top` link, or a list row without a link, whose `onclick` sets
    `location` or opens a window), resolved against `base`; None when the script names no page."""
    script = (href or "").strip()
    if not script.lower().startswith("javascript:"):
        if script and not script.startswith("#"):  # a link to a page: its own href says where
            return None
        script = ""
    elif "%" in script:  # a browser percent-decodes a javascript: address before it runs it
        script = unquote(script)
    for text in (script, onclick or ""):
        for m in _QUOTED.finditer(text[:2000]):
            if names_page(m.group(1)):
                return absolute(base, m.group(1))
    return None


def names_page(target: str) -> bool:
    """Whether a script's string or an option's value is an address or a path (`/art/…`,
    `art_3.html`, `show.jsp?id=5`), not a word (`_blank`) or a number (`2026`)."""
    return target.lower().startswith(("http://", "https://", "/", "./", "../")) or bool(_PAGE.search(target))


# Where a page's links are, beyond `<a href>`: an image map's areas, a link a script opens from
# its `data-href` / `data-url` (`href` is `javascript:;`, `#` or absent).
LINKS = "a[href], area[href], a[data-href], a[data-url]"
_DATA = ("data-href", "data-url")


def node_link(base: str, node: Any) -> str | None:
    """The page a list's link node opens, as a browser (with its scripts) opens it: an `<a>` or
    `<area>` by its href or the script it runs (`script_link`), else by its `data-href` /
    `data-url`; an `<option>` of a jump menu (`<select onchange="window.open(this.value)">`) by
    its value when that names a page. None when it opens none."""
    attrs = node.attributes
    if node.tag == "option":
        value = (attrs.get("value") or "").strip()
        return absolute(base, value) if names_page(value) else None
    href = attrs.get("href")
    return absolute(base, href) or script_link(base, href, attrs.get("onclick")) or data_link(base, node)


def data_link(base: str, node: Any) -> str | None:
    """The address a node keeps for the site's script in `data-href` / `data-url`, resolved; None without one."""
    for name in _DATA:
        value = node.attributes.get(name)
        link = absolute(base, value) if value else None
        if link:
            return link
    return None


def node_title(node: Any) -> str | None:
    """A link node's text (a script in it is not: what it writes, a browser shows, and a script
    that only writes a string is run before, `jsliteral.run_writes`), or its `title`, or an image
    map area's `alt`."""
    if node.css_first("script, style") is not None:
        node.strip_tags(["script", "style"])
    text = (node.text(deep=True) or "").strip()
    return text or (node.attributes.get("alt") or node.attributes.get("title") or "").strip() or None


def page_base(tree: Any, url: str) -> str:
    """What a parsed page's relative links resolve against, as a browser resolves them: its
    first `<base href>` (itself resolved against `url`), else `url`."""
    node = tree.css_first("base[href]")
    return (absolute(url, node.attributes.get("href")) if node is not None else None) or url


def frame_urls(tree: Any, base: str) -> list[str]:
    """The addresses of a page's frames and iframes (a `<frameset>` around the real list page),
    in order, at most three."""
    found = (absolute(base, f.attributes.get("src")) for f in tree.css("frame[src], iframe[src]"))
    return list(dict.fromkeys(f for f in found if f and f.startswith(("http://", "https://"))))[:3]


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
        found = list(found)
        landings = landing_pages(found)
        for cand in found:
            why = "a landing page (a folder or index page) among article links" if cand.url in landings \
                else self.reason(cand)
            if why:
                listing.dropped.append((cand.url, why))
            else:
                kept.append(cand)
        listing.candidates.extend(kept)
        return kept


# a list's or a topic's own page: a folder, or its index page (`/ztzl/xxgc/`, `…/zt2026/index.html`)
_LANDING = re.compile(r"/(?:(?:index|default|main|home)(?:_\d+)?\.(?:s?html?|aspx?|jsp|php))?$", re.I)


def landing_pages(found: list[Candidate]) -> set[str]:
    """The links among a page's (a third of them at most) that name a folder or its index page
    while the others, three in four at least, name an article by a number (`t20261205_123.html`, `show.jsp?id=124`): a column mixing
    its articles with a 专题's landing page, a page of links and headings that is no article (it
    was fetched and stored as one). A list of folders, or of few links, keeps them all."""
    if len(found) < 4:
        return set()
    landing, numbered = set(), 0
    for cand in found:
        parts = urlsplit(cand.url)
        if not parts.query and _LANDING.search(parts.path or "/"):
            landing.add(cand.url)
        elif any(c.isdigit() for c in parts.path.rsplit("/", 1)[-1] + parts.query):
            numbered += 1
    rest = len(found) - len(landing)
    return landing if landing and numbered * 4 >= rest * 3 and len(landing) * 3 <= len(found) else set()


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


def registered_domain(host: str) -> str:
    """The site a host belongs to: its registered domain (`sm.gov.cn` for www.sm.gov.cn and
    xxgk.sm.gov.cn, `abc.gd.cn` under a province's zone, `abc.co.uk`), an address as it is."""
    labels = host.lower().split(".")
    if not re.search(r"[a-z]", labels[-1]):
        return host
    zones = _CN_ZONES if labels[-1] == "cn" else _ZONES
    second = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in zones
    return ".".join(labels[-3:] if second else labels[-2:])


# the second-level zones under a country's domain that many sites share (a public suffix's
# second label): gov.cn, com.hk, co.uk, or.jp; under .cn also each province's (gd.cn, bj.cn)
_ZONES = frozenset("gov com edu org net ac co or ne go mil idv gob gouv nic ltd plc sch nom".split())
_CN_ZONES = _ZONES | frozenset("ah bj cq fj gd gs gz gx ha hb he hi hl hn jl js jx ln nm nx qh sc sd sh sn sx tj "
                               "xj xz yn zj hk mo tw".split())


def site_of(url: str) -> tuple[str, int | None] | None:
    """The site a URL is on, as a sitemap's own: its host's registered domain (`sm.gov.cn` for
    www.sm.gov.cn and xxgk.sm.gov.cn, whatever the port), or an address with its port (an
    address has no domain to own: two ports are two servers); None for no URL."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None
    if not host:
        return None
    if ":" in host or not re.search(r"[a-z]", host.rsplit(".", 1)[-1]):
        return host, None if port in (None, 80, 443) else port
    return registered_domain(host), None


def last_end(content: bytes, tags: tuple[bytes, ...], before: int | None = None) -> int:
    """Where the last entry closed by one of `tags` (`</item>`, `</url>`) ends in `content` (before
    `before`): the length of the entries that came whole; 0 when none did. A tag written inside a
    CDATA section or a comment (a story quoting a feed's markup) is text, no entry's end; nor is one
    after a section left open by the cut."""
    stop = len(content) if before is None else before
    spans = [found.span() for found in SECTION.finditer(content, 0, stop)]  # in order (8 MB of `<!---->`: 0.5 s)
    if spans and not content.endswith(b"]]>" if content[spans[-1][0] + 2] == 91 else b"-->", 0, spans[-1][1]):
        stop = spans.pop()[0]  # open at the cut: all after its start is its text ('[' is 91: a CDATA section)
    starts = [start for start, _ in spans]
    while True:
        end = max((at + len(tag) for tag in tags if (at := content.rfind(tag, 0, stop)) >= 0), default=0)
        which = bisect.bisect_right(starts, end - 1) - 1
        if not end or which < 0 or spans[which][1] < end:
            return end
        stop = spans[which][0]  # the tag is a section's text: look before the section


# a CDATA section or a comment, to its end or the cut: its end tags are text (`last_end`, feed.whole_count).
# Its text is taken a run of bytes at a time (possessive: no step back into it), not tried byte by byte for
# the end as `.*?` does: one section of 8 MB (a hostile sitemap's or feed's, open to the cut) cost 0.11-0.35 s
# at every poll, now 4 ms; a million tiny sections cost what they did. An empty section is its own branch.
SECTION = re.compile(rb"<!--(?:-->|(?:-?+[^-]++|--++(?!>))*+(?:-{2,}>|-?\Z))"
                     rb"|<!\[(?:CDATA|cdata)\[(?:\]\]>|(?:\]?+[^\]]++|\]\]++(?!>))*+(?:\]{2,}>|\]?\Z))")
