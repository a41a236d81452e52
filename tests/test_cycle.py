"""The poll cycle against hostile sites on 127.0.0.1: one link or source never stops the others."""

from __future__ import annotations

import pytest
from hostile import Site, raw

from monitor import config
from monitor.fetch import Fetcher
from monitor.pipeline import Context, poll
from monitor.store import Store

FETCH = """[fetch]
min_delay = 0
retries = 1
timeout = 3
"""


def source_toml(name: str, url: str, kind: str = "html", selector: str = "ul.news a") -> str:
    sel = f'link_selector = "{selector}"\n' if kind == "html" else ""
    return f'[[sources]]\nname = "{name}"\nkind = "{kind}"\nurl = "{url}"\n{sel}'


@pytest.fixture
def make_ctx(tmp_path):
    """make_ctx(sources_toml, fetch_toml=FETCH) → a Context on a fresh database."""
    opened: list[tuple[Store, Fetcher]] = []

    def make(sources: str, fetch: str = FETCH) -> Context:
        path = tmp_path / "monitor.toml"
        path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + fetch + sources, encoding="utf-8")
        cfg = config.load(path, tmp_path / "m.db")
        store = Store.open(cfg.db_path)
        fetcher = Fetcher(cfg.fetch)
        opened.append((store, fetcher))
        return Context(cfg, store, fetcher)

    yield make
    for store, fetcher in opened:
        fetcher.close()
        store.close()


def urls(ctx: Context) -> set[str]:
    return {r["url"] for r in ctx.store.db.query("SELECT url FROM articles")}


def test_ipv6_literal_and_malformed_links_fail_alone(make_ctx):
    with Site() as a, Site() as b:
        a.listing("/list.html", ["http://[::1]/x", "http://[::1/broken", "http://a:xx/", "/ok.html"])
        a.article("/ok.html", "沪明合作新闻一")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
    assert set(reports) == {"a", "b"}
    assert reports["b"].status == "ok" and reports["b"].new == 1
    assert reports["a"].new == 1 and reports["a"].status == "partial"
    assert urls(ctx) == {a.url("/ok.html"), b.url("/b1.html")}


def test_malformed_content_length_is_that_links_failure(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/bad.html", "/ok.html"])
        a.routes["/bad.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html", b"Content-Length: 12abc"],
                                    b"<p>x</p>")
        a.article("/ok.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new, len(report.errors)) == ("partial", 1, 1)
    assert urls(ctx) == {a.url("/ok.html")}
    assert ctx.store.link_failures("a")[0]["canonical_url"].endswith("/bad.html")


def test_a_feed_entry_with_an_impossible_date_costs_nothing_else(make_ctx):
    with Site() as a, Site() as b:
        items = "".join(f"<item><title>t{i}</title><link>{a.url(f'/{i}.html')}</link><pubDate>{d}</pubDate></item>"
                        for i, d in enumerate(["9999-12-31T23:59:59-12:00", "Mon, 23 Nov 2026 08:00:00 +0800"]))
        a.page("/rss.xml", f'<rss version="2.0"><channel><title>f</title>{items}</channel></rss>',
               content_type="application/rss+xml")
        a.article("/0.html", "沪明合作新闻零")
        a.article("/1.html", "沪明合作新闻一")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/rss.xml"), kind="feed") + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
    assert (reports["a"].status, reports["a"].new) == ("ok", 2)
    assert (reports["b"].status, reports["b"].new) == ("ok", 1)


def test_repeated_links_with_tracking_parameters_are_fetched_once(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/a.html?spm=1.2.3", "/a.html?spm=9&utm_source=x", "/a.html#top", "/a.html",
                                 "/b.html?id=%D7%DB&from=timeline"])
        a.article("/a.html", "沪明合作新闻一")
        a.article("/b.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        paths = a.paths()
    assert (report.status, report.new, report.duplicates) == ("ok", 2, 3)
    assert paths.count("/a.html") == 1 and not any("spm" in p for p in paths)
    assert "/b.html?id=%D7%DB" in paths  # GBK escapes kept byte for byte
    assert urls(ctx) == {a.url("/a.html"), a.url("/b.html?id=%D7%DB")}
