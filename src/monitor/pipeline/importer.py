"""Import: JSON Lines read as bytes → articles → batched ingest.

In: a binary stream (or an iterable of lines) of JSON objects with `url` and `title` + `body`
or `html`, optional `published` and `source`. Out: an `ImportReport`: counts, every skipped
line by number with the reason (encoding, JSON, fields), and warnings (truncated bodies).
A bad line never stops the import; memory stays flat in the file's size: one line and one
ingest batch at a time, bodies cut at a cap.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import BinaryIO, cast

from .. import extract
from ..errors import InputError, MonitorError
from ..models import Article
from .base import SHANGHAI, Context, ImportReport, Ingested
from .ingest import Ingestor

MAX_BODY_CHARS = 1_000_000  # longer bodies are cut here, with a warning
HTML_FACTOR = 8  # an `html` field may be this many times the body cap (markup around the text)
MAX_LINE_BYTES = 64 * 1024 * 1024  # a longer line is skipped without reading it into memory


def import_lines(ctx: Context, lines: Iterable[bytes | str] | BinaryIO,
                 max_body: int = MAX_BODY_CHARS) -> ImportReport:
    """Ingest articles given as JSON Lines; a bad line is reported by number and skipped."""
    report = ImportReport()
    source: Iterable[bytes | str | None] = read_lines(cast(BinaryIO, lines)) if hasattr(lines, "readline") else lines
    with Ingestor(ctx) as ingestor:
        for number, raw in enumerate(source, 1):
            if raw is None:
                report.lines += 1
                report.errors.append(f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MB, skipped")
                continue
            if not raw.strip():
                continue
            report.lines += 1
            try:
                article, name = article_from_json(_decode(raw, number), number, max_body, report.warnings)
            except MonitorError as exc:
                report.errors.append(str(exc))
                continue
            _count(report, ingestor.add(article, name))
    _count(report, ingestor.results)
    return report


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Lines of a binary stream; None for a line over `limit` bytes (its rest is skipped unread)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit:
            while not line.endswith(b"\n") and (line := stream.readline(limit)):
                pass
            yield None
            continue
        yield line


def _decode(raw: bytes | str, number: int) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line {number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                         hint="save the file as UTF-8") from None


def _count(report: ImportReport, results: list[Ingested]) -> None:
    for result in results:
        report.new += result.status == "new"
        report.reposts += result.status == "repost"
        report.duplicates += result.status == "duplicate"
        report.matched += bool(result.topics)


def article_from_json(line: str, number: int, max_body: int = MAX_BODY_CHARS,
                      warnings: list[str] | None = None) -> tuple[Article, str]:
    """One import line → (Article, source name); InputError names the line and the fix.
    A body over `max_body` characters is cut there, with a warning appended to `warnings`."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise InputError(f"line {number}: not JSON ({msg})", hint="one JSON object per line") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("url"), str) or not obj["url"].strip():
        raise InputError(f"line {number}: missing \"url\"", hint="every line needs a url string")
    published = parse_when(obj.get("published"), number) if obj.get("published") else None
    notes = warnings if warnings is not None else []
    if obj.get("html"):
        html = str(obj["html"])
        if len(html) > max_body * HTML_FACTOR:
            notes.append(f"line {number}: html cut from {len(html):,} to {max_body * HTML_FACTOR:,} characters")
            html = html[:max_body * HTML_FACTOR]
        article = extract.extract(html, obj["url"])
    elif isinstance(obj.get("title"), str) and isinstance(obj.get("body"), str):
        paras = tuple(p.strip() for p in obj["body"][:max_body + 1].split("\n") if p.strip())
        article = Article(url=obj["url"], title=obj["title"].strip()[:1000], paragraphs=paras)
    else:
        raise InputError(f"line {number}: needs \"title\" and \"body\" strings, or \"html\"",
                         hint="see `monitor import --help`")
    size = len(obj["body"]) if isinstance(obj.get("body"), str) and not obj.get("html") else len(article.body)
    if size > max_body or len(article.body) > max_body:
        article = _cap(article, max_body)
        notes.append(f"line {number}: body cut from {size:,} to {len(article.body):,} characters")
    if published:
        article = replace(article, published=published)
    return article, str(obj.get("source") or "import")


def _cap(article: Article, max_body: int) -> Article:
    """The article with its body cut to at most `max_body` characters, at the end of a paragraph
    where one ends in the last tenth, else mid-paragraph."""
    body = article.body[:max_body]
    end = body.rfind("\n\n")
    if end >= max_body * 0.9:
        body = body[:end]
    return replace(article, paragraphs=tuple(p.strip() for p in body.split("\n\n") if p.strip()))


def parse_when(value: object, number: int = 0) -> datetime:
    """ISO 8601 or YYYY-MM-DD (taken as Asia/Shanghai when no offset) → aware UTC datetime."""
    try:
        dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"line {number}: published {value!r} is not a date",
                         hint="use ISO 8601, e.g. 2026-11-20 or 2026-11-20T09:30:00+08:00") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=SHANGHAI)
    return dt.astimezone(timezone.utc)
