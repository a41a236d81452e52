"""The orchestrator: the only module that calls the stages, in this order.

source → fetch → extract → normalise → match → dedup → store → digest → notify

In: a `Context` (config, store, fetcher). Out: reports (`SourceReport`, `ImportReport`,
`DigestResult`). A failing source or article is recorded in its report and in the source row;
it never stops the cycle. Never prints: the CLI shows the reports.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, TextIO
from zoneinfo import ZoneInfo

from . import dedup, digest, extract, match, notify, snippets, sources, textnorm
from .config import Channel, Config, Source, Subscriber
from .errors import InputError, MonitorError
from .fetch import Fetcher
from .models import Article, Digest, Hit, Repost, SourceReport, Story
from .store import Store, parse_iso, utcnow

log = logging.getLogger("monitor")
SHANGHAI = ZoneInfo("Asia/Shanghai")
REPOST_CONTAINMENT = 0.7  # share of the shorter text's shingles found in the other
LSH_WINDOW = timedelta(days=45)
MIN_SHINGLES = 40  # about two sentences


@dataclass
class Context:
    """What every pipeline step needs: config, an open store and (for polling) a fetcher."""

    cfg: Config
    store: Store
    fetcher: Fetcher | None = None


@dataclass
class Ingested:
    """What happened to one article on its way into the store."""

    status: str  # new | repost | duplicate
    article_id: int | None = None
    story_id: int | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """The outcome of `monitor import`."""

    lines: int = 0
    new: int = 0
    reposts: int = 0
    duplicates: int = 0
    matched: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class DigestResult:
    """The outcome of one digest for one subscriber channel."""

    subscriber: str
    channel: str
    stories: int
    status: str  # sent | empty | dry-run | error
    detail: str = ""
    rendered: str = ""


# -- ingest: normalise → match → dedup → store -------------------------------------------
def ingest(ctx: Context, article: Article, source: str, canonical: str | None = None) -> Ingested:
    """Store one extracted article unless known; fold it into a story if it is a repost."""
    canonical = canonical or dedup.canonical_url(article.url or f"urn:title:{article.title}")
    if ctx.store.known_urls([canonical]):
        return Ingested("duplicate")
    norm_title, norm_body = textnorm.normalize(article.title), textnorm.normalize(article.body)
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
        if row and dedup.containment(grams, dedup.shingles(textnorm.normalize(row["body"] or ""))) >= REPOST_CONTAINMENT:
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


# -- poll: source → fetch → extract → ingest ---------------------------------------------
def poll(ctx: Context, names: Iterable[str] | None = None,
         progress: Callable[[Source, SourceReport], None] | None = None) -> list[SourceReport]:
    """Poll the named (default: all enabled) sources once, one after another."""
    chosen = [ctx.cfg.source(n) for n in names] if names else [s for s in ctx.cfg.sources if s.enabled]
    reports = []
    for src in chosen:
        report = poll_source(ctx, src)
        reports.append(report)
        if progress:
            progress(src, report)
    ctx.store.prune_lsh(utcnow() - LSH_WINDOW)
    return reports


def poll_source(ctx: Context, src: Source) -> SourceReport:
    """One listing fetch and the new articles it links; failures land in the report."""
    started = time.monotonic()
    report = SourceReport(source=src.name)
    state = ctx.store.source_state(src.name)
    same_url = state.get("url") == src.url
    try:
        listing = ctx.fetcher.get(src.url, etag=state.get("etag") if same_url else None,
                                  last_modified=state.get("last_modified") if same_url else None)
        if listing.not_modified:
            report.status = "not_modified"
        else:
            found = sources.candidates(src, listing.content, listing.headers, listing.url)
            report.candidates = len(found)
            _poll_articles(ctx, src, found, report)
    except MonitorError as exc:
        report.status = "error"
        report.errors.insert(0, str(exc))
    report.duration_ms = int((time.monotonic() - started) * 1000)
    _record(ctx, src, report, None if report.status in ("error", "not_modified") else listing)
    log.info("source=%s status=%s candidates=%d new=%d matched=%d duplicates=%d errors=%d duration_ms=%d",
             src.name, report.status, report.candidates, report.new, report.matched, report.duplicates,
             len(report.errors), report.duration_ms)
    return report


def _poll_articles(ctx: Context, src: Source, found: list, report: SourceReport) -> None:
    canon = {c.url: dedup.canonical_url(c.url) for c in found}
    known = ctx.store.known_urls(canon.values())
    unseen = [c for c in found if canon[c.url] not in known]
    fresh = unseen[: ctx.cfg.fetch.max_articles_per_poll]
    report.duplicates += len(found) - len(unseen)
    report.deferred = len(unseen) - len(fresh)
    for cand in fresh:
        if not ctx.fetcher.allowed(cand.url):  # the site's wish, not an error
            report.skipped += 1
            continue
        try:
            page = ctx.fetcher.get(cand.url)
            article = extract.extract(page.text, page.url, src.extract)
        except MonitorError as exc:
            report.errors.append(str(exc))
            continue
        if article.published is None and cand.published is not None:
            article = replace(article, published=cand.published)
        result = ingest(ctx, article, src.name, canon[cand.url])
        report.new += result.status != "duplicate"
        report.duplicates += result.status == "duplicate"
        report.matched += bool(result.topics)
    if report.errors:
        report.status = "partial"


def _record(ctx: Context, src: Source, report: SourceReport, listing) -> None:
    # Keep the old validators when articles failed or were deferred, so the next poll lists
    # them again instead of getting a 304.
    keep = listing is not None and report.status == "ok" and not report.deferred
    ctx.store.record_poll(src.name, src.kind, src.url, status=report.status, new=report.new,
                          error=report.errors[0] if report.status == "error" else None,
                          etag=listing.headers.get("etag") if keep else None,
                          last_modified=listing.headers.get("last-modified") if keep else None)


# -- import: JSON Lines → ingest ----------------------------------------------------------
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


# -- rematch -----------------------------------------------------------------------------
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


# -- digests: store → digest → notify -----------------------------------------------------
def channel_key(channel: Channel) -> str:
    """A stable name for a channel, used to record what it was sent.

    Webhook URLs carry tokens, so only a hash of the URL is kept (and logged).
    """
    if channel.kind == "webhook":
        return "webhook:" + hashlib.sha256((channel.url or "").encode()).hexdigest()[:12]
    target = {"email": ",".join(channel.to), "file": channel.path}.get(channel.kind, "")
    return f"{channel.kind}:{target}" if target else channel.kind


def build_digest(ctx: Context, sub: Subscriber, channel: str, now: datetime | None = None) -> Digest:
    """The stories `sub` has not yet received on `channel`, capped at max_stories."""
    rows = ctx.store.undelivered(sub.name, channel, sub.topics)
    stories = tuple(_story(ctx, r, sub.topics) for r in rows[: sub.max_stories])
    return Digest(subscriber=sub.name, generated_at=now or utcnow(),
                  since=ctx.store.last_delivery(sub.name, channel), topics=sub.topics, stories=stories,
                  total=len(rows))


def _story(ctx: Context, row: dict, topics: Iterable[str]) -> Story:
    articles = ctx.store.story_articles(row["story_id"])
    first = next(a for a in articles if a["id"] == row["article_id"])
    hits = ctx.store.hits_of(first["id"], topics)
    body_spans = sorted((h.start, h.end) for h in hits if h.field == "body")
    reposts = tuple(Repost(a["id"], a["source"], a["url"], a["title"], parse_iso(a["published"]))
                    for a in articles if a["id"] != first["id"])
    return Story(story_id=row["story_id"], article_id=first["id"], title=first["title"], url=first["url"],
                 source=first["source"], published=parse_iso(first["published"]),
                 topics=tuple(sorted(set((row["topics"] or "").split(",")) - {""})),
                 snippet=snippets.cut(first["body"] or "", body_spans),
                 hits=tuple(_unique_terms(hits)), reposts=reposts)


def _unique_terms(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if h.term not in seen:
            seen.add(h.term)
            out.append(h)
    return out


def recent_stories(ctx: Context, topic: str, limit: int = 50, since: datetime | None = None) -> list[Story]:
    """The newest stories matching `topic`, each once (its first matched article stands for it)."""
    if topic not in ctx.cfg.topics:
        raise InputError(f"unknown topic {topic!r}", hint="known topics: " + ", ".join(ctx.cfg.topics))
    stories: dict[int, Story] = {}
    for row in ctx.store.search([], topic=topic, since=since, limit=limit * 4):
        if row["story_id"] not in stories and len(stories) < limit:
            first = min(r["id"] for r in ctx.store.story_articles(row["story_id"])
                        if topic in ctx.store.topics_of([r["id"]])[r["id"]])
            stories[row["story_id"]] = _story(ctx, {"story_id": row["story_id"], "article_id": first,
                                                    "topics": ",".join(row["topics"])}, [topic])
    return list(stories.values())


def send_digests(ctx: Context, subscriber: str | None = None, *, dry_run: bool = False,
                 out: TextIO | None = None) -> list[DigestResult]:
    """Build and (unless dry_run) send each subscriber's digest on each of its channels."""
    subs = [ctx.cfg.subscriber(subscriber)] if subscriber else list(ctx.cfg.subscribers)
    results = []
    for sub in subs:
        for channel in sub.channels or (Channel(kind="stdout", format=sub.format),):
            results.append(_send_one(ctx, sub, channel, dry_run, out))
    return results


