"""`kind = "json-api"`: a JSON list endpoint (GET, or POST with a form or JSON body) → links.

In: the source's `method`, `form` or `body` and `url`, where `{page}` stands for the page
number (from `first_page`); `items` is the path to the list in the answer (`data.list`,
`$.result.items[0].docs`, `data/list`; a trailing `[*]` is allowed), `title` / `link` / `date` paths inside one item (`link` may also be
a template such as `https://x.gov.cn/c/{id}.htm`), `date_format` (strptime, `epoch`, `epoch_ms`;
default: recognised) in `date_tz`. Pages run to `page_count` (a path) or `max_pages`, and stop
early on an empty page or one that adds only stored links. HTML in titles (search highlights
such as `<em>沪明</em>`) is stripped. Out: a `Listing`. Never fetches by itself.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..config import Source
from ..decode import decode_html, json_loads
from ..errors import ExtractError
from ..models import Candidate
from . import dates
from .base import MAX_LINKS, Crawl, LinkFilter, Listing, Page, PageLinks, Request, Walk, absolute

PAGE_COUNT_CAP = 10  # pages asked for when the answer states a count but max_pages is not set
_JSONP = re.compile(rb"^\s*[\w$.]+\s*\((.*)\)\s*;?\s*$", re.S)
_TAG = re.compile(r"<[^<>]*>")  # not [^>]: linear on a text of unclosed "<"
_FIELD = re.compile(r"\{([^{}]+)\}")


def walk(source: Source, crawl: Crawl) -> Walk:
    """Page after page of the API's items, as candidates."""
    listing = Listing()
    links = LinkFilter(source, crawl.now)
    number = source.first_page
    last = number + (source.max_pages or (PAGE_COUNT_CAP if source.page_count else 1)) - 1
    while True:
        req = request(source, number)
        got = (yield from listing.first(req)) if number == source.first_page else (yield req)
        if got is None:
            return listing
        page = got
        data = decode(page)
        items = _items(data, source, page.url)
        kept = links.apply(_candidates(items, source, page.url), listing)
        new = len(kept) - len(crawl.known([c.url for c in kept])) if kept else 0
        listing.pages.append(PageLinks(f"{req.method} {page.url} page={number}", len(items), new))
        if len(items) > MAX_LINKS:
            listing.pages[-1].note = f"only the first {MAX_LINKS:,} items read"
        if source.page_count:
            last = min(last, source.first_page + _count(data, source.page_count) - 1)
        if number >= last or not items:
            break
        if new == 0:
            listing.pages[-1].note = "only known links: later pages not fetched"
            break
        number += 1
    return listing


def request(source: Source, number: int) -> Request:
    """The request for page `number`: `{page}` filled in the URL, form values and body."""
    page = str(number)
    url = source.url.replace("{page}", page)
    method = source.method or ("POST" if source.form or source.body is not None else "GET")
    headers = tuple(source.headers.items())
    if source.form:
        form = {k: str(v).replace("{page}", page) for k, v in source.form.items()}
        return Request(url, method, form=form, headers=headers, conditional=False)
    if isinstance(source.body, str):
        body = source.body.replace("{page}", page).encode("utf-8")
        return Request(url, method, content=body, headers=(("Content-Type", "application/json"), *headers))
    if source.body is not None:
        return Request(url, method, json=_fill(source.body, number), headers=headers)
    return Request(url, method, headers=headers, conditional=method == "GET")


def _fill(value: Any, number: int) -> Any:
    """`{page}` in a JSON body: the number itself where it is the whole value, else in the text."""
    if value == "{page}":
        return number
    if isinstance(value, str):
        return value.replace("{page}", str(number))
    if isinstance(value, dict):
        return {k: _fill(v, number) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, number) for v in value]
    return value


def decode(page: Page) -> Any:
    """The answer's JSON (JSONP unwrapped; GBK answers decoded like pages)."""
    body = page.content
    wrapped = _JSONP.match(body) if body[:1] not in (b"{", b"[") else None
    if wrapped:
        body = wrapped.group(1)
    try:
        try:
            return json_loads(body)
        except UnicodeDecodeError:
            return json_loads(decode_html(body, page.headers.get("content-type")))
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested ~100,000 deep
        raise ExtractError(f"{page.url}: the answer is not JSON ({str(exc)[:80]})",
                           hint="check url, method and form/body; a 200 HTML page often means a wrong request") from None


def path(data: Any, where: str | None) -> Any:
    """The value at a path such as `data.list`, `$.a.b[0].c` or `a.0.c`; None when absent."""
    if not where:
        return data
    for part in re.findall(r"[^./\[\]*]+", where.removeprefix("$")):
        if isinstance(data, list) and part.lstrip("-").isdigit():
            index = int(part)
            data = data[index] if -len(data) <= index < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _items(data: Any, source: Source, url: str) -> list:
    if not isinstance(data, dict | list):
        raise ExtractError(f"{url}: the answer is a JSON {type(data).__name__}, not an object or a list",
                           hint="check url, method and form/body")
    items = path(data, source.items)
    if items is None:
        return []  # an empty page often omits the list
    if not isinstance(items, list):
        raise ExtractError(f"{url}: items {source.items!r} is a {type(items).__name__}, not a list",
                           hint="point items at the array of results, e.g. \"data.list\"")
    return items


def _candidates(items: list, source: Source, base: str) -> list[Candidate]:
    out = []
    for item in items[:MAX_LINKS]:
        link = absolute(base, _link(item, source.link or ""))
        if not link:
            continue
        title = path(item, source.title) if source.title else None
        out.append(Candidate(url=link, title=clean_title(title),
                             published=dates.parse(path(item, source.date), source.date_tz, source.date_format)
                             if source.date else None))
    return out


def _link(item: Any, spec: str) -> str | None:
    if "{" in spec:  # a template filled from the item's fields
        values = {m.group(1): _plain(path(item, m.group(1))) for m in _FIELD.finditer(spec)}
        if not all(values.values()):
            return None
        return _FIELD.sub(lambda m: values[m.group(1)] or "", spec)
    value = path(item, spec)
    return value if isinstance(value, str) else None


def _plain(value: Any) -> str | None:
    """A field as it may stand in a link or a title: a string, or a whole number (11.0 as 11);
    None for an object, a list, a boolean, a fraction or nothing."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 63:
        value = int(value)
    return str(value) if isinstance(value, str | int) else None


def clean_title(value: Any) -> str | None:
    """Text of a title with search-highlight HTML removed and entities decoded."""
    plain = _plain(value)
    if plain is None:
        return None
    text = html.unescape(_TAG.sub("", plain))
    return " ".join(text.split()) or None


def _count(data: Any, where: str | int) -> int:
    value = where if isinstance(where, int) else path(data, where)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1
