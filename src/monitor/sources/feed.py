"""`kind = "feed"`: an RSS/Atom feed → candidate links.

In: the feed's bytes and response headers (feedparser gets bytes plus headers, never a URL).
Out: `Candidate`s with the entry's title, date and summary. Never fetches by itself.
"""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

from ..config import Source
from ..errors import ExtractError
from ..models import Candidate
from .base import Crawl, LinkFilter, Listing, PageLinks, Request, Walk, absolute


def walk(source: Source, crawl: Crawl) -> Walk:
    """One conditional GET of the feed; its entries, filtered."""
    listing = Listing()
    page = yield from listing.first(Request(source.url, conditional=True))
    if page is None:
        return listing
    found = parse(page.content, page.headers, page.url)
    kept = LinkFilter(source, crawl.now).apply(found, listing)
    listing.pages.append(PageLinks(page.url, len(found), len(kept)))
    return listing


def parse(content: bytes, headers: dict[str, str], url: str) -> list[Candidate]:
    """Feed bytes → candidates in feed order; ExtractError when it is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={**headers, "content-location": url})
    if not parsed.entries and (parsed.bozo or not parsed.get("feed") or not parsed.get("version")):  # version: HTML
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no entries"
        raise ExtractError(f"{url}: not a readable RSS/Atom feed ({reason})",
                           hint="check that the source URL points at a feed, or use kind = \"html\"")
    out = []
    for entry in parsed.entries:
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        target = absolute(url, link)
        if not target:
            continue
        out.append(Candidate(url=target, title=entry.get("title"), published=_when(entry),
                             summary=entry.get("summary")))
    return out


def _when(entry: dict) -> datetime | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
    except (ValueError, OverflowError, OSError):  # year 0 or 10000 in UTC: no usable date
        return None
