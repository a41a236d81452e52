"""An article split across pages: the addresses of its later pages, and the pages put together.

In: a fetched article page's URL and HTML. Out: `later_pages`, the URLs of the same article's
following pages that the page links (`t20240101_123_1.html`, `…_2.html` beside
`t20240101_123.html`; `456_2.shtml` beside `456.shtml`: the convention of the CMSs Chinese portals
and government sites run), in page order; and `joined`, an article with the later pages'
paragraphs after its own; `whole` gathers them one page at a time for the tools that fetch so
(`monitor extract URL`, `test-source`), while the poll cycle fetches them in turn on its event
loop. A long report split this way kept only its first page, so the
cooperation paragraph on page three was never matched, indexed or shown. Found with `str.find`
on the page's own file name (no parser, no backtracking regex): only links to the same
directory and the same stem with `_N` count, so related articles never do. Does no I/O of its
own (`whole` calls the loader it is given).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from html import unescape
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit, urlunsplit

from ..errors import MonitorError
from ..fetch.signals import document_base
from ..models import Article

MAX_PAGES = 10  # the first page and at most nine more
_LINKS_READ = 200  # occurrences of the stem looked at on one page
_BACK = 400  # characters before the stem where its href may start
_SUFFIX = re.compile(r"_(\d{1,2})\.([A-Za-z0-9]{2,6})(?=[\"'\s>?#])")


def later_pages(url: str, html: str) -> list[str]:
    """The URLs of this article's later pages that `html` links, in page order (at most
    MAX_PAGES - 1); [] for a page with none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    base = document_base(url, html)  # what its links resolve against
    if parts.query:
        return _query_pages(base, parts, html)  # `show.php?id=123` pages by its query
    folder, _, name = parts.path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot or len(stem) < 3 or not ext.isalnum():
        return []
    needle = stem + "_"
    found: dict[int, str] = {}
    for at in _occurrences(html, needle):
        if html[at - 1:at] not in ("/", '"', "'", "="):
            continue  # the stem inside a longer name
        tail = _SUFFIX.match(html, at + len(stem))
        if tail is None or tail.group(2).lower() != ext.lower() or int(tail.group(1)) < 1:
            continue
        start = max(html.rfind(q, max(at - _BACK, 0), at) for q in ('"', "'", "="))
        href = html[start + 1:tail.end()].strip() if start >= 0 else html[at:tail.end()]
        try:
            target = urlsplit(urljoin(base, href))
        except ValueError:
            continue
        if (target.scheme, target.netloc.lower()) == (parts.scheme, parts.netloc.lower()) \
                and target.path == f"{folder}/{stem}_{tail.group(1)}.{ext}":
            found.setdefault(int(tail.group(1)), f"{parts.scheme}://{parts.netloc}{target.path}")
    return [found[n] for n in sorted(found)][:MAX_PAGES - 1]


# The query parameters a CMS pages an article by (`&page=2`, `&Page=2`, `&p=2`, …).
_PAGE_PARAMS = frozenset({"page", "p", "pn", "pg", "pageno", "pagenum", "page_no", "pageindex", "curpage", "currpage",
                          "currentpage", "paged"})
# What a pager's link to a later page says: its number (`2`, `第2页`, `[2]`) or "next page".
_PAGER_TEXT = re.compile(r"\[?\s*(?:第\s*)?\d{1,3}\s*(?:页|頁)?\s*\]?|下一页|下一頁|下页|下頁|后页|後頁|next|next page|>|>>|»|›",
                         re.I)


def _query_pages(base: str, parts: SplitResult, html: str) -> list[str]:
    """The later pages of an article paged by its query (`show.php?id=88&page=2`): links on the
    page to the same address with the same parameters and one page parameter more or changed,
    whose text is a page number or "next page" (a pager's), in page order. Found with `str.find`
    on the article's own longest parameter (its id, say)."""
    pieces = [p for p in parts.query.split("&") if "=" in p]
    own = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
    keys = [p for p in pieces if p.split("=", 1)[0].lower() not in _PAGE_PARAMS]
    if not keys or len(parts.query) > 500:
        return []
    # the article's id, most likely: a value with digits, the longest (`id=88`, not `m=content`)
    needle = max(keys, key=lambda p: (any(c.isdigit() for c in p.partition("=")[2]), len(p.partition("=")[2])))
    since = next((int(own[k]) for k in _PAGE_PARAMS if own.get(k, "").isdigit()), 1)
    found: dict[int, str] = {}
    for at in _occurrences(html, needle):
        start = max(html.rfind(q, max(at - _BACK, 0), at) for q in ('"', "'"))
        end = min((e for q in ('"', "'", ">") if (e := html.find(q, at, at + _BACK)) >= 0), default=-1)
        close = html.find("<", end, end + 200) if end >= 0 else -1
        if start < 0 or close < 0 or html[end] == ">" or not _PAGER_TEXT.fullmatch(_text_after(html, end, close)):
            continue
        try:
            target = urlsplit(urljoin(base, unescape(html[start + 1:end].strip())))
            theirs = {k.lower(): v for k, v in parse_qsl(target.query, keep_blank_values=True)}
        except ValueError:
            continue
        if (target.scheme, target.netloc.lower(), target.path) != (parts.scheme, parts.netloc.lower(), parts.path):
            continue
        changed = {k for k in own.keys() | theirs.keys() if own.get(k) != theirs.get(k)}
        if len(changed) == 1 and (name := changed.pop()) in _PAGE_PARAMS and theirs.get(name, "").isdigit() \
                and since < int(theirs[name]) <= since + 99:
            found.setdefault(int(theirs[name]), urlunsplit(target._replace(fragment="")))
    return [found[n] for n in sorted(found)][:MAX_PAGES - 1]


def _text_after(html: str, end: int, close: int) -> str:
    """The text of a link whose href ends at `end` (its start tag's `>` up to the next tag)."""
    gt = html.find(">", end, close)
    return unescape(html[gt + 1:close]).strip() if gt >= 0 else ""


def joined(article: Article, later: Article) -> Article:
    """`article` with the paragraphs of its later page `later` after its own (a paragraph the
    template repeats on every page, such as the lead or an editor's line, once)."""
    have = set(article.paragraphs)
    more = tuple(p for p in later.paragraphs if p not in have)
    return replace(article, paragraphs=article.paragraphs + more) if more else article


def unasked(first: str, html: str, asked: set[str], queue: list[str]) -> list[str]:
    """The later pages a later page of the article at `first` links that are neither asked for
    nor waiting in `queue` (a pager shows only a few pages around the current one)."""
    return [u for u in later_pages(first, html) if u not in asked and u not in queue]


def whole(article: Article, url: str, html: str, load: Callable[[str], tuple[Article, str]]) -> Article:
    """`article`, read from the page at `url` (its `html`), with its later pages joined on, each
    read by `load(url)` → (that page's article, its html). A later page that fails (`load` raises
    a MonitorError) ends the article there, as in a poll."""
    queue, asked = later_pages(url, html), set[str]()
    while queue and len(asked) < MAX_PAGES - 1:
        asked.add(nxt := queue.pop(0))
        try:
            more, more_html = load(nxt)
        except MonitorError:
            break
        article = joined(article, more)
        queue += unasked(url, more_html, asked, queue)
    return article


def _occurrences(html: str, needle: str) -> Iterator[int]:
    """Where `needle` stands in the page, the first `_LINKS_READ` times (`str.find`, no pattern)."""
    at = -1
    for _ in range(_LINKS_READ):
        at = html.find(needle, at + 1)
        if at < 0:
            return
        yield at
