"""What a page says about its article outside the body: meta tags, JSON-LD, headline.

In: a parsed selectolax tree (read before the tree is cleaned). Out: `PageMeta` with the
government-CMS meta tags (ArticleTitle, PubDate, ContentSource, Author), OpenGraph /
article:* tags, JSON-LD NewsArticle fields and the headline candidates. Never raises on its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..decode import without_surrogates
from ..textnorm import OWN_KIND_WORDS, normalize
from .body import CUSTOM_TAG_IDS, class_hint, tag_ids
from .text import CJK, clean

_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNews", "BlogPosting", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "WebPage", "LiveBlogPosting", "Report", "ScholarlyArticle")
DATE_KEYS = ("pubdate", "publishdate", "article:published_time", "og:article:published_time",
             "og:published_time", "datepublished", "publish_date", "publication_date", "dc.date.issued",
             "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
             "originalpublicationdate", "displaydate", "firstpublishedtime", "releasedate", "date")
# Other meta names that hold the publication time (`pubtime`, `apub:time`, `PublishTime`), and
# names of some date or time that may be it when nothing better is found (`og:time`, `dateUpdate`).
_PUB_NAME = re.compile(r"pub|releas|issued|posted|creat")
_LATER_NAME = re.compile(r"modif|updat|expir|valid|effective|make|refresh|review|birth|start|end|cache")
_TIMED_NAME = re.compile(r"date|time")
_PUB_TIME_ATTR = re.compile(r"pub|post")  # a <time class="pubdate"> / itemprop="datePublished"
AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author")
SOURCE_KEYS = ("contentsource", "source", "mediaid")
# Elements read_meta picks by tag id in one walk over all elements (with the drop tags and the
# body finder's units); a selector query listing them all cost twice as much, since lexbor tests
# every selector of a query against every node.
_BY_TAG = ("meta", "title", "h1", "time", "script")
_FIRST_BRANCHES = frozenset({"meta", "title", "h1"})  # these tags win over a headline-like class
_HEADLINES = "h2, [class*=title]"  # second-rank headline candidates: an attribute test, left to lexbor
# Elements that mark the publication time outside <meta> and <time> (`<span itemprop=datePublished
# content=…>`, `<abbr class="published" title=…>`, `<em id="publish_time">`): the selector casts
# wide, the hint keeps publication words only, and list items and related boxes are passed over.
_MARKED = ("[itemprop=datePublished], [itemprop=dateCreated], [class*=pub], [id*=pub], [class*=Pub], [id*=Pub], "
           "[class*=post], [class*=date], [id*=date], [class*=time], [id*=time], [data-time], [data-timestamp]")
# A byline left empty for a script to fill, its time in one of these attributes (`<span class="time"
# data-time="1564885260"></span>`, `<time data-timestamp="1564885260000">`).
_DATA_TIMES = ("data-time", "data-timestamp", "data-date", "data-pubtime", "data-publish-time")
_MARK_HINT = re.compile(
    r"datepublished|datecreated|published|pub(?:lish)?[-_]?(?:time|date|dt)|post(?:ed)?[-_]?(?:date|time|on\b)|"
    r"article[-_]?(?:date|time)|entry[-_]?date|time[-_]?pub|date[-_]?pub|timestamp"
)
MARK_AWAY = re.compile(r"(?<![a-z])(?:hot|list|side)|relat|recommend|comment|rank|foot")  # not `photo`, `inside`
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TAG = re.compile(r"<[^<>]{0,40}>")  # markup written as text into <title> by some CMSes
# `三明之窗--标题`: a short Chinese site name in front of the headline, as older sites write it.
_PREFIX = re.compile(r"^([^_|｜\-]{1,10}?)\s*(?:-{2,}|[_|｜])[\s_|｜-]*([^\s_|｜-].*)$")
TITLE_TAIL = 120
_SEPARATORS = " \t\n\u3000_|｜–—-"
# How a blog's, a personal space's or a forum's name ends (`张明远的博客`, `某某的空间`, `钓鱼论坛`).
_SITE_NAME_END = re.compile(r"(?:博客|空间|空間|日志|日誌|论坛|論壇|Blog|blog|BLOG)$")
_OPENERS = "[【(（《"  # a title never ends with one (its bracketed part was cut away)
_SUFFIX = re.compile(r"\s*(?:[_|｜–—]+|\s-+\s|-+(?=[^-]{1,16}$))\s*([^_|｜–—]{1,40})$")


@dataclass
class PageMeta:
    """Article facts the page states in its head: meta tags, JSON-LD and headline candidates."""

    tags: dict[str, str] = field(default_factory=dict)
    ld: dict[str, str] = field(default_factory=dict)
    page_title: str = ""
    headlines: list[str] = field(default_factory=list)  # <h1> texts; `all_headlines` adds the rest
    h1_nodes: list[tuple[LexborNode, str]] = field(default_factory=list)  # the first four <h1>s and their texts
    times: list[tuple[str, str, bool]] = field(default_factory=list)  # <time>: datetime, text, marked as publication
    lang: str | None = None
    # Reads the second-rank headlines (<h2>, title-like classes) from the uncleaned tree. Deferred:
    # it is a selector walk, and most pages' title is settled by og:title or ArticleTitle first.
    more_headlines: Callable[[], list[str]] | None = None

    def all_headlines(self) -> list[str]:
        """Headline candidates in rank order: <h1> texts, then <h2> and title-classed elements."""
        if self.more_headlines is not None:
            self.headlines = self.headlines + self.more_headlines()
            self.more_headlines = None
        return self.headlines

    def title_date(self) -> str | None:
        """A date the <title> closes its headline with (`…活动(2008-5-6)`, `…（2008年5月6日）_站名`), as text."""
        title = self.page_title
        if not any(mark in title for mark in _TITLE_DATE_MARKS):
            return None
        match = title_date_pattern().search(title, max(0, len(title) - TITLE_TAIL))
        return (match.group(1) or match.group("part")) if match else None

    def published_tags(self) -> list[str]:
        """Meta values that state the publication time: the known names, then other `pub…` names."""
        known = [self.tags[key] for key in DATE_KEYS if self.tags.get(key)]
        return known + [value for key, value in self.tags.items()
                        if key not in DATE_KEYS and _PUB_NAME.search(key) and not _LATER_NAME.search(key)]

    def dated_tags(self) -> list[str]:
        """Meta values of other date / time names, update and modification times last."""
        others = [(bool(_LATER_NAME.search(key)), value) for key, value in self.tags.items()
                  if key not in DATE_KEYS and _TIMED_NAME.search(key) and not _PUB_NAME.search(key)]
        return [value for _, value in sorted(others, key=lambda item: item[0])]

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first non-empty meta tag among `keys`."""
        for key in keys:
            value = self.tags.get(key)
            if value:
                return value
        return None


