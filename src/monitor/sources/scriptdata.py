"""A list page that draws its items from data in its own scripts: no `<a>` in the HTML a server
sends, the list is rendered in the browser from a JSON blob (`window.__INITIAL_STATE__ = {…}`,
`var listData = […]`, `<script type="application/json">`, a JSON-LD `ItemList`).

In: the page's text and its address. Out: the candidates of the largest list of objects in that
data whose items name a page (a field such as `url`, `link`, `href`, or any string that is an
address or a path to a page), with the item's title and date when its fields give them; [] when
there is none. Only JSON is read (a script's object literal with bare keys is not). Bounded: at
most MAX_SCRIPT bytes of script, MAX_NODES values walked. Never fetches anything.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter, deque
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from ..decode import without_surrogates
from ..models import Candidate
from . import dates
from .base import MAX_LINKS, absolute, names_page

MAX_SCRIPT = 4_000_000  # characters of inline script read
MAX_NODES = 200_000  # JSON values walked looking for the list
MAX_MISSES = 32  # openings in one script that are no JSON (`x = [a, b]`) before the script is let go
_OPENS = re.compile(r"[=(]\s*(?=[\[{])")  # where a script's JSON value may begin: `x = {`, `cb([`
_LINK_KEYS = ("url", "link", "href", "linkurl", "docurl", "pageurl", "articleurl", "detailurl", "shareurl", "path")
_TITLE_KEYS = ("title", "headline", "name", "doctitle", "subject", "articletitle", "newstitle")
_DATE_WORDS = ("date", "time", "pub")


def candidates(text: str, base: str, tz: str = "Asia/Shanghai", now: datetime | None = None) -> list[Candidate]:
    """The links of the list the page's script data holds (see the module's docstring)."""
    best: list[dict] = []
    best_key = ""
    for value in _values(text):
        for items in _lists(value):
            key = _link_key(items, base)
            if key and _count(items, key, base) > _count(best, best_key, base):
                best, best_key = items, key
    if not best_key:
        return []
    title_key = _key_of(best, _TITLE_KEYS, lambda v: isinstance(v, str) and not names_page(v))
    date_key = next((k for k in _common_keys(best) if any(w in k.lower() for w in _DATE_WORDS)), None)
    out = []
    for item in best[:MAX_LINKS]:
        link = _link(item.get(best_key), base)
        if not link:
            continue
        title = item.get(title_key) if title_key else None
        when = dates.parse(item.get(date_key), tz, None, now) if date_key else None
        out.append(Candidate(url=link, title=" ".join(title.split()) if isinstance(title, str) else None,
                             published=dates.sane(when)))
    return out


def _values(text: str) -> list[Any]:
    """Every JSON value the page's inline scripts hold, in order."""
    found: list[Any] = []
    decoder = json.JSONDecoder()
    budget = MAX_SCRIPT
    for attrs, body in _scripts(text):
        if "src=" in attrs or not body.strip() or budget <= 0:
            continue
        budget -= len(body)
        if "json" in attrs:  # application/json, application/ld+json: the whole script
            with contextlib.suppress(ValueError, RecursionError):
                found.append(without_surrogates(json.loads(body), body))
            continue
        at, misses = 0, 0
        # a miss costs up to the script's length (the error's line number is counted): a few a script
        while misses < MAX_MISSES and (opened := _OPENS.search(body, at)):
            try:
                value, at = decoder.raw_decode(body, opened.end())
            except (ValueError, RecursionError):
                at, misses = opened.end(), misses + 1
                continue
            if isinstance(value, dict | list) and value:
                found.append(without_surrogates(value, body[opened.end():at]))
    return found


def _scripts(text: str) -> Iterator[tuple[str, str]]:
    """Each inline script's attributes (lower-cased) and text; one pass (an unclosed `<script`
    ends the search, as it ends the page for a browser)."""
    lower = text.lower()
    at = 0
    while (start := lower.find("<script", at)) >= 0:
        opened = lower.find(">", start)
        closed = lower.find("</script", opened)
        if opened < 0 or closed < 0:
            return
        yield lower[start + 7:opened], text[opened + 1:closed]
        at = closed + 8


def _lists(value: Any) -> list[list[dict]]:
    """The lists of objects inside `value` (itself included), breadth first, MAX_NODES at most."""
    out, queue, seen = [], deque([value]), 0
    while queue and seen < MAX_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, list):
            objects = [x for x in node if isinstance(x, dict)]
            if len(objects) >= 2:
                out.append(objects)
            queue.extend(x for x in node if isinstance(x, dict | list))
        elif isinstance(node, dict):
            queue.extend(x for x in node.values() if isinstance(x, dict | list))
    return out


def _common_keys(items: list[dict]) -> list[str]:
    """The keys most items have, the commonest first."""
    counts = Counter(k for item in items for k in item)
    return [k for k, n in counts.most_common() if n * 2 >= len(items)]


def _key_of(items: list[dict], names: tuple[str, ...], fits) -> str | None:
    """The common key whose name is one of `names` (in their order), else None, its values fitting."""
    keys = {k.lower().replace("_", ""): k for k in _common_keys(items)}
    for name in names:
        key = keys.get(name)
        if key and sum(fits(item.get(key)) for item in items) * 2 >= len(items):
            return key
    return None


def _link_key(items: list[dict], base: str) -> str | None:
    """The field of the items that is their page: a link-named field holding addresses, else the
    one field whose values are pages' addresses or paths in most items."""
    named = _key_of(items, _LINK_KEYS, lambda v: _link(v, base) is not None)
    if named:
        return named
    counts = Counter(k for item in items for k, v in item.items() if _link(v, base))
    key, n = counts.most_common(1)[0] if counts else ("", 0)
    return key if n * 2 >= len(items) else None


def _count(items: list[dict], key: str, base: str) -> int:
    return sum(_link(item.get(key), base) is not None for item in items) if key else 0


_MEDIA = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".css", ".js", ".mp4", ".mp3", ".pdf")


def _link(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > 2000 or not names_page(value.strip()) \
            or value.split("?", 1)[0].lower().endswith(_MEDIA):  # a picture's, a script's address
        return None
    link = absolute(base, value.strip())
    return link if link and link.startswith(("http://", "https://")) else None
