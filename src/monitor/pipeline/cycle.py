"""The one poll cycle, used by `monitor poll`, `monitor run --once` and the daemon's jobs.

In: a Context (config, store, fetcher) and the names of the sources to poll. Out: one
`SourceReport` per source, in the order asked. The fetcher's event loop does all network I/O,
many hosts at once and one request at a time per host; this thread does the rest as results
arrive: read listings, choose links, extract, ingest, record. The store is only touched from
here, under `ctx.lock` (the daemon runs cycles for different sources in different threads), and
never while waiting for the network. Each source has a deadline (`fetch.source_deadline`):
links not fetched by then wait for the next poll. An article split across pages (`morepages`)
is stored once its later pages are in, as one article. Every step is a fault boundary: an exception
while handling a link is that link's failure, one while handling a source is that source's,
recorded with its traceback in the debug log; nothing stops the cycle.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import queue
import threading
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import partial
from typing import Any

from .. import dedup, extract, locks
from ..config import Source
from ..errors import ExtractError, StoreError
from ..fetch import Fetcher, Response, fetching_for, given_up_on
from ..models import Article, Candidate, SourceReport
from ..sources import Listing
from ..sources.base import dated
from ..store import database_fault
from . import health, morepages
from .base import Context, Ingested, cap_body, log
from .ingest import Ingestor, prepare
from .listing import MAX_ATTEMPTS, ListingWalk
from .steps import (
    LINKS_AT_ONCE,
    SourceRun,
    Stray,
    article_from_page,
    choose_links,
    describe,
    link_failed,
    record,
    referer,
    same_headline,
    stray,
    strays,
)

FAULT_RESAY = 3600.0  # seconds before a poll says the same database fault at ERROR again

Step = Callable[[concurrent.futures.Future], None]


@dataclass
class _Pages:
    """An article split across pages while its later pages are fetched (`Cycle._next_page`)."""

    cand: Candidate  # the link that led to the first page, and its key: a fault is that link's
    key: str
    article: Article
    target: str
    aliases: set[str]
    first: str  # the first page's URL: later pages' links are read against it
    queue: list[str]
    asked: set[str] = field(default_factory=set)


def poll(ctx: Context, names: Iterable[str] | None = None,
         progress: Callable[[Source, SourceReport], None] | None = None) -> list[SourceReport]:
    """Poll the named (default: all enabled) sources once, concurrently across hosts."""
    return run_cycle(ctx, names, progress)


def poll_source(ctx: Context, src: Source) -> SourceReport:
    """Poll one source (the daemon's job): the same cycle, with one source in it."""
    return run_cycle(ctx, [src.name])[0]


def run_cycle(ctx: Context, names: Iterable[str] | None = None,
              progress: Callable[[Source, SourceReport], None] | None = None) -> list[SourceReport]:
    """Poll the named (default: all enabled) sources once; never raises for a source's fault."""
    assert ctx.fetcher is not None, "polling needs a Context with a fetcher"
    chosen = [ctx.cfg.source(n) for n in names] if names else [s for s in ctx.cfg.sources if s.enabled]
    with locks.polling(ctx.store.path, [s.name for s in chosen]) as busy:
        polled = Cycle(ctx, ctx.fetcher, progress).run([s for s in chosen if s.name not in busy])
    reports = {r.source: r for r in polled}
    for name in busy:  # another process polls it now: its links are that one's (nothing recorded here)
        reports[name] = SourceReport(source=name, status="busy")
        log.info("source=%s is being polled by another process; skipped", name)
    return [reports[s.name] for s in chosen]


async def _fetch_before(fetcher: Fetcher, run: SourceRun, url: str, stopping: threading.Event | None = None,
                        **kw: Any) -> Response:
    """fetcher.fetch for a source, cut off at its deadline (TimeoutError); a link's given up before
    it is sent once the process is `stopping` (FetchError "deferred": the next poll's). An
    article's later page is not: its article would be stored cut short."""
    if stopping is not None:
        given_up_on(stopping)
    return await _before(run, fetcher.fetch(url, **kw))


async def _before(run: SourceRun, call: Coroutine[Any, Any, Response]) -> Response:
    """A fetcher call for a source (its share of the fetcher's slots), cut off at the source's
    deadline (TimeoutError)."""
    fetching_for(run.src.name)
    async with asyncio.timeout_at(run.deadline):
        return await call


def _went_through(ctx: Context, run: SourceRun, urls: set[str]) -> None:
    """The failures of a source's links that went through forgotten: their article stored, or found
    stored already by another path (`run.failing`: those the listing knew failed; most never did)."""
    for url in urls & run.failing:
        ctx.store.clear_link_failure(url)


class Cycle:
    """One cycle's bookkeeping: futures in flight, the runs, the ingestor and its waiting aliases."""

    def __init__(self, ctx: Context, fetcher: Fetcher, progress: Callable[[Source, SourceReport], None] | None) -> None:
        self.ctx = ctx
        self.fetcher = fetcher
        self.progress = progress
        # filled by the fetcher's thread, emptied by this one: SimpleQueue's put and get are C
        # calls (Queue's, Python around a Condition: ~10 us more of the two threads' CPU per page)
        self.arrived: queue.SimpleQueue[tuple[Step, concurrent.futures.Future]] = queue.SimpleQueue()
        self.in_flight = 0
        self.runs: dict[str, SourceRun] = {}
        self.claimed: set[str] = set()  # link keys some source of this cycle is fetching
        self.aliases: dict[str, set[str]] = {}  # canonical → aliases to record once it is stored
        self.headlines: dict[str, str] = {}  # canonical → headline of the article this cycle stores there
        self.store_error: StoreError | None = None  # the first batch the database refused
        with ctx.lock:
            self.ingestor = Ingestor(ctx)

    def run(self, chosen: list[Source]) -> list[SourceReport]:
        """Start every source, then handle results as they arrive until none is in flight."""
        for src in chosen:
            run = self.runs[src.name] = SourceRun(src, time.monotonic() + self.ctx.cfg.fetch.source_deadline,
                                                  SourceReport(source=src.name))
            self._guarded(run, self._start, run)
        while self.in_flight:
            step, future = self.arrived.get()
            self.in_flight -= 1
            step(future)
        for run in self.runs.values():  # a source whose last step failed before finishing
            if not run.done:
                self._finish(run)
        return [self.runs[s.name].report for s in chosen]

    def _submit(self, coro: Any, step: Step) -> None:
        self.in_flight += 1
        self.fetcher.submit(coro).add_done_callback(lambda f: self.arrived.put((step, f)))

    def _guarded(self, run: SourceRun, action: Callable[..., None], *args: Any) -> None:
        """Run one source step; any exception is the source's failure."""
        try:
            with self.ctx.lock:
                action(*args)
        except Exception as exc:  # a fault here is this source's, never the cycle's
            log.debug("source=%s failed", run.src.name, exc_info=True)
            run.status = run.status or "error"
            run.report.errors.insert(0, describe(exc))
            if run.pending == 0 and not run.done:
                self._finish(run)

    # ------------------------------------------------------------ steps

    def _start(self, run: SourceRun) -> None:
        run.state = self.ctx.store.source_state(run.src.name)
        run.walk = ListingWalk(run.src, self.ctx.store, run.state)
        self._walked(run, None)

    def _walked(self, run: SourceRun, future: concurrent.futures.Future | None) -> None:
        """The source kind's next listing request (pages, sitemaps, API pages), or its links."""
        assert run.walk is not None
        try:
            req = run.walk.start() if future is None else run.walk.advance(future)
        except Exception as exc:
            return self._listing_failed(run, exc)
        if req is not None:
            coro = _before(run, run.walk.coroutine(self.fetcher, req))
            return self._submit(coro, partial(self._guarded, run, self._walked, run))
        assert run.walk.listing is not None
        self._listed(run, run.walk.listing)

    def _listing_failed(self, run: SourceRun, exc: Exception) -> None:
        log.debug("source=%s listing failed", run.src.name, exc_info=True)
        run.status, run.missing = health.listing_failure(exc, run.src.kind, run.state)
        run.report.errors.insert(0, describe(exc))
        self._finish(run)

    def _listed(self, run: SourceRun, listing: Listing) -> None:
        run.moved = listing.moved
        if listing.not_modified and not (run.state.get("waiting") or "[]").strip("[] "):
            run.report.status = "not_modified"
            return self._finish(run)
        found = listing.candidates  # (none when not modified: the links earlier polls left, then)
        run.listing, run.links = listing, len(found)
        run.report.candidates = len(found)
        run.report.errors.extend(listing.warnings)
        chosen = choose_links(self.ctx, run, found, self.claimed)
        run.pending += len(chosen)
        run.attempted += len(chosen)
        run.queued = chosen[::-1]
        self._fetch_links(run)
        if run.pending == 0:
            self._finish(run)

    def _fetch_links(self, run: SourceRun) -> None:
        """Ask for the source's next links, up to LINKS_AT_ONCE whose pages are not yet read; none
        once the process is stopping (a SIGTERM): those wait for the next poll, as past the deadline."""
        if run.queued and self.ctx.stopping.is_set():  # `docker stop` waits 10 s, not for 50 links
            left = [cand for cand, _ in reversed(run.queued)]
            run.queued.clear()
            run.waiting[:0] = left
            run.pending -= len(left)
            run.report.deferred += len(left)
            run.report.errors.append(f"stopping: {len(left)} links left for the next poll")
        while run.queued and run.fetching < LINKS_AT_ONCE:
            cand, key = run.queued.pop()
            run.fetching += 1
            page = referer(dated(run.src.url, run.src.date_tz, datetime.now(timezone.utc)), cand.url) \
                if run.src.kind == "html" else None  # as a browser follows a list (an edition's: the day's)
            coro = _fetch_before(self.fetcher, run, cand.url, self.ctx.stopping,
                                 headers={"Referer": page} if page else None)
            self._submit(coro, partial(self._article, run, cand, key))

    def _article(self, run: SourceRun, cand: Candidate, key: str, future: concurrent.futures.Future) -> None:
        """One link's result; the next link is asked for."""
        run.fetching -= 1
        self._settle(run, cand, key, partial(self._store_article, run, cand, key, future))
        self._fetch_links(run)

    def _settle(self, run: SourceRun, cand: Candidate, key: str, step: Callable[[], None]) -> None:
        """One step of a link (its page, or a later page of its article); any exception here is
        that link's failure. The source finishes when its last step has settled."""
        try:
            with self.ctx.lock:
                step()
        except StoreError as exc:  # the batch this link's article completed could not be written
            self._store_failed(run, exc)
        except Exception as exc:  # a fault here is this link's, never the source's
            log.debug("source=%s link=%s failed", run.src.name, cand.url, exc_info=True)
            self._guarded(run, link_failed, self.ctx, run, cand, key, exc)
        run.pending -= 1
        if run.pending == 0 and not run.done:
            self._finish(run)

    def _store_article(self, run: SourceRun, cand: Candidate, key: str, future: concurrent.futures.Future) -> None:
        page: Response = future.result()
        run.report.fetched += 1
        found = article_from_page(self.ctx, run, cand, key, page)
        if found is None:
            return
        article, target, aliases, own = found
        store = self.ctx.store
        if target != own and not same_headline(self._headline_at(target), article.title):
            # the canonical names another article (a template's slip, or a site sending readers to
            # its featured story): stored under its own address, and shown with it, not with that one's
            target, aliases = own, aliases - {own}
            article = replace(article, url=dedup.strip_tracking(page.url))
        if target != key and (store.known_urls([target]) or store.aliased([target])):
            store.add_aliases(target, aliases)  # reached by another path: stored already
            _went_through(self.ctx, run, {key, target} | aliases)
            run.report.duplicates += 1
            return
        later = morepages.later_pages(page.url, page.text)
        if later:  # the article goes on over more pages: fetched in turn, then stored whole
            return self._next_page(run, _Pages(cand, key, article, target, aliases, page.url, later), None)
        if not stray(run, Stray(cand, key, article, target, aliases)):
            self._add(run, article, target, aliases)

    def _headline_at(self, target: str) -> str:
        """The headline of the article this cycle or the store holds at `target` ('' for none)."""
        if target in self.headlines:
            return self.headlines[target]
        return self.ctx.store.title_at(target) or ""

    def _add(self, run: SourceRun, article: Article, target: str, aliases: set[str]) -> None:
        self.aliases.setdefault(target, set()).update(aliases)
        self.headlines.setdefault(target, article.title)
        self._count(self.ingestor.add(article, run.src.name, target))

    def _add_stray(self, run: SourceRun, held: Stray) -> None:
        """A page headed unlike its link's text, alone in this poll: stored, unless the source
        stored the same page (text and headline) at another address before: a notice or a wall
        the site serves for every article while it lists one new a poll, none of their articles."""
        prepared = prepare(self.ctx.cfg, self.ingestor.topics, held.article, run.src.name, held.target)
        other = self.ctx.store.stored_elsewhere(prepared.digest, held.target, run.src.name, held.article.title)
        if other is None:
            self.aliases.setdefault(held.target, set()).update(held.aliases)
            self.headlines.setdefault(held.target, held.article.title)
            return self._count(self.ingestor.add_prepared(prepared))
        link_failed(self.ctx, run, held.cand, held.key, ExtractError(
            f"{held.cand.url}: the same page as {other}, headed {held.article.title[:40]!r}: not this article",
            hint="a maintenance, login or home page served at every address; asked again at the next poll"))

    def _next_page(self, run: SourceRun, pages: _Pages, future: concurrent.futures.Future | None) -> None:
        """Join the later page `future` brought (if any) and ask for the next one; store the
        article once none is left. A later page that fails ends the article there: what its
        earlier pages hold is stored, never lost for it."""
        if future is not None:
            try:
                page: Response = future.result()
                extracted = extract.extract(page.text, page.url, run.src.extract, fetched_at=datetime.now(timezone.utc))
                pages.article = cap_body(morepages.joined(pages.article, extracted))
                pages.aliases.add(dedup.canonical_url(page.url))
                pages.queue += morepages.unasked(pages.first, page.text, pages.asked, pages.queue)
            except Exception as exc:  # the article as far as it got
                log.info("source=%s: a later page of %s failed: %s", run.src.name, pages.first, describe(exc))
                pages.queue.clear()
        if pages.queue and len(pages.asked) < morepages.MAX_PAGES - 1:
            url = pages.queue.pop(0)
            pages.asked.add(url)
            run.pending += 1
            self._submit(_fetch_before(self.fetcher, run, url),
                         lambda future: self._settle(run, pages.cand, pages.key, partial(self._next_page, run, pages, future)))
            return
        self._add(run, pages.article, pages.target, pages.aliases)

    def _count(self, results: list[Ingested]) -> None:
        """Credit ingest results to their sources and record the aliases of what was stored."""
        for result in results:
            aliases = self.aliases.pop(result.canonical, set())
            if result.status == "refused":  # not stored: fetched again, given up as a failing link is
                if (run := self.runs.get(result.source)) is not None:
                    run.report.errors.append(f"{result.canonical}: not stored: {result.reason}")
                for url in {result.canonical} | aliases:  # as listed, and where it led
                    self.ctx.store.record_link_failure(url, result.source, f"not stored: {result.reason}",
                                                       final_attempts=MAX_ATTEMPTS)
                continue
            run = self.runs.get(result.source)
            if run is not None:  # once stored (not when fetched: one the database refuses fails again)
                _went_through(self.ctx, run, {result.canonical} | aliases)
            if aliases:
                target = result.canonical
                if result.status == "duplicate":  # an alias itself when it was the same page (`same_page`)
                    target = self.ctx.store.aliased([target]).get(target, target)
                self.ctx.store.add_aliases(target, aliases)
            if run is None:
                continue
            run.report.new += result.status != "duplicate"
            run.report.duplicates += result.status == "duplicate"
            run.report.matched += bool(result.topics)

    def _store_failed(self, run: SourceRun, exc: StoreError) -> None:
        """The database refused a batch (a full disk): nothing of it was kept, and its links
        were not recorded as seen, so the next poll fetches them again; the poll fails."""
        if self.store_error is None:
            self.store_error = exc
            again = self._said_lately(str(exc))  # a disk full for a night: one ERROR line, not one a poll
            log.log(logging.INFO if again else logging.ERROR, "source=%s: storing articles failed: %s%s",
                    run.src.name, exc, "" if again else " (said again hourly while it lasts; each poll with -v)")
        said = str(StoreError(exc.message, hint=f"{exc.hint}; the articles not stored are fetched again at the next poll"))
        lost = [self.runs[name] for name in self.ingestor.lost_sources if name in self.runs]
        for each in (run, *lost):  # every source with articles in that batch
            if not each.report.store_error:
                each.status = "error"
                each.report.store_error = said
                each.report.errors.insert(0, f"storing articles failed: {said}")

    def _said_lately(self, fault: str) -> bool:
        """Whether this database fault was said at ERROR within FAULT_RESAY (the daemon's polls share
        `ctx.faults_said`); when not, it is noted as said now."""
        now, said = time.monotonic(), self.ctx.faults_said.get(fault)
        if said is not None and now - said < FAULT_RESAY:
            return True
        self.ctx.faults_said[fault] = now
        return False

    def _finish(self, run: SourceRun) -> None:
        """Write the source's pending articles, then its row; each failure is logged, not raised."""
        run.done = True
        with self.ctx.lock:
            try:
                keep, failed = strays(run)
                for held, exc in failed:
                    link_failed(self.ctx, run, held.cand, held.key, exc)
                for held in keep:
                    self._add_stray(run, held)
                self._count(self.ingestor.flush())  # its articles are in before its row says so
            except Exception as exc:  # the database's faults (full, locked past the busy timeout) are one line
                if (err := database_fault(exc, self.ctx.store.path)) is not None:
                    self._store_failed(run, err)
                else:
                    log.warning("source=%s: storing articles failed: %s", run.src.name, describe(exc), exc_info=True)
                    run.report.errors.append(f"storing articles failed: {describe(exc)}")
            try:
                record(self.ctx, run)
            except Exception as exc:  # a sqlite3 shell's BEGIN held past the busy timeout was a traceback a poll
                if (err := database_fault(exc, self.ctx.store.path)) is None:
                    log.warning("source=%s: could not record the poll", run.src.name, exc_info=True)
                else:  # a lock held for an hour: one ERROR line, not one a poll of every source
                    again = self._said_lately(str(err))
                    log.log(logging.INFO if again else logging.ERROR, "source=%s: could not record the poll: %s%s",
                            run.src.name, err, "" if again else " (said again hourly while it lasts; each poll with -v)")
        if self.progress:
            self.progress(run.src, run.report)
