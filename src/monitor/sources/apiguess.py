"""A JSON API's answer as a `json-api` source, for `monitor add-source`: what a portal's list page
asks its back end for (`/api/news/list?pageNo=1`), as a browser's network panel shows it.

In: the answer (bytes, headers, its URL). Out: a `detect.Guess`-shaped tuple (items path, the
item's title, link and date fields, date format, the URL with `{page}`, the page count's path),
or None when the answer holds no list of objects naming pages. The list is the one whose items
give the most distinct page links (at any depth; lists of groups joined by `[*]`, an item
wrapped in an object of its own read through it). Bounded: at most `NODES` values looked at,
the first `SAMPLE` items of a list judged. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ExtractError
from . import dates
from .base import absolute

NODES = 20_000  # JSON values walked at most (an API's page is a few hundred)
SAMPLE = 30  # items of one list judged
_PAGE_PARAM = re.compile(r"(?i)^(page|page_?no|page_?num(ber)?|page_?index|pn|p|cur(rent)?_?page|current|pageidx)$")
_PAGE_COUNT = re.compile(r"(?i)^(total_?pages?|page_?count|pages|page_?total|total_?page_?count|pagecount)$")
_CURSOR = re.compile(r"(?i)^(next_?(cursor|page_?token|token|max_?id|offset|url|page_?url)?|cursor|page_?token|max_behot_time)$")
_CURSOR_PARAM = re.compile(r"(?i)^(cursor|page_?token|max_behot_time|after|offset|last_?id|since_?id|max_?id|next)$")
_LINK_NAME = re.compile(r"(?i)url|link|href|path")
_TITLE_NAME = re.compile(r"(?i)title|headline|subject|name")
_DATE_NAME = re.compile(r"(?i)time|date|pub|created|ctime|day")
# the publication's date among several (发布日期 as pinyin initials fbrq, fbsj; fabu) before a creation's,
# an update's or a writing's (成文日期 cwrq)
_PUBLISHED_NAME = re.compile(r"(?i)pub|release|issue|fbrq|fbsj|fabu|online|posted")
_OTHER_DATE_NAME = re.compile(r"(?i)creat|updat|modif|edit|cwrq|write|written|expir")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Answer:
    url: str
    content: bytes
    headers: dict[str, str]
    status: int = 200
    not_modified: bool = False


def looks_json(content: bytes, headers: dict[str, str]) -> bool:
    """Whether an answer is JSON (or a script wrapping it) rather than a page."""
    kind = next((v for k, v in headers.items() if k.lower() == "content-type"), "").lower()
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[") or (("json" in kind or "javascript" in kind) and not head.startswith(b"<"))


def guess(content: bytes, headers: dict[str, str], url: str) -> tuple[str, dict[str, str | int], int] | None:
    """(why, the block's keys, items found) for an answer holding a list of pages, else None."""
    from .jsonapi import decode, path

    try:
        data = decode(_Answer(url, content, headers))
    except ExtractError:
        return None
    now = datetime.now(timezone.utc)
    best: tuple[int, str, dict[str, str | int]] | None = None
    for where, items in _lists(data):
        fields = _fields(items, url, now)
        if fields and (best is None or fields[0] > best[0]):
            best = (fields[0], where, fields[1])
    if best is None:
        return None
    count, where, keys = best
    address, first = paged(url)
    out: dict[str, str | int] = {"url": address, "items": where, **keys}
    total = _near(data, _PAGE_COUNT, lambda v: isinstance(v, int | str) and str(v).isdigit() and int(v) >= 1) \
        if address != url else None
    if total:
        out["page_count"] = total
    if first not in (None, 1):
        out["first_page"] = first
    token = _near(data, _CURSOR, lambda v: isinstance(v, int | str) and not isinstance(v, bool) and str(v) not in ("", "0"))
    if address == url and token:  # no page number: an API paged by cursor, each answer giving the next
        by_cursor = _cursor_url(url, path(data, token))
        if by_cursor:
            out.update(url=by_cursor, next_page=token)
    why = (f"a JSON answer listing {count} article links at {where} (title {keys.get('title', 'none')}, "
           f"link {keys['link']}")
    return why + (f", date {keys['date']})" if "date" in keys else ")"), out, count


def _lists(data: Any) -> Iterator[tuple[str, list]]:
    """(path, items) of each list of objects, a path through lists of groups written with `[*]`
    and its items joined; a list whose objects each wrap one object under a key, that too."""
    groups: dict[tuple[str, ...], list] = {}
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    seen = 0
    while stack and seen < NODES:
        value, where = stack.pop()
        seen += 1
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items()
                         if isinstance(v, dict | list) and re.fullmatch(r"[^./\[\]\s*]+", k))
        elif isinstance(value, list):
            objects = [v for v in value if isinstance(v, dict)]
            if len(objects) >= 2 or (objects and "*" in where):
                groups.setdefault(where, []).extend(objects)
            stack.extend((v, (*where, "*")) for v in value[:SAMPLE] if isinstance(v, dict | list))
    for where, items in groups.items():
        yield _written(where), items
        inner = _wrapper(items)
        if inner:
            yield _written((*where, "*", inner)), [i[inner] for i in items if isinstance(i.get(inner), dict)]


