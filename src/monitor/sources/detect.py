"""What kind of source a page is, for `monitor add-source`: feed, sitemap, list page or JSON API.

In: a fetched page (bytes, headers, final URL) and the site's robots.txt text. Out: `Guess`es,
best first, each a ready `[[sources]]` table: a feed the page is or links to in its <head>,
the sitemaps robots.txt names (narrowed to the page's article URL shape when it has one), and
the page as a list page with a suggested `link_selector` and `link_pattern` (the most frequent
article-like URL shape on the page); a JSON answer as a `json-api` source (`apiguess`). Pure: the command
does the fetching.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from ..decode import decode_html
from ..errors import MonitorError
from ..markup import reshape
from . import apiguess
from .base import LINKS, absolute, frame_urls, node_link, page_base, registered_domain
from .jsonfeed import is_json
from .openers import Opener, called_link, page_openers

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
               "application/xml", "text/xml")
_ARTICLE_END = re.compile(r"\.(s?html?|shtml|jhtml|php|aspx?)$|/\d{5,}/?$", re.I)
# a column's own page, not an article: /col/col12/index.html, list_3.html, default.aspx
_LIST_FILE = re.compile(r"/(index|list|default|main|more)(_\d+)?\.\w+$", re.I)
# a box of popular or recommended stories beside the list (by its class or id)
_OPAQUE = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{16,}")
_ARTICLE_ID = re.compile(r"(?!.*(class|cat|type|column|channel|tree|col|node|page|sort|lm|menu|site))\w*id", re.I)
_HOT_BOX = re.compile(r"hot|rank|paihang|phb|remen|redian|tuijian|recommend|popular|click|most", re.I)
# …or by its title: 点击排行, 热点推荐, 推荐阅读, 热门文章, 人气榜
_HOT_TITLE = re.compile(r"排行|排名|热点|热门|热读|热榜|热文|最热|推荐|人气|点击|(?<![a-z])(hot|rank|paihang|phb|remen|redian|"
                        r"tuijian|recommend|popular)", re.I)


_PROLOG_ENDS = {b"<?": b"?>", b"<!--": b"-->", b"<!": b">"}  # an XML prolog's parts: instruction, comment, doctype
_BLANKS = re.compile(rb"\s*")
_ROOT = re.compile(rb"<(rss|feed|rdf:rdf|urlset|sitemapindex)[\s>]", re.I)


@dataclass
class Guess:
    """One way to configure the page as a source, and why we think so."""

    kind: str
    url: str
    why: str
    keys: dict[str, str | int] = field(default_factory=dict)  # link_selector, link_pattern, … (first_page: a number)
    links: int = 0  # article links it would give (list pages)
    numbered: int = 0  # the last of the page's numbered siblings it links (node_1.htm … node_8.htm: 8), if first


def detect(content: bytes, headers: dict[str, str], url: str, robots: str = "") -> list[Guess]:
    """Every plausible source for this page, best first."""
    kind = sniff(content, headers)
    if kind == "feed":
        return [Guess("feed", url, "the URL is an RSS/Atom feed or a JSON Feed" + _empty_feed(content, headers, url))]
    if kind == "sitemap":
        return [Guess("sitemap", url, "the URL is a sitemap")]
    if apiguess.looks_json(content, headers):  # a JSON API's answer (a list page's back end)
        api = apiguess.guess(content, headers, url)
        if api is None:
            return _load_more(content, headers, url)
        why, keys, count = api
        return [Guess("json-api", str(keys.pop("url")), why, keys, count)]
    text = decode_html(content, headers.get("content-type"))
    out = [Guess("feed", link, f"<link rel=alternate> in the page's <head> ({title})")
           for link, title in feed_links(text, url)]
    by_date = edition(url, datetime.now(timezone.utc))
    listed = list_page(text, url, edition=by_date is not None)
    if listed and listed.url == url and by_date:
        listed.url = by_date[0]  # the next day's edition is at the next day's address
        listed.why += (f"; the address holds the day's date (an edition of the day, as an e-paper's): "
                       f"the url follows it as {{date:{by_date[1]}}}")
        if listed.numbered >= 2:  # its layouts (版面), each a page of the edition's articles
            name = urlsplit(url).path.rpartition("/")[2]
            listed.keys.update(page_url=_NUMBERED.sub(r"\1{n}\3", name), pages=min(listed.numbered, MAX_SIBLINGS))
            listed.why += f"; each of its {min(listed.numbered, MAX_SIBLINGS)} layouts (版面) is read as a page"
    for sitemap in robots_sitemaps(robots, url):  # the article shape seen on the page narrows it
        keys = {"link_pattern": listed.keys["link_pattern"]} if listed else {}
        out.append(Guess("sitemap", sitemap, "robots.txt names this sitemap", keys))
    if listed:
        out.append(listed)
    return out


# how an edition's address writes its day, as a folder or a file name's start (most specific first)
_EDITION_DAYS = ("%Y-%m/%d", "%Y%m/%d", "%Y/%m/%d", "%Y-%m-%d", "%Y_%m_%d", "%Y%m%d")


def _load_more(content: bytes, headers: dict[str, str], url: str) -> list[Guess]:
    """A 'load more' answer, the list's markup wrapped in JSON, as the list page it is (an html
    source reads the markup); its page number, if its query gives one, as `page_url`."""
    from .html import wrapped_markup

    markup = wrapped_markup(decode_html(content, headers.get("content-type")))
    listed = list_page(markup, url) if markup else None
    if listed is None:
        return []
    listed.why += "; a 'load more' answer: the list's markup wrapped in JSON"
    address, first = apiguess.paged(url)
    if first is not None:
        listed.keys.update(page_url=address.replace("{page}", "{n}"), **({"first_page": first} if first != 1 else {}))
    return [listed]


def edition(url: str, now: datetime) -> tuple[str, str] | None:
    """(the address with its day as `{date:FORMAT}`, FORMAT) when the page's path holds today's
    or yesterday's date in Shanghai (an e-paper's layout page, a day's archive), else None."""
    parts = urlsplit(url)
    if "{" in url:
        return None
    for back in (0, 1):
        day = now.astimezone(ZoneInfo("Asia/Shanghai")) - timedelta(days=back)
        for fmt in _EDITION_DAYS:
            found = re.search(rf"(?<=/){re.escape(day.strftime(fmt))}(?=[/._]|$)", parts.path)
            if found:
                path = f"{parts.path[:found.start()]}{{date:{fmt}}}{parts.path[found.end():]}"
                return urlunsplit(parts._replace(path=path)), fmt
    return None


