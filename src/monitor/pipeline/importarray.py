"""Import from one JSON document: an array of objects (`[{...}, {...}]`, on one line or
pretty-printed, what `json.dump`, a browser's console and most scrapers' "export as JSON"
write) → import lines.

In: the import's binary stream, its first bytes peeked. Out: each element as a numbered line
for the importer (`items`), numbered by the line it starts on; the importer reads it as any
line. Streamed: a block at a time, never the whole array (an element is held whole, up to
`limit` characters).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

BLOCK = 256 * 1024
_BLANK = " \t\r\n"


def is_array(peeked: bytes) -> bool:
    """Whether the input opens as a JSON array of objects."""
    head = peeked.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[") and head[1:].lstrip(b" \t\r\n")[:1] in (b"{", b"]", b"")


def items(stream: Any, errors: list[str], limit: int) -> Iterator[tuple[int, str]]:
    """(line the element starts on, its JSON text) of every element of the array; a document
    that stops being JSON, or an element over `limit` characters, ends the elements with an
    error naming its line (the elements before it are imported)."""
    text = stream if isinstance(stream, io.TextIOBase) else io.TextIOWrapper(stream, encoding="utf-8-sig",
                                                                              errors="replace")
    decoder = json.JSONDecoder()
    buf, pos, line, ended = "", 0, 1, False

    def blank_or_more(pos: int, skip: str) -> int:
        """`pos` past blanks (and `skip`), reading on as needed; len(buf) at the input's end."""
        nonlocal buf, ended, line
        while True:
            while pos < len(buf) and buf[pos] in skip:
                line += buf[pos] == "\n"
                pos += 1
            if pos < len(buf) or ended:
                return pos
            buf, pos = text.read(BLOCK), 0
            ended = not buf

    pos = blank_or_more(pos, _BLANK) + 1  # past the '['
    while True:
        pos = blank_or_more(pos, _BLANK + ",")
        if pos >= len(buf):
            errors.append(f"line {line}: the JSON array ends without its ']' (cut short?); the items before it are imported")
            return
        if buf[pos] == "]":  # another array may follow (a line a page of results), else the end
            pos = blank_or_more(pos + 1, _BLANK)
            if pos >= len(buf):
                return
            if buf[pos] != "[":
                errors.append(f"line {line}: more after the JSON array's end, not read (one array, or one object a line)")
                return
            pos += 1
            continue
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                more = "" if ended else text.read(max(BLOCK, len(buf) - pos))
                if not more:
                    ended = True
                    errors.append(f"line {line}: the JSON array cannot be read from here on ({exc.msg}); "
                                  "the items before it are imported")
                    return
                if len(buf) - pos > limit:
                    errors.append(f"line {line}: an item longer than {limit // 2**20} MB; it and the rest are skipped")
                    return
                buf, pos = buf[pos:] + more, 0
        yield line, buf[pos:end] if isinstance(value, dict) else json.dumps(value, ensure_ascii=False)
        line += buf.count("\n", pos, end)
        pos = end
