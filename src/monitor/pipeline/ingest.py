"""Ingest: normalise → match → dedup → store, for polled, imported and re-matched articles.

In: extracted `Article`s or JSON Lines. Out: `Ingested` / `ImportReport` / rematch counts.
A repost (same or nearly the same text from another outlet) joins its original's story.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from .. import dedup, extract, match, textnorm
from ..errors import InputError, MonitorError
from ..models import Article
from .base import SHANGHAI, Context, ImportReport, Ingested

REPOST_CONTAINMENT = 0.7  # share of the shorter text's shingles found in the other
MIN_SHINGLES = 40  # about two sentences
LSH_WINDOW = timedelta(days=45)


def ingest(ctx: Context, article: Article, source: str, canonical: str | None = None) -> Ingested:
    """Store one extracted article unless known; fold it into a story if it is a repost."""
    canonical = canonical or dedup.canonical_url(article.url or f"urn:title:{article.title}")
    if ctx.store.known_urls([canonical]):
        return Ingested("duplicate")
    # Fingerprints compare text folded across scripts and regional words, so a repost
    # converted to traditional script (软件 → 軟體) lands in its original's story.
    norm_title, norm_body = textnorm.fingerprint_text(article.title), textnorm.fingerprint_text(article.body)
    digest_hash = dedup.content_hash(norm_body or norm_title)
    grams = dedup.shingles(norm_body)
    keys = dedup.band_keys(dedup.signature(grams)) if grams else []
    story_id = ctx.store.story_by_hash(digest_hash) or _near_duplicate_story(ctx, grams, keys)
    status = "repost" if story_id else "new"
    article_id, story_id = ctx.store.add_article(
        article, source=source, canonical_url=canonical, content_hash=digest_hash, story_id=story_id,
        band_keys=keys, index_title=textnorm.index_tokens(article.title),
        index_body=textnorm.index_tokens(article.body))
    topics = _match_and_store(ctx, article_id, article.title, article.body)
    return Ingested(status, article_id, story_id, topics)


def _near_duplicate_story(ctx: Context, grams: set[int], keys: list[tuple[int, int]]) -> int | None:
    if len(grams) < MIN_SHINGLES:  # too short to tell a repost from shared boilerplate
        return None
    for candidate in ctx.store.lsh_candidates(keys):
        row = ctx.store.article(candidate)
        if row and dedup.containment(grams, dedup.shingles(textnorm.fingerprint_text(row["body"] or ""))) >= REPOST_CONTAINMENT:
            return row["story_id"]
    return None


def _match_and_store(ctx: Context, article_id: int, title: str, body: str,
                     topics: Iterable[str] | None = None) -> list[str]:
    matched = []
    for name in topics or ctx.cfg.topics:
        verdict = match.match_article(ctx.cfg.topics[name], title, body)
        ctx.store.set_match(article_id, verdict)
        if verdict.matched:
            matched.append(name)
    return matched


def import_lines(ctx: Context, lines: Iterable[str]) -> ImportReport:
    """Ingest articles given as JSON Lines; a bad line is reported by number and skipped."""
    report = ImportReport()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        report.lines += 1
        try:
            article, source = article_from_json(line, number)
        except MonitorError as exc:
            report.errors.append(str(exc))
            continue
        result = ingest(ctx, article, source)
        report.new += result.status == "new"
        report.reposts += result.status == "repost"
        report.duplicates += result.status == "duplicate"
        report.matched += bool(result.topics)
    return report


def article_from_json(line: str, number: int) -> tuple[Article, str]:
    """One import line → (Article, source name); InputError names the line and the fix."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: not JSON ({exc.msg})", hint="one JSON object per line") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("url"), str) or not obj["url"].strip():
        raise InputError(f"line {number}: missing \"url\"", hint="every line needs a url string")
    published = parse_when(obj.get("published"), number) if obj.get("published") else None
    if obj.get("html"):
        article = extract.extract(str(obj["html"]), obj["url"])
    elif isinstance(obj.get("title"), str) and isinstance(obj.get("body"), str):
        paras = tuple(p.strip() for p in obj["body"].split("\n") if p.strip())
        article = Article(url=obj["url"], title=obj["title"].strip(), paragraphs=paras)
    else:
        raise InputError(f"line {number}: needs \"title\" and \"body\" strings, or \"html\"",
                         hint="see `monitor import --help`")
    if published:
        article = replace(article, published=published)
    return article, str(obj.get("source") or "import")


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


def rematch(ctx: Context, topics: list[str] | None = None, since: datetime | None = None) -> dict[str, int]:
    """Re-run topics over stored articles after a rule change; counts gained and lost matches."""
    names = topics or list(ctx.cfg.topics)
    before = {n: _matched_ids(ctx, n) for n in names}
    seen = 0
    with ctx.store.db.atomic():
        for row in ctx.store.iter_articles(since):
            seen += 1
            _match_and_store(ctx, row["id"], row["title"] or "", row["body"] or "", names)
    counts = {"articles": seen, "gained": 0, "lost": 0}
    for n in names:
        after = _matched_ids(ctx, n)
        counts["gained"] += len(after - before[n])
        counts["lost"] += len(before[n] - after)
    return counts


def _matched_ids(ctx: Context, topic: str) -> set[int]:
    return {r["article_id"] for r in ctx.store.db.query("SELECT article_id FROM article_topics WHERE topic = ?", [topic])}
