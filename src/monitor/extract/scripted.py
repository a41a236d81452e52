"""An article a page holds only in its script data: a self-media platform's page (今日头条- or
百家号-style) is an empty shell its script fills from a JSON object with the headline, the text
as HTML and the time: `window._SSR_HYDRATED_DATA = {…}`, `<script type="application/json">`
(percent-encoded too), `JSON.parse("…")` of an escaped string.

In: the page's HTML (read only when its markup shows no text). Out: the `Stated` article (text,
headline, time) of the object whose text field is the longest text of sentences, or None.
Bounded: scripts over `SCRIPT` characters are left, at most `NODES` JSON values walked, three
objects a script. Pure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..decode import without_surrogates

SCRIPT = 4_000_000  # characters of one script read at most
NODES = 50_000  # JSON values walked at most, all scripts together
MIN_TEXT = 100  # characters of sentences a text field holds at least
_TEXT_KEY = re.compile(r"(?i)content|body|text|article|detail|html")
_TITLE_KEY = re.compile(r"(?i)^(title|headline|subject|article_?title|doc_?title)$")
_TIME_KEY = re.compile(r"(?i)^(publish_?time|pub_?time|publish_?date|pub_?date|date_?published|create_?time|ctime|"
                       r"time|datetime|release_?time|publishAt|published_?at)$")
_TAG = re.compile(r"<[^<>]*>")  # not [^>]: linear on a text of unclosed "<" (80,000 took 2 s, growing with the square)
_SENTENCE = re.compile(r"[。！？!?]")
_ASSIGNED = re.compile(r"=\s*(?=[{\[])|JSON\.parse\(\s*(?=\")")
_SHANGHAI = timezone(timedelta(hours=8))
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")  # (a percent-encoded script: the extract stage has no urllib)


@dataclass
class Stated:
    text: str  # HTML or plain text, as the object gives it
    title: str | None
    published: datetime | None


def stated(html: str) -> Stated | None:
    """The article object the page's scripts hold, if any (the one with the longest text)."""
    if "<script" not in html:
        return None
    best: tuple[int, Stated] | None = None
    budget = [NODES]
    for node in LexborHTMLParser(html).css("script"):
        if node.attributes.get("src") is not None:
            continue
        text = node.text(deep=True)
        if not MIN_TEXT <= len(text) <= SCRIPT:
            continue
        try:
            for value in _values(text):
                for weight, found in _articles(value, budget):
                    if best is None or weight > best[0]:
                        best = (weight, found)
        except RecursionError:  # a script nested past Python's depth: the other scripts may hold the article
            continue
    return best[1] if best else None


def _values(text: str) -> Iterator[Any]:
    """The JSON values a script holds: itself (percent-encoded too), or what it assigns or parses."""
    bare = text.strip()
    if bare[:3].upper() in ("%7B", "%5B"):
        bare = _PERCENT.sub(lambda m: bytes((int(m.group(1), 16),)), bare.encode("utf-8")).decode("utf-8", "replace")
    if bare[:1] in "{[":
        try:
            yield without_surrogates(json.loads(bare), bare)
            return
        except (ValueError, RecursionError):
            pass
    decoder = json.JSONDecoder()
    for n, m in enumerate(_ASSIGNED.finditer(text)):
        if n >= 3:
            return
        try:
            value = decoder.raw_decode(text, m.end())[0]
            yield without_surrogates(json.loads(value), value) if isinstance(value, str) else without_surrogates(value, text)
        except (ValueError, RecursionError):
            continue


def _articles(value: Any, budget: list[int]) -> Iterator[tuple[int, Stated]]:
    """(weight, article) of each object holding a text of sentences under a text-like key."""
    stack = [value]
    while stack and budget[0] > 0:
        budget[0] -= 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, field in item.items():
                if isinstance(field, dict | list):
                    stack.append(field)
                elif isinstance(field, str) and len(field) >= MIN_TEXT and _TEXT_KEY.search(key):
                    plain = _TAG.sub("", field)
                    weight = len(plain.strip())
                    if weight >= MIN_TEXT and len(_SENTENCE.findall(plain)) >= 2:
                        yield weight, Stated(field, _title(item), _time(item))


def _title(item: dict) -> str | None:
    """The object's headline: its title field, else its `name` (a Next.js app's article object
    names its headline so), if a line's length."""
    found = next((v for k, v in item.items() if _TITLE_KEY.match(k) and isinstance(v, str) and v.strip()), None)
    if found is None:
        named = item.get("name")
        found = named if isinstance(named, str) and 4 <= len(named.strip()) <= 100 else None
    return _TAG.sub("", found).strip() if found else None


def _time(item: dict) -> datetime | None:
    """The object's publication time: an epoch (seconds or milliseconds), or a date-time written
    `2024-12-06 12:00[:00]` / ISO (Shanghai time without a zone)."""
    for key, value in item.items():
        if not _TIME_KEY.match(key) or isinstance(value, bool):
            continue
        text = str(value).strip()
        try:
            if text.isdigit() and len(text) in (10, 13):
                return datetime.fromtimestamp(int(text) / (1000 if len(text) == 13 else 1), timezone.utc)
            when = datetime.fromisoformat(text.replace("/", "-"))
            return (when if when.tzinfo else when.replace(tzinfo=_SHANGHAI)).astimezone(timezone.utc)
        except (ValueError, OverflowError, OSError):
            continue
    return None
