"""`kind = "json-api"`: a JSON list endpoint (GET, or POST with a form or JSON body) → links.

In: the source's `method`, `form` or `body` and `url`, where `{page}` stands for the page
number (from `first_page`); `items` is the path to the list in the answer (`data.list`,
`$.result.items[0].docs`, `data/list`; a `[*]` takes every element: `data.days[*].list` joins
each day's list), `title` / `link` / `date` paths inside one item (`link` may also be
a template such as `https://x.gov.cn/c/{id}.htm`), `date_format` (strptime, `epoch`, `epoch_ms`;
default: recognised) in `date_tz`. Pages run to `page_count` (a path) or `max_pages`; an API
that pages by cursor gives the next page's token (or address) at `next_page`, sent as `{cursor}`
in the URL, form or body (empty for the first page), and its list ends where none is given. They stop
early on an empty page or one that adds only stored links; a source polled before reads on past
them while each page ends on a new item, and a backlog deeper than a poll reads is marked and
read on by the next polls, as the html kind does (`base.read_marks`). HTML in titles (search highlights
such as `<em>沪明</em>`) is stripped. Out: a `Listing`. Never fetches by itself.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Generator
from datetime import datetime
from typing import Any
from urllib.parse import quote

from ..config import Source
from ..decode import decode_html, json_loads
from ..errors import ExtractError, MonitorError
from ..models import Candidate
from . import dates
from .base import (
    MAX_LINKS,
    Crawl,
    LinkFilter,
    Listing,
    Page,
    PageLinks,
    Request,
    Trail,
    Walk,
    absolute,
    mark,
    page_failed,
    read_marks,
    stamp,
)

PAGE_COUNT_CAP = 10  # pages asked for when the answer states a count but max_pages is not set
_JSONP = re.compile(rb"^\s*[\w$.]+\s*\((.*)\)\s*;?\s*$", re.S)
_OPENED = re.compile(rb"[(=]\s*[\[{]")  # a script's payload opening: `cb({`, `data = [`
_TAG = re.compile(r"<[^<>]*>")  # not [^>]: linear on a text of unclosed "<"
_FIELD = re.compile(r"\{([^{}]+)\}")


def walk(source: Source, crawl: Crawl) -> Walk:
    """Page after page of the API's items, as candidates; for a source polled before, on past
    its pages while each ends on a new item, then on from where earlier polls stopped. A
    `max_pages` raised past those earlier polls were given: all of them once, as a first poll
    (as the html kind reads a raised `pages`)."""
    listing = Listing()
    links = LinkFilter(source, crawl.now)
    number = source.first_page
    pages = source.max_pages or (PAGE_COUNT_CAP if source.page_count or source.next_page else 1)
    last = number + pages - 1
    widened = bool(crawl.catch_up) and crawl.reach < pages and pages > 1  # answers never reached: known or not
    catch_up = 0 if widened else crawl.catch_up  # (a widened walk reads as a first poll: the archive is no news)
    listing.reach = max(crawl.reach, pages)
    stated = None  # the last page by the answer's own count
    since = stamp(crawl.now)
    trail = Trail(since)  # the pages read past `max_pages`, should the news outrun them
    req = request(source, number, conditional=not crawl.frontiers and not widened)
    asked = {_asked(req)}  # (a cursor that leads back to a page read: the end)
    while True:
        if number == source.first_page:
            got = yield from listing.first(req)
        else:
            try:
                got = yield req
            except MonitorError as exc:  # what was read stands; past `max_pages`, the next poll reads on
                if widened and getattr(exc, "status", None) not in (404, 410):  # the answers not reached: again
                    listing.reach = crawl.reach
                if not page_failed(listing, exc, req.url, f"answer {number} ({req.url})") and number > last \
                        and _addressed(source, req):
                    trail.left = mark(req.url, number, since)
                break
        if got is None:
            return listing
        kept, new, ends_known, count, cursor = _read(source, crawl, got, req, number, listing, links)
        if number == source.first_page and new < 0:  # an API answering no items: 'ok' at every poll, nothing said
            listing.warnings.append(EMPTY)
        if number > last:
            listing.caught_up = True
            listing.pages[-1].note = "read past `max_pages`: more news than the pages hold"
            trail.pages.append((req.url, number, kept))
        stated = count if count is not None else stated
        if (stated is not None and number >= stated) or new < 0:
            break
        if number >= last and (new == 0 or ends_known or not catch_up):  # the news ends on this page
            break
        if new == 0 and not (widened and number < last):  # (answers never reached before: read, stored or not)
            listing.pages[-1].note = "only known links: later pages not fetched"
            break
        if ends_known and catch_up:  # a polled source whose news ends on this page
            listing.pages[-1].note = "the news ends on this page: later pages not fetched"
            break
        after = _next(source, got.url, number + 1, cursor, asked)
        if after is None:  # a cursor API's answer naming no next page: the list's end
            break
        if number == last + catch_up:  # more news than a poll reads: the next reads on from here
            if _addressed(source, after):
                trail.left = mark(after.url, number + 1, since)
                listing.pages[-1].note = "more news than a poll reads: the next poll reads on from here"
            else:
                listing.pages[-1].note = "more news than a poll reads; a page asked for by a posted cursor has no address"
            break
        number, req = number + 1, after
    listing.trails = [trail] if trail.left else []
    if crawl.frontiers:
        def read(url: str, at: int) -> Generator[Request, Page, tuple[list[str], int, tuple[str, int] | None]]:
            req = Request(url, headers=tuple(source.headers.items())) if source.next_page else request(source, at)
            got = yield req
            kept, new, _, count, cursor = _read(source, crawl, got, req, at, listing, links)
            listing.pages[-1].note = "read on from where an earlier poll stopped"
            after = _next(source, got.url, at + 1, cursor, {_asked(req)})
            done = new < 0 or (count is not None and at >= count) or after is None or not _addressed(source, after)
            return kept, max(new, 0), None if done or after is None else (after.url, at + 1)

        listing.trails += yield from read_marks(crawl.frontiers, crawl.catch_up, read, crawl.older)
    return listing


EMPTY = ("the API's first answer lists no items: nothing to fetch (open its url in a browser and check `items`, "
         "`first_page` and the request's parameters against what it answers)")


def _read(source: Source, crawl: Crawl, page: Page, req: Request, number: int, listing: Listing,
          links: LinkFilter) -> tuple[list[str], int, bool, int | None, Any]:
    """One answer into the listing: its kept links, how many are not stored yet (-1 for an empty
    answer: the end), whether the last is stored, the last page number the answer states, and
    the next page's cursor it gives (`next_page`)."""
    data = decode(page)
    items = _items(data, source, page.url)
    kept = links.apply(_candidates(items, source, page.url, crawl.now), listing)
    known = crawl.known([c.url for c in kept]) if kept else set()
    listing.pages.append(PageLinks(f"{req.method} {page.url} page={number}", len(items), len(kept) - len(known)))
    if len(items) > MAX_LINKS:
        listing.pages[-1].note = f"only the first {MAX_LINKS:,} items read"
    count = source.first_page + _count(data, source.page_count) - 1 if source.page_count else None
    cursor = path(data, source.next_page) if source.next_page else None
    if not items:
        return [], -1, False, count, cursor
    return [c.url for c in kept], len(kept) - len(known), bool(kept) and kept[-1].url in known, count, cursor


