"""`kind = "feed"`: an RSS/Atom feed (or a JSON Feed: `jsonfeed`) → candidate links.

In: the feed's bytes and response headers (feedparser gets bytes plus headers, never a URL: the
bytes decoded as pages are, then re-encoded as UTF-8 and declared so).
Out: `Candidate`s with the entry's title, date and summary. Never fetches by itself.
feedparser spends ~35 µs per tag and compares each attribute of a tag with every earlier one,
so it is handed at most `MAX_MARKUP` tags, escaped ones counted (whole entries, the first ones: a feed lists its
newest first) and tags with at most `markup.MAX_ATTRS` attributes. A feed's own entity
declarations are kept only when plain (`markup.defuse_entities`): entities expanding into entities ("billion
laughs") cost seconds of its time, and megabytes of headline, before XML's parser gives up.
"""

from __future__ import annotations

import calendar
import html
import itertools
import re
from datetime import datetime, timezone
from typing import Any

from .. import markup
from ..config import Source
from ..datetext import HALF_OF_DAY, rfc822
from ..decode import as_utf8_xml
from ..errors import ExtractError, MonitorError
from ..models import Candidate
from . import dates, jsonfeed
from .base import (
    SECTION,
    Crawl,
    LinkFilter,
    Listing,
    PageLinks,
    Request,
    Walk,
    absolute,
    all_new_warning,
    last_end,
    page_failed,
)


def walk(source: Source, crawl: Crawl) -> Walk:
    """One conditional GET of the feed; its entries, filtered. A feed polled before whose page
    ends on a new entry reads on by the next, older page it names (a paged feed: Atom's and
    RSS's `<atom:link rel="next">`, a JSON Feed's `next_url`), up to `crawl.catch_up` pages, as
    a list page does. When every entry read is new (and there are enough to be a full feed),
    what came in between may be past its end, and the listing warns; as it does when the feed
    lists no entries at all (its page changing at each poll, it was 'ok' every time)."""
    listing = Listing()
    page = yield from listing.first(Request(source.url, conditional=True, cut=True))
    if page is None:
        return listing
    found, after = parse_page(whole_entries(page, listing), page.headers, page.url, source.date_tz, listing)
    links = LinkFilter(source, crawl.now)
    kept = links.apply(found, listing)
    listing.pages.append(PageLinks(page.url, len(found), len(kept)))
    if not found:  # a feed its site stopped filling, or a template's empty channel: 'ok' at every poll
        listing.warnings.append(EMPTY)
    every, seen = list(kept), {page.url}
    for number in range(2, crawl.catch_up + 2):
        if not after or after in seen or not kept or crawl.known([kept[-1].url]):
            break  # no older page, or the news ends on this one
        seen.add(after)
        try:
            got = yield Request(after, cut=True)
            found, next_after = parse_page(whole_entries(got, listing), got.headers, got.url, source.date_tz)
        except MonitorError as exc:  # what was read stands
            page_failed(listing, exc, after, f"feed page {number} ({after})")
            break
        kept, after = links.apply(found, listing), next_after
        every += kept
        listing.caught_up = True
        listing.pages.append(PageLinks(got.url, len(found), len(kept), "read on by the feed's next page"))
    if warning := all_new_warning(crawl, every, "feed"):
        listing.warnings.append(warning)
    return listing


def whole_entries(page: Any, listing: Listing) -> bytes:
    """A feed page's bytes; one over fetch.max_bytes (asked for `cut`: it came as its first
    max_bytes) cut after its last entry that came whole, closed as a feed, with a warning naming
    the cap: the newest entries are read, as a reader shows what came, and no entry cut in half.
    A JSON Feed's items that came whole are read alike. ExtractError when not one entry came whole."""
    content: bytes = page.content
    if not getattr(page, "cut", False):
        return content
    cap = len(content)
    if jsonfeed.is_json(content):  # its items read whole, one by one, up to the one the cut went through
        read = jsonfeed.whole_items(content, page.headers)
        whole, count = read if read else (b"", 0)
    else:  # what the feed reader reads at all (its first MAX_MARKUP tags) is cut, and counted: 8 MB of
        budget = markup_end(content)  # tiny CDATA sections cost their scan (a second a poll) for nothing
        end = last_end(content, _ENTRY_ENDS, budget)
        if not end and budget is not None:
            raise over_markup(page.url)
        whole, count = content[:end] + _closing(content[:4096]), whole_count(content, end)
    if not count:
        raise ExtractError(f"{page.url}: body over fetch.max_bytes ({cap} bytes), and not one of its entries ends "
                           "within them; not read", hint="raise fetch.max_bytes if this feed is wanted")
    listing.warnings.append(f"the feed {page.url} is over fetch.max_bytes ({cap:,} bytes): read its {count} "
                            "entries that came whole within them, not the rest (raise fetch.max_bytes to read it all)")
    return whole


