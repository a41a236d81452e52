"""A JSON Feed (https://jsonfeed.org/version/1 and 1.1) → candidate links, as feed readers list it.

In: the feed's bytes (any charset a page may be in, a byte-order mark allowed), response
headers and URL. Out: one `Candidate` per item with an address, in feed order: `url` (else
`external_url`, else an `id` that is an http(s) address, as readers open it) resolved against the
feed's URL, `title`, `date_published` (else `date_modified`; without a zone, in the source's
`date_tz`) and `summary` (else `content_text`, else `content_html`), as an RSS entry's
link, title, date and description. `feed.parse` hands a response here when its first
character is `{`; feedparser, which reads no JSON, is never loaded for it. Also its `next_url`,
the page of older items a paged feed names, and its `title`, the listing's. Pure.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..decode import decode_html, json_loads
from ..errors import ExtractError
from ..models import Candidate
from . import dates
from .base import MAX_LINKS, absolute


def is_json(content: bytes) -> bool:
    """Whether a response is JSON rather than XML: its first character past a byte-order mark
    and blanks is `{`."""
    return content[:1] == b"{" or content[:64].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00").startswith(b"{")


def parse(content: bytes, headers: dict[str, str], url: str,
          tz: str = "Asia/Shanghai") -> tuple[list[Candidate], str | None]:
    """The items of a JSON Feed and its `next_url` (its next, older page), resolved; ExtractError
    when the JSON is no feed (no `items` list)."""
    return parse_named(content, headers, url, tz)[:2]


def parse_named(content: bytes, headers: dict[str, str], url: str,
                tz: str = "Asia/Shanghai") -> tuple[list[Candidate], str | None, str | None]:
    """`parse`'s items and next page, and the feed's own `title` (the site's name, most often:
    the listing's title, as an RSS channel's is)."""
    kind = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    try:
        doc = json_loads(decode_html(content, kind).lstrip("\ufeff"))
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested ~100,000 deep
        raise ExtractError(f"{url}: not a readable feed (JSON that does not parse: {str(exc)[:80]})",
                           hint="check that the source URL points at a feed, or use kind = \"json-api\"") from None
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or not isinstance(items, list):
        raise ExtractError(f"{url}: not a readable feed (JSON without the `items` list of a JSON Feed)",
                           hint="for a JSON list API use kind = \"json-api\" with its `items` path")
    out = []
    for item in items[:MAX_LINKS]:
        if not isinstance(item, dict):
            continue
        link = _text(item, "url") or _text(item, "external_url")
        if not link and (named := _text(item, "id")) and named.lower().startswith(("http://", "https://")):
            link = named
        target = absolute(url, link)
        if target:
            out.append(Candidate(url=target, title=_text(item, "title"), published=_when(item, tz),
                                 summary=_text(item, "summary") or _text(item, "content_text")
                                 or _text(item, "content_html")))
    return out, absolute(url, _text(doc, "next_url")), _text(doc, "title")


def _text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


def _when(item: dict[str, Any], tz: str) -> datetime | None:
    return dates.parse(_text(item, "date_published"), tz) or dates.parse(_text(item, "date_modified"), tz)