def _written(parts: tuple[str, ...]) -> str:
    """A path as the config writes it: `data.days[*].items`; `$` for the answer itself."""
    out = "".join("[*]" if p == "*" else f".{p}" for p in parts).lstrip(".")
    return "$" + out if not out or out.startswith("[") else out


def _wrapper(items: list[dict]) -> str | None:
    """The key under which most items hold an object (a search hit's `doc`), if any."""
    counts: dict[str, int] = {}
    for item in items[:SAMPLE]:
        for k, v in item.items():
            if isinstance(v, dict) and re.fullmatch(r"[^./\[\]\s*]+", k):
                counts[k] = counts.get(k, 0) + 1
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best and counts[best] * 2 > min(len(items), SAMPLE) else None


_NOT_PAGES = re.compile(r"(?i)\.(jpe?g|png|gif|webp|bmp|svg|ico|css|js|mp[34]|m3u8|flv|pdf)$")


def _fields(items: list, url: str, now: datetime) -> tuple[int, dict[str, str | int]] | None:
    """(distinct links, the item's link, title and date fields) when the items name pages."""
    sample = [i for i in items[:SAMPLE] if isinstance(i, dict)]
    need = max(2, len(sample) * 3 // 5) if len(sample) > 1 else 1
    columns: dict[str, list] = {}
    for item in sample:
        for k, v in item.items():
            if isinstance(v, str | int | float) and not isinstance(v, bool) and re.fullmatch(r"[^./\[\]\s*]+", k):
                columns.setdefault(k, []).append(v)
    links = {k: n for k, values in columns.items() if (n := _links(values, url)) >= need}
    if not links:
        return None
    link = max(links, key=lambda k: (bool(_LINK_NAME.search(k)), links[k]))
    keys: dict[str, str | int] = {"link": link}
    titles = {k: t for k, values in columns.items() if k != link and (t := _texts(values, need))}
    if titles:
        keys["title"] = max(titles, key=lambda k: (bool(_TITLE_NAME.search(k)), titles[k]))
    dated = {k: n for k, values in columns.items() if k not in keys.values()
             and (n := sum(_dated(v, now) for v in values)) >= need}
    if dated:
        keys["date"] = max(dated, key=lambda k: (bool(_PUBLISHED_NAME.search(k)), not _OTHER_DATE_NAME.search(k),
                                                 bool(_DATE_NAME.search(k)), dated[k]))
    return links[link], keys


def _links(values: list, url: str) -> int:
    """How many distinct addresses of pages the values are (a path or a URL; not an image's)."""
    found = set()
    for v in values:
        if isinstance(v, str) and ("/" in v) and not _NOT_PAGES.search(urlsplit(v).path):
            link = absolute(url, v.strip())
            if link and urlsplit(link).path.strip("/"):
                found.add(link)
    return len(found)


def _texts(values: list, need: int) -> float:
    """A headline column's worth (distinct texts of a headline's length, Chinese ones more), or 0."""
    texts = [v.strip() for v in values if isinstance(v, str) and "://" not in v and not v.startswith("/")]
    texts = [t for t in texts if 4 <= len(t) <= 200]
    if len(set(texts)) < need:
        return 0
    mean = sum(len(t) for t in texts) / len(texts)
    return (2 if sum(bool(_HAN.search(t)) for t in texts) * 2 > len(texts) else 1) / (1 + abs(mean - 24) / 24)


def _dated(value: Any, now: datetime) -> bool:
    if isinstance(value, str) and not re.search(r"\d", value[:4]):
        return False
    when = dates.parse(value, now=now)
    return when is not None and (now - when).days < 3650 and when.year >= 2000 and (when - now).days < 2


def paged(url: str) -> tuple[str, int | None]:
    """The URL with its page number's value as `{page}`, and that number (None: no page in it)."""
    parts = urlsplit(url)
    pieces = parts.query.split("&") if parts.query else []
    for i, piece in enumerate(pieces):
        name, _, value = piece.partition("=")
        if _PAGE_PARAM.match(name) and value.isdigit() and len(value) < 5:
            pieces[i] = f"{name}={{page}}"
            return urlunsplit(parts._replace(query="&".join(pieces))), int(value)
    return url, None


def _near(data: Any, name: re.Pattern[str], fits: Callable[[Any], bool]) -> str | None:
    """The path to a value near the answer's top (three levels of objects, not inside lists) whose
    key `name` matches and that `fits`: the number of pages (`data.totalPage`), the next cursor."""
    level: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    for _ in range(3):
        below = []
        for value, where in level:
            if not isinstance(value, dict):
                continue
            for k, v in value.items():
                if name.match(k) and fits(v):
                    return _written((*where, k))
                below.append((v, (*where, k)))
        level = below
    return None


def _cursor_url(url: str, token: Any) -> str | None:
    """The URL for a cursor's pages: as it is when the answer gives the next page's address, else
    with `{cursor}` in the parameter that takes one (`cursor=`, `pageToken=`, `max_behot_time=`)."""
    if isinstance(token, str) and token.startswith(("http://", "https://", "/", "?")):
        return url
    parts = urlsplit(url)
    pieces = parts.query.split("&") if parts.query else []
    for i, piece in enumerate(pieces):
        name = piece.partition("=")[0]
        if _CURSOR_PARAM.match(name):
            pieces[i] = f"{name}={{cursor}}"
            return urlunsplit(parts._replace(query="&".join(pieces)))
    return None
