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
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from ..errors import MonitorError
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
    if parts.query:
        return []  # `content.jsp?id=123` pages by its query, not by its file name
    folder, _, name = parts.path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot or len(stem) < 3 or not ext.isalnum():
        return []
    needle, at, looked = stem + "_", -1, 0
    found: dict[int, str] = {}
    while looked < _LINKS_READ:
        at = html.find(needle, at + 1)
        if at < 0:
            break
        looked += 1
        if html[at - 1:at] not in ("/", '"', "'", "="):
            continue  # the stem inside a longer name
        tail = _SUFFIX.match(html, at + len(stem))
        if tail is None or tail.group(2).lower() != ext.lower() or int(tail.group(1)) < 1:
            continue
        start = max(html.rfind(q, max(at - _BACK, 0), at) for q in ('"', "'", "="))
        href = html[start + 1:tail.end()].strip() if start >= 0 else html[at:tail.end()]
        try:
            target = urlsplit(urljoin(url, href))
        except ValueError:
            continue
        if (target.scheme, target.netloc.lower()) == (parts.scheme, parts.netloc.lower()) \
                and target.path == f"{folder}/{stem}_{tail.group(1)}.{ext}":
            found.setdefault(int(tail.group(1)), f"{parts.scheme}://{parts.netloc}{target.path}")
    return [found[n] for n in sorted(found)][:MAX_PAGES - 1]


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
