"""Import from one JSON document: an array of objects (`[{...}, {...}]`, on one line or
pretty-printed, what `json.dump`, a browser's console and most scrapers' "export as JSON"
write), or an object holding one (`{"title": ..., "items": [...]}`: JSON Feed, Inoreader's and
Feedly's exports) → import lines.

In: the import's binary stream, its first bytes peeked. Out: each element as a numbered line
for the importer (`items`), numbered by the line it starts on; the importer reads it as any
line. Streamed: a block at a time, never the whole document (an element is held whole, up to
`limit` characters; the object's other values are read and dropped).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

from . import importcsv, importkeys
from .importlines import cut_short

BLOCK = 256 * 1024
LISTS = frozenset({"items", "entries", "articles", "posts", "stories", "data", "results"})
_BLANK = " \t\r\n"
_ARTICLE = re.compile(r'"(?:url|link|href|body|content|html)"\s*:', re.IGNORECASE)  # a line's own keys
_TITLE = re.compile(r'"title"\s*:', re.IGNORECASE)
_TEXT = re.compile(r'"(?:body|content|html|text|description)"\s*:', re.IGNORECASE)  # an article's text
_VALUE = r'(?:"[^"\\]{0,400}"|[-\w.]+|\{[^{}]{0,400}\}|\[[^\[\]{}]{0,400}\])'  # a short value, a small object
_HOLDER = re.compile(r'\{\s*(?:"[^"\\]{0,40}"\s*:\s*' + _VALUE + r'\s*,\s*){0,8}"(\w+)"\s*:\s*\[\s*\{')


def peeked(stream: Any) -> bytes:
    """The input's first bytes as UTF-8 (a UTF-16 file's, `text_if_utf16`, decoded); b"" unpeekable."""
    if isinstance(getattr(stream, "buffer", None), io.BufferedReader):
        return bytes(stream.buffer.peek(BLOCK)).decode(stream.encoding, errors="ignore").encode()
    return bytes(stream.peek(BLOCK)) if hasattr(stream, "peek") else b""


def is_document(peeked: bytes) -> bool:
    """Whether the input opens as a JSON array of objects, or as an object pretty-printed
    (its first line `{` alone) or holding a list of objects among its first keys."""
    head = peeked.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return head[1:].lstrip(b" \t\r\n")[:1] in (b"{", b"]", b"")
    if not head.startswith(b"{"):
        return False
    if head[1:].lstrip(b" \t\r")[:1] == b"\n":
        return True
    text = head[:4096].decode("utf-8", errors="ignore")
    found = _HOLDER.match(text)  # one line: a JSON line's own list?
    if found is None or found.group(1).lower() not in LISTS:
        return False
    if _ARTICLE.search(found.group(0)) is None:
        return True
    # an address before the list: a site's or a feed's own `url` or `link` (a document on one line, what
    # json.dump writes), or a JSON line's with a list of its own; a line with its text before it, or
    # with more lines after it, is a JSON line
    if _TEXT.search(found.group(0)) is not None:
        return False
    if b"\n" in head:
        return not head.split(b"\n", 1)[1].strip()
    # its line goes on past the bytes peeked (a long text after the list): a document's list holds
    # articles (an address, a text or a title in its first item), a JSON line's own other things
    # (`"data": [{"tag": …}]`)
    first = text[found.end() - 1:].split("}", 1)[0]
    return _ARTICLE.search(first) is not None or _TITLE.search(first) is not None


def _feed_title(seen: dict[str, Any]) -> str:
    """A JSON Feed's title (its outlet, as an RSS channel's title is), seen before its items."""
    feed = "jsonfeed" in seen.get("version", "") or bool(_FEED_KEYS & seen.keys())
    return seen.get("title", "").strip() if feed else ""


class _Stop(Exception):
    """The document cannot be read on; the message names the line."""


class _Reader:
    """The document's text a block at a time: where it is (`pos`, `line`) and what it holds next."""

    def __init__(self, stream: Any, limit: int, warnings: list[str]) -> None:
        self.text = importcsv.text_of(stream, warnings, "file")
        self.buf, self.pos, self.line, self.ended, self.limit = "", 0, 1, False, limit
        self.decoder = json.JSONDecoder()

    def next(self, skip: str = _BLANK) -> str:
        """The next character past blanks (and `skip`), not taken; "" at the input's end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in skip:
                self.line += self.buf[self.pos] == "\n"
                self.pos += 1
            if self.pos < len(self.buf) or self.ended:
                return self.buf[self.pos] if self.pos < len(self.buf) else ""
            self.buf, self.pos = self.text.read(BLOCK), 0
            self.ended = not self.buf

    def take(self) -> tuple[Any, str]:
        """The JSON value here and its text, read on as needed."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                break
            except json.JSONDecodeError as exc:
                more = "" if self.ended else self.text.read(max(BLOCK, len(self.buf) - self.pos))
                if not more:
                    self.ended = True
                    if exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf.rstrip()):
                        raise _Stop(cut_short(self.line)) from None  # a pipe closed, a download stopped
                    raise _Stop(f"line {self.line}: the JSON document cannot be read from here on ({exc.msg}); "
                                "the items before it are imported") from None
                if len(self.buf) - self.pos > self.limit:
                    raise _Stop(f"line {self.line}: an item longer than {self.limit // 2**20} MB; "
                                "it and the rest are skipped") from None
                self.buf, self.pos = self.buf[self.pos:] + more, 0
        text = self.buf[self.pos:end]
        self.line += text.count("\n")
        self.pos = end
        return value, text


