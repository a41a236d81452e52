"""The pages of `monitor serve`: search, story, topic, sources, and Atom feeds.

In: a Context (config and an open store), or an `Archive` whose database is not there yet
(every page then answers 503 until a writer makes it). Out: a Starlette app. Handlers are `async` and call
the store directly: one SQLite connection, queries of a few milliseconds, no thread pool.
Optional HTTP basic auth: `MONITOR_WEB_AUTH=user:password` in the environment.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import os
import re
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from importlib.resources import files
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Match, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import feeds, querylang, snippets
from ..digest import highlight
from ..digest.common import safe_url
from ..errors import InputError
from ..models import Story, headline, titled
from ..pipeline.base import Context
from ..pipeline.query import cursor, headed, read_cursor, search_page
from ..pipeline.reading import Reader
from ..pipeline.reindex import stale_index
from ..store import parse_iso
from ..textnorm import chartable
from ..timespec import SHANGHAI, check_order, minutes_hint, parse_since, parse_until
from .archive import RETRY_SECONDS, WAITING, Archive, NotYet, Reopening
from .chart import coverage_svg
from .headers import Guarded
from .lang import rtl, zh, zh_text
from .mount import Mounted, prefix_of, root
from .why import told

PAGE = 20
SOURCE_MENU_MOST = 300  # more source names than this: the filter is a field (a menu of 20,000 weighed ~0.6 MB a page)
STORY_PAGE = 50  # versions on one page of a story: one copied by hundreds of outlets stays readable
AUTH_ENV = "MONITOR_WEB_AUTH"
FEEDS_KEPT = 2000  # feed addresses whose text's first time is remembered (Last-Modified), the latest asked
GZIP_FROM, GZIP_LEVEL = 1000, 5  # bytes of a body worth compressing; the gzip level (pages, and feeds in _atom)
FONTS = ('system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
         '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif')


def create_app(ctx: Context | Archive, auth: str | None = None) -> Starlette:
    """The app over `ctx` (or an archive still to be made); `auth` ("user:password", default from
    MONITOR_WEB_AUTH) adds basic auth."""
    archive = ctx if isinstance(ctx, Archive) else Archive.of(ctx)
    # the templates as the server started: an upgrade writing new ones under a running server
    # (a git pull, a pip install) had its old code render them, and a filter only the new code
    # defines made every page a 500 until a restart
    env = Environment(loader=FileSystemLoader(str(files("monitor") / "web" / "templates")),
                      autoescape=select_autoescape(["html"]), auto_reload=False)
    env.filters["when"] = _when
    env.filters["titled"] = titled  # a page stored without a title is still a link to click
    env.filters["outlet"] = feeds.outlet  # an article imported without a source name: its host
    env.filters["outlets"] = outlet_names  # versions counted as outlets: one site's two copies are one outlet
    env.filters["by_outlet"] = by_outlet  # 'also at': an outlet at two addresses named once
    env.filters["web_url"] = safe_url  # a stored URL is linked only when it is http(s)
    env.filters["told"] = told  # why a version matched: the score, each rule and term once
    env.globals["topic_path"] = topic_path
    env.globals["zh"] = zh  # lang="zh" on an article's words: the pages' own are English
    env.globals["zh_text"] = zh_text
    env.globals["rtl"] = rtl  # dir="auto" on a name in Arabic or Hebrew: its run is its own
    env.globals["search_feed_title"] = search_feed_title
    env.globals["fonts"] = Markup(FONTS)  # CSS in <style>: escaped, its quotes were &#34; and the list was dropped
    pages = _Pages(archive, env)
    routes = [Route("/", lambda _: RedirectResponse(root() + "/search")),
              Route("/search", pages.search), Route("/search.atom", pages.search_feed),
              Route("/story/{story_id:int}", pages.story), Route("/topic/{name:path}.atom", pages.topic_feed),
              Route("/topic/{name:path}", pages.topic), Route("/sources", pages.sources)]
    secret = auth if auth is not None else os.environ.get(AUTH_ENV)
    # compressed to a browser that takes it (all do): a much-copied story's page is a tenth on a slow link
    # the security headers outermost: basic auth's 401 carries them too
    middleware = [Middleware(Guarded), Middleware(GZipMiddleware, minimum_size=GZIP_FROM, compresslevel=GZIP_LEVEL),
                  Middleware(Mounted, prefix=prefix_of(archive.cfg.web.base_url))]
    middleware += [Middleware(BasicAuth, credentials=secret)] if secret else []
    middleware += [Middleware(Reopening, archive=archive)]  # a restored file read from the next request on
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={NotYet: pages.waiting, 404: pages.no_page},
                    lifespan=pages.lifespan)
    # `/search/` is sent on to `/search` by no_page, under the pages' root: Starlette's own redirect
    # named the app's address without it (behind a proxy at /monitor/: the host's /search, or the
    # app's own 127.0.0.1 address when the proxy strips the path)
    app.router.redirect_slashes = False
    return app


class BasicAuth:
    """HTTP basic auth in front of every page (for deployments that expose the port)."""

    def __init__(self, app: ASGIApp, credentials: str) -> None:
        self.app = app
        self.expected = credentials.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._ok(dict(scope["headers"]).get(b"authorization", b"")):
            response = PlainTextResponse("authentication required", status_code=401,
                                         headers={"WWW-Authenticate": 'Basic realm="monitor"'})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _ok(self, header: bytes) -> bool:
        scheme, _, value = header.partition(b" ")
        try:
            given = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return False
        return scheme.lower() == b"basic" and hmac.compare_digest(given, self.expected)


def _when(text: str | None) -> str:
    """Stored UTC text → 'YYYY-MM-DD HH:MM' in Asia/Shanghai."""
    return datetime.fromisoformat(text).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if text else ""


def _mark(text: str, terms: list[str]) -> Markup:
    """`text` escaped, with the terms in <mark> (found through normalisation, so 滬明 marks 沪明)."""
    return Markup(highlight(text or "", terms, "html"))


class _Pages:
    """One handler per page, sharing the context and the templates."""

    def __init__(self, archive: Archive, env: Environment) -> None:
        self.archive = archive
        self.env = env
        self._stored_sources: set[str] = set()  # every article's source name, up to ...
        self._sources_upto = -1  # ... this article id (read on, not again, as articles are stored)
        self._sources_of: object = None  # ... in this store
        self._feed_texts: dict[str, tuple[str, datetime]] = {}  # a feed's address: its text's digest, since when

    def changed(self, address: str, digest: str) -> datetime:
        """Since when the feed at `address` has had the text of `digest` (to the second, as
        Last-Modified says it): when this server first sent that text, and after the time it said
        for the text before. The FEEDS_KEPT addresses asked last are remembered."""
        now = datetime.now(timezone.utc).replace(microsecond=0)
        before = self._feed_texts.pop(address, None)
        if before is None or before[0] != digest:
            before = (digest, now if before is None else max(now, before[1] + timedelta(seconds=1)))
        self._feed_texts[address] = before
        if len(self._feed_texts) > FEEDS_KEPT:
            del self._feed_texts[next(iter(self._feed_texts))]
        return before[1]

    @property
    def ctx(self) -> Context:
        return self.archive.ctx

    @contextlib.asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        """Before the first request, what the first page after a start waited for (~0.4 s at
        200,000 articles, 1.3 s cold): every stored source name (the source filter's), every
        template compiled (and kept: an upgrade's new ones wait for a restart), and the
        character table that marks the terms (numpy, past a few pages of text)."""
        for name in self.env.list_templates():  # every one, those extended and included too
            self.env.get_template(name)
        chartable.load_dense()
        with contextlib.suppress(NotYet):  # no archive yet: read at its first page
            self._source_names()
        yield

    def render(self, template: str, status: int = 200, headers: dict[str, str] | None = None,
               **values: object) -> Response:
        html = self.env.get_template(template).render(topics=sorted(self.archive.cfg.topics), mark=_mark,
                                                      root=root(), **values)
        return Response(html, status_code=status, headers=headers, media_type="text/html; charset=utf-8")

    async def no_page(self, request: Request, _exc: Exception) -> Response:
        """An address that is no page (mistyped, cut short): the pages' own 404, with their links."""
        if (to := _slashless(request)) is not None:
            return RedirectResponse(to, status_code=307)
        if request.url.path.endswith(".atom"):
            return PlainTextResponse("no feed at this address; " + self._feeds_line(), status_code=404)
        return self.render("missing.html", 404, what="such page")

    async def waiting(self, request: Request, _exc: Exception) -> Response:
        """Any page before the database is there: 503, and when to ask again."""
        retry = {"Retry-After": str(RETRY_SECONDS)}
        if request.url.path.endswith(".atom"):
            return PlainTextResponse(WAITING, status_code=503, headers=retry)
        return self.render("waiting.html", 503, retry, message=WAITING)

    def _params(self, request: Request) -> dict[str, str]:
        keys = ("q", "topic", "source", "since", "until", "sort")
        p = {k: _plain(request.query_params.get(k, "")) for k in keys}
        # the default, which the form sends: not a filter set, nor part of a link; nor is relevance
        # without words to weigh (the results go by date: the page was titled 'newest · by relevance')
        if p["sort"] == "date" or (p["sort"] == "relevance" and not p["q"]):
            p["sort"] = ""
        return p

    def _search(self, p: dict[str, str], page: int, limit: int = PAGE, upto: int | None = None,
                after: str | None = None):
        since, until = parse_since(p["since"], "since"), parse_until(p["until"], "until")
        check_order(since, until, p["since"], p["until"], ("since", "until"))  # as the CLI: not "nothing found"
        ended, ended_at = _cursor_of(after)
        # a topic since taken out of the config whose verdicts are kept (`search`): searched among them
        reading = (Reader(self.ctx.store, (*self.ctx.cfg.topics, p["topic"])) if self._gone_topic(p)
                   else self.ctx)
        return search_page(reading, p["q"], topic=p["topic"] or None, source=p["source"] or None,
                           since=since, until=until, sort=p["sort"] or "date", limit=limit, offset=(page - 1) * limit,
                           upto=upto, after=ended, after_at=ended_at)

    def _gone_topic(self, p: dict[str, str]) -> str:
        """The topic filter's name when no configured topic has it (a saved link's, the topic since
        removed or renamed): '' otherwise."""
        return p["topic"] if p["topic"] and p["topic"] not in self.ctx.cfg.topics else ""

    def _gone_line(self, name: str) -> str:
        return (f"topic {_plain(name)} is not in the config (removed or renamed?); topics: "
                + (", ".join(sorted(self.ctx.cfg.topics)) or "none"))

    def _feeds_line(self) -> str:
        """The feeds there are, by their addresses (a feed's 404 says them)."""
        topics = ", ".join(root() + topic_path(t) + ".atom" for t in sorted(self.archive.cfg.topics))
        return (f"the feeds: {root()}/search.atom?q=<words> (a search's, with its filters)"
                + (f", and each topic's: {topics}" if topics else ""))

    async def search(self, request: Request) -> Response:
        p = self._params(request)
        page = max(1, _int(request.query_params.get("page"), 1))
        # a saved link's topic since removed: the stories it matched while it was, kept in the
        # store (the bookmark's own results, its words searched among them); a topic that never
        # matched (mistyped): every topic's results. A line says which (it was a 400)
        gone = self._gone_topic(p)
        kept_topic = bool(gone) and self.ctx.store.topic_stored(gone)
        if gone and not kept_topic:
            p["topic"] = ""
        try:
            result = self._search(p, page, upto=_upto(request), after=_after(request))
            headed(self.ctx, result.results)
        except InputError as exc:
            return self.render("search.html", 400, p=p, error=str(exc), results=[], page=page, more=False,
                               terms=[], sources=self._source_menu(), link=_link)
        hint = (querylang.nothing_found_hint(p["q"]) or minutes_hint(p["since"], p["until"], ("since", "until"))
                if not result.results and page == 1 else None)
        empty = not result.results and page == 1 and self.ctx.store.last_article_id() == 0  # not "Nothing found."
        filters = [f"{k} {p[k]}" for k in ("topic", "source", "since", "until") if p[k]]
        # nothing with the filters (a bookmark's old since=, a source since renamed): are the words found without?
        unfiltered = (not result.results and page == 1 and not empty and bool(filters)
                      and bool(self._search({**p, "topic": "", "source": "", "since": "", "until": ""}, 1, limit=1).results))
        absent, kept = (self._absent_words(p) if not result.results and page == 1 and not empty and not hint
                        and not unfiltered else ([], ""))
        return self.render("search.html", p=p, error=None, results=result.results, page=page, more=result.more,
                           hint=hint, gone=_gone_said(gone, kept_topic) if gone else None, empty=empty,
                           filters=filters if unfiltered else [], terms=result.terms, absent=absent, kept=kept,
                           sources=self._source_menu(), link=_link, stale=stale_index(self.ctx), upto=result.upto,
                           last=cursor(result.last, page * PAGE), after=_after(request))

    def _absent_words(self, p: dict[str, str]) -> tuple[list[str], str]:
        """The words of a query of plain words that found nothing which no article holds (under its
        filters), and the query without them: `沪明 huming` (a name pasted with its pinyin) said
        only 'Nothing found.' over an archive full of 沪明. A search of a word each, on such pages alone."""
        words = p["q"].split()
        if len(words) < 2 or len(words) > 8 or self._terms(p["q"]) != words:
            return [], ""
        absent = [w for w in words if not self._search({**p, "q": w}, 1, limit=1).results]
        return absent, " ".join(w for w in words if w not in absent)

    def _source_menu(self) -> list[str] | None:
        """The source filter's menu, or None (a field) past SOURCE_MENU_MOST names: an archive
        imported from a clipping service's export names thousands of outlets (every page carried
        them all: 20,000 names, ~0.6 MB a search page, sorted and rendered at each request)."""
        names = self._source_names()
        return sorted(names) if len(names) <= SOURCE_MENU_MOST else None

    def _source_names(self) -> set[str]:
        """What the source filter offers: the configured and polled sources, and every source an
        article was stored under (an imported archive's own names: `monitor search --source`
        takes them). All names are read once (~0.2 s at 200,000 articles), then only those of
        the articles stored since."""
        store = self.ctx.store
        if store is not self._sources_of:  # another file in place (a restore): its names, not the old ones'
            self._sources_of, self._sources_upto = store, -1
        if (last := store.last_article_id()) != self._sources_upto:
            if self._sources_upto < 0 or last < self._sources_upto:  # the first page, or articles deleted
                self._stored_sources = set(store.source_names())
            else:
                self._stored_sources |= store.source_names_after(self._sources_upto)
            self._sources_upto = last
        return {s.name for s in self.ctx.cfg.sources} | {r["name"] for r in store.sources()} | self._stored_sources

    async def search_feed(self, request: Request) -> Response:
        p = self._params(request)
        if gone := self._gone_topic(p):  # not every topic's news to a reader that asked for one
            return PlainTextResponse(self._gone_line(gone), status_code=404)
        try:
            result = self._search(p, 1, limit=50)
        except InputError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        stories = [_story(r) for r in headed(self.ctx, result.results)]
        return _atom(feeds.atom(stories, title=search_feed_title(p), feed_id="urn:monitor:search:" + urlencode(p),
                                now=datetime.now(timezone.utc), self_url=self._address(request, _link("/search.atom", p)),
                                page_url=self._address(request, _link("/search", p)),
                                story_page=lambda story: self._address(request, _link(f"/story/{story}", {}))), request, self.changed)

    def _address(self, request: Request, link: str) -> str:
        """A page's whole address (a feed's links): under the configured base URL's host, else
        the one the request came to."""
        base = self.archive.cfg.web.base_url
        if base:
            origin = str(base).split("://", 1)
            return f"{origin[0]}://{origin[1].split('/', 1)[0]}{link}"
        return f"{request.url.scheme}://{request.url.netloc}{link}"

    async def story(self, request: Request) -> Response:
        story_id = request.path_params["story_id"]
        members = self.ctx.store.story_members([story_id]).get(story_id) if story_id < 2**63 else None
        if not members:
            if story_id < 2**63 and (kept := self.ctx.store.merged_into(story_id)) is not None:
                # a story merged into an older one (its brief or page met first): a digest's link to it
                query = f"?{request.url.query}" if request.url.query else ""
                return RedirectResponse(f"{root()}/story/{kept}{query}", status_code=301)
            return self.render("missing.html", 404, what=f"story {story_id}")
        p = {k: v for k, v in self._params(request).items() if v}  # the search it was opened from ...
        within = request.query_params.get("within", "")  # ... or the topic page ...
        if within in self.ctx.cfg.topics:
            weeks = request.query_params.get("weeks", "")
            p.update(within=within, **({"weeks": weeks} if weeks.isdigit() and len(weeks) < 4 else {}))
        at, upto, after = _int(request.query_params.get("at"), 1), _upto(request), _after(request)  # ... its page
        if at > 1:
            p.update(at=str(at), **{k: str(v) for k, v in (("upto", upto), ("after", after)) if v is not None})
        if "within" in p:
            back_path, back_words = topic_path(within), within
            back = {k: p[k] for k in ("weeks",) if k in p}
        else:
            back_path, back_words = "/search", "search"
            back = {k: v for k, v in p.items() if k not in ("at", "upto", "after")}
        back.update(page=p.get("at", ""), upto=p.get("upto", ""), after=p.get("after", ""))
        q = p.get("q", "")
        terms = self._terms(q)
        pages = -(-len(members) // STORY_PAGE)
        page = min(max(1, _int(request.query_params.get("page"), 1)), pages)
        shown = members[(page - 1) * STORY_PAGE : page * STORY_PAGE]
        # the version a result showed (`v`): its words may be in it alone, pages after the first
        found = _int(request.query_params.get("v"), 0)
        found = found if found != members[0]["id"] and any(m["id"] == found for m in members) else 0
        ids = [m["id"] for m in shown]
        rows = self.ctx.store.article_rows(ids + ([found] if found and found not in ids else []))
        verdicts = self.ctx.store.topic_matches(r["id"] for r in rows)
        versions: list[dict] = []
        for verdict in (v for vs in verdicts.values() for v in vs):
            verdict["terms"] = list(dict.fromkeys(h["term"] for h in verdict["hits"]))
        for r in rows:
            first = snippets.first_span(r["body"] or "", terms) if terms else None
            hits = [h for v in verdicts.get(r["id"], []) for h in v["hits"] if h.get("field") == "body"]
            spans = [first] if first else sorted((h["start"], h["end"]) for h in hits)
            versions.append({"row": r, "snippet": snippets.cut(r["body"] or "", spans, width=240),
                             "verdicts": verdicts.get(r["id"], []),
                             "hit_terms": list(dict.fromkeys(h["term"] for v in verdicts.get(r["id"], [])
                                                             for h in v["hits"]))})
        found_version = next((v for v in versions if v["row"]["id"] == found), None)
        versions = [v for v in versions if v["row"]["id"] in ids]
        _said_above(([found_version] if found_version else []) + versions)
        marked = terms or list(dict.fromkeys(t for v in versions for t in v["hit_terms"]))
        return self.render("story.html", story_id=story_id, headline=headline(members[0], members), versions=versions, q=q, p=p, back=back,
                           found=found_version,
                           back_path=back_path, back_words=back_words,
                           terms=marked,
                           total=len(members), first=(page - 1) * STORY_PAGE + 1, page=page, pages=pages,
                           members=members, per_page=STORY_PAGE, link=_link,
                           outlets_open=request.query_params.get("outlets") == "all")

    def _terms(self, q: str) -> list[str]:
        try:
            return querylang.parse(q).terms() if q else []
        except InputError:
            return []

    async def topic(self, request: Request) -> Response:
        name = request.path_params["name"]
        query = f"?{request.url.query}" if request.url.query else ""
        if name.endswith("/") and name.rstrip("/") in self.ctx.cfg.topics:  # a link copied with a slash after it
            return RedirectResponse(root() + topic_path(name.rstrip("/")) + query, status_code=307)
        if name.endswith(".atom/"):  # a feed's address, with a slash: the feed, as /search.atom/ is
            if (feed := name.rstrip("/").removesuffix(".atom")) in self.ctx.cfg.topics:
                return RedirectResponse(root() + topic_path(feed) + ".atom" + query, status_code=307)
            return PlainTextResponse(f"no feed: {self._gone_line(feed)}; {self._feeds_line()}", status_code=404)
        if name not in self.ctx.cfg.topics:  # a bookmark of a topic since removed or renamed, or mistyped
            return self.render("missing.html", 404, what=f"topic {_plain(name)}", topic=_plain(name))
        page = max(1, _int(request.query_params.get("page"), 1))
        weeks = max(1, min(104, _int(request.query_params.get("weeks"), 26)))
        starts = week_starts(datetime.now(SHANGHAI).date(), weeks)
        since = datetime.combine(date.fromisoformat(starts[0]), datetime.min.time(), SHANGHAI)
        after, after_at = _cursor_of(_after(request))
        result = search_page(self.ctx, "", topic=name, limit=PAGE, offset=(page - 1) * PAGE, upto=_upto(request),
                             after=after, after_at=after_at)
        headed(self.ctx, result.results)
        chart = Markup(coverage_svg(self.ctx.store.coverage(name, since), starts, self.ctx.store.stories_by_week(name, since)))
        return self.render("topic.html", name=name, results=result.results, page=page, more=result.more,
                           chart=chart, weeks=weeks, terms=[], link=_link, upto=result.upto,
                           last=cursor(result.last, page * PAGE), after=_after(request),
                           p={"weeks": str(weeks)} if "weeks" in request.query_params else {})

    async def topic_feed(self, request: Request) -> Response:
        from ..pipeline.deliver import recent_stories

        name = request.path_params["name"]
        if name not in self.ctx.cfg.topics:
            return PlainTextResponse(f"no feed: {self._gone_line(name)}; {self._feeds_line()}", status_code=404)
        stories = recent_stories(self.ctx, name, 50)
        return _atom(feeds.atom(stories, title=f"monitor: {name}", feed_id=feeds.topic_feed_id(name),
                                now=datetime.now(timezone.utc), self_url=self._address(request, _link(topic_path(name) + ".atom", {})),
                                page_url=self._address(request, _link(topic_path(name), {})),
                                story_page=lambda story: self._address(request, _link(f"/story/{story}", {}))), request, self.changed)

    async def sources(self, request: Request) -> Response:
        stored = {r["name"]: r for r in self.ctx.store.sources()}
        recent = self.ctx.store.articles_since(datetime.now(timezone.utc) - timedelta(days=7))
        names = [s.name for s in self.ctx.cfg.sources] + sorted(set(stored) - {s.name for s in self.ctx.cfg.sources})
        now = datetime.now(timezone.utc)
        rows = [{"name": n, "state": stored.get(n, {}), "recent": recent.get(n, 0),
                 "configured": self.ctx.cfg.source(n) if n in {s.name for s in self.ctx.cfg.sources} else None}
                for n in names]
        for r in rows:
            r["late"] = _late(r["configured"], r["state"], now)
        # the names of imported articles (an archive a clipping export made has no other): the
        # page said no source was there while the search's filter offered sixty of them
        imported = sorted(self._source_names() - set(names))
        return self.render("sources.html", rows=rows, imported=imported[:SOURCE_MENU_MOST],
                           unlisted=max(0, len(imported) - SOURCE_MENU_MOST))


def _gone_said(name: str, kept: bool) -> str:
    """The search page's line for a topic filter no configured topic has: its stored stories shown, or every topic's."""
    if kept:
        return (f"The topic {name} is not in the config (removed or renamed?): the stories it matched while it was "
                "are shown; it matches no new article.")
    return f"The topic {name} is not in the config (removed or renamed?): the results of every topic are shown."


LATE_AFTER = 6 * 3600  # seconds: `monitor health`'s default --stale-after


def _late(configured, state: dict, now: datetime) -> str | None:
    """How long an enabled source has gone unpolled, past LATE_AFTER or two of its intervals
    (when `monitor health` calls it unhealthy): '3 days', '7 hours'; else None. A stopped daemon
    left every source a green 'ok' with an old last poll beside it."""
    if configured is None or not configured.enabled or not state.get("last_polled"):
        return None
    age = (now - datetime.fromisoformat(state["last_polled"])).total_seconds()
    if age <= max(LATE_AFTER, 2 * configured.interval):
        return None
    days, hours = int(age // 86400), int(age // 3600)
    return f"{days} day{'s' if days > 1 else ''}" if days else f"{hours} hour{'s' if hours > 1 else ''}"


def search_feed_title(p: dict[str, str]) -> str:
    """A search feed's name: its words and filters, as the page's title (a reader lists two of one
    query's feeds apart, and a browser offers the feed by it)."""
    return " · ".join([f"monitor: {p['q'] or 'newest'}", *(f"{k} {p[k]}" for k in ("topic", "source", "since", "until")
                                                          if p[k]), *(["by relevance"] if p["sort"] == "relevance" else [])])


def outlet_names(rows: list[dict]) -> list[str]:
    """The outlets that carried these versions (rows with `source` and `url`), each once, in order:
    a site holding a story at two addresses (two channels, a mobile page) is one outlet, not two."""
    return list(dict.fromkeys(feeds.outlet(x["source"], x["url"]) for x in rows))


def by_outlet(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """The versions (rows with `source` and `url`) by outlet, each outlet once in the order first
    met: 'also at: 晚报, 晨报, 晚报' named a paper's site and mobile pages as two."""
    groups: dict[str, list[dict]] = {}
    for x in rows:
        groups.setdefault(feeds.outlet(x["source"], x["url"]), []).append(x)
    return list(groups.items())


def _said_above(versions: list[dict]) -> None:
    """Mark each verdict that says what a version shown above it said (`above`): a story's
    copies match alike, and 50 copies of one long reason filled 50 screens of a phone."""
    said: set[tuple] = set()
    seen: set[int] = set()
    for verdict in (m for v in versions for m in v["verdicts"]):
        if id(verdict) not in seen:  # the found version is also in the list: the same verdicts
            seen.add(id(verdict))
            key = (verdict["topic"], verdict.get("score"), verdict.get("reason"), tuple(verdict.get("rules") or ()),
                   tuple(verdict["terms"]))
            verdict["above"] = key in said
            said.add(key)


def topic_path(name: str) -> str:
    """A topic page's path: the name quoted whole (a topic named `上海/三明 #合作` is one segment,
    not a further path and a fragment)."""
    return "/topic/" + quote(name, safe="")


def _slashless(request: Request) -> str | None:
    """A page's address without the slash after it (`/search/`, `/story/7/`), under the pages'
    root and with its query, when the address is that page's; else None."""
    path = request.scope["path"]
    if not path.endswith("/") or not path.strip("/"):
        return None
    scope = {**request.scope, "path": path.rstrip("/")}
    if not any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
        return None
    return root() + scope["path"] + (f"?{request.url.query}" if request.url.query else "")


def _link(path: str, p: dict[str, str], **extra: object) -> str:
    """A bookmarkable URL: `path` (under the pages' root) with the non-empty parameters."""
    values = {k: v for k, v in {**p, **extra}.items() if v not in ("", None)}
    return root() + path + ("?" + urlencode(values) if values else "")


def week_starts(today: date, weeks: int) -> list[str]:
    """The Mondays (YYYY-MM-DD) of the `weeks` weeks ending with this one, oldest first."""
    monday = today - timedelta(days=today.weekday())
    return [(monday - timedelta(weeks=k)).isoformat() for k in range(weeks - 1, -1, -1)]


def _upto(request: Request) -> int | None:
    """The pinned archive state of a page after the first (`Page.upto`); None when absent or not a number."""
    value = _int(request.query_params.get("upto"), -1)
    return value if 0 <= value < 2**63 else None


def _after(request: Request) -> str | None:
    """Where the page before ended (`pipeline.query.cursor`: the article, the offset it was given
    for), as the link says it; None when absent or not one."""
    text = request.query_params.get("after", "")
    return text if read_cursor(text) is not None else None


def _cursor_of(after: str | None) -> tuple[int | None, int | None]:
    """`search_page`'s `after` and `after_at` for a cursor as a link gives it."""
    return (read_cursor(after) if after else None) or (None, None)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """What was asked (a query, a filter, a topic's name) with each control character a space: a
    NUL or an escape was echoed into the page's title and fields (a box in the browser; a NUL is
    no HTML) and made `since=` a 400; the words around it are still what was asked."""
    return _CONTROL.sub(" ", text).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _story(r: dict) -> Story:
    """A search result as the Story an Atom entry is made of: its copies named as a topic feed's
    are (ten outlets, then '+N more' linking the story's page; all 119 of a wire story were listed)."""
    from ..pipeline.deliver import shown_reposts

    reposts, more = shown_reposts([{**x, "title": ""} for x in r["reposts"]])
    return Story(story_id=r["story_id"], article_id=r["id"], title=r["title"], url=r["url"], source=r["source"],
                 published=parse_iso(r["published"]), topics=tuple(r["topics"]), snippet=r["snippet"],
                 seen=parse_iso(r.get("fetched")),  # an undated entry's date: when stored, not when asked for
                 reposts=reposts, more_reposts=more)


def _http_date(text: str) -> datetime | None:
    """An HTTP date (If-Modified-Since), or None when it is none."""
    try:
        when = parsedate_to_datetime(text) if text else None
    except (TypeError, ValueError):
        return None
    return when.replace(tzinfo=when.tzinfo or timezone.utc) if when else None


def _atom(xml: str, request: Request, changed: Callable[[str, str], datetime]) -> Response:
    """The feed, with an ETag of its text and the time it last changed (`changed`, from the
    address and the text's digest): a reader asking again with either (If-None-Match first, as
    RFC 9110 13.1.3 says) gets 304 and no body while the feed is unchanged (readers poll every
    few minutes; many by date alone). Gzipped here, not by the
    middleware, to a reader that takes it, under a tag of its own: the gzip and plain bodies
    shared one strong tag, and a cache revalidating one with the other's could serve gzip bytes
    to a reader that cannot read them."""
    import gzip
    import hashlib

    body = xml.encode()
    zipped = "gzip" in request.headers.get("accept-encoding", "") and len(body) >= GZIP_FROM
    digest = hashlib.sha256(body).hexdigest()[:32]
    tag = f'"{digest}-gzip"' if zipped else f'"{digest}"'
    since = changed(request.url.path + "?" + request.url.query, digest)
    headers = {"ETag": tag, "Last-Modified": format_datetime(since, usegmt=True), "Cache-Control": "no-cache",
               "Vary": "Accept-Encoding"}
    asked = request.headers.get("if-none-match", "")
    # `*`: any body the reader holds is current while the feed is there (RFC 9110 13.1.2)
    if asked.strip() == "*" or tag in (t.strip().removeprefix("W/") for t in asked.split(",")):
        return Response(status_code=304, headers=headers)
    held = _http_date(request.headers.get("if-modified-since", "")) if not asked else None
    if held is not None and held >= since:
        return Response(status_code=304, headers=headers)
    if zipped:
        headers["Content-Encoding"] = "gzip"
        body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)
