"""Poll: source → fetch → extract → ingest, one source at a time.

In: a Context with a Fetcher and the configured sources. Out: one `SourceReport` per source;
a failing source or article lands in its report and in the source row, never stops the cycle.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from .. import dedup, extract, sources
from ..config import Source
from ..errors import MonitorError
from ..models import Article, Candidate, SourceReport
from ..store import utcnow
from .base import Context, log
from .ingest import LSH_WINDOW, ingest


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
    assert ctx.fetcher is not None, "polling needs a Context with a fetcher"
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
    except Exception as exc:
        report.status = "error"
        report.errors.insert(0, _describe(exc))
        log.debug("source=%s failed", src.name, exc_info=True)
    report.duration_ms = int((time.monotonic() - started) * 1000)
    try:
        _record(ctx, src, report, None if report.status in ("error", "not_modified") else listing)
    except Exception:
        log.warning("source=%s: could not record the poll", src.name, exc_info=True)
    log.info("source=%s status=%s candidates=%d new=%d matched=%d duplicates=%d errors=%d duration_ms=%d",
             src.name, report.status, report.candidates, report.new, report.matched, report.duplicates,
             len(report.errors), report.duration_ms)
    return report


MAX_ATTEMPTS = 3  # a link failing this often (or for good, e.g. HTTP 404) is not fetched again
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain", "application/xml", "text/xml")
GONE = (404, 410)  # the page is not coming back: give up at once


def _poll_articles(ctx: Context, src: Source, found: list, report: SourceReport) -> None:
    assert ctx.fetcher is not None, "polling needs a Context with a fetcher"
    found, canon = _unique_links(found)
    report.duplicates += report.candidates - len(found)
    known = ctx.store.known_urls(canon.values()) | ctx.store.given_up(canon.values(), MAX_ATTEMPTS)
    unseen = [c for c in found if canon[c.url] not in known]
    fresh = unseen[: ctx.cfg.fetch.max_articles_per_poll]
    report.duplicates += len(found) - len(unseen)
    report.deferred = len(unseen) - len(fresh)
    for cand in fresh:
        try:
            _poll_link(ctx, src, cand, canon[cand.url], report)
        except Exception as exc:
            report.errors.append(f"{cand.url}: {_describe(exc)}")
            log.debug("source=%s link=%s failed", src.name, cand.url, exc_info=True)
    if report.errors:
        report.status = "partial"


def _unique_links(found: list[Candidate]) -> tuple[list[Candidate], dict[str, str]]:
    """One candidate per article: the first of the links sharing a canonical URL, tracking
    parameters dropped from the URL we fetch and store; with each link's canonical URL."""
    unique: list[Candidate] = []
    canon: dict[str, str] = {}
    seen: set[str] = set()
    for cand in found:
        key = dedup.canonical_url(cand.url)
        if key in seen:
            continue
        seen.add(key)
        cand = replace(cand, url=dedup.strip_tracking(cand.url))
        canon[cand.url] = key
        unique.append(cand)
    return unique, canon


def _poll_link(ctx: Context, src: Source, cand: Candidate, canonical: str, report: SourceReport) -> None:
    assert ctx.fetcher is not None, "polling needs a Context with a fetcher"
    if not ctx.fetcher.allowed(cand.url):  # the site's wish, not an error
        report.skipped += 1
        return
    article = _fetch_article(ctx, src, cand, canonical, report)
    if article is None:
        return
    result = ingest(ctx, article, src.name, canonical)
    report.new += result.status != "duplicate"
    report.duplicates += result.status == "duplicate"
    report.matched += bool(result.topics)


def _describe(exc: BaseException) -> str:
    """One line for a report: our errors as they are, anything else with its type."""
    return str(exc) if isinstance(exc, MonitorError) else f"{type(exc).__name__}: {exc}"


def _fetch_article(ctx: Context, src: Source, cand: Candidate, canonical: str, report: SourceReport) -> Article | None:
    """Fetch and extract one link; a failure is counted against the link, so a page that never
    works stops costing a fetch every poll, while a passing fault is retried."""
    assert ctx.fetcher is not None, "polling needs a Context with a fetcher"
    try:
        page = ctx.fetcher.get(cand.url)
        kind = page.headers.get("content-type", "text/html").split(";")[0].strip().lower()
        if kind and not kind.startswith(_PAGE_TYPES):  # a PDF, an image, a download: not an article page
            ctx.store.record_link_failure(canonical, src.name, f"not a web page ({kind})", final=True,
                                          final_attempts=MAX_ATTEMPTS)
            report.skipped += 1
            return None
        article = extract.extract(page.text, page.url, src.extract)
    except MonitorError as exc:
        final = getattr(exc, "status", None) in GONE
        ctx.store.record_link_failure(canonical, src.name, str(exc), final=final, final_attempts=MAX_ATTEMPTS)
        report.errors.append(str(exc))
        return None
    ctx.store.clear_link_failure(canonical)
    if article.published is None and cand.published is not None:
        article = replace(article, published=cand.published)
    return article


def _record(ctx: Context, src: Source, report: SourceReport, listing) -> None:
    # Keep the old validators when articles failed or were deferred, so the next poll lists
    # them again instead of getting a 304.
    keep = listing is not None and report.status == "ok" and not report.deferred
    ctx.store.record_poll(src.name, src.kind, src.url, status=report.status, new=report.new,
                          error=report.errors[0] if report.status == "error" else None,
                          etag=listing.headers.get("etag") if keep else None,
                          last_modified=listing.headers.get("last-modified") if keep else None)