def _empty_feed(content: bytes, headers: dict[str, str], url: str) -> str:
    """What to say of a feed listing no entries (its site stopped filling it, a template's empty
    channel): polled, it gives nothing; '' for a feed with entries or one that does not parse."""
    from .feed import parse

    try:
        return "" if parse(content, headers, url) else "; but it lists no entries now: check the address in a browser"
    except MonitorError:
        return ""


def sniff(content: bytes, headers: dict[str, str]) -> str:
    """"feed", "sitemap" or "html" from the first bytes (and the content type)."""
    head = content[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<urlset" in head or b"<sitemapindex" in head or content[:2] == b"\x1f\x8b":
        return "sitemap"
    root = _root(content[:65_536])  # past a long prolog: a banner comment, a stylesheet, blank lines
    if root:
        return "sitemap" if root in (b"urlset", b"sitemapindex") else "feed"
    if is_json(content) and (b"jsonfeed.org/version" in content[:65_536]
                             or "feed+json" in headers.get("content-type", "").lower()):
        return "feed"  # a JSON Feed
    return "html"


def xml_kind(content: bytes) -> str:
    """"an RSS or Atom feed" or "a sitemap" when the answer's root element is one's (past its
    prolog), else "": what an article's link must not lead to."""
    root = _root(content[:4096])
    return "" if root is None else "a sitemap" if root in (b"urlset", b"sitemapindex") else "an RSS or Atom feed"


def _root(head: bytes) -> bytes | None:
    """An XML answer's root element (`rss`, `feed`, `urlset` …, lower case) past its prolog
    (declaration, instructions, comments, doctype, blanks); None for any other start. Linear."""
    at = len(head) - len(head.removeprefix(b"\xef\xbb\xbf"))
    while True:
        at = _BLANKS.match(head, at).end()  # type: ignore[union-attr]  # (\s* always matches)
        opener = next((o for o in _PROLOG_ENDS if head.startswith(o, at)), None)
        if opener is None:
            root = _ROOT.match(head, at)
            return root.group(1).lower() if root else None
        end = head.find(_PROLOG_ENDS[opener], at + len(opener))
        if end < 0:
            return None
        at = end + len(_PROLOG_ENDS[opener])


def feed_links(text: str, url: str) -> list[tuple[str, str]]:
    """(URL, title) of each feed a page announces with <link rel="alternate" type=…>."""
    from selectolax.lexbor import LexborHTMLParser

    out = []
    tree = LexborHTMLParser(reshape(text))
    url = page_base(tree, url)  # (`<base href>`: a browser's feed button resolves against it)
    for node in tree.css("link[rel][href]"):
        attrs = node.attributes
        rel, kind = (attrs.get("rel") or "").lower(), (attrs.get("type") or "").lower()
        if "alternate" in rel and kind.startswith(_FEED_TYPES):
            link = absolute(url, attrs.get("href"))
            if link:
                out.append((link, (attrs.get("title") or kind).strip()))
    return out


def robots_sitemaps(robots: str, url: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt."""
    found = [absolute(url, line.split(":", 1)[1].strip()) for line in robots.splitlines()
             if line.lower().startswith("sitemap:")]
    return [s for s in found if s]


def shape(link: str) -> str:
    """A URL's path with its numbers and hex ids generalised: /2026-11/21/content_31245702.htm →
    /\\d{4}-\\d{2}/\\d{2}/content_\\d+\\.htm$; an opaque id ending the path (a WeChat
    mirror's /s/Xk3dPq9LmZ2bT7wQ1aYcVg) → [\\w-]{16,}; and the query with its numbers when it
    carries the article's id (show.asp?id=12 → show\\.asp\\?id=\\d+$)."""
    parts = urlsplit(link)
    head, _, last = parts.path.rpartition("/")
    out = _general(head + "/") + r"[\w-]{16,}" if _OPAQUE.fullmatch(last) else _general(parts.path)
    if _query_id(parts.query):
        out += r"\?" + re.sub(r"\\d\{\d\}", r"\\d+", _general(parts.query))
    return out + "$"


def _general(path: str) -> str:
    parts = re.split(r"((?=[0-9a-f]*[a-f])[0-9a-f]{16,}|\d+)", path)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", part))
        elif re.fullmatch(r"\d+", part):
            out.append(rf"\d{{{len(part)}}}" if len(part) in (2, 4, 6, 8) and i < len(parts) - 2 else r"\d+")
        else:
            out.append(rf"[0-9a-f]{{{len(part)}}}")
    return "".join(out)


def _query_id(query: str) -> bool:
    """The query names an article (`id=12`, `newsid=`, `ArticleID=`), not only a column (`classid=`)."""
    return any(_ARTICLE_ID.fullmatch(k) and v.isdigit() for k, _, v in (p.partition("=") for p in query.split("&")))


def list_page(text: str, url: str, edition: bool = False) -> Guess | None:
    """The page as a list: the most frequent article-like link shape, and the selector of its links.
    An `edition`'s page (its address holds the day) links its numbered siblings (its layouts,
    node_2.htm …): those are no articles, and the last of them is the guess's `numbered`."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(reshape(text))
    site = registered_domain(urlsplit(url).hostname or "")
    page, url = url, page_base(tree, url)  # links resolve against a <base href>; the source is the page
    anchors = []
    sibling = _sibling_pages(page) if edition else None
    siblings: set[int] = set()
    # the links a browser follows, as the poll reads them: `<a href>`, an image map's areas, a
    # link a script opens (`javascript:window.open('…')`, `data-href`)
    openers = page_openers(tree) if "<script" in text else {}
    read: set[int] = set()
    for node in tree.css(LINKS + ", a[onclick]"):
        if node.mem_id in read:  # (a link both selectors pick)
            continue
        read.add(node.mem_id)
        link = _followed(url, node, openers)
        layout = sibling.fullmatch(link.partition("?")[0].partition("#")[0]) if link and sibling else None
        if layout:  # the page's own siblings (an edition's layouts node_2.htm …), not articles
            siblings.add(int(layout.group(1)))
        elif link and registered_domain(urlsplit(link).hostname or "") == site and _article_like(link):
            anchors.append((node, link))
    shapes = Counter(shape(link) for _, link in anchors)
    if not shapes:
        return _drawn(text, page, url, site)
    pattern, count = shapes.most_common(1)[0]
    if count < 2:
        return None
    chosen = [node for node, link in anchors if shape(link) == pattern]
    listed = [node for node in chosen if not _in_hot_box(node)]  # old popular stories are not news
    selector = _selector(listed if len(listed) >= 2 else chosen, tree, pattern, url, openers)
    why = f"{count} links shaped like {pattern}"
    if re.search(pattern, _where(page)):
        why += ("; the page itself looks like an article (its address has that shape): "
                "give the list page it is linked from")
    columns = [p for p, n in shapes.items() if n >= 3]
    if len(columns) >= 3:  # a home page: a few items of each column
        more = _more_links(tree, url)[:5]
        why += (f"; the page shows {len(columns)} columns of article links, a few of each (a home page?): "
                "a column's own list page keeps more of its news" + (": " + ", ".join(more) if more else ""))
    numbered = max(siblings) if sibling and 1 in siblings | {_number(page)} else 0
    return Guess("html", page, why, {"link_selector": selector, "link_pattern": pattern}, count, numbered)


# a page numbered in its file name, a small number after a word (node_1.htm, index_2.html, page-3.htm)
_NUMBERED = re.compile(r"^([A-Za-z]+[_-]?)(\d{1,2})(\.\w{2,5})$")
MAX_SIBLINGS = 32  # numbered pages a block proposes to read (an edition's layouts: 4 to 24)


def _sibling_pages(page: str) -> re.Pattern[str] | None:
    """The addresses of the page's numbered siblings (its folder, its file name with another small
    number: node_1.htm → node_7.htm), the number captured; None for a page not so named."""
    parts = urlsplit(page)
    folder, _, name = parts.path.rpartition("/")
    found = _NUMBERED.match(name)
    if not found:
        return None
    head = re.escape(f"{parts.scheme}://{parts.netloc}{folder}/{found.group(1)}")
    return re.compile(head + r"(\d{1,2})" + re.escape(found.group(3)), re.I)


def _number(page: str) -> int:
    found = _NUMBERED.match(urlsplit(page).path.rpartition("/")[2])
    return int(found.group(2)) if found else 0


def _drawn(text: str, page: str, url: str, site: str) -> Guess | None:
    """A page without article links whose script draws its list from the page's own data: that
    list, read by `link_selector = "script"` (its links against `url`, the page's base)."""
    from . import scriptdata

    links = [c.url for c in scriptdata.candidates(text, url) if registered_domain(urlsplit(c.url).hostname or "") == site]
    shapes = Counter(shape(link) for link in links)
    if not shapes or shapes.most_common(1)[0][1] < 2:
        return None
    pattern, count = shapes.most_common(1)[0]
    return Guess("html", page, f"{count} links shaped like {pattern} in the data the page's script draws its list from "
                 "(no <a> links in the page as sent)", {"link_selector": "script", "link_pattern": pattern}, count)


def _more_links(tree, url: str) -> list[str]:
    """The "more" links of a page's boxes (更多, more, >>): each column's list page."""
    out: list[str] = []
    for node in tree.css("a[href]"):
        text = re.sub(r"\s+", "", node.text() or "") or (node.attributes.get("title") or "")
        link = node_link(url, node)
        if link and re.fullmatch(r"(更多|more|查看更多|[>》+]+)[>》+]*", text, re.I) and link not in out:
            out.append(link)
    return out


def _in_hot_box(node) -> bool:
    """The link is in a box of popular or recommended stories: by the box's class or id, a
    sidebar `<aside>`, or the box's title (the first title-like sibling met going up: a heading's
    text, an image heading's alt, title or file name: 点击排行, 推荐阅读, hot_title.png)."""
    child, parent = node, node.parent
    titled = False  # the nearest title decides; a title further up is another box's
    for _ in range(5):
        if parent is None or parent.tag in ("body", "html"):
            return False
        attrs = parent.attributes
        if parent.tag == "aside" or _HOT_BOX.search(f"{attrs.get('id') or ''} {attrs.get('class') or ''}"):
            return True
        if not titled and len(child.css("a")) >= 2:  # a box's title is before its list, not an item's
            title = _box_title(child)
            if title is not None:
                if _HOT_TITLE.search(title):
                    return True
                titled = True
        child, parent = parent, parent.parent
    return False


def _box_title(node) -> str | None:
    """The text of the nearest title-like sibling before `node` (a short block with at most one
    link, or an image; not another item of a list), None when there is none."""
    sib = node.prev
    for _ in range(4):
        if sib is None:
            return None
        if sib.tag not in ("-text", "-comment", "script", "style", "br", "hr", "li", "tr", "td", "dd", "a", node.tag):
            images = " ".join(f"{i.attributes.get('alt') or ''} {i.attributes.get('title') or ''} "
                              f"{(i.attributes.get('src') or '').rpartition('/')[2]}" for i in sib.css("img"))
            if sib.tag == "img":
                images += f" {sib.attributes.get('alt') or ''} {(sib.attributes.get('src') or '').rpartition('/')[2]}"
            text = re.sub(r"\s+", "", sib.text() or "")
            if len(sib.css("a")) <= 1 and len(text) <= 24 and (text or images.strip()):
                return text + " " + images
            if text or images.strip():
                return None
        sib = sib.prev
    return None


def login_wall(content: bytes) -> bool:
    """The page asks for a password (a login form)."""
    return bool(re.search(rb"<input[^>]+type\s*=\s*[\"']?password", content[:200_000], re.I))


def frames(text: str, url: str) -> list[str]:
    """The addresses of the page's frames and iframes (at most three), where a page that is a
    `<frameset>` or an `<iframe>` around its list keeps the list a browser shows."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(reshape(text))
    return frame_urls(tree, page_base(tree, url))


def _article_like(link: str) -> bool:
    parts = urlsplit(link)
    path = parts.path
    if _LIST_FILE.search(path) and not _query_id(parts.query):
        return False
    return (bool(re.search(r"\d", path) and _ARTICLE_END.search(path)) or _query_id(parts.query)
            or bool(_OPAQUE.fullmatch(path.rpartition("/")[2])))


def _where(link: str) -> str:
    """A link's path and query, as a pattern is matched against it."""
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _followed(url: str, node, openers: dict[str, Opener]) -> str | None:
    """The page a link opens as a poll follows it: its address, or the page its script opens by
    calling one of the page's functions with an id (`javascript:openDetail(123)`, `onclick`)."""
    link = node_link(url, node)
    if link or not openers:
        return link
    href = (node.attributes.get("href") or "").strip()
    script = (href[11:] if href[:11].lower() == "javascript:" else "") + ";" + (node.attributes.get("onclick") or "")
    return called_link(url, script, openers)


def _selector(nodes: list, tree, pattern: str, url: str, openers: dict[str, Opener] | None = None) -> str:
    """The most common "container a" selector over the chosen links, if it picks mostly those."""
    counts = Counter(s for s in (_container(n) for n in nodes) if s)
    for candidate, _ in counts.most_common(3):
        picked = [_followed(url, a, openers or {}) or "" for a in tree.css(candidate)]
        good = sum(1 for p in picked if re.search(pattern, _where(p)))
        if picked and good >= 0.8 * len(picked) and good >= 0.6 * len(nodes):
            return candidate
    return "area[href]" if all(n.tag == "area" for n in nodes) else "a[href]" if all(
        n.attributes.get("href") for n in nodes) else LINKS


def _container(node) -> str | None:
    """`tag.class a` for the nearest ancestor with a class or id (`ul.list a`, `#news a`,
    `map#top area`)."""
    tag = node.tag
    parent = node.parent
    for _ in range(4):
        if parent is None or parent.tag in ("body", "html"):
            return None
        attrs = parent.attributes
        if attrs.get("id") and re.fullmatch(r"[A-Za-z][\w-]*", attrs["id"]):
            return f"#{attrs['id']} {tag}"
        classes = [c for c in (attrs.get("class") or "").split() if re.fullmatch(r"[A-Za-z][\w-]*", c)]
        if classes:
            return f"{parent.tag}.{classes[0]} {tag}"
        parent = parent.parent
    return None


def toml_block(guess: Guess, name: str) -> str:
    """A ready `[[sources]]` table for this guess."""
    lines = ["[[sources]]", f"name = {_basic(name)}", f'kind = "{guess.kind}"', f"url = {_basic(guess.url)}"]
    for key, value in guess.keys.items():
        if isinstance(value, int):
            lines.append(f"{key} = {value}")
            continue
        quoted = f"'{value}'" if "'" not in value and value.isprintable() else _basic(value)
        lines.append(f"{key} = {quoted}")
    lines.append('interval = "1h"')
    return "\n".join(lines) + "\n"


def _basic(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, but for \\u of characters past U+FFFF)."""
    import json

    return json.dumps(value, ensure_ascii=False)
