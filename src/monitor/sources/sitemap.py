"""`kind = "sitemap"`: a sitemap, a sitemap index or a Google News sitemap → candidate links.

In: the sitemap XML (gzip or plain; well-formed or not, read as search engines read it), a text
sitemap (one address a line) or a feed given as a sitemap; a relative `<loc>` is resolved
against its address. An index's child sitemaps are asked for newest first
(at most `max_sitemaps`); a child whose `lastmod` is older than `max_age_days` (default 30) is
not asked for at all, and neither is an entry whose `news:publication_date` or `lastmod` is.
`news:title` and the date ride along as the listing's title and date. A sitemap is asked for
once a poll however often it is listed (an index naming itself among its children); for a source
polled before, a child whose oldest entry is stored is the last asked for (the news is all in it).
One over fetch.max_bytes is read to its last whole entry; one whose first bytes list its oldest
first is read no further, and its end is asked for with the rest of the cap (`newest`).
Out: a `Listing`.
Never fetches by itself.
"""

from __future__ import annotations

import contextlib
import functools
import html
import itertools
import re
import zlib
from collections import deque
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree

from .. import markup
from ..config import Source
from ..decode import as_utf8_xml
from ..errors import ExtractError, MonitorError
from ..models import Candidate
from ..plural import counted
from . import dates
from .base import (
    Crawl,
    LinkFilter,
    Listing,
    Page,
    PageLinks,
    Request,
    Walk,
    absolute,
    all_new_warning,
    last_end,
    site_of,
)

MAX_XML_BYTES = 50_000_000  # the sitemap protocol's own limit, uncompressed


@dataclass(frozen=True)
class Entry:
    """One <url> or <sitemap> element."""

    loc: str
    when: datetime | None = None
    title: str | None = None


def walk(source: Source, crawl: Crawl) -> Walk:
    """The entries of the sitemap, or of the fresh children of a sitemap index."""
    listing = Listing()
    peek = functools.partial(runs_oldest_first, url=source.url, tz=source.date_tz)
    page = yield from listing.first(Request(source.url, conditional=True, cut=True, peek=peek))
    if page is None:
        return listing
    links = LinkFilter(source, crawl.now)
    own = Own(links, {site_of(source.url), site_of(page.url)})
    # a deque: an index of ten indexes of 50,000 sitemaps each queued 500,000, and list.pop(0) moved
    # the rest at every one (two minutes of a poll)
    queue: deque[tuple[Page | None, str, int]] = deque([(page, page.url, 0)])
    asked = 0
    failed: list[MonitorError] = []
    read = {source.url, page.url}  # sitemaps asked for: an index listing itself, or one child twice, is read once
    while queue:
        got, url, depth = queue.popleft()
        if got is None:
            if url in read:
                continue
            read.add(url)
            if asked >= source.max_sitemaps:
                listing.dropped.append((url, f"beyond max_sitemaps ({source.max_sitemaps})"))
                continue
            asked += 1
            try:  # a child missing or unreadable costs its own links, not its siblings'
                got = yield Request(url, cut=True, peek=peek)
                kind, entries = parse(whole_entries(got, listing), got.url, source.date_tz)
                entries = yield from newest(got, entries, listing, source.date_tz)
            except MonitorError as exc:
                failed.append(exc)
                listing.dropped.append((url, "sitemap not read"))
                listing.warnings.append(f"sitemap {url} not read, its links not listed this poll: {exc}")
                continue
        else:
            kind, entries = parse(whole_entries(got, listing), got.url, source.date_tz)
            entries = yield from newest(got, entries, listing, source.date_tz)
        if not depth and not entries:  # a sitemap its site stopped filling: 'ok' at every poll, nothing said
            listing.warnings.append(EMPTY)
        entries = own.entries(entries, got.url, listing)
        if kind == "index":
            queue += _children(entries, links, listing, depth)
            listing.pages.append(PageLinks(got.url, 0, 0, f"{_INDEX}{len(entries)} sitemaps"))
            continue
        kept = links.apply(_candidates(entries), listing)
        known = crawl.known([c.url for c in kept]) if kept else set()
        listing.pages.append(PageLinks(got.url, len(entries), len(kept) - len(known)))
        if not depth and (warning := all_new_warning(crawl, kept, "sitemap")):  # a news sitemap's two days
            listing.warnings.append(warning)
        if depth and kept and len(known) == len(kept) and queue:
            listing.pages[-1].note = "only known links: older sitemaps not fetched"
            break
        if depth and crawl.catch_up and kept and kept[-1].url in known and queue:  # (a polled source's news
            listing.pages[-1].note = "the news ends in this sitemap: older sitemaps not fetched"  # is all in it)
            break
    if failed and len(failed) == asked:  # not one child read: the source's failure, as a first page's
        raise failed[0]
    indexes = all(p.note.startswith(_INDEX) for p in listing.pages)  # every sitemap read lists sitemaps only
    if indexes and (unread := _unread(listing.dropped, source.max_sitemaps)):
        listing.warnings.append(f"the sitemap index {page.url} led to no URL: the sitemaps read list sitemaps only, "
                                f"and {unread} (a loop or a trap; if the site's news is down there, make a lower "
                                "index the source's url or raise max_sitemaps)")
    return listing


