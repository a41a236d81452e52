"""Import lines: the bytes of an import file → decoded lines → one `Article` each.

In: a binary stream (or one raw line and its number). Out: lines (None for one over
`MAX_LINE_BYTES`, skipped unread), each decoded (UTF-8; UTF-16 files by their byte order mark;
a GBK or Big5 line that reads as Chinese text, with a warning), and `article_from_json`: one
line → (Article, source name), or an InputError naming the line and the fix. Pure: no database,
no processes (`importer` runs these in its workers and writes what they give).
"""

from __future__ import annotations

import codecs
import importlib
import io
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any, BinaryIO

from .. import decode, extract
from ..decode import json_loads
from ..dedup import strip_tracking
from ..errors import InputError
from ..extract.text import clean as clean_text
from ..models import IMPORTED, Article
from . import importkeys
from .base import MAX_BODY_CHARS, cap_body
from .importdates import parse_when

# An article's address: http(s), a host, no control characters or blanks (a javascript: or
# data: "url" was stored and linked as given).
_WEB_URL = re.compile(r"https?://[^\x00-\x20\x7f/?#]+(?:[/?#][^\x00-\x20\x7f]*)?\Z", re.IGNORECASE)
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # a terminal's colour or cursor sequence, pasted from a log
HTML_FACTOR = 8  # an `html` field may be this many times the body cap (markup around the text)
MAX_LINE_BYTES = 64 * 1024 * 1024  # a longer line is skipped without reading it into memory


def read_lines(stream: Any, limit: int = MAX_LINE_BYTES, stop: threading.Event | None = None) -> Iterator[Any]:
    """Lines of a binary (or text) stream; None for a line over `limit` bytes (or characters),
    its rest skipped unread. Once `stop` is set, a line being skipped ends the lines: a line
    without end (`monitor import /dev/zero`) never comes to the next article, where an import
    looks at `stop`."""
    while line := stream.readline(limit + 1):
        if len(line) > limit:
            while not line.endswith(b"\n" if isinstance(line, bytes) else "\n") and (line := stream.readline(limit)):
                if stop is not None and stop.is_set():
                    return
            yield None
            continue
        yield Unended(line) if isinstance(line, bytes) and not line.endswith(b"\n") else line


class Unended(bytes):
    """The input's last line when it has no line end: cut short if it does not parse (a pipe
    closed or a download stopped mid-line), so its error says that rather than "not UTF-8"."""


def cut_short(number: int) -> str:
    return (f"line {number}: cut short, the input ends inside it (a pipe closed or a copy stopped early?); "
            "the lines before it are imported, give the whole file again for the rest")


