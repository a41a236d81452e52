"""Poll steps for one source: pick the links worth fetching, turn a fetched page into an
article with its keys, count a failed link, record how the poll went.

In: a Context, a `SourceRun` (one source in one cycle) and what the fetcher returned. Out: the
run's report, link failures, the source row. `cycle.py` calls these in the order results arrive;
The entry points, `poll` / `poll_source`, and the one `run_cycle` are in cycle.py.
Identity: a link is known by its canonical URL; a page by its final URL after redirects, or by
its `<link rel=canonical>` when that is on the same site, and the other URLs become aliases.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import SplitResult, urlsplit, urlunsplit

from .. import dedup, extract
from ..config import Source
from ..decode import file_kind
from ..errors import ExtractError, FetchError, MonitorError
from ..fetch import Response
from ..fetch.signals import same_site
from ..models import Article, Candidate, SourceReport
from ..sources import LinkFilter, Listing
from ..sources.detect import xml_kind
from . import health, variants, waiting
from .base import Context, cap_body, log
from .listing import MAX_ATTEMPTS, ListingWalk, frontier_after, settled, with_listing_facts

_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain", "application/xml", "text/xml")
# downloads some sites serve as text/html: their first bytes tell
MAX_TITLE = 1_000  # a headline; a page whose <title> is a megabyte is broken or hostile
# A source's links asked for at once, their pages fetched and not yet read: each up to
# fetch.max_bytes, and a site serving 8 MB pages faster than they are read had all of a poll's
# 50 held at once (490 MB). The host's own turns, one request at a time, pace the rest.
LINKS_AT_ONCE = 8
PERMANENT = frozenset({"refused", "redirect", "too_large", "invalid"})  # retrying would not help


@dataclass(frozen=True)
class Stray:
    """A link's article whose headline shares nothing with the link's text, not stored yet."""

    cand: Candidate
    key: str
    article: Article
    target: str
    aliases: set[str]


@dataclass
class SourceRun:
    """One source in one cycle: its report and what the cycle learnt on the way."""

    src: Source
    deadline: float
    report: SourceReport
    started: float = field(default_factory=time.monotonic)
    state: dict[str, Any] = field(default_factory=dict)
    walk: ListingWalk | None = None  # the source kind's listing requests
    listing: Listing | None = None
    links: int = 0
    pending: int = 0  # article fetches not yet handled
    queued: list[tuple[Candidate, str]] = field(default_factory=list)  # links chosen, not yet asked for (reversed)
    fetching: int = 0  # links asked for whose page is not yet read (at most LINKS_AT_ONCE)
    attempted: int = 0
    blocked: int = 0
    late: int = 0  # links the source deadline cut off
    robots: int = 0  # links robots.txt kept out
    paused: list[str] = field(default_factory=list)  # links whose host asked for a pause: why, each
    missing: int = 0  # polls in a row the listing answered 404/410
    # links with failures on record when listed (one another process records meanwhile stays on
    # record: harmless, the link is stored, so it is never fetched again)
    failing: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)  # link texts the listing gives more than one link (阅读全文)
    # pages headed unlike their link's text, by headline and text, held until the source's links are in
    strays: dict[tuple[str, int], list[Stray]] = field(default_factory=dict)
    moved: str = ""  # the new address the source's url answered a 301/308 with
    waiting: list[Candidate] = field(default_factory=list)  # links left for the next poll (`waiting`)
    status: str | None = None  # set when the listing itself failed
    done: bool = False


def choose_links(ctx: Context, run: SourceRun, found: list[Candidate], claimed: set[str]) -> list[tuple[Candidate, str]]:
    """The links to fetch, each with its canonical URL: one per article (tracking parameters
    dropped), none already stored, aliased, given up or taken by another source this cycle; at
    most `fetch.max_articles_per_poll`: first those earlier polls left (`waiting`), then the
    newest (`newest_first`; the oldest after a burst). The rest wait in `run.waiting`."""
    report = run.report
    unique: dict[str, Candidate] = {}
    for cand in found:
        key = dedup.canonical_url(cand.url)
        if key not in unique:
            unique[key] = replace(cand, url=dedup.strip_tracking(cand.url))
    keys = list(unique)
    held = {dedup.canonical_url(c.url): c for c in waiting.of(run.state)}  # left by earlier polls: first
    if held:  # judged by the source's rules as they are now (max_age_days passed since, a pattern edited)
        rules = LinkFilter(run.src, datetime.now(timezone.utc))
        held = {k: c for k, c in held.items() if not rules.reason(c)}
    for key, cand in held.items():
        unique.setdefault(key, cand)
    texts = Counter(c.title.strip() for c in found if c.title)
    run.generic = {t for t, n in texts.items() if n > 1}
    done, failures = settled(ctx.store, list(unique))
    run.failing.update(failures)
    known = done | (claimed & set(unique))
    fresh = variants.one_per_article([(unique[k], k) for k in keys if k not in known])  # (a print view's path)
    if any("?" in k for _, k in fresh):  # a value that changes at each read: the stored article
        fresh = [(c, k) for c, k in fresh if "?" not in k or not (variants.stored_as(ctx.store, c, k, run.generic)
                                                                  or variants.listed_bare(unique, c, k))]
    listed = len(fresh)
    cap = ctx.cfg.fetch.max_articles_per_poll
    if len(fresh) > cap:
        fresh = newest_first(fresh, keys[0] in known and keys[-1] not in known)
        # A listing read past its pages (a burst of news): the oldest first; otherwise the newest first.
        if run.listing is not None and run.listing.caught_up:
            fresh = fresh[-cap:] + fresh[:-cap]
    if held:  # what earlier polls left goes first (it may be off the list by now), then the listing's news
        first = [(unique[k], k) for k in held if k not in known]
        taken = {k for _, k in first}
        fresh = first + [(c, k) for c, k in fresh if k not in taken]
    chosen, run.waiting = fresh[:cap], [c for c, _ in fresh[cap:]]
    report.duplicates += len(found) - listed
    report.deferred += len(fresh) - len(chosen)
    claimed.update(k for _, k in chosen)
    return chosen


def newest_first(fresh: list[tuple[Candidate, str]], stored_on_top: bool) -> list[tuple[Candidate, str]]:
    """New links, the newest first: by the listing's own dates when it dates most of them (a feed
    written oldest first, search results ranked by relevance; undated ones keep their place after
    the dated), else in list order, read bottom-up when the list's top link is stored and its
    last one new (a column appended to in date order: the news comes in at the bottom)."""
    dated = sum(c.published is not None for c, _ in fresh)
    if dated * 2 > len(fresh):
        return sorted(fresh, key=lambda pair: pair[0].published.timestamp() if pair[0].published else -1e12,
                      reverse=True)
    return fresh[::-1] if stored_on_top else fresh


def article_from_page(ctx: Context, run: SourceRun, cand: Candidate, key: str,
                      page: Response) -> tuple[Article, str, set[str], str] | None:
    """The article on a fetched page, the canonical URL to store it under, its aliases and the
    canonical form of the page's own final URL (None for a download such as a PDF, which is given
    up at once)."""
    kind = page.headers.get("content-type", "text/html").split(";")[0].strip().lower()
    kind = file_kind(page.content) or kind
    if kind and not kind.startswith(_PAGE_TYPES) and not _opens_as_html(page.content):
        kind = xml_kind(page.content) or kind
    else:  # `<?xml` opens XHTML and feeds alike
        kind = xml_kind(page.content)
    if kind:  # a download, or a feed or a sitemap (a feed item whose link is the feed itself)
        ctx.store.record_link_failure(key, run.src.name, f"not a web page ({kind})", final=True,
                                      final_attempts=MAX_ATTEMPTS)
        run.report.skipped += 1
        return None
    url = page.url
    declared = page.canonical
    if declared and same_site(declared, page.url) and declared not in (run.src.url, _root(declared)) \
            and not section_of(declared, page.url):
        url = declared  # the site's own name for the page; one pointing home or to a section is a CMS bug
    # The page was fetched just now: relative byline times (`3小时前`) count back from this moment.
    article = extract.extract(page.text, dedup.strip_tracking(url), run.src.extract, fetched_at=datetime.now(timezone.utc))
    if page.redirects and landed_elsewhere(cand, page.url, article.title, run.generic):
        raise ExtractError(f"{cand.url} was sent on to {page.url}, headed {article.title[:40]!r}: not this article",
                           hint="a login, error or home page; asked again at the next poll")
    said = not_found(cand, article.title, article.body, run.generic)
    if said:
        raise ExtractError(f"{cand.url}: a page saying {said!r}, headed {article.title[:40]!r}: not this article",
                           hint="not published yet, taken down, or a firewall's block; asked again at the next polls")
    article = with_listing_facts(article, cand)
    if len(article.title) > MAX_TITLE:
        article = replace(article, title=article.title[:MAX_TITLE])
    article = cap_body(article)  # as `monitor import` does: an 8 MB page is hostile, not news
    own = dedup.canonical_url(page.url)
    target = own if url == page.url else dedup.canonical_url(url)
    aliases = {key, own, *(dedup.canonical_url(u) for u in page.redirects)} - {target}
    return article, target, aliases, own


_RUNS = re.compile(r"[a-z0-9]+|[^\W\d_a-z]+")  # Latin words; runs of other letters (Chinese)
# what an article's own page may add below its address: an AMP, print or mobile rendering of it
_RENDERINGS = frozenset({"amp", "amp/", "amp.html", "print", "print/", "print.html", "m", "m/", "mobile", "mobile/"})


def section_of(declared: str, url: str) -> bool:
    """Whether `declared` is a folder above the page at `url` (or that folder's index page): the
    section the article is in, not the article (`/news/` for `/news/2026/1.html`), unless the
    page is only another rendering of it (`/news/7/amp/` for `/news/7/`) or its folder's own
    index page (`/news/7/index.html`)."""
    try:
        folder, (page, query) = urlsplit(declared).path or "/", urlsplit(url)[2:4]
    except ValueError:
        return False
    head, _, last = folder.rpartition("/")
    if last.lower().startswith(("index.", "default.")):
        folder = head + "/"
    if not folder.endswith("/") or not page.startswith(folder):
        return False
    rest = page[len(folder):].lower()
    # the folder's own index page is the page itself (`/content/123/` for `/content/123/index.html`)
    # (an index page with a query, `index.jsp?id=5`, is one of the section's articles)
    return bool(rest) and rest not in _RENDERINGS and not (
        not query and "/" not in rest and rest.startswith(("index.", "default.")))


def landed_elsewhere(cand: Candidate, final: str, headline: str, generic: set[str]) -> bool:
    """Whether a link sent on to another path landed on a page that is not its article (a login
    wall, a "page not found" page, a home page): the page's headline shares almost nothing
    (under a fifth of its words) with the link's own text. Link texts too short to say, and those
    the listing repeats (阅读全文, "more"), say nothing."""
    try:
        before, after = urlsplit(cand.url), urlsplit(final)
    except ValueError:
        return False
    if (before.path, before.query) == (after.path, after.query):
        return False  # http → https, a host's www: the same page
    return _unlike(cand, headline, generic) is True


def stray(run: SourceRun, held: Stray) -> bool:
    """Hold `held` when its page is headed unlike its link's text (True), until the source's
    links are in: one page for several links (a maintenance notice, a login wall served at every
    address) is none of their articles (`strays`)."""
    anchor = (held.cand.title or "").strip()
    if not anchor or anchor in held.article.title or _unlike(held.cand, held.article.title, run.generic) is not True:
        return False  # (most links' text is their headline: one `in`)
    run.strays.setdefault((held.article.title, hash(held.article.body)), []).append(held)
    return True


def strays(run: SourceRun) -> tuple[list[Stray], list[tuple[Stray, ExtractError]]]:
    """The held articles to store, and the links to fail with why: those whose page, headed
    unlike every one of their texts, came for several links named otherwise."""
    keep: list[Stray] = []
    failed: list[tuple[Stray, ExtractError]] = []
    for held in run.strays.values():
        if len({h.cand.title for h in held}) < 2:
            keep += held
            continue
        for h in held:
            failed.append((h, ExtractError(
                f"{h.cand.url}: the same page as {len(held) - 1} other links, headed {h.article.title[:40]!r}: "
                "not this article", hint="a maintenance, login or home page served at every address; asked again "
                "at the next poll")))
    run.strays.clear()
    return _headed_by_links(keep, run.listing.title if run.listing else ""), failed


def _headed_by_links(keep: list[Stray], site: str = "") -> list[Stray]:
    """Articles of one poll headed alike, each unlike its own link's text, with texts of their
    own: the outlet's name in every page's <title> (an e-paper's, the headline in a cell of its
    own), not their headlines; and one headed with the name its list page is titled by (`site`: a
    poll's lone new article). Each is headed by its link's text, the headline the list gives it."""
    alike: dict[str, list[Stray]] = {}
    for held in keep:
        alike.setdefault(held.article.title, []).append(held)
    named = {title for title, held in alike.items()
             if (len(held) >= 2 and len({h.cand.title for h in held}) == len(held) and len({hash(h.article.body) for h in held}) > 1)
             or (len(held) == 1 and len(title) >= 2 and title in site)}
    if not named:
        return keep
    return [replace(h, article=replace(h.article, title=(h.cand.title or h.article.title).strip()[:MAX_TITLE]))
            if h.article.title in named else h for h in keep]


def _unlike(cand: Candidate, headline: str, generic: set[str]) -> bool | None:
    """Whether the page's headline shares almost nothing (under a fifth of its words) with the
    link's own text; None when that text is too short to say, or one the listing repeats."""
    anchor = (cand.title or "").strip()
    if len(_letters(anchor)) < 6 or anchor in generic:
        return None
    if headline == anchor:  # most pages: headed by their link's own text
        return False
    words = _words(anchor)
    return len(words & _words(headline)) < 0.2 * len(words)


# What a site's "page not found" page says (with HTTP 200), in the page's headline or its text;
# and a web firewall's block notice (网站防火墙, 访问被拦截, Access Denied) served in the page's place.
_NOT_FOUND = re.compile(
    r"(?:页面|网页|頁面|網頁|文章|信息|資訊|内容|內容|稿件|新闻|新聞|资源|資源)\s*(?:不存在|未找到|找不到|已删除|已被删除|已刪除|已被刪除)"
    r"|找不到(?:该|此|您|你|網|网|頁|页)|无法找到|無法找到|(?<![0-9A-Za-z])404(?![0-9])|not\s+found|no\s+longer\s+available"
    r"|网站防火墙|網站防火牆|(?:访问|訪問|请求|請求)(?:已)?被(?:拒绝|拒絕|拦截|攔截)|(?:拒绝|拒絕|禁止)(?:访问|訪問)"
    r"|设置(?:为)?拦截|設置(?:為)?攔截|不合法参数|不合法參數|access\s+denied|request\s+blocked",
    re.I)
NOTICE_TEXT = 300  # letters: a page with more to read is an article, whatever it says


def not_found(cand: Candidate, headline: str, body: str, generic: set[str]) -> str | None:
    """What a short page says when it is a site's "page not found" (or "removed") notice rather
    than the link's article, or None. The notice's words must be on the page, and its headline
    must not be the link's (a news brief about deleted posts is news): when the link's text is
    too short or generic to compare, the headline itself must be the notice."""
    if len(body) > 4 * NOTICE_TEXT or len(_letters(body)) > NOTICE_TEXT:  # most pages: one len()
        return None
    said = _NOT_FOUND.search(headline + "\n" + body)
    if said is None:
        return None
    unlike = _unlike(cand, headline, generic)
    if unlike is None:
        unlike = _NOT_FOUND.search(headline) is not None
    return said.group(0) if unlike else None


def _words(text: str) -> set[str]:
    """Lowercase Latin words and pairs of Chinese characters (a lone character alone)."""
    out: set[str] = set()
    for run in _RUNS.findall(text.lower()):
        if run.isascii():
            out.add(run)
        else:
            out.update(run[i:i + 2] for i in range(max(len(run) - 1, 1)))
    return out


def same_headline(a: str, b: str) -> bool:
    """Whether two headlines may be one article's (one holds the other, blanks and punctuation
    aside: a site suffix or a mobile page's shortening); an empty one says nothing."""
    x, y = _letters(a), _letters(b)
    return not x or not y or x in y or y in x


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


# The first tags Chromium's sniffer takes for HTML (and <meta>), each ending where a tag name ends.
_HTML_OPENING = re.compile(rb"<(?:!--|\?xml|(?:!doctype\s+html|html|head|meta|title|body|script|style|iframe|h1|div|"
                           rb"font|table|a|b|br|p)[\s/>])")


def _opens_as_html(content: bytes) -> bool:
    """Whether a page's own bytes open as HTML (after a BOM and blanks), whatever its server
    labelled it (`application/octet-stream`, `text/x-server-parsed-html`, …): a script or a
    style block before `<html>`, or a fragment (`<div>`, `<table>`), as a browser sniffs it."""
    head = content[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return _HTML_OPENING.match(head) is not None


def _root(url: str) -> str:
    """The site's home page, which no article is."""
    head = url.split("#", 1)[0].split("?", 1)[0]
    scheme, _, rest = head.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/"


def referer(page: str, url: str) -> str | None:
    """The Referer a browser sends for `url` followed from `page` (its default policy,
    strict-origin-when-cross-origin): the page, without its fragment, on the same origin; only its
    origin elsewhere; nothing from https to http. Sites that guard against hotlinking refuse an
    article asked for without one of their pages."""
    here, there = urlsplit(page), urlsplit(url)
    if here.scheme not in ("http", "https") or (here.scheme == "https" and there.scheme != "https"):
        return None
    try:
        origin = _origin(here)
        same = (here.scheme, origin) == (there.scheme, _origin(there))
    except ValueError:  # a port out of range
        return None
    if same:
        return urlunsplit((here.scheme, origin, here.path or "/", here.query, ""))
    return f"{here.scheme}://{origin}/"


def _origin(parts: SplitResult) -> str:
    """host[:port] of a URL, without any user name or password (a browser never sends those)."""
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{parts.port}" if parts.port else host


def link_failed(ctx: Context, run: SourceRun, cand: Candidate, key: str, exc: BaseException) -> None:
    """Count a link that did not become an article; a failure counts against the link, so a page
    that never works stops costing a fetch every poll, while a passing fault is retried."""
    report = run.report
    kind = exc.kind if isinstance(exc, FetchError) else ""
    if kind == "robots":  # the site's wish, not an error
        report.skipped += 1
        run.robots += 1
        return
    if isinstance(exc, TimeoutError) or kind in ("deferred", "rate_limited"):  # the deadline, a pause: next poll
        run.late += isinstance(exc, TimeoutError)
        if kind == "rate_limited":
            run.paused.append(describe(exc))
        report.deferred += 1
        run.waiting.insert(0, cand)  # chosen before those left by the cap: first again next poll
        return
    report.refused += kind == "refused"
    run.blocked += kind == "blocked"
    # A 404 or 410 is asked again too: a publishing system writes the list before the page, a CDN
    # holds a 404 for a while; a link still missing at its third poll is given up.
    final = kind in PERMANENT
    ctx.store.record_link_failure(key, run.src.name, describe(exc), final=final, final_attempts=MAX_ATTEMPTS)
    report.errors.append(describe(exc))


def describe(exc: BaseException) -> str:
    """One line for a report: our errors as they are, anything else with its type."""
    if isinstance(exc, MonitorError):
        return str(exc)
    if isinstance(exc, TimeoutError):
        return "source deadline reached"
    return f"{type(exc).__name__}: {exc}"


def record(ctx: Context, run: SourceRun) -> None:
    """Decide the source's status and write it, with the listing's validators when they are safe
    to reuse (every link went through, so a 304 next time hides nothing)."""
    report = run.report
    if run.status is not None:
        report.status = run.status
    elif report.status != "not_modified":
        if run.late:
            report.errors.append(f"source deadline ({ctx.cfg.fetch.source_deadline:g}s) reached: "
                                 f"{run.late} links left for the next poll")
        if run.paused:
            report.errors.append(f"{len(run.paused)} links left for the next poll: {run.paused[0]}")
        report.status = health.poll_status(run.state, run.links, run.attempted, run.blocked,
                                           len(report.errors))
    report.duration_ms = int((time.monotonic() - run.started) * 1000)
    listing = run.listing
    keep = listing is not None and report.status == "ok" and not report.deferred
    failed = report.status not in health.WORKING
    # a source that moved works, and says where to at every poll until its url is updated
    error = report.errors[0] if report.errors else moved(run.src.url, run.moved) if run.moved else None
    ctx.store.record_poll(run.src.name, run.src.kind, run.src.url, status=report.status, new=report.new,
                          error=error, failed=failed,
                          resting=report.status == health.RESTING,
                          links=run.links if listing is not None else None, missing_count=run.missing,
                          etag=listing.etag if keep and listing else None,
                          last_modified=listing.last_modified if keep and listing else None,
                          frontier=frontier_after(ctx.store, listing) if listing is not None else None,
                          waiting=waiting.dump(run.waiting) if listing is not None else None,
                          robots_skipped=run.robots, reach=listing.reach or None if listing is not None else None)
    log.info("source=%s status=%s candidates=%d new=%d matched=%d duplicates=%d errors=%d refused=%d "
             "deferred=%d duration_ms=%d%s", run.src.name, report.status, report.candidates, report.new,
             report.matched, report.duplicates, len(report.errors), report.refused, report.deferred,
             report.duration_ms, _why(report))


def moved(url: str, to: str) -> str:
    """The line saying a source's address has moved for good."""
    return f"{url} has moved permanently (HTTP 301) to {to}: update the source's url to it"


def _why(report: SourceReport) -> str:
    """A failed poll's first error, after its fields: an operator reading the daemon's log saw
    `status=error errors=1` every poll and had to ask `monitor sources` why."""
    if not report.errors or report.status in health.WORKING:
        return ""
    return " first_error: " + " ".join(report.errors[0].split())[:200]