def request(source: Source, number: int, conditional: bool = True, cursor: str = "") -> Request:
    """The request for page `number`: `{page}` filled in the URL, form values and body, and
    `{cursor}` with the token the answer before gave (`next_page`; empty for the first page)."""
    page = str(number)
    url = source.url.replace("{page}", page).replace("{cursor}", quote(cursor, safe=""))
    method = source.method or ("POST" if source.form or source.body is not None else "GET")
    headers = tuple(source.headers.items())
    if source.form:
        form = {k: str(v).replace("{page}", page).replace("{cursor}", cursor) for k, v in source.form.items()}
        return Request(url, method, form=form, headers=headers, conditional=False)
    if isinstance(source.body, str):
        body = source.body.replace("{page}", page).replace("{cursor}", json.dumps(cursor)[1:-1]).encode("utf-8")
        return Request(url, method, content=body, headers=(("Content-Type", "application/json"), *headers))
    if source.body is not None:
        return Request(url, method, json=_fill(source.body, number, cursor), headers=headers)
    return Request(url, method, headers=headers, conditional=conditional and method == "GET")


def _fill(value: Any, number: int, cursor: str = "") -> Any:
    """`{page}` in a JSON body: the number itself where it is the whole value, else in the text;
    `{cursor}` the token."""
    if value == "{page}":
        return number
    if isinstance(value, str):
        return value.replace("{page}", str(number)).replace("{cursor}", cursor)
    if isinstance(value, dict):
        return {k: _fill(v, number, cursor) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, number, cursor) for v in value]
    return value


def _next(source: Source, at: str, number: int, cursor: Any, asked: set[object]) -> Request | None:
    """The request for the next page: by its number; for a cursor API (`next_page`), by the token
    the answer gave (an address: asked for as it is, resolved against the answer's), None when
    it gives none (the list's end) or leads back to a page read."""
    if not source.next_page:
        return request(source, number, conditional=False)  # (the stored validators are page 1's)
    if isinstance(cursor, bool) or not isinstance(cursor, (str, int, float)) or str(cursor).strip() == "":
        return None
    token = str(int(cursor)) if isinstance(cursor, float) and cursor.is_integer() else str(cursor).strip()
    link = absolute(at, token) if token.startswith(("http://", "https://", "/", "?")) else None
    req = Request(link, headers=tuple(source.headers.items())) if link else request(source, number, cursor=token)
    if _asked(req) in asked:
        return None
    asked.add(_asked(req))
    return req


