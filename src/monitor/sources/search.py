"""`kind = "search"`: a news-search query as a source → publisher links.

In: `query` and a URL template with `{query}` (URL-encoded in `charset`), or a `preset`:
`bing-news` and `google-news` (their RSS search results) or `rsshub` (a `route` on the RSSHub
instance `rsshub`). The results are read as a feed, or as an HTML list when `link_selector` is
set. Search engines wrap result links in redirects; those are unwrapped offline
(`bing.com/news/apiclick.aspx?url=`, `google.com/url?q=`, old-style `news.google.com/rss/articles/…`);
an opaque one (Baidu's `/link?url=`, new Google News ids) stays as it is: the article fetch
follows it once through the fetcher's redirect handling, which keeps it as an alias of the
publisher's URL. The result's title and date stay on the candidate only as a fallback for what
the article page says.
Out: a `Listing`. Never fetches by itself.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import replace
from urllib.parse import parse_qs, quote, urlsplit

from ..config import Source
from . import feed, html
from .base import Crawl, LinkFilter, Listing, PageLinks, Request, Walk

PRESETS = {
    "bing-news": "https://www.bing.com/news/search?q={query}&format=rss&setlang=zh-Hans&cc=cn",
    "google-news": "https://news.google.com/rss/search?q={query}&hl=zh-CN&gl=CN&ceid=CN:zh-Hans",
}
RSSHUB = "https://rsshub.app"


def search_url(source: Source) -> str:
    """The results URL: the template (or preset) with the query encoded in `charset`."""
    if source.preset == "rsshub":
        template = (source.rsshub or RSSHUB).rstrip("/") + "/" + (source.route or "").lstrip("/")
    else:
        template = PRESETS.get(source.preset or "", source.url)
    return template.replace("{query}", quote(source.query or "", safe="", encoding=source.charset))


def walk(source: Source, crawl: Crawl) -> Walk:
    """One conditional GET of the results; links unwrapped to the publishers'."""
    listing = Listing()
    page = yield from listing.first(Request(search_url(source), conditional=True, headers=tuple(source.headers.items())))
    if page is None:
        return listing
    if source.link_selector:
        found, _ = html.parse(source, page.content, page.headers, page.url)
    else:
        found = feed.parse(page.content, page.headers, page.url)
    found = [replace(c, url=unwrap(c.url)) for c in found]
    kept = LinkFilter(source, crawl.now).apply(found, listing)
    listing.pages.append(PageLinks(page.url, len(found), len(kept)))
    return listing


def unwrap(url: str) -> str:
    """A search engine's redirect wrapper → the publisher's URL, where that is in the URL."""
    parts = urlsplit(url)
    host, route = (parts.hostname or "").lower(), parts.path.lower()
    query = parse_qs(parts.query)
    if host.endswith("bing.com") and route.endswith("/apiclick.aspx"):
        return _first(query, "url") or url
    if re.match(r"^(www\.)?google\.[a-z.]+$", host) and route == "/url":
        return _first(query, "q") or _first(query, "url") or url
    if host == "news.google.com" and "/articles/" in route:
        return _google_news(parts.path.rsplit("/", 1)[-1]) or url
    return url


def _first(query: dict[str, list[str]], key: str) -> str | None:
    value = (query.get(key) or [""])[0]
    return value if value.startswith(("http://", "https://")) else None


def _google_news(token: str) -> str | None:
    """Old-style Google News article ids are base64 protobuf holding the URL; newer ones are
    opaque (None: the caller asks the redirect itself)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    start = raw.find(b"http")
    if start < 1:
        return None
    size, width = raw[start - 1], 1
    if start >= 2 and raw[start - 2] & 0x80 and size < 0x80:  # a two-byte varint length
        size, width = (raw[start - 2] & 0x7F) | (size << 7), 2
    if size & 0x80 and width == 1:
        return None
    found = raw[start:start + size]
    try:
        text = found.decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if re.match(r"^https?://[^\s/]+", text) and len(found) == size else None