def whole_count(content: bytes, end: int) -> int:
    """The entries ending within `content[:end]`, an end tag inside a CDATA section or a comment not one."""
    text = SECTION.sub(b"", content[:end]) if b"<!" in content[:end] else content[:end]
    return sum(text.count(tag) for tag in _ENTRY_ENDS)


EMPTY = ("the feed lists no entries: nothing to fetch (open it in a browser: a feed its site stopped filling "
         "lists none; the site's list page may do as an html source)")


def parse(content: bytes, headers: dict[str, str], url: str, tz: str = "Asia/Shanghai") -> list[Candidate]:
    """Feed bytes → candidates in feed order; ExtractError when it is not a feed at all."""
    return parse_page(content, headers, url, tz)[0]


def parse_page(content: bytes, headers: dict[str, str], url: str, tz: str = "Asia/Shanghai",
               listing: Listing | None = None) -> tuple[list[Candidate], str | None]:
    """Feed bytes → candidates in feed order and the feed's next (older) page, if it names one;
    ExtractError when it is not a feed at all. A JSON Feed is read by `jsonfeed`, without
    feedparser. A date written without a zone is in `tz` (the source's `date_tz`). The feed's
    own title (the site's name, most often) goes to `listing.title`."""
    if jsonfeed.is_json(content):
        found, after, named = jsonfeed.parse_named(content, headers, url, tz)
        if listing is not None and named:
            listing.title = named[:200]
        return found, after
    import feedparser

    kind = next((v for k, v in headers.items() if k.lower() == "content-type"), "application/xml")
    # decoded as pages are (feedparser's own guess fell to cp1252)
    content = markup.defuse_entities(bounded(as_utf8_xml(content, kind), url))
    utf8 = {**{k: v for k, v in headers.items() if k.lower() != "content-type"},
            "content-type": kind.split(";")[0].strip() + "; charset=utf-8", "content-location": site(content) or url}
    parsed = feedparser.parse(content, response_headers=utf8)
    if not parsed.entries and (parsed.bozo or not parsed.get("feed") or not parsed.get("version")):  # version: HTML
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no entries"
        raise ExtractError(f"{url}: not a readable RSS/Atom feed ({reason})",
                           hint="check that the source URL points at a feed, or use kind = \"html\"")
    if listing is not None and isinstance(named := parsed.get("feed", {}).get("title"), str):
        listing.title = named.strip()[:200]
    out = []
    rdf = str(parsed.get("version", "")).startswith(("rss10", "rss09"))
    for entry in parsed.entries:
        # the entry's page; an enclosure (its video or picture) is none
        link = next((x.get("href") for x in entry.get("links", [])
                     if x.get("href") and x.get("rel", "alternate") == "alternate"), None) or entry.get("link")
        if not link and rdf and str(entry.get("id", "")).startswith(("http://", "https://")):
            link = entry.get("id")  # an RSS 1.0 item's rdf:about, its <link> left out
        target = absolute(url, link)
        if not target:
            continue
        out.append(Candidate(url=target, title=entry.get("title"), published=_when(entry, tz),
                             summary=entry.get("summary")))
    if parsed.entries and not out:  # a notice board's titles and summaries: nothing to fetch, and why
        raise ExtractError(f"{url}: none of the feed's {len(parsed.entries)} entries has a link to a page of its own",
                           hint="the feed gives titles and summaries only; use the site's list page (kind = \"html\")")
    after = next((x.get("href") for x in parsed.get("feed", {}).get("links", []) if x.get("rel") == "next"), None)
    return out, absolute(url, after)


_ROOT = re.compile(rb"<(?:rss|rdf:RDF)\b")
_CHANNEL_LINK = re.compile(rb"<link>\s*(?:<!\[CDATA\[)?\s*(https?://[^<>\s\]]+)\s*(?:\]\]>)?\s*</link>", re.I)


def site(content: bytes) -> str | None:
    """An RSS channel's `<link>`, the site's address, when written whole: the base of its items'
    relative links, as feed readers resolve them (Miniflux, NetNewsWire). A feed served from another
    host than its site's (a feed host, a CDN, a mirror) wrote `/a/1.html` for the site's page: read
    against the feed's own address, each was a 404. An Atom feed's base is its xml:base or its own
    address, as the spec says; an `xml:base` in an RSS feed still wins (feedparser applies it)."""
    head = content[:4096]
    if not _ROOT.search(head):
        return None
    first = content.find(b"<item", 0, 65_536)
    found = _CHANNEL_LINK.search(content, 0, first if first >= 0 else 65_536)
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else None