def items(stream: Any, warnings: list[str], errors: list[str], limit: int) -> Iterator[tuple[int, str]]:
    """(line the element starts on, its JSON text) of every element of the array (or arrays, one
    after another), or of the object's list of items; a document that stops being JSON, or an
    element over `limit` characters, ends the elements with an error naming its line (the
    elements before it are imported)."""
    reader = _Reader(stream, limit, warnings)
    try:
        if reader.next() == "{":
            yield from _held(reader, errors)
            reader.pos += 1  # its '}'
            if reader.next():
                errors.append(f"line {reader.line}: more after the JSON object's end, not read "
                              "(one JSON document, or one object a line)")
            return
        while reader.next() == "[":
            reader.pos += 1
            yield from _elements(reader)
        if reader.next():
            errors.append(f"line {reader.line}: more after the JSON array's end, not read (one array, or one object a line)")
    except _Stop as stop:
        errors.append(str(stop))


def _elements(reader: _Reader, outlet: str = "") -> Iterator[tuple[int, str]]:
    """The elements of the array whose '[' was taken, and its ']'; with `outlet` (a JSON Feed's
    title) as the source of each that names none."""
    while (char := reader.next(_BLANK + ",")) != "]":
        if not char:
            raise _Stop(f"line {reader.line}: the JSON array ends without its ']' (cut short?); "
                        "the items before it are imported")
        line = reader.line
        value, text = reader.take()
        if outlet and isinstance(value, dict) and value and not _SOURCES.intersection(map(str.lower, value)):
            text = '{"source": ' + json.dumps(outlet, ensure_ascii=False) + ", " + text.lstrip()[1:]
        yield line, text if isinstance(value, dict) else json.dumps(value, ensure_ascii=False)
    reader.pos += 1


# an item's own source, by any of its names (`importkeys.ALIASES`)
_SOURCES = frozenset(name.lower() for name in ("source", *importkeys.ALIASES["source"]))
_FEED_KEYS = frozenset({"home_page_url", "feed_url"})  # JSON Feed's own (with a version naming jsonfeed)


def _held(reader: _Reader, errors: list[str]) -> Iterator[tuple[int, str]]:
    """The elements of every list of items (`LISTS`) of the object here; its other values dropped."""
    reader.pos += 1
    found, seen = False, dict[str, Any]()
    while (char := reader.next(_BLANK + ",")) != "}":
        if char != '"':
            raise _Stop(f"line {reader.line}: the JSON document cannot be read from here on "
                        f"({'it ends' if not char else 'a name expected'}); the items before it are imported")
        name, _ = reader.take()
        if reader.next() != ":":
            raise _Stop(f"line {reader.line}: the JSON document cannot be read from here on (':' expected)")
        reader.pos += 1
        if reader.next() == "[" and str(name).lower() in LISTS:
            reader.pos += 1
            found = True
            yield from _elements(reader, _feed_title(seen))
        else:
            value, _ = reader.take()  # the feed's title, its version …: not articles
            if isinstance(value, str):
                seen[str(name).lower()] = value
    if not found:
        errors.append(f"line 1: a JSON object with no list of articles (under {', '.join(sorted(LISTS))})")