class Own:
    """A sitemap lists its own site's pages only (sitemaps.org: the host it is served from), as
    search engines read it: an entry or a child sitemap on another site than the source's
    (`site_of`: its registered domain, an address with its port) is dropped unasked, unless the
    source's `link_pattern` takes it (the config names the pages it wants, wherever they are)."""

    def __init__(self, links: LinkFilter, sites: set[tuple[str, int | None] | None]) -> None:
        self.keep, self.sites = links.keep, sites
        self.known: dict[str, bool] = {}  # by scheme and host: whether on the site (50,000 entries share a few)

    def entries(self, entries: list[Entry], url: str, listing: Listing) -> list[Entry]:
        """Those of a sitemap's `entries` on its site; the others dropped, said when none is."""
        ours = [self.ours(e.loc) for e in entries]
        if all(ours):
            return entries
        listing.dropped += [(e.loc, "on another site than the sitemap's") for e, mine in zip(entries, ours, strict=True) if not mine]
        kept = [e for e, mine in zip(entries, ours, strict=True) if mine]
        if not kept:
            listing.warnings.append(
                f"the sitemap {url} lists {len(entries)} URLs, none on its own site (all on other sites, "
                "not fetched: a sitemap lists its site's pages); set the source's link_pattern to take them")
        return kept

    def ours(self, loc: str) -> bool:
        """Whether `loc` is on the site, taken by link_pattern, or no URL (the link filter's to say)."""
        if self.keep and self.keep.search(loc):
            return True
        head = loc[:loc.find("/", 8) % (len(loc) + 1)]
        mine = self.known.get(head)
        if mine is None:
            site = site_of(head)
            mine = self.known[head] = site is None or site in self.sites
        return mine


def whole_entries(page: Page, listing: Listing) -> bytes:
    """A sitemap's bytes; one over fetch.max_bytes (asked for `cut`: it came as its first
    max_bytes; the protocol allows 50 MB) cut after its last entry that came whole (`</url>`,
    `</sitemap>`, a feed's `</item>` or `</entry>`, a text sitemap's line), with a warning naming
    the cap: no address cut in half is asked for. ExtractError when not one entry came whole, or
    when it is gzip (cut, it does not unpack)."""
    content = page.content
    if not getattr(page, "cut", False):
        return content
    cap, lower = len(content), content.lower()
    end = last_end(lower, _ENDS)
    if not end and b"<" not in lower[:4096]:  # a text sitemap: its whole lines
        end = lower.rfind(b"\n") + 1
    if not end or content[:2] == b"\x1f\x8b":
        raise ExtractError(f"{page.url}: body over fetch.max_bytes ({cap} bytes), and not one of its entries ends "
                           "within them; not read", hint="raise fetch.max_bytes if this sitemap is wanted")
    listing.warnings.append(f"the sitemap {page.url} is over fetch.max_bytes ({cap:,} bytes): read its entries that "
                            "came whole within them, not the rest (raise fetch.max_bytes to read it all)")
    return content[:end]


