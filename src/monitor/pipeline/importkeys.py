"""Import keys: the field names other tools' exports use, read as monitor's own.

In: one decoded JSON object of an import line. Out: the same object with `url`, `title`,
`body`, `html`, `published` and `source` filled from their usual other names when the line
does not use ours: `link` (RSS, feed readers), `content` / `description` / `summary` (feed
readers' and CMS exports, HTML or text), `pubDate` / `published_at` / `date` (feeds, APIs),
`site` / `feed` (aggregators). A line that has our name keeps its value; an HTML `content` goes
through the extractor as `html` would, with the line's own title kept.
"""

from __future__ import annotations

import re
from typing import Any

ALIASES = {
    "url": ("link", "href", "permalink", "canonical_url"),
    "title": ("headline",),
    "body": ("content", "text", "content_text", "description", "summary"),
    "published": ("published_at", "pubDate", "pub_date", "date", "datetime", "publish_time", "created_at"),
    "source": ("site", "site_name", "feed", "feed_title", "outlet"),
}
# markup, not text: a paragraph, line break or block tag in the value
_MARKUP = re.compile(r"<(?:p|br|div|span|img|a|h[1-6]|ul|ol|li|table|section|article|figure|strong|em)\b[^<>]*>",
                     re.IGNORECASE)


def canonical(obj: dict[str, Any]) -> dict[str, Any]:
    """`obj` with monitor's field names filled from the usual other ones (a copy when any is)."""
    found = {key: obj[other] for key, others in ALIASES.items() if _empty(obj.get(key))
             for other in others[::-1] if not _empty(obj.get(other))}  # reversed: the first name wins
    if not found:
        return obj
    out = {**obj, **found}
    if "body" in found and not obj.get("html") and isinstance(out["body"], str) and _MARKUP.search(out["body"]):
        out["html"], out["given_title"] = out.pop("body"), out.get("title")
    return out


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
