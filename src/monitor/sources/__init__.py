"""Source kinds: a configured source → candidate article links, one module per kind.

In: a `Source` from config and a `Crawl` (a `known` callback over stored URLs). A kind is a
`Walk`: a generator yielding the `Request`s it needs and sent back each response, so the
pipeline's fetcher (and its policy: robots, delay, SSRF guard) makes every request, many
sources at once. Out: when the walk ends, a `Listing`
of `Candidate`s (listing order kept, one per URL, filtered by `link_pattern`,
`exclude_pattern` and `max_age_days`), the pages read and every dropped link with its reason.
Kinds: `feed` (RSS/Atom, JSON Feed), `html` (list pages, paginated), `sitemap` (sitemaps, indexes,
Google News sitemaps), `json-api` (JSON list endpoints, GET or POST), `search` (news-search
queries, redirect wrappers unwrapped). `detect` reads an unknown page for `add-source`.
Never fetches anything itself, never opens sockets.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Source
from ..models import Candidate
from . import feed, html, jsonapi, search, sitemap
from .base import Crawl, LinkFilter, Listing, Page, PageLinks, Request, Trail, Walk, drive, settle

KINDS: dict[str, Callable[[Source, Crawl], Walk]] = {
    "feed": feed.walk,
    "html": html.walk,
    "sitemap": sitemap.walk,
    "json-api": jsonapi.walk,
    "search": search.walk,
}


def walk(source: Source, crawl: Crawl) -> Walk:
    """The source's listing as a walk: send it each response to the request it yields."""
    return KINDS[source.kind](source, crawl)


def listing(source: Source, crawl: Crawl, fetch: Callable[[Request], Page]) -> Listing:
    """Every candidate link the source offers now, each request made by the blocking `fetch`."""
    return drive(walk(source, crawl), fetch)


def candidates(source: Source, content: bytes, headers: dict[str, str], url: str) -> list[Candidate]:
    """The article links of one already-fetched feed or list page, filtered (single page only)."""
    if source.kind == "feed":
        found = feed.parse(content, headers, url, source.date_tz)
    elif source.kind == "sitemap":
        found = sitemap._candidates(sitemap.parse(content, url, source.date_tz)[1])
    else:
        found, _ = html.parse(source, content, headers, url)
    return LinkFilter(source, _now()).apply(found, Listing())


def _now():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


__all__ = ["KINDS", "Crawl", "LinkFilter", "Listing", "Page", "PageLinks", "Request", "Trail", "Walk", "candidates", "drive",
           "listing", "settle", "walk"]