_ENDS = (b"</url>", b"</sitemap>", b"</item>", b"</entry>")


def newest(page: Page, entries: list[Entry], listing: Listing, tz: str) -> Generator[Request, Page, list[Entry]]:
    """A sitemap cut at fetch.max_bytes whose entries run oldest first (a site appending each new
    page at the end): its newest entries are past the cut, so its end is asked for too (`Range`,
    which servers of files answer), as many bytes as the first ones left of the cap (their read
    stopped once they showed the order: `runs_oldest_first`), and the whole entries there read with
    those that came first. A server that sends no part on request sends the whole from its start,
    read as far as the cap's rest; the poll's line says the newest were not read. A sitemap listed
    newest first, or undated, is as it came."""
    dated = [e.when for e in entries if e.when is not None]
    if not getattr(page, "cut", False) or not _rising(dated):
        return entries
    # one cap for the whole sitemap (a user's bound on what a poll downloads): the end is asked for
    # with what the first bytes left of it, those a peek at them stopped at (`runs_oldest_first`)
    room, came = getattr(page, "room", 0), len(page.content)
    cap = came + room
    cut_line = f"the sitemap {page.url} is over fetch.max_bytes"
    listing.warnings = [w for w in listing.warnings if not w.startswith(cut_line)]
    cut_line += f" ({cap:,} bytes)"
    if room < MIN_TAIL:  # the first read took the cap before its order could be seen (no length said: sent
        room = came      # chunked, compressed on the fly): the end is asked for with a whole cap, as before the peek
    tail: Page | None = None
    with contextlib.suppress(MonitorError):  # the answer's failure: as a server sending no part
        tail = yield Request(page.url, headers=(("Range", f"bytes=-{room}"), ("Accept-Encoding", "identity")),
                             cut=True, limit=room)
    later = _tail_entries(tail.content, page.url, tz) if tail is not None and tail.status == 206 else []
    if not later and tail is not None and tail.status == 200 and len(tail.content) > came:
        with contextlib.suppress(MonitorError):  # no part sent: the whole from its start, within what was left
            entries = parse(whole_entries(tail, Listing()), page.url, tz)[1] or entries
            dated = [e.when for e in entries if e.when is not None] or dated
    if not later:
        listing.warnings.append(f"{cut_line} and lists its oldest entries first: its newest, past the cut, were not "
                                f"read (the newest read is of {max(dated):%Y-%m-%d}; its server sends no part of it on "
                                "request): raise fetch.max_bytes to read it all")
        return entries
    listing.warnings.append(f"{cut_line} and lists its oldest entries first: read the whole entries of its first "
                            f"{came:,} and its last {room:,} bytes (the newest), not those between "
                            "(raise fetch.max_bytes to read it all)")
    seen = {e.loc for e in later}
    return later + [e for e in entries if e.loc not in seen]


MIN_TAIL = 4_096  # bytes of the cap left worth asking the end for


def _rising(dated: list[datetime]) -> bool:
    """Dates running oldest first: more pairs rising than falling, of two or more."""
    pairs = list(itertools.pairwise(dated))
    return len(dated) >= 2 and sum(a < b for a, b in pairs) > sum(a > b for a, b in pairs)