def read_meta(tree: LexborHTMLParser, drop_tags: tuple[str, ...] = (),
              unit_groups: tuple[tuple[str, ...], ...] = (), custom_group: int | None = None
              ) -> tuple[PageMeta, list[LexborNode], list[list[LexborNode]]]:
    """Meta tags (first wins), JSON-LD article fields, <title> and headline texts; plus, found in
    the same walk so the caller need not walk the tree again, the nodes of `drop_tags` (to remove)
    and those of each group of `unit_groups` (for the body finder), in document order; elements
    the parser does not know (a CMS's `<cms_include:…>`) join group `custom_group`. The
    second-rank headlines are read on demand: call `choose_title` before the tree is changed."""
    meta = PageMeta()
    scripts: list[LexborNode] = []
    doomed: list[LexborNode] = []
    units: list[list[LexborNode]] = [[] for _ in unit_groups]
    h1s: list[str] = []
    drop = frozenset(drop_tags)
    wanted, kinds = _tag_kinds((*_BY_TAG, *drop_tags), unit_groups)
    kind_of = kinds.get  # bound once: this runs for every element, ~1000 on a big page
    root = tree.root
    # A generator walk: a list of every element would keep ~1000 nodes alive at once, and the
    # garbage collector, which counts live objects, would then run (and scan them) on every page.
    for node in root.traverse() if root is not None else ():
        tag = kind_of(node.tag_id)
        if tag is None:
            if custom_group is not None and node.tag_id > CUSTOM_TAG_IDS:
                units[custom_group].append(node)
            continue
        if isinstance(tag, int):
            units[tag].append(node)
        elif tag == "meta":
            attrs = node.attributes  # read only here: a dict per node costs ~0.3 µs
            key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
            content = attrs.get("content")
            if key and content and content.strip():
                meta.tags.setdefault(key.strip().lower(), content.strip())
        elif tag in drop:
            doomed.append(node)
            if tag == "script" and node.attrs.get("type") == "application/ld+json":
                scripts.append(node)
        elif tag == "title":
            meta.page_title = meta.page_title or _TAG.sub("", clean(node.text()))
        elif tag == "h1":
            if len(h1s) < 4:
                h1s.append(clean(node.text())[:300])
                meta.h1_nodes.append((node, h1s[-1]))
        elif "title" in (node.attrs.get("class") or ""):
            continue  # a headline-like class makes a <time> or kept <script> a headline candidate
        elif tag == "script":
            if node.attrs.get("type") == "application/ld+json":
                scripts.append(node)
        else:
            stamp = node.attrs.get("datetime")  # <time datetime>
            if stamp and len(meta.times) < 20:
                time_attrs = node.attributes
                marks = f"{time_attrs.get('itemprop') or ''} {time_attrs.get('class') or ''}".lower()
                marked = "pubdate" in time_attrs or bool(_PUB_TIME_ATTR.search(marks))
                meta.times.append((stamp, clean(node.text())[:40], marked))
    meta.headlines = h1s
    meta.more_headlines = partial(_other_headlines, tree, wanted, drop)
    meta.ld = _read_jsonld(scripts)
    meta.lang = root.attributes.get("lang") if root is not None and root.tag == "html" else None  # <html lang>
    return meta, doomed, units


