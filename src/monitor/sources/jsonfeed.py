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

import json
import re
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
        why = "arrays or objects nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:80]
        raise ExtractError(f"{url}: not a readable feed (JSON that does not parse: {why})",
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


_BLANK = re.compile(r"[ \t\r\n]*")


def whole_items(content: bytes, headers: dict[str, str]) -> tuple[bytes, int] | None:
    """A JSON Feed cut at fetch.max_bytes, as a feed whose `items` are those that came whole (and
    its other members that did: `title`, `next_url`), and how many (at most MAX_LINKS, as `parse`
    reads); None when its `items` list did not begin within the cut. JSON in ASCII: read right whatever charset the headers name."""
    kind = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    text = decode_html(content, kind).lstrip("\ufeff")

    def blank(at: int) -> int:
        return _BLANK.match(text, at).end()  # type: ignore[union-attr]  # (it matches the empty string)

    doc: dict[str, Any] = {}
    items: list[Any] | None = None
    at = blank(0)
    if text[at:at + 1] != "{":
        return None
    at += 1
    reader = json.JSONDecoder()
    try:
        while True:
            key, at = reader.raw_decode(text, blank(at))
            at = blank(at)
            if not isinstance(key, str) or text[at:at + 1] != ":":
                break
            at = blank(at + 1)
            if key == "items" and text[at:at + 1] == "[":
                items = doc["items"] = []
                at = blank(at + 1)
                while text[at:at + 1] != "]" and len(items) < MAX_LINKS:  # an object is read once its '}' came
                    item, at = reader.raw_decode(text, at)  # whole; no more than `parse` takes (8 MB of `{}, `:
                    items.append(item)  # two million, seconds of CPU at every poll)
                    at = blank(at)
                    if text[at:at + 1] == ",":
                        at = blank(at + 1)
                    elif text[at:at + 1] != "]":  # the cut
                        raise ValueError("cut")
                if len(items) >= MAX_LINKS:
                    break
                at += 1
            else:
                value, at = reader.raw_decode(text, at)
                at = blank(at)
                if text[at:at + 1] not in (",", "}"):  # a number or a word the cut ended
                    break
                doc[key] = value
            at = blank(at)
            if text[at:at + 1] != ",":
                break
            at += 1
    except (ValueError, RecursionError):  # the value the cut went through
        pass
    if items is None:
        return None
    return json.dumps(doc).encode(), sum(isinstance(item, dict) for item in items)