def runs_oldest_first(first: bytes, url: str, tz: str) -> bool:
    """Whether a sitemap's first bytes (of one over the cap) list its entries oldest first: its
    read stops there, and its end is asked for with the rest of the cap (`newest`)."""
    end = last_end(first.lower(), _ENDS)
    if not end or first[:2] == b"\x1f\x8b":
        return False
    try:
        return _rising([e.when for e in parse(first[:end], url, tz)[1] if e.when is not None])
    except MonitorError:
        return False


_FIRST_ENTRY = re.compile(rb"<(?:[\w.-]{1,40}:)?(url|sitemap)(?=[\s>/])")


def _tail_entries(content: bytes, url: str, tz: str) -> list[Entry]:
    """The whole entries of a sitemap's last bytes (from the first entry that begins in them)."""
    lower = content.lower()
    first = _FIRST_ENTRY.search(lower)
    end = last_end(lower, _ENDS)
    if first is None or end <= first.start() or content[:2] == b"\x1f\x8b":
        return []
    root = b"sitemapindex" if first.group(1) == b"sitemap" else b"urlset"
    try:
        return parse(b"<%s>%s</%s>" % (root, content[first.start():end], root), url, tz)[1]
    except MonitorError:
        return []


EMPTY = ("the sitemap lists no URLs: nothing to fetch (open it in a browser: a sitemap its site stopped filling "
         "lists none; a news sitemap holds only the last two days' news)")


MAX_NESTING = 2  # levels of indexes under the first read
_DEEP = "sitemap index nested too deep"
_INDEX = "sitemap index: "  # a read index's note (test-source shows it)


def _unread(dropped: list[tuple[str, str]], most: int) -> str:
    """What kept an index's sitemaps unread, said (nesting, max_sitemaps); "" when nothing did. Each
    poll of an index leading only to indexes was 'ok', no URL found and not a word said."""
    deep = sum(why == _DEEP for _, why in dropped)
    beyond = sum(why.startswith("beyond max_sitemaps") for _, why in dropped)
    said = [f"{counted(deep, 'sitemap')} nested deeper than {MAX_NESTING} levels"] if deep else []
    said += [f"{counted(beyond, 'sitemap')} beyond max_sitemaps ({most})"] if beyond else []
    return " and ".join(said) + " not read" if said else ""


def _children(entries: list[Entry], links: LinkFilter, listing: Listing,
              depth: int) -> list[tuple[Page | None, str, int]]:
    """Child sitemaps worth asking for, newest first; too old ones dropped without a request."""
    if depth >= MAX_NESTING:  # an index of indexes of indexes is a loop or a trap
        listing.dropped += [(e.loc, _DEEP) for e in entries]
        return []
    out: list[tuple[Page | None, str, int]] = []
    for entry in _newest_first(entries):
        if links.too_old(entry.when):
            listing.dropped.append((entry.loc, f"sitemap older than max_age_days ({entry.when:%Y-%m-%d})"))
        else:
            out.append((None, entry.loc, depth + 1))
    return out


def _candidates(entries: list[Entry]) -> list[Candidate]:
    return [Candidate(url=e.loc, title=e.title, published=e.when) for e in _newest_first(entries)]


def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.when is None, -(e.when.timestamp() if e.when else 0)))


def parse(content: bytes, url: str, tz: str = "Asia/Shanghai") -> tuple[str, list[Entry]]:
    """Sitemap → ("index" or "urlset", entries), read as search engines read one: XML, and when a
    slip makes it no well-formed XML (a bare `&`, an HTML entity, an undeclared prefix, a PHP
    warning before it, a comment or script after it, a file cut short) its elements one by one
    (`_lenient`); a text sitemap, one address a line; an RSS or Atom feed given as a sitemap, its
    entries. ExtractError when it is none of these."""
    data = as_utf8_xml(_inflate(content, url))
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # (a BOM's bytes, blanks)
        return "urlset", _lines(data.decode("utf-8", "replace"), url)
    reader = _Reader(tz, url)
    try:
        # decoded as pages are and parsed as UTF-8: the XML parser takes no other multi-byte
        # encoding (a GBK sitemap declared gb2312 raised ValueError)
        reader.read(markup.defuse_entities(data))
    except ElementTree.ParseError as exc:
        found = _lenient(data.decode("utf-8", "replace"), tz, url)
        if found is None:
            raise ExtractError(f"{url}: not a readable sitemap ({exc})",
                               hint="check that the URL is a sitemap; robots.txt lists a site's sitemaps") from None
        return found
    if reader.root in _FEEDS:
        return "urlset", _feed(content, url)
    return ("index" if reader.root == "sitemapindex" else "urlset"), reader.entries


