"""`kind = "sitemap"`: a sitemap, a sitemap index or a Google News sitemap → candidate links.

In: the sitemap XML (gzip or plain). An index's child sitemaps are asked for newest first
(at most `max_sitemaps`); a child whose `lastmod` is older than `max_age_days` (default 30) is
not asked for at all, and neither is an entry whose `news:publication_date` or `lastmod` is.
`news:title` and the date ride along as the listing's title and date. Out: a `Listing`.
Never fetches by itself.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime
from xml.etree import ElementTree

from .. import markup
from ..config import Source
from ..decode import as_utf8_xml
from ..errors import ExtractError
from ..models import Candidate
from . import dates
from .base import Crawl, LinkFilter, Listing, Page, PageLinks, Request, Walk, all_new_warning, only_known

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
    page = yield from listing.first(Request(source.url, conditional=True))
    if page is None:
        return listing
    links = LinkFilter(source, crawl.now)
    queue: list[tuple[Page | None, str, int]] = [(page, page.url, 0)]
    asked = 0
    while queue:
        got, url, depth = queue.pop(0)
        if got is None:
            if asked >= source.max_sitemaps:
                listing.dropped.append((url, f"beyond max_sitemaps ({source.max_sitemaps})"))
                continue
            asked += 1
            got = yield Request(url)
        kind, entries = parse(got.content, got.url, source.date_tz)
        if kind == "index":
            queue += _children(entries, links, listing, depth)
            listing.pages.append(PageLinks(got.url, 0, 0, f"sitemap index: {len(entries)} sitemaps"))
            continue
        kept = links.apply(_candidates(entries), listing)
        known = len(crawl.known([c.url for c in kept])) if kept else 0
        listing.pages.append(PageLinks(got.url, len(entries), len(kept) - known))
        if not depth and (warning := all_new_warning(crawl, kept, "sitemap")):  # a news sitemap's two days
            listing.warnings.append(warning)
        if depth and only_known(kept, crawl) and queue:
            listing.pages[-1].note = "only known links: older sitemaps not fetched"
            break
    return listing


def _children(entries: list[Entry], links: LinkFilter, listing: Listing,
              depth: int) -> list[tuple[Page | None, str, int]]:
    """Child sitemaps worth asking for, newest first; too old ones dropped without a request."""
    if depth >= 2:  # an index of indexes of indexes is a loop or a trap
        listing.dropped += [(e.loc, "sitemap index nested too deep") for e in entries]
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
    """Sitemap XML → ("index" or "urlset", entries); ExtractError when it is neither."""
    try:
        # decoded as pages are and parsed as UTF-8: the XML parser takes no other multi-byte
        # encoding (a GBK sitemap declared gb2312 raised ValueError)
        root = ElementTree.fromstring(markup.defuse_entities(as_utf8_xml(_inflate(content, url))))
    except ElementTree.ParseError as exc:
        raise ExtractError(f"{url}: not a readable sitemap ({exc})",
                           hint="check that the URL is a sitemap; robots.txt lists a site's sitemaps") from None
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        raise ExtractError(f"{url}: not a sitemap (root element <{kind}>)",
                           hint="a sitemap's root is <urlset> or <sitemapindex>")
    entries = [e for e in (_entry(node, tz) for node in root) if e is not None]
    return ("index" if kind == "sitemapindex" else "urlset"), entries


def _entry(node: ElementTree.Element, tz: str) -> Entry | None:
    fields: dict[str, str] = {}
    for child in node.iter():
        name = _local(child.tag)
        if name not in fields and child.text and child.text.strip():
            fields[name] = child.text.strip()
    loc = fields.get("loc")
    if not loc:
        return None
    when = dates.parse(fields.get("publication_date"), tz) or dates.parse(fields.get("lastmod"), tz)
    return Entry(loc=loc, when=when, title=fields.get("title"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


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