MAX_MARKUP = 50_000  # tags ("<") handed to feedparser: a few seconds of its time at most
# A tag, or one escaped: feedparser unescapes an entry's HTML (`&lt;p&gt;` in a <description>)
# and sanitises it tag by tag as well (8 MB of it: 600,000 tags, 5 s).
_TAG = re.compile(rb"<|&lt;|&#0*60;|&#[xX]0*3[cC];")
_ENTRY_ENDS = (b"</item>", b"</entry>")


def bounded(content: bytes, url: str) -> bytes:
    """The feed cut after its last whole entry within `MAX_MARKUP` tags, attributes capped;
    ExtractError when even its first entry is over the budget."""
    # Latin-1 maps bytes to characters one to one: the ASCII markup of any ASCII-compatible
    # encoding (UTF-8, GB18030, Big5) is found and kept without decoding the text.
    content = markup.cap_attributes(content.decode("latin-1")).encode("latin-1")
    cut = markup_end(content)
    if cut is None:
        return content
    end = last_end(content, _ENTRY_ENDS, cut)
    if not end:
        raise over_markup(url)
    return content[:end] + _closing(content[:4096])


def markup_end(content: bytes) -> int | None:
    """Where the feed's `MAX_MARKUP`-th tag (escaped ones counted) begins; None within the budget."""
    if content.count(b"<") + content.count(b"&lt;") + content.count(b"&#") <= MAX_MARKUP:  # at most this many
        return None
    past = next(itertools.islice(_TAG.finditer(content), MAX_MARKUP, None), None)
    return None if past is None else past.start()


def over_markup(url: str) -> ExtractError:
    return ExtractError(f"{url}: the feed's first entry alone holds over {MAX_MARKUP:,} tags; not read",
                        hint="check that the source URL points at an ordinary feed, or use kind = \"html\"")


def _closing(head: bytes) -> bytes:
    """The end tags that keep a feed cut after an entry well-formed: feedparser reads a broken one
    with its loose parser, about five times slower (and would still read the entries)."""
    for root, closing in ((b"<rss", b"</channel></rss>"), (b"<rdf:RDF", b"</rdf:RDF>"), (b"<feed", b"</feed>")):
        if root in head:
            return closing
    return b""


# a date-time's zone at its end: Z, +0800, +08:00, -05, GMT, UTC, CST, EST … (none: the feed's clock)
_ZONED = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})\s*$")


# a date written with a negative year: PHP's ISO 8601 rendering of MySQL's zero date (`-0001-11-30T00:00:00+08:00`),
# which the feed parser reads as one of ISO 8601's old forms without a century (1 January 2000)
_NO_YEAR = re.compile(r"\s*-\d")


def _when(entry: dict, tz: str = "Asia/Shanghai") -> datetime | None:
    """An entry's date: its `published`, else its `updated`; a zero date (a negative year) is none."""
    # (read as the dict holds them: the feed parser's own get() maps one to the other, with a warning)
    keys = [k for k in ("published", "updated") if (v := dict.get(entry, k)) and not _NO_YEAR.match(str(v))]
    bare = dict.get(entry, keys[0]) if keys else None
    if isinstance(bare, str) and HALF_OF_DAY.search(bare):  # 3:30 PM, 下午3:30: the feed parser drops the half
        return dates.parse(bare.strip(), tz)  # of the day (or reads PM as a zone); undated if it cannot be placed
    if isinstance(bare, str) and bare.strip() and not _ZONED.search(bare):  # `2026-12-01 08:00:00`: Shanghai's
        when = dates.parse(bare.strip(), tz)  # clock (the feed parser read UTC), as a sitemap's or an API's
        if when is not None:
            return when
    # as the feed wrote it: `CST` is China Standard Time, not US Central
    written = dict.get(entry, "published") if "published" in keys else None
    if isinstance(written, str) and written.rstrip().endswith("CST"):
        try:
            return dates.sane(rfc822(written).astimezone(timezone.utc))
        except (ValueError, TypeError, OverflowError):
            pass
    stamp = next((parsed for k in keys if (parsed := dict.get(entry, f"{k}_parsed"))), None)
    try:
        return dates.sane(datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc)) if stamp else None
    except (ValueError, OverflowError, OSError):  # year 0 or 10000 in UTC: no usable date
        return None