_FEEDS = ("rss", "feed", "rdf")  # roots of a feed, which search engines take as a sitemap too
MAX_ENTRIES = 50_000  # the protocol's limit of one sitemap; search engines read no more of it
_CHUNK = 1 << 20


class _Enough(Exception):
    """The root tells what the document is, or the entries reached MAX_ENTRIES: read no further."""


class _Reader:
    """The entries of a sitemap as its XML streams through the parser, no tree kept: a 50 KB
    `.xml.gz` of twelve million empty elements built a tree of 1.1 GB. Each child of the root
    is an entry (at most MAX_ENTRIES); its fields are the text before the first child of each
    element in it (an element's `.text`), the first of each name in document order."""

    def __init__(self, tz: str, url: str) -> None:
        self.tz, self.url = tz, url
        self.root = ""
        self.entries: list[Entry] = []
        self.count = 0
        self.fields: dict[str, tuple[int, str]] = {}
        self.stack: list[tuple[str, list[str], int]] = []  # open elements inside an entry: name, text, order
        self.order = 0
        self.depth = 0
        self.closed = False  # the open element's text ended at a child

    def read(self, data: bytes) -> None:
        parser = ElementTree.XMLParser(target=self)
        try:
            for at in range(0, len(data), _CHUNK):
                parser.feed(data[at:at + _CHUNK])
            parser.close()
        except _Enough:
            pass
        if self.root not in ("sitemapindex", "urlset", *_FEEDS):  # well-formed, but no sitemap
            raise ExtractError(f"{self.url}: not a sitemap (root element <{self.root}>)",
                               hint="a sitemap's root is <urlset> or <sitemapindex>")

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            self.root = _local(tag)
            if self.root in _FEEDS:
                raise _Enough
            return
        if self.root not in ("sitemapindex", "urlset"):  # read on only to learn whether it is well-formed
            return
        if self.depth == 2:
            if self.count >= MAX_ENTRIES:
                raise _Enough
            self.count += 1
            self.fields = {}
        self.order += 1
        self.stack.append((_local(tag), [], self.order))
        self.closed = False

    def data(self, text: str) -> None:
        if self.stack and not self.closed:
            self.stack[-1][1].append(text)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if not self.stack:
            return
        name, parts, order = self.stack.pop()
        value = "".join(parts).strip()
        if value and (name not in self.fields or self.fields[name][0] > order):
            self.fields[name] = (order, value)
        self.closed = True  # the parent's text (before this child) has ended
        if self.depth == 1:
            entry = _made({k: v for k, (_, v) in self.fields.items()}, self.tz, self.url)
            if entry is not None:
                self.entries.append(entry)