def decode_line(raw: bytes | str, number: int, warnings: list[str] | None = None) -> str:
    """A line's text: UTF-8, or a Chinese export's GB18030 (GBK) or Big5 when it reads as
    Chinese text (with a warning naming the codec); otherwise InputError naming the fix."""
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        text, codec = _chinese(raw)
        if text is None:
            raise InputError(f"line {number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                             hint="save the file as UTF-8") from None
        if warnings is not None:
            warnings.append(f"line {number}: read as {codec}, not UTF-8 (save the file as UTF-8 to be sure)")
        return text


CHINESE_SHARE = 0.6  # of the line's non-ASCII characters among the commonest (real text: 0.9 and more)


def _chinese(raw: bytes) -> tuple[str | None, str]:
    """The line read as GB18030 or Big5, whichever gives more of the commonest Chinese
    characters, when that share is at least CHINESE_SHARE; (None, "") otherwise."""
    best: tuple[float, str | None, str] = (0.0, None, "")
    for codec, name in (("gb18030", "GB18030 (GBK)"), ("big5hkscs", "Big5")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        share = decode.common_share(text)
        if share > best[0]:
            best = (share, text, name)
    return (best[1], best[2]) if best[0] >= CHINESE_SHARE else (None, "")


PACKED = {b"\x1f\x8b": "gzip", b"BZh": "bz2", b"\xfd7zXZ\x00": "lzma"}  # opening bytes → the module reading them


def unpacked(stream: Any) -> tuple[Any, Unpacking | None]:
    """(the stream, None), or (its decompressed bytes, their reader) for a gzip, bzip2 or xz
    file (`export.jsonl.gz`, a scraper's or a backup's): read as it would be unpacked."""
    if not hasattr(stream, "peek") and hasattr(stream, "readinto"):  # a BytesIO, a test runner's stdin
        stream = io.BufferedReader(stream)
    peek = getattr(stream, "peek", None)
    head = peek(6)[:6] if peek is not None else b""
    for magic, kind in PACKED.items():
        if head.startswith(magic):
            raw = Unpacking(importlib.import_module(kind).open(stream, "rb"), kind)
            return io.BufferedReader(raw), raw
    return stream, None


class Unpacking(io.RawIOBase):
    """A compressed file's bytes; where it is cut short or damaged they end, and `error` says so
    (the import keeps what came before, as for a pipe closed early)."""

    def __init__(self, file: Any, kind: str) -> None:
        super().__init__()
        self.file, self.kind, self.error = file, kind, ""
        own = {"gzip": ("zlib", "error"), "lzma": ("lzma", "LZMAError")}.get(kind)
        self.errors = (EOFError, OSError) + ((getattr(importlib.import_module(own[0]), own[1]),) if own else ())

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.error:
            return 0
        try:
            return int(self.file.readinto(buffer))
        except self.errors as exc:
            self.error = (f"the {self.kind} file ends early or is damaged ({exc}); what came before it is imported, "
                          "give the whole file again for the rest")
            return 0


def text_if_utf16(stream: BinaryIO) -> Any:
    """The stream itself, or its text when it opens with a UTF-16 byte order mark (what
    PowerShell's Out-File and Excel's "Unicode text" write): lines then come as str."""
    if not hasattr(stream, "peek") and hasattr(stream, "readinto"):  # a BytesIO, a test runner's stdin
        stream = io.BufferedReader(stream)
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return io.TextIOWrapper(stream, encoding="utf-16", errors="replace")
    return stream



def clean(value: str) -> str:
    """A text field as a polled page's: terminal sequences, control characters (a bell, a NUL),
    zero-width marks and byte order marks dropped, blanks collapsed (`extract.text.clean`). A
    U+FFFD stays: it stands for a character the line lost (an escaped lone surrogate)."""
    value = _ESCAPES.sub("", value) if "\x1b" in value else value
    return clean_text(value) if "\ufffd" not in value else "\ufffd".join(map(clean_text, value.split("\ufffd")))


def _as_text(value: Any, between: str) -> Any:
    """A title or body as a scraper writes it, made text: a list of strings (Scrapy's
    `.getall()`, news-please's paragraphs) joined, one line a paragraph for a body. Anything
    else as it came (refused if not text: a number for a title is more likely a column shifted)."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return between.join(v.strip() for v in value)
    return value


def _absent_or_text(value: Any) -> bool:
    """A title an import can store: text, or none given (null or no key)."""
    return value is None or isinstance(value, str)


FUTURE_SLACK = timedelta(days=1)  # a later `published` is named in a warning (a typo'd year, a wrong zone)


def article_from_json(line: str, number: int, max_body: int = MAX_BODY_CHARS,
                      warnings: list[str] | None = None) -> tuple[Article, str]:
    """One import line → (Article, source name); InputError names the line and the fix.
    A body over `max_body` characters is cut there, with a warning appended to `warnings`."""
    try:
        obj = json_loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise InputError(f"line {number}: not JSON ({msg})", hint="one JSON object per line") from None
    if isinstance(obj, list):
        raise InputError(f"line {number}: a JSON array, not one object per line",
                         hint="write one JSON object per line, e.g. jq -c '.[]' FILE > FILE.jsonl")
    if isinstance(obj, dict):
        obj = importkeys.canonical(obj)  # link, content, pubDate … as exports name them
    if not isinstance(obj, dict) or not isinstance(obj.get("url"), str) or not obj["url"].strip():
        raise InputError(f"line {number}: missing \"url\"", hint="every line needs a url string")
    obj["url"] = obj["url"].strip().replace(" ", "%20")  # an export's unescaped space, as a browser sends it
    if not _WEB_URL.match(obj["url"]):
        shown = obj["url"] if len(obj["url"]) <= 60 else obj["url"][:57] + "…"
        raise InputError(f"line {number}: url {shown!r} is not an http(s) address",
                         hint="give the article's web address, e.g. https://www.example.cn/2026/11/a.html")
    # shown and linked as a poll's: without a share's or a feed's tracking (sharer ids, utm_*) and fragment
    obj["url"] = strip_tracking(obj["url"])
    for key, between in (("title", " "), ("body", "\n")):
        if key in obj:
            obj[key] = _as_text(obj[key], between)
    notes = warnings if warnings is not None else []
    published = parse_when(obj.get("published"), number, notes) if obj.get("published") else None
    if obj.get("html"):
        html = str(obj["html"])
        if len(html) > max_body * HTML_FACTOR:
            notes.append(f"line {number}: html cut from {len(html):,} to {max_body * HTML_FACTOR:,} characters")
            html = html[:max_body * HTML_FACTOR]
        article = extract.extract(html, obj["url"])
        if isinstance(obj.get("given_title"), str) and clean(obj["given_title"]):  # an export's HTML content
            article = replace(article, title=clean(obj["given_title"])[:1000])
    elif isinstance(obj.get("body"), str) and _absent_or_text(obj.get("title")):
        # a row without a title (null or no key: a post, a brief, a scraped page) is stored untitled, as an
        # empty title is, not skipped: its story takes a copy's title where one has it (`models.headline`)
        obj["title"] = obj.get("title") or ""
        # Every line break ends a paragraph (U+2028, U+2029, Word's vertical tab, as \n)
        paras = tuple(p for p in map(clean, obj["body"][:max_body + 1].splitlines()) if p)
        if not paras and not clean(obj["title"]):  # an export's placeholder row: a blank article otherwise
            raise InputError(f"line {number}: no title and no text (nothing to store)",
                             hint="give the article's title and body, or leave the line out")
        article = Article(url=obj["url"], title=clean(obj["title"])[:1000], paragraphs=paras)
    else:
        raise InputError(f"line {number}: needs \"title\" and \"body\" strings, or \"html\"",
                         hint="see `monitor import --help`")
    size = len(obj["body"]) if isinstance(obj.get("body"), str) and not obj.get("html") else len(article.body)
    if size > max_body or len(article.body) > max_body:
        article = cap_body(article, max_body)
        notes.append(f"line {number}: body cut from {size:,} to {len(article.body):,} characters")
    if published:
        article = replace(article, published=published)
        if published > datetime.now(timezone.utc) + FUTURE_SLACK:  # kept as given: only its writer knows
            notes.append(f"line {number}: published {obj.get('published')!r} is in the future; it is kept, "
                         "and sorts first in newest-first search until then")
    return article, clean(str(obj.get("source") or "")) or IMPORTED
