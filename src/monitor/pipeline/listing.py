"""Listing: a configured source → its candidate links, every request made by the fetcher.

In: a Source, the store (which links are known, the listing's stored validators) and the
fetcher. Out: a `sources.Listing`. This is the one seam between polling and the source kinds:
a kind is a walk that yields the requests it needs (pages, sitemap children, API pages,
redirect wrappers); `ListingWalk` lets the cycle make them on the fetcher's loop alongside
every other source's, and `blocking_listing` makes them one by one (test-source).
Conditional-GET validators go only with the source's first request.
"""

from __future__ import annotations

import concurrent.futures
import json
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any
from urllib.parse import urlencode

from .. import dedup, sources
from ..config import Source
from ..fetch import Fetcher, Response
from ..models import Article, Candidate
from ..sources import Crawl, Listing, Request
from ..store import Store
from ..store.sources import marks_of

MAX_ATTEMPTS = 3  # a link failing this often (or for good, e.g. a download) is not fetched again
CATCH_UP_PAGES = 5  # list pages read past `pages` while they bring only news (a polled source)


def settled(store: Store, keys: list[str]) -> tuple[set[str], dict[str, int]]:
    """Of these canonical links, those with nothing more to do (stored, an alias of a stored one,
    or given up after MAX_ATTEMPTS failures), and the failures on record of each that has any."""
    failures = store.failures(keys)
    given_up = {k for k, attempts in failures.items() if attempts >= MAX_ATTEMPTS}
    return store.known_urls(keys) | set(store.aliased(keys)) | given_up, failures


def crawl_for(src: Source, store: Store | None = None, state: dict[str, Any] | None = None) -> Crawl:
    """What a source kind may ask the store: which of its links are stored already (or given up:
    nothing more to do about them either); and, for a
    source that has polled before (`state`), how far past its pages a burst of news may be read."""

    def stored(urls: list[str]) -> set[str]:
        return by_canonical(urls, lambda keys: settled(store, keys)[0]) if store is not None else set()

    def older(urls: list[str], since: str) -> set[str]:
        return by_canonical(urls, lambda keys: store.stored_before(keys, since)) if store and since else set()

    polled = bool((state or {}).get("last_success"))
    same = (state or {}).get("url") == src.url
    return Crawl(known=stored, catch_up=CATCH_UP_PAGES if polled else 0,
                 frontiers=frontiers_of(src, state or {}) if polled else [], older=older,
                 reach=int((state or {}).get("reach") or 0) if polled and same else 0)


def by_canonical(urls: list[str], which: Callable[[list[str]], set[str]]) -> set[str]:
    """Those of `urls` whose canonical URL `which` picks out of the canonical URLs it is given."""
    canon = {u: dedup.canonical_url(u) for u in urls}
    hits = which(list(set(canon.values())))
    return {u for u, c in canon.items() if c in hits}


def frontiers_of(src: Source, state: dict[str, Any]) -> list[dict[str, Any]]:
    """The marks earlier polls left (`sources.base.mark`), for this same URL; none when unreadable."""
    return marks_of(state.get("frontier")) if state.get("url") == src.url else []


def frontier_after(store: Store, listing: Listing) -> str | None:
    """The source's marks after a poll, as stored (None: as they were): each moved back to the
    first page read towards it with a link this poll did not store (deferred, late or failing)."""
    if listing.trails is None:
        return None
    return json.dumps(sources.settle(listing.trails, lambda urls: by_canonical(urls, lambda k: settled(store, k)[0])))


def fetch_request(fetcher: Fetcher, req: Request, validators: dict[str, Any]) -> Coroutine[Any, Any, Response]:
    """The fetcher call for one request of a walk (on the fetcher's loop)."""
    body = ({"data": req.form} if req.form is not None else {"json": req.json} if req.json is not None
            else {"content": req.content} if req.content is not None else {})
    headers = dict(req.headers)
    if req.form and not req.charset.lower().startswith(("utf", "ascii")) and \
            not all(k.isascii() and v.isascii() for k, v in req.form.items()):
        # a page's form in the page's charset, as a browser sends it (httpx's data= sends UTF-8)
        body = {"content": urlencode(req.form, encoding=req.charset, errors="xmlcharrefreplace").encode("ascii")}
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    use = validators if req.conditional else {}
    return fetcher.fetch(req.url, etag=use.get("etag"), last_modified=use.get("last_modified"),
                         method=req.method, headers=headers, body=body, cut=req.cut, limit=req.limit, peek=req.peek)


def validators_of(src: Source, state: dict[str, Any]) -> dict[str, Any]:
    """The stored ETag/Last-Modified, when they were stored for this same URL."""
    return state if state.get("url") == src.url else {}


class ListingWalk:
    """One source's walk in a cycle: the next request to make, then the finished listing."""

    def __init__(self, src: Source, store: Store | None, state: dict[str, Any]) -> None:
        self.walk = sources.walk(src, crawl_for(src, store, state))
        self.validators = validators_of(src, state)
        self.listing: Listing | None = None

    def start(self) -> Request | None:
        """The first request (None when the walk needs none)."""
        return self._step(lambda: next(self.walk))

    def advance(self, future: concurrent.futures.Future) -> Request | None:
        """Hand the walk the answer to its last request; its next request, or None when done.
        A failed request is thrown into the walk; what it does not handle is raised here."""
        try:
            page = future.result()
        except Exception as exc:  # the walk decides: a dropped link, or the listing's failure
            return self._step(partial(self.walk.throw, exc))
        return self._step(partial(self.walk.send, page))

    def coroutine(self, fetcher: Fetcher, req: Request) -> Coroutine[Any, Any, Response]:
        """The fetcher call for `req`."""
        return fetch_request(fetcher, req, self.validators)

    def _step(self, go: Any) -> Request | None:
        try:
            return go()
        except StopIteration as stop:
            self.listing = stop.value
            return None


def blocking_listing(fetcher: Fetcher, src: Source, store: Store | None = None) -> Listing:
    """The source's listing now, its requests made one after another (test-source)."""
    validators = validators_of(src, store.source_state(src.name)) if store is not None else {}
    return sources.listing(src, crawl_for(src, store),
                           lambda req: fetcher.submit(fetch_request(fetcher, req, validators)).result())


AHEAD = timedelta(days=1)  # a listing date this far ahead of now is a clock in the wrong zone, read as now


def with_listing_facts(article: Article, cand: Candidate, now: datetime | None = None) -> Article:
    """The listing's title and date fill in only what the page itself did not say. A listing date
    ahead of now (Beijing time labelled GMT) is now; one more than a day ahead is no date: it
    would stand above every newer article for good."""
    if article.published is None and cand.published is not None:
        now = now or datetime.now(timezone.utc)
        when = cand.published if cand.published <= now else now if cand.published <= now + AHEAD else None
        article = replace(article, published=when)
    if not (article.title or "").strip() and cand.title:
        article = replace(article, title=cand.title)
    return article