def _made(fields: dict[str, str], tz: str, url: str) -> Entry | None:
    """An entry of its fields (by lower-case local name); None without an address. A relative
    address (`/a/1.html`, a template that leaves out the host) is resolved against the
    sitemap's own, as any link is."""
    loc = fields.get("loc")
    if loc and not loc.startswith(("http://", "https://")):
        loc = absolute(url, loc)
    if not loc:
        return None
    when = dates.parse(fields.get("publication_date"), tz) or dates.parse(fields.get("lastmod"), tz)
    return Entry(loc=loc, when=when, title=fields.get("title"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _lines(text: str, url: str) -> list[Entry]:
    """A text sitemap's entries: each line that is an http(s) address (a BOM, blanks and blank
    lines aside). ExtractError when no line is one (an error page in plain text)."""
    found = [Entry(loc=line) for line in (raw.strip(" \t\ufeff") for raw in text.splitlines())
             if line.lower().startswith(("http://", "https://"))]
    if not found:
        raise ExtractError(f"{url}: not a sitemap (neither XML nor one address a line)",
                           hint="check that the URL is a sitemap; robots.txt lists a site's sitemaps")
    return found


# An entry's start: `<url>` or `<sitemap>`, any prefix, any case (not `<urlset>` or `<sitemapindex>`).
_ENTRY_START = re.compile(r"<(?:[\w.-]{1,40}:)?(url|sitemap)(?=[\s>/])")
_FIELDS = ("loc", "lastmod", "publication_date", "title")


def _lenient(text: str, tz: str, url: str) -> tuple[str, list[Entry]] | None:
    """The entries of a sitemap that is no well-formed XML, read element by element as search
    engines read it: each `<url>` (or `<sitemap>`) up to the next, its fields' text with
    character references and HTML entities undone (`&amp;`, `&nbsp;`; a bare `&` as it is).
    None when it has no entry with an address (not a sitemap: an HTML page, say). Read with
    `str.find` over the lower-cased text: linear."""
    lower = text.lower()
    starts = [(m.start(), m.group(1)) for m in itertools.islice(_ENTRY_START.finditer(lower), MAX_ENTRIES + 1)]
    if not starts:
        return None
    ends = [at for at, _ in starts[1:]] + [len(text)]
    entries = []
    for (start, _), end in zip(starts[:MAX_ENTRIES], ends, strict=False):
        fields = {name: value for name in _FIELDS if (value := _field(text, lower, start, end, name))}
        entry = _made(fields, tz, url)
        if entry is not None:
            entries.append(entry)
    if not entries:
        return None
    return ("index" if any(name == "sitemap" for _, name in starts) else "urlset"), entries


def _field(text: str, lower: str, start: int, end: int, name: str) -> str | None:
    """The text of the first `<name>` or `<prefix:name>` element in text[start:end], a CDATA
    section's content as it is, other text with its references undone; None when absent, empty
    or cut off by the file's end."""
    at = lower.find(name, start, end)
    while at > start:
        after = at + len(name)
        if lower[at - 1] in "<:" and after < end and lower[after] in "> \t\r\n":
            close = lower.find(">", after, end)
            if close < 0:
                return None
            if lower[close - 1] != "/":  # not an empty `<name/>`
                cdata = lower.startswith("<![cdata[", close + 1)
                stop = lower.find("]]>", close + 10, end) if cdata else lower.find("<", close + 1, end)
                if stop < 0:  # the file cut short inside it: no whole value
                    return None
                value = (text[close + 10:stop] if cdata else html.unescape(text[close + 1:stop])).strip()
                if value:
                    return value
        at = lower.find(name, after, end)
    return None


def _feed(content: bytes, url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed given as a sitemap (Google takes both as one)."""
    from .feed import parse as feed_entries

    return [Entry(loc=c.url, when=c.published, title=c.title)
            for c in feed_entries(content, {"content-type": "application/xml"}, url)]


def _inflate(content: bytes, url: str) -> bytes:
    """Gzip'd sitemaps (`.xml.gz`) unpacked, within the protocol's size limit."""
    if content[:2] != b"\x1f\x8b":
        return content
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(content, MAX_XML_BYTES)
    except zlib.error as exc:
        raise ExtractError(f"{url}: broken gzip data ({exc})", hint="the sitemap file is damaged") from None
    if inflater.unconsumed_tail:
        raise ExtractError(f"{url}: sitemap over {MAX_XML_BYTES} bytes unpacked", hint="point at a smaller sitemap")
    return data