def _asked(req: Request) -> object:
    """What tells two requests apart (a cursor may go in the address, the form or the body)."""
    form = tuple(sorted(req.form.items())) if req.form else None
    return req.url, form, req.content, json.dumps(req.json, sort_keys=True) if req.json is not None else None


def _addressed(source: Source, req: Request) -> bool:
    """Whether a page has an address a mark can keep: a cursor posted in a form or body has none."""
    return not source.next_page or (req.method == "GET" and req.form is None and req.json is None and req.content is None)


def decode(page: Page) -> Any:
    """The answer's JSON (JSONP unwrapped; GBK answers decoded like pages)."""
    body = page.content.removeprefix(b"\xef\xbb\xbf").lstrip()
    if body[:1] not in (b"{", b"[", b"<"):
        body = _unwrapped(body)
    try:
        try:
            return json_loads(body)
        except UnicodeDecodeError:
            return json_loads(decode_html(body, page.headers.get("content-type")))
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested ~100,000 deep
        if isinstance(exc, RecursionError):  # Python's words, cut at 80 characters, were the line
            raise ExtractError(f"{page.url}: the answer is not JSON that can be read (arrays or objects nested too "
                               "deeply: a broken or hostile API)", hint="check url, method and form/body") from None
        raise ExtractError(f"{page.url}: the answer is not JSON ({str(exc)[:80]})",
                           hint="check url, method and form/body; a 200 HTML page often means a wrong request") from None


def _unwrapped(body: bytes) -> bytes:
    """The JSON inside a script answer: JSONP (`cb({…})`, `/**/ typeof cb === 'function' &&
    cb({…});` as Express and Spring write it, `try{cb({…})}catch(e){}`) or an assignment
    (`var data = {…};`): from the first `{` or `[` after `(` or `=` to its last closing bracket."""
    wrapped = _JSONP.match(body)
    if wrapped:
        return wrapped.group(1)
    opened = _OPENED.search(body[:4096])
    if not opened:
        return body
    start = opened.end() - 1
    try:  # where the value ends (latin-1: one character a byte, so its offsets are the bytes')
        return body[start:json.JSONDecoder().raw_decode(body.decode("latin-1"), start)[1]]
    except ValueError:  # (a GBK answer's byte may read as a backslash): to the last closing bracket
        end = body.rfind(b"}" if body[start:start + 1] == b"{" else b"]")
        return body[start:end + 1] if end > start else body


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


_PART = re.compile(r"\*|[^./\[\]*]+")


def items_at(data: Any, where: str | None) -> Any:
    """`path`, where a `*` inside the path (`data.days[*].list`, `hits[*].doc`) takes every
    element of the list there and the rest of the path from each: lists found are joined in
    order, other values are items, absent ones skipped. A trailing `*` is the list itself."""
    parts = _PART.findall((where or "").removeprefix("$"))
    while parts and parts[-1] == "*":
        parts.pop()
    if "*" not in parts:
        return path(data, ".".join(parts))
    star = parts.index("*")
    group = path(data, ".".join(parts[:star]))
    if not isinstance(group, list):
        return None
    rest, out = ".".join(parts[star + 1:]), list[Any]()
    for element in group[:MAX_LINKS]:
        found = items_at(element, rest)
        if isinstance(found, list):
            out.extend(found[:MAX_LINKS - len(out)])
        elif found is not None:
            out.append(found)
        if len(out) >= MAX_LINKS:
            break
    return out


def _items(data: Any, source: Source, url: str) -> list:
    if not isinstance(data, dict | list):
        raise ExtractError(f"{url}: the answer is a JSON {type(data).__name__}, not an object or a list",
                           hint="check url, method and form/body")
    items = items_at(data, source.items)
    if items is None:
        return []  # an empty page often omits the list
    if not isinstance(items, list):
        raise ExtractError(f"{url}: items {source.items!r} is a {type(items).__name__}, not a list",
                           hint="point items at the array of results, e.g. \"data.list\"")
    return items


def _candidates(items: list, source: Source, base: str, now: datetime | None = None) -> list[Candidate]:
    out = []
    for item in items[:MAX_LINKS]:
        link = absolute(base, _link(item, source.link or ""))
        if not link:
            continue
        title = path(item, source.title) if source.title else None
        out.append(Candidate(url=link, title=clean_title(title),
                             published=dates.parse(path(item, source.date), source.date_tz, source.date_format, now)
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
