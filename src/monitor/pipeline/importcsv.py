"""Import from a spreadsheet: a CSV (or tab-separated) file with a header row → import lines.

In: the import's stream, its first bytes peeked. Out: when it is a table with an address
column, its rows as numbered JSON lines for the importer (`table`, `rows`): a
row's cells under the header's names, which `importkeys` reads as any export's (url, 标题,
正文, 发布时间 …). What Excel writes is read: a byte order mark, GB18030 (GBK) from a Chinese
Windows, CRLF, quoted cells holding line breaks and commas. Streamed: one row at a time.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from .. import decode
from . import importkeys

DELIMITERS = (",", "\t", ";")
SNIFF_BYTES = 8192  # peeked to tell a table and UTF-8 from GB18030 (a CSV has one encoding throughout)
CHINESE_SHARE = 0.6  # as `importlines`: of the non-ASCII characters among the commonest


def _header(line: str) -> tuple[str, list[str]] | None:
    """(delimiter, names) of a header line that names an address column, else None."""
    line = line.lstrip("\ufeff").strip()
    if not line or line[0] in "{[<":
        return None
    delimiter = max(DELIMITERS, key=line.count)
    try:
        names = next(csv.reader([line], delimiter=delimiter))
    except csv.Error:  # a line break in an unquoted cell: no header row (a binary file's first bytes)
        return None
    return (delimiter, names) if any(importkeys.field_of(name) == "url" for name in names) else None


def table(stream: Any, warnings: list[str], errors: list[str], limit: int) -> Iterator[tuple[int, str]] | None:
    """The rows of a table (`rows`) when the stream opens with a header row naming an address
    column; None otherwise (nothing read: the stream is read as JSON Lines)."""
    if isinstance(stream, io.TextIOWrapper):  # a UTF-16 file (`text_if_utf16`): its bytes peeked
        peeked = stream.buffer.peek(SNIFF_BYTES).decode(stream.encoding, errors="ignore")
    elif hasattr(stream, "peek"):
        raw = stream.peek(SNIFF_BYTES)
        peeked = raw.decode("utf-8-sig", errors="ignore") if _utf8(raw) else raw.decode("gb18030", errors="replace")
    else:
        return None
    if _header(re.split(r"\r\n?|\n", peeked, maxsplit=1)[0]) is None:  # the first row, as Excel for Mac ends it too
        return None
    return rows(stream, warnings, errors, limit)


def _utf8(sample: bytes) -> bool:
    """Whether `sample` reads as UTF-8 (a character cut at its end aside)."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 4
    return True


def text_of(stream: Any, warnings: list[str], what: str, newline: str | None = None) -> Any:
    """The stream's text: UTF-8 (a byte order mark dropped), or GB18030 from a Chinese Windows
    when its first bytes are no UTF-8 but read as Chinese text (said in `warnings`, naming `what`
    was so read); a UTF-16 file's text (`text_if_utf16`) as it is."""
    if isinstance(stream, io.TextIOWrapper):
        return stream
    if not _utf8(sample := stream.peek(SNIFF_BYTES)) and \
            decode.common_share(sample.decode("gb18030", errors="replace")) >= CHINESE_SHARE:
        warnings.append(f"the {what} was read as GB18030 (GBK), not UTF-8 (save it as UTF-8 to be sure)")
        return io.TextIOWrapper(stream, encoding="gb18030", errors="replace", newline=newline)
    return io.TextIOWrapper(io.BufferedReader(_Utf8Lines(stream, warnings, what), 1 << 16), encoding="utf-8-sig",
                            errors="replace", newline=newline)


class _Utf8Lines(io.RawIOBase):
    """A stream's bytes a line at a time, each UTF-8 as it came, or, where its first bytes were
    UTF-8 (English rows, addresses) and a later line is not, that line read as GB18030 when it
    reads as Chinese text (said once): a GBK file whose first SNIFF_BYTES were ASCII had its
    Chinese rows stored as U+FFFD, silently. Another line not UTF-8 keeps U+FFFD, named once."""

    PIECE = 256 * 1024  # a longer line is read in pieces (a character cut between two is carried)

    def __init__(self, stream: Any, warnings: list[str], what: str) -> None:
        super().__init__()
        self.stream, self.warnings, self.what = stream, warnings, what
        self.pending, self.carry, self.line, self.said = b"", b"", 1, set[str]()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            raw = self.stream.readline(self.PIECE)
            if not raw and not self.carry:
                return 0
            raw, self.carry = self.carry + raw, b""
            self.pending = self._utf8(raw, ended=not raw.endswith(b"\n") and len(raw) < self.PIECE)
            self.line += raw.count(b"\n")
        n = min(len(buffer), len(self.pending))
        buffer[:n], self.pending = self.pending[:n], self.pending[n:]
        return n

    def _utf8(self, raw: bytes, ended: bool) -> bytes:
        try:
            raw.decode("utf-8")
            return raw
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data" and not ended:  # a character cut between two pieces
                self.carry = raw[exc.start:]
                return raw[:exc.start]
        text = raw.decode("gb18030", errors="replace")
        if decode.common_share(text) >= CHINESE_SHARE:
            self._say("gb18030", f"the {self.what} was read as GB18030 (GBK) from line {self.line} on, not UTF-8 "
                                 "(save it as UTF-8 to be sure)")
            return text.encode()
        self._say("other", f"line {self.line}: not UTF-8; the characters it lost are shown as \ufffd "
                           "(save the file as UTF-8)")
        return raw.decode("utf-8", errors="replace").encode()

    def _say(self, kind: str, note: str) -> None:
        if kind not in self.said:
            self.said.add(kind)
            self.warnings.append(note)


def rows(stream: Any, warnings: list[str], errors: list[str], limit: int) -> Iterator[tuple[int, str]]:
    """(line number where the row starts, the row as a JSON object) of every data row; a row's
    cells past the header's are dropped, missing ones empty. `limit`: the longest cell read
    (a longer one, a quote left open, ends the table with an error; a GB18030 table is read
    with a warning)."""
    text = text_of(stream, warnings, "table", newline="")
    header = _header(text.readline())
    if header is None:
        return
    delimiter, names = header
    names = [importkeys.spelling(n) for n in names]
    csv.field_size_limit(limit)
    reader = csv.reader(text, delimiter=delimiter)
    start = 2
    try:
        for cells in reader:
            number, start = start, reader.line_num + 2
            if any(c.strip() for c in cells):
                yield number, json.dumps({n: c for n, c in zip(names, cells, strict=False) if n}, ensure_ascii=False)
    except csv.Error as exc:
        errors.append(f"line {start}: the table cannot be read from here on ({exc}); the rows before it are imported")
