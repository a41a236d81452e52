"""What a page says about its article outside the body: meta tags, JSON-LD, headline.

In: a parsed selectolax tree (read before the tree is cleaned). Out: `PageMeta` with the
government-CMS meta tags (ArticleTitle, PubDate, ContentSource, Author), OpenGraph /
article:* tags, JSON-LD NewsArticle fields and the headline candidates. Never raises on its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .text import CJK, clean

_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNews", "BlogPosting", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "WebPage", "LiveBlogPosting", "Report", "ScholarlyArticle")
DATE_KEYS = ("pubdate", "publishdate", "article:published_time", "og:article:published_time",
             "og:published_time", "datepublished", "publish_date", "publication_date", "dc.date.issued",
             "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
             "originalpublicationdate", "displaydate", "firstpublishedtime", "releasedate", "date")
AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author")
SOURCE_KEYS = ("contentsource", "source", "mediaid")
_HEAD_NODES = 'meta, title, h1, h2, [class*=title], time[datetime], script[type="application/ld+json"]'
_TAG = re.compile(r"<[^<>]{0,40}>")  # markup written as text into <title> by some CMSes
_SUFFIX = re.compile(r"\s*(?:[_|｜–—]+|\s-+\s|-+(?=[^-]{1,16}$))\s*([^_|｜–—]{1,40})$")


@dataclass
class PageMeta:
    """Article facts the page states in its head: meta tags, JSON-LD and headline candidates."""

    tags: dict[str, str] = field(default_factory=dict)
    ld: dict[str, str] = field(default_factory=dict)
    page_title: str = ""
    headlines: list[str] = field(default_factory=list)
    lang: str | None = None

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first non-empty meta tag among `keys`."""
        for key in keys:
            value = self.tags.get(key)
            if value:
                return value
        return None


def read_meta(tree: LexborHTMLParser, drop_tags: tuple[str, ...] = ()) -> tuple[PageMeta, list[LexborNode]]:
    """Meta tags (first wins), JSON-LD article fields, <title> and headline texts; plus the nodes
    of `drop_tags`, found in the same walk so the caller need not walk the tree again."""
    meta = PageMeta()
    scripts: list[LexborNode] = []
    doomed: list[LexborNode] = []
    h1s: list[str] = []
    others: list[str] = []
    drop = frozenset(drop_tags)
    for node in tree.css(", ".join((_HEAD_NODES, *drop_tags))):
        tag, attrs = node.tag, node.attributes
        if tag == "meta":
            key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
            content = attrs.get("content")
            if key and content and content.strip():
                meta.tags.setdefault(key.strip().lower(), content.strip())
        elif tag in drop:
            doomed.append(node)
            if tag == "script" and attrs.get("type") == "application/ld+json":
                scripts.append(node)
        elif tag == "title":
            meta.page_title = meta.page_title or _TAG.sub("", clean(node.text()))
        elif tag == "h1":
            if len(h1s) < 4:
                h1s.append(clean(node.text())[:300])
        elif tag == "h2" or "title" in (attrs.get("class") or ""):
            if len(others) < 12:
                others.append(clean(node.text())[:300])
        elif tag == "script":
            scripts.append(node)
        elif attrs.get("datetime"):
            meta.tags.setdefault("time", attrs.get("datetime") or "")
    meta.headlines = h1s + others
    meta.ld = _read_jsonld(scripts)
    html = tree.css_first("html")
    meta.lang = html.attributes.get("lang") if html is not None else None
    return meta, doomed


def _read_jsonld(scripts: list[LexborNode]) -> dict[str, str]:
    """headline, datePublished, author and publisher of the first article object in JSON-LD."""
    for script in scripts:
        try:
            data = json.loads(script.text())
        except (ValueError, RecursionError):
            continue
        for item in _walk(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                return {
                    "headline": _as_text(item.get("headline") or item.get("name")),
                    "date": _as_text(item.get("datePublished") or item.get("dateCreated")),
                    "author": _as_text(item.get("author")),
                    "publisher": _as_text(item.get("publisher")),
                }
    return {}


def _walk(data: object, depth: int = 0) -> list[dict]:
    """Objects in a JSON-LD document: the top level, lists and @graph members."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [item for entry in data for item in _walk(entry, depth + 1)]
    if isinstance(data, dict):
        return [data, *_walk(data.get("@graph"), depth + 1)] if "@graph" in data else [data]
    return []


def _as_text(value: object) -> str:
    """A JSON-LD value as one string: names of objects, first of lists."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or ""
    return clean(value) if isinstance(value, str) else ""


def strip_site_suffix(title: str) -> str:
    """Drop trailing site names: `标题_中新网`, `标题-东南网`, `Title | Site`."""
    for _ in range(3):
        match = _SUFFIX.search(title)
        head = title[: match.start()].strip() if match else ""
        if not match or len(head) < 4 or len(head) < len(match.group(1)) * 0.6:
            break
        if match.group(0).startswith("-") and head[-1:].isascii() and not CJK.search(match.group(1)):
            break  # `anti-drug campaign`: a bare hyphen after a Latin word is part of the title
        title = head
    return title


def choose_title(meta: PageMeta) -> str:
    """The headline: a candidate the <title> confirms, else ArticleTitle, og:title, the <title>."""
    page = meta.page_title
    stripped = strip_site_suffix(page)

    def confirmed(candidate: str) -> bool:
        """In the <title> (or containing its head), and covering most of it: not a logo <h1>."""
        return (len(candidate) >= 2 and bool(page) and len(candidate) * 2 >= len(stripped)
                and (candidate in page or stripped in candidate))

    stated = [meta.tags.get("articletitle", ""), meta.ld.get("headline", ""),
              clean(meta.tags.get("og:title")), clean(meta.tags.get("twitter:title"))]
    for candidate in stated:
        if confirmed(candidate):
            return strip_site_suffix(candidate) if candidate == page else candidate
    # Headline elements: the longest one inside the <title> (a section name is shorter).
    inside = [c for c in meta.headlines if confirmed(c) and c in page]
    if inside:
        best = max(inside, key=len)
        return strip_site_suffix(best) if best == page else best
    if any(confirmed(c) for c in meta.headlines):
        return stripped  # an element holds the <title>'s headline plus labels: the <title> is cleaner
    if meta.tags.get("articletitle"):
        return strip_site_suffix(clean(meta.tags["articletitle"]))
    if page:
        return stripped  # og:title did not match it: often cut short by broken quoting
    if meta.tags.get("og:title"):
        return strip_site_suffix(clean(meta.tags["og:title"]))
    return next((c for c in meta.headlines if len(c) >= 2), "")
