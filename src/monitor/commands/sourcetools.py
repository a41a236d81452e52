"""Commands for setting up sources: test-source (what a source yields) and add-source (what a
URL is, as a ready `[[sources]]` block)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

import click

from . import Whole
from .output import local_time, print_table, shown


@click.command("test-source")
@click.argument("name")
@click.option("--limit", default=5, show_default=True, type=Whole(0, 1000),
              help="How many candidate links to fetch and extract (0: the listing alone).")
@click.pass_obj
def test_source(state, name, limit) -> None:
    """Fetch one source of any kind and show what it yields, without storing anything: links per
    page, why links were dropped, the first article extracted and what it would match."""
    from ..fetch import Fetcher
    from ..pipeline.listing import blocking_listing

    src = state.cfg.source(name)
    store = state.store if state.cfg.db_path.exists() else None
    with Fetcher(state.cfg.fetch) as fetcher:
        found = blocking_listing(fetcher, src, store)
        click.echo(f"{src.name} ({src.kind}): {len(found.candidates)} links from {len(found.pages)} pages")
        for i, page in enumerate(found.pages, 1):
            click.echo(f"  page {i}: {page.url}: {page.links} links, {page.new} not yet stored"
                       + (f" — {page.note}" if page.note else ""))
        for warning in found.warnings:  # what a poll's report says too: an empty feed, a later page failed
            click.echo(f"  warning: {warning}")
        _dropped(found.dropped)
        known = store.known_urls(_canon(c.url for c in found.candidates)) if store is not None else set()
        rows: list[list] = []
        told = False  # the first link that extracted is shown in full (those before it failed)
        for cand in found.candidates[:limit]:
            row, extracted = _row(state, fetcher, src, cand, known, first=not told)
            rows.append(row)
            told = told or extracted
    print_table(src.name, ["url", "title", "published", "chars", "topics / why not"], rows)


def _canon(urls):
    from ..dedup import canonical_url

    return [canonical_url(u) for u in urls]


def _dropped(dropped: list[tuple[str, str]]) -> None:
    if not dropped:
        return
    reasons = Counter(why.split(" (")[0] for _, why in dropped)
    click.echo(f"  dropped {len(dropped)} links: " + "; ".join(f"{why}: {n}" for why, n in reasons.most_common()))
    for url, why in dropped[:3]:
        click.echo(f"    e.g. {url} — {why}")


def _row(state, fetcher, src, cand, known: set[str], first: bool) -> tuple[list, bool]:
    """One candidate fetched, extracted and matched (the first one shown in full)."""
    from .. import extract, match
    from ..dedup import canonical_url
    from ..errors import MonitorError
    from ..pipeline.listing import with_listing_facts
    from ..pipeline.morepages import whole
    from ..pipeline.policy import source_verdicts

    note = "already stored; " if canonical_url(cand.url) in known else ""
    if not fetcher.allowed(cand.url):
        return [cand.url, cand.title or "", "", "", note + "skipped: robots.txt disallows it"], False
    fetched: list[str] = []  # the final URL of each page read

    def read(url: str) -> tuple:
        page = fetcher.get(url)
        fetched.append(page.url)
        return extract.extract(page.text, page.url, src.extract, fetched_at=datetime.now(timezone.utc)), page.text

    try:
        opening, html = read(cand.url)
        art = with_listing_facts(whole(opening, fetched[0], html, read), cand)  # a split article, whole
    except MonitorError as exc:
        why = str(exc).replace(cand.url, "the page")  # (the row gives the address)
        return [cand.url, cand.title or "", "", "", note + why[:120]], False
    names = list(state.cfg.topics)
    verdicts = source_verdicts(state.cfg, src.name, art.published,
                               [match.match_article(state.cfg.topics[t], art.title, art.body) for t in names])
    hits = [v.topic for v in verdicts if v.matched]
    if first:
        click.echo(f"\nfirst article: {shown(fetched[0])}\n  title: {shown(art.title)}\n  published: "
                   f"{local_time(art.published.isoformat()) if art.published else 'unknown'}\n  "
                   f"chars: {len(art.body)}\n  " + "\n  ".join(f"{v.topic}: {'MATCH' if v.matched else 'no'} "
                                                        f"({v.reason})" for v in verdicts) + "\n")
    why = ",".join(hits) or "; ".join(v.reason for v in verdicts)[:100]
    return [cand.url, art.title, local_time(art.published.isoformat()) if art.published else "", len(art.body),
            note + why], True


@click.command("add-source")
@click.argument("url")
@click.option("--name", help="The source's name (default: from the host name).")
@click.pass_obj
def add_source(state, url, name) -> None:
    """Fetch URL, detect what it is (a feed, a page announcing a feed, a sitemap in robots.txt,
    a list page) and print a ready [[sources]] block to paste into the config."""
    from ..config import FetchConfig
    from ..errors import ConfigError, FetchError, InputError
    from ..fetch import Fetcher
    from ..sources import detect

    if not url.startswith(("http://", "https://")):
        raise InputError(f"not an http(s) URL: {url!r}", hint="give the page's full address")
    try:
        fetch_cfg, taken = state.cfg.fetch, {s.name for s in state.cfg.sources}
    except ConfigError:
        fetch_cfg, taken = FetchConfig(), set()
    with Fetcher(fetch_cfg) as fetcher:
        try:
            page = fetcher.get(url)
        except FetchError as exc:
            if exc.kind != "robots":
                raise
            sitemaps = detect.robots_sitemaps(_robots(fetcher, url), url)
            if not sitemaps:
                raise InputError(f"{url}: robots.txt disallows this page and names no sitemap",
                                 hint="the monitor keeps to robots.txt: give a list page or feed it allows") from exc
            _print([detect.Guess("sitemap", s, "robots.txt disallows the page but names this sitemap") for s in sitemaps],
                   url, name or _name(url, taken))
            return
        robots = _robots(fetcher, page.url)
        guesses = detect.detect(page.content, page.headers, page.url, robots)
        if not any(g.kind == "html" for g in guesses):  # a frameset or iframe around the list: a browser shows it
            guesses += _framed(fetcher, page)
    if not guesses:
        where = page.url if page.url == url else f"{url} (redirected to {page.url})"
        if detect.login_wall(page.content):
            raise InputError(f"{where}: a login page, no list of article links",
                             hint="the monitor reads what a visitor without an account sees: "
                                  "give a list page that opens without logging in")
        headline = _article_headline(page)
        if headline:  # one article, as users paste a shared link (a WeChat account's, an app's)
            raise InputError(f"{where}: an article page (headed {headline!r}), not a list of article links",
                             hint="give the list page, feed or account page its links come from")
        raise InputError(f"{where}: no feed, sitemap or list of article links found",
                         hint="try the site's news list page, or its robots.txt for a sitemap")
    _print(guesses, page.url, name or _name(page.url, taken), moved=_moved(url, page.url))


def _article_headline(page) -> str | None:
    """The headline of the article the page is (its text read as a poll reads it), or None."""
    from .. import extract
    from ..errors import ExtractError
    from ..sources.apiguess import looks_json

    if "html" not in page.headers.get("content-type", "text/html").lower() or looks_json(page.content, page.headers):
        return None  # a JSON answer or a text file read as a page is no article
    try:
        article = extract.extract(page.text, page.url)
    except ExtractError:
        return None
    return article.title[:80] if article.title and len(article.body) >= 100 else None


def _moved(asked: str, landed: str) -> str:
    """One line when a redirect took the page to another host, port or scheme (the block is
    for where it landed, which the user did not give); "" for a move within the host."""
    from urllib.parse import urlsplit

    a, b = urlsplit(asked), urlsplit(landed)
    if (a.scheme, a.netloc.lower()) == (b.scheme, b.netloc.lower()):
        return ""
    return (f"# note: {asked} redirected to {landed} ({'another host' if a.netloc.lower() != b.netloc.lower() else b.scheme}):"
            " the block below polls where it landed; check it is the site you meant\n")


def _print(guesses: list, url: str, base: str, moved: str = "") -> None:
    from ..sources import detect

    if moved:
        click.echo(moved, nl=False)
    click.echo(f"# {url}: " + "; ".join(f"{g.kind}: {g.why}" for g in guesses))
    click.echo(detect.toml_block(guesses[0], base))
    for i, other in enumerate(guesses[1:], 2):
        click.echo("# or:\n" + "".join(f"# {line}\n" for line in detect.toml_block(other, f"{base}-{i}").splitlines()))


def _framed(fetcher, page) -> list:
    """The list pages among a page's frames (`detect.frames`), each guessed as a list page."""
    from ..errors import MonitorError
    from ..sources import detect

    found = []
    for frame in detect.frames(page.text, page.url):
        try:
            inner = fetcher.get(frame)
        except MonitorError:
            continue
        for guess in detect.detect(inner.content, inner.headers, inner.url):
            if guess.kind == "html":
                guess.why = f"the list in a frame of {page.url}: {guess.why}"
                found.append(guess)
    return found


def _robots(fetcher, url: str) -> str:
    from urllib.parse import urlsplit

    from ..errors import MonitorError

    parts = urlsplit(url)
    try:
        return fetcher.get(f"{parts.scheme}://{parts.netloc}/robots.txt", check_robots=False).text
    except MonitorError:
        return ""


_GENERIC = {"index", "list", "lists", "default", "main", "home", "more", "news", "html", "cn"}


def _name(url: str, taken: set[str]) -> str:
    """The host and the list's section of the path (`sm-gov-cn-xw` for sm.gov.cn/xw/list.html),
    numbered past the names the config already has."""
    import re
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = (parts.hostname or "source").removeprefix("www.").replace(".", "-")
    words = [re.sub(r"(_\d+)?\.\w+$", "", seg).lower() for seg in parts.path.split("/")]
    words = [re.sub(r"[^a-z0-9]+", "-", w).strip("-") for w in words if w and w not in _GENERIC]
    if words and words[-1]:
        name += "-" + words[-1][:24]
    out, n = name, 1
    while out in taken:
        n += 1
        out = f"{name}-{n}"
    return out


COMMANDS = [test_source, add_source]
