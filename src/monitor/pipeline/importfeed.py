"""Import from a feed's file: an RSS 2.0, RSS 1.0 (RDF) or Atom export → import lines.

In: the import's binary stream, its first bytes peeked. Out: when it is such a feed, each item
or entry as a numbered JSON line for the importer (`items`): its title, link, content (or
description, summary), date and the feed's own title as the source, which `importkeys` reads as
a feed reader's export (HTML content extracted). Streamed through expat a block at a time: a
feed of a year's items is never held whole. A feed declared in GB2312, GBK or GB18030 (which
expat does not know) is decoded first.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

SNIFF_BYTES = 8192
BLOCK = 256 * 1024
_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']""")
_CHINESE = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "big5", "big5-hkscs"})
_ITEMS = frozenset({"item", "entry"})
_BODY = ("encoded", "content", "description", "summary")  # the first given wins
_DATE = ("pubdate", "date", "published", "issued", "updated", "modified")


def is_feed(peeked: bytes) -> bool:
    """Whether the input opens as an RSS, RDF or Atom document."""
    head = peeked.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and _ROOT.search(head.decode("utf-8", errors="ignore")) is not None


def items(stream: Any, errors: list[str], limit: int) -> Iterator[tuple[int, str]]:
    """(line the item starts on, the item as a JSON object) of every item or entry. A text
    over `limit` characters is cut there (the body's own cap follows); a document that stops
    being XML ends the items with an error naming its line."""
    declared = _DECLARED.match(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    codec = declared.group(1).decode().lower() if declared else ""
    reader = io.TextIOWrapper(stream, encoding="big5hkscs" if codec.startswith("big5") else "gb18030",
                              errors="replace") if codec in _CHINESE else None
    parser = expat.ParserCreate("utf-8" if reader is not None else None, namespace_separator=" ")
    parser.UseForeignDTD(True)  # an HTML entity (&nbsp; &ldquo;) a feed writer left undeclared: read, not an error
    state = _State(limit)
    parser.StartElementHandler = lambda name, attrs: state.start(_local(name), attrs, parser.CurrentLineNumber)
    parser.EndElementHandler = lambda name: state.end(_local(name))
    parser.CharacterDataHandler = state.text
    parser.SkippedEntityHandler = lambda name, _: state.text(html.unescape(f"&{name};"))
    try:
        while True:
            block = reader.read(BLOCK).encode("utf-8") if reader is not None else stream.read(BLOCK)
            parser.Parse(block, not block)
            yield from state.done
            state.done.clear()
            if not block:
                return
    except expat.ExpatError as exc:
        yield from state.done
        errors.append(f"line {exc.lineno}: the feed cannot be read from here on ({expat.errors.messages[exc.code]}); "
                        "the items before it are imported")


def _local(name: str) -> str:
    """An element's name without its namespace (`content:encoded` → encoded), lower case."""
    return name.rsplit(" ", 1)[-1].lower()


class _State:
    """What the parse has seen: the feed's title, the item being read, the items read."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.depth = 0
        self.feed_title: str | None = None
        self.item: dict[str, str] | None = None
        self.item_depth = 0
        self.line = 0
        self.field: str | None = None
        self.buffer: list[str] = []
        self.size = 0
        self.done: list[tuple[int, str]] = []

    def start(self, name: str, attrs: dict[str, str], line: int) -> None:
        self.depth += 1
        if name in _ITEMS and self.item is None:
            self.item, self.item_depth, self.line = {}, self.depth, line
        elif self.item is not None and self.depth == self.item_depth + 1:
            if name == "link" and attrs.get("href"):  # Atom: the alternate (or unnamed) link
                if attrs.get("rel", "alternate") == "alternate" and "link" not in self.item:
                    self.item["link"] = attrs["href"]
                return
            self.field, self.buffer, self.size = name, [], 0
        elif self.item is None and name == "title" and self.feed_title is None and self.depth <= 3:
            self.field, self.buffer, self.size = "feed_title", [], 0

    def text(self, data: str) -> None:
        if self.field is not None and self.size < self.limit:
            self.buffer.append(data[:self.limit - self.size])
            self.size += len(data)

    def end(self, name: str) -> None:
        if self.field == "feed_title":
            self.feed_title, self.field = "".join(self.buffer).strip(), None
        elif self.item is not None and self.field is not None and self.depth == self.item_depth + 1:
            self.item.setdefault(self.field, "".join(self.buffer).strip())
            self.field = None
        elif self.item is not None and self.depth == self.item_depth:
            self.done.append((self.line, json.dumps(self._line(self.item), ensure_ascii=False)))
            self.item = None
        self.depth -= 1

    def _line(self, item: dict[str, str]) -> dict[str, str]:
        """An item's fields under the names an import line takes."""
        out = {"url": item.get("link") or (item.get("guid") if str(item.get("guid", "")).startswith("http") else ""),
               "title": item.get("title", ""),
               "content": next((item[k] for k in _BODY if item.get(k)), ""),
               "published": next((item[k] for k in _DATE if item.get(k)), "")}
        if self.feed_title:
            out["source"] = self.feed_title
        return {k: v for k, v in out.items() if v}
