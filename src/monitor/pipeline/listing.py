"""Listing: a configured source → its candidate links, every request through the fetcher.

In: a Context (its Fetcher applies robots, per-host delay and the fetch policy to every
request; its Store says which links are known) and a Source. Out: a `sources.Listing`.
This is the one seam between polling and the source kinds: a kind that needs several requests
(pages, sitemap children, API pages, redirect wrappers) gets them from `crawl_for`, never by
itself. Conditional GET validators are used only for the source's first request.
"""

from __future__ import annotations

from dataclasses import replace

from .. import dedup, sources
from ..config import Source
from ..fetch import Fetcher
from ..models import Article, Candidate
from ..sources import Crawl, Listing, Request
from ..store import Store
from .base import Context


def list_links(ctx: Context, src: Source) -> Listing:
    """The source's candidate links now; raises MonitorError when the listing cannot be read."""
    assert ctx.fetcher is not None, "listing a source needs a Context with a fetcher"
    return sources.listing(src, crawl_for(ctx.fetcher, src, ctx.store))


def crawl_for(fetcher: Fetcher, src: Source, store: Store | None = None) -> Crawl:
    """The fetch and known-link callbacks a source kind may use for one listing; without a
    store nothing is known and no validators are sent (test-source)."""
    state = store.source_state(src.name) if store is not None else {}
    same_url = state.get("url") == src.url

    def fetch(req: Request):
        if req.conditional or (req.method == "GET" and req.follow and not req.headers and req.form is None):
            validators = state if req.conditional and same_url else {}
            return fetcher.get(req.url, etag=validators.get("etag"), last_modified=validators.get("last_modified"))
        return fetcher.send(req.method, req.url, form=req.form, json=req.json, content=req.content,
                            headers=dict(req.headers), follow=req.follow)

    def stored(urls: list[str]) -> set[str]:
        if store is None:
            return set()
        canon = {u: dedup.canonical_url(u) for u in urls}
        hits = store.known_urls(canon.values())
        return {u for u, c in canon.items() if c in hits}

    return Crawl(fetch=fetch, known=stored)


def with_listing_facts(article: Article, cand: Candidate) -> Article:
    """The listing's title and date fill in only what the page itself did not say."""
    if article.published is None and cand.published is not None:
        article = replace(article, published=cand.published)
    if not (article.title or "").strip() and cand.title:
        article = replace(article, title=cand.title)
    return article
