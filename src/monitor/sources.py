"""Source kinds: a listing's bytes → candidate article links.

In: a `Source` from config and the listing response (bytes, headers, final URL). Out: a list of
`Candidate`s, newest listing order kept, duplicates removed. Kinds: `feed` (RSS/Atom via
feedparser, fed bytes plus response headers, never a URL) and `html` (a list page with a CSS
selector for article links). Never fetches anything itself.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import feedparser
from selectolax.lexbor import LexborHTMLParser

from .config import Source
from .decode import decode_html
from .errors import ExtractError
from .models import Candidate


def candidates(source: Source, content: bytes, headers: dict[str, str], url: str) -> list[Candidate]:
    """The article links a listing offers, filtered by the source's link_pattern."""
    found = _feed(content, headers, url) if source.kind == "feed" else _html(source, content, headers, url)
    pattern = re.compile(source.link_pattern) if source.link_pattern else None
    seen: set[str] = set()
    out = []
    for cand in found:
        if cand.url in seen or not cand.url.startswith(("http://", "https://")):
            continue
        if pattern and not pattern.search(cand.url):
            continue
        seen.add(cand.url)
        out.append(cand)
    return out


def _feed(content: bytes, headers: dict[str, str], url: str) -> list[Candidate]:
    parsed = feedparser.parse(content, response_headers={**headers, "content-location": url})
    if not parsed.entries and (parsed.bozo or not parsed.get("feed")):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no entries"
        raise ExtractError(f"{url}: not a readable RSS/Atom feed ({reason})",
                           hint="check that the source URL points at a feed, or use kind = \"html\"")
    out = []
    for entry in parsed.entries:
        link = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        try:
            published = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        except (ValueError, OverflowError, OSError):  # year 0 or 10000 in UTC: no usable date
            published = None
        try:
            absolute = urljoin(url, link.strip())
        except ValueError:  # a malformed link (e.g. "http://[::1/x") is skipped, not the feed
            continue
        out.append(Candidate(url=absolute, title=entry.get("title"), published=published,
                             summary=entry.get("summary")))
    return out


def _html(source: Source, content: bytes, headers: dict[str, str], url: str) -> list[Candidate]:
    text = decode_html(content, headers.get("content-type"))
    tree = LexborHTMLParser(text)
    base = tree.css_first("base[href]")
    try:
        base_url = urljoin(url, base.attributes.get("href") or "") if base else url
    except ValueError:  # a malformed <base href> is ignored
        base_url = url
    try:
        nodes = tree.css(source.link_selector or "a")
    except Exception as exc:  # selectolax raises a bare exception type for bad selectors
        raise ExtractError(f"source {source.name}: bad link_selector {source.link_selector!r}: {exc}",
                           hint="use a CSS selector such as \"ul.list li a\"") from None
    out = []
    host = urlsplit(url).hostname
    for node in nodes:
        anchor = node if node.tag == "a" else node.css_first("a[href]")
        href = anchor.attributes.get("href") if anchor else None
        if not anchor or not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        try:
            link = urljoin(base_url, href.strip())
        except ValueError:  # e.g. "http://[::1/x": not a URL anyone can fetch
            continue
        title = (anchor.text(deep=True) or "").strip() or None
        out.append(Candidate(url=link, title=title))
    if not out and nodes == [] and host:
        raise ExtractError(f"source {source.name}: link_selector {source.link_selector!r} matched nothing on {url}",
                           hint="the page layout may have changed; update link_selector")
    return out