def _send_one(ctx: Context, sub: Subscriber, channel: Channel, dry_run: bool, out: TextIO | None) -> DigestResult:
    key = channel_key(channel)
    dig = build_digest(ctx, sub, key)
    if dry_run:
        fmt = channel.format if channel.format in ("text", "markdown", "html") else sub.format
        return DigestResult(sub.name, key, len(dig.stories), "dry-run", rendered=digest.render(dig, fmt))
    if not dig.stories:
        return DigestResult(sub.name, key, 0, "empty", "nothing new")
    try:
        detail = notify.send(channel, dig, out=out, timeout=ctx.cfg.fetch.timeout)
    except MonitorError as exc:
        log.warning("digest subscriber=%s channel=%s status=error error=%s", sub.name, key, exc)
        return DigestResult(sub.name, key, len(dig.stories), "error", str(exc))
    ctx.store.record_delivery(sub.name, key, [s.story_id for s in dig.stories])
    log.info("digest subscriber=%s channel=%s status=sent stories=%d", sub.name, key, len(dig.stories))
    return DigestResult(sub.name, key, len(dig.stories), "sent", detail)


# -- search ------------------------------------------------------------------------------
def parse_query(query: str) -> tuple[list[str], list[str]]:
    """Split a query into terms and excluded terms: `三明 "对口 合作" -三明治`."""
    import shlex

    try:
        parts = shlex.split(query)
    except ValueError:
        raise InputError(f"query {query!r}: unbalanced quotes", hint="close the quote or drop it") from None
    terms = [p for p in parts if not p.startswith("-") or len(p) == 1]
    excluded = [p[1:] for p in parts if p.startswith("-") and len(p) > 1]
    if query.strip() and not [t for t in terms if textnorm.query_phrase(t)] and not excluded:
        raise InputError(f"query {query!r} has no searchable characters", hint="search for words, e.g. 沪明 or Sanming")
    return terms, excluded


def search(ctx: Context, query: str = "", *, topic: str | None = None, source: str | None = None,
           since: datetime | None = None, limit: int = 20) -> list[dict]:
    """Stored articles for a query (all when empty), newest first, each with a snippet."""
    if topic and topic not in ctx.cfg.topics:
        raise InputError(f"unknown topic {topic!r}", hint="known topics: " + ", ".join(ctx.cfg.topics))
    terms, excluded = parse_query(query)
    rows = ctx.store.search(terms, topic=topic, source=source, since=since, limit=limit, exclude=excluded)
    results = []
    for r in rows:
        body = r["body"] or ""
        spans = snippets.find_spans(body, terms) if terms else []
        if not spans:
            spans = sorted((h.start, h.end) for h in ctx.store.hits_of(r["id"], r["topics"]) if h.field == "body")
        results.append({"id": r["id"], "title": r["title"], "url": r["url"], "source": r["source"],
                        "published": r["published"], "topics": r["topics"], "story_id": r["story_id"],
                        "reposts": r["reposts"], "snippet": snippets.cut(body, spans),
                        "terms": terms})
    return results