def marked_dates(tree: LexborHTMLParser) -> list[str]:
    """Attribute values (content, datetime, title, data-*) and then texts of the elements marked as
    the publication time, in document order, outside list items and related or side boxes."""
    values: list[str] = []
    for node in tree.css(_MARKED):
        attrs = node.attributes
        hint = f"{attrs.get('itemprop') or ''} {class_hint(node)}".lower()
        if not _MARK_HINT.search(hint):
            stamps = [value for key in _DATA_TIMES if (value := attrs.get(key))]
            if (stamps and node.tag != "li" and not node.text().strip() and not MARK_AWAY.search(hint)
                    and not _away(node)):
                values += stamps
            continue
        if MARK_AWAY.search(hint) or _away(node):
            continue
        values += [value for key, value in attrs.items() if value and (key in ("content", "datetime", "title")
                   or key.startswith("data-")) and any(ch.isdigit() for ch in value)]
        values.append(clean(node.text())[:60])
    return values


def _away(node: LexborNode) -> bool:
    """Whether a node sits in a list item or a related, side or comment box (up to six levels up)."""
    parent = node.parent
    for _ in range(6):
        if parent is None or parent.tag == "body":
            return False
        if parent.tag == "li" or MARK_AWAY.search(class_hint(parent)):
            return True
        parent = parent.parent
    return False


def _other_headlines(tree: LexborHTMLParser, wanted: dict[int, str], drop: frozenset[str]) -> list[str]:
    """Texts of <h2> and title-classed elements (up to 12), except those read_meta's branches took."""
    others: list[str] = []
    for node in tree.css(_HEADLINES):
        if len(others) == 12:
            break
        tag = wanted.get(node.tag_id)
        if tag is None or not (tag in _FIRST_BRANCHES or tag in drop):
            others.append(clean(node.text())[:300])
    return others


@lru_cache(maxsize=8)
def _tag_kinds(tags: tuple[str, ...], groups: tuple[tuple[str, ...], ...]
               ) -> tuple[dict[int, str], dict[int, str | int]]:
    """Tag id → name for `tags`; and that merged into tag id → index of its group in `groups` (a
    tag in both stays a name: a dropped element is not a text unit)."""
    names = tag_ids(tags)
    return names, {**{tag_id: index for index, group in enumerate(groups) for tag_id in tag_ids(group)}, **names}


def _read_jsonld(scripts: list[LexborNode]) -> dict[str, str]:
    """headline, datePublished, author, publisher and articleBody (`body`) of the first article
    object in JSON-LD."""
    dated: dict[str, str] = {}
    page: dict[str, str] = {}  # a WebPage's fields: taken when no article type follows
    for script in scripts:
        source = script.text()
        try:
            data = without_surrogates(json.loads(source, strict=False), source)  # strict=False: raw line breaks inside strings are common
        except (ValueError, RecursionError):
            found = _LD_DATE.search(source)  # broken JSON still names its date
            dated = dated or ({"date": found.group(1)} if found else {})
            continue
        for item in _walk(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            fields = {
                "headline": _as_text(item.get("headline") or item.get("name")),
                "date": _as_text(item.get("datePublished") or item.get("dateCreated")),
                "author": _as_text(item.get("author")),
                "publisher": _as_text(item.get("publisher")),
                "body": _body_text(item.get("articleBody")),
            }
            if any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                if "WebPage" not in kinds:
                    return fields
                page = page or fields
            elif fields["date"] and not dated:
                dated = {"date": fields["date"]}  # another type (a video, a page) with a publication date
    return {**dated, **{key: value for key, value in page.items() if value}}


def _walk(data: object, depth: int = 0) -> list[dict]:
    """Objects in a JSON-LD document: the top level, lists and @graph members."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [item for entry in data for item in _walk(entry, depth + 1)]
    if isinstance(data, dict):
        return [data, *_walk(data.get("@graph"), depth + 1)] if "@graph" in data else [data]
    return []


def _body_text(value: object) -> str:
    """An article's `articleBody` as given (its line breaks kept), capped like a page."""
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    return value.strip()[:1_000_000] if isinstance(value, str) else ""


def _as_text(value: object) -> str:
    """A JSON-LD value as one string: names of objects, first of lists."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or ""
    return clean(value) if isinstance(value, str) else ""


def strip_site_suffix(title: str) -> str:
    """Drop site names: trailing (`标题_中新网`, `标题-东南网`, `Title | Site`) and, on older Chinese
    sites, leading (`三明之窗--标题`), but not a commentary's or a follow-up's word for itself
    (`评论｜标题`: `textnorm.OWN_KIND_WORDS`)."""
    title = title.rstrip(_SEPARATORS) or title  # `标题 ——` (a site name left empty)
    for _ in range(3):
        # A site name is at the end: searched for in the last TITLE_TAIL characters only, which keeps
        # the search linear on a hostile title of thousands of separators.
        match = _SUFFIX.search(title, max(0, len(title) - TITLE_TAIL))
        head = title[: match.start()].rstrip(_SEPARATORS) if match else ""  # all of a long run of them
        if match and len(head) >= 4 and len(head) < len(match.group(1)) * 0.6 and " - " in match.group(1):
            # `标题 - 社区论坛 - Powered by Discuz! Archiver`: two names after a short headline, the last first
            last = _SUFFIX.search(title, match.start(1) + match.group(1).rfind(" - "))
            match, head = last, title[: last.start()].rstrip(_SEPARATORS) if last else ""
        if not match or len(head) < 4 or len(head) < len(match.group(1)) * 0.6:
            break
        if match.group(0).startswith("-") and head[-1:].isascii() and not CJK.search(match.group(1)):
            break  # `anti-drug campaign`: a bare hyphen after a Latin word is part of the title
        if match.group(0).startswith("-") and head[-1:].isdigit() and match.group(1)[:1].isdigit():
            break  # `中国女排3-2逆转夺冠`: a score or a range between digits is part of the title
        title = head
    if title[-1:] in _OPENERS and len(title) > 5:
        title = title[:-1].rstrip(_SEPARATORS)  # `标题 [-- 版块 --] - 论坛`: a bracketed part cut at its dashes
    prefix = _PREFIX.match(title)
    if prefix and CJK.search(prefix.group(1)) and len(prefix.group(2)) >= max(6, 2 * len(prefix.group(1))) \
            and normalize(prefix.group(1)).strip() not in OWN_KIND_WORDS:  # `评论｜标题`: the headline's own
        title = prefix.group(2)
    return title


# A date in brackets closing the <title>'s headline (an older school CMS's `标题(2008-5-6)`), before the site's name
# if any, or a part of its own between the headline and the site's name (an older portal's `标题_2008-05-12_新闻中心`,
# `标题 - 2008-05-12 - 站名`): the page's date, no part of the headline.
# Compiled on first use (a title with a bracket or a separator): its mixed-width classes cost ~2 ms to compile.
_TITLE_DATE_MARKS = ("(", "（", "[", "【", "_", "|", "｜", " - ")


@lru_cache(maxsize=1)
def title_date_pattern() -> re.Pattern[str]:
    day = r"((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    return re.compile(r"\s*[(（\[【]\s*" + day + r"\s*[)）\]】](?=\s*(?:$|[_|｜—–-]))"
                      r"|\s*(?:[_|｜]|\s[-—–]\s)\s*" + day.replace("(", "(?P<part>", 1) + r"\s*(?=[_|｜]|\s[-—–]\s)")


def choose_title(meta: PageMeta) -> str:
    """The headline: a candidate the <title> confirms, else ArticleTitle, og:title, the <title> (a date
    closing its headline cut off)."""
    page = meta.page_title
    if any(mark in page for mark in _TITLE_DATE_MARKS):
        dated = title_date_pattern().search(page, max(0, len(page) - TITLE_TAIL))
        page = f"{page[: dated.start()]}{page[dated.end() :]}" if dated else page
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
    headlines = meta.all_headlines()
    inside = [c for c in headlines if confirmed(c) and c in page]
    if inside:
        # Not a blog's or a forum's name (`某某的博客` in the <h1> over the post's own <h2>, the <title> naming both).
        best = max(inside, key=lambda c: (_SITE_NAME_END.search(c) is None, len(c)))
        return strip_site_suffix(best) if best == page else best
    if any(confirmed(c) for c in headlines):
        return stripped  # an element holds the <title>'s headline plus labels: the <title> is cleaner
    if meta.tags.get("articletitle"):
        return strip_site_suffix(clean(meta.tags["articletitle"]))
    if page:
        return stripped  # og:title did not match it: often cut short by broken quoting
    if meta.tags.get("og:title"):
        return strip_site_suffix(clean(meta.tags["og:title"]))
    return next((c for c in headlines if len(c) >= 2), "")
