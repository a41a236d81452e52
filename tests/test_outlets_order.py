"""Outlets whose lists are not newest-first, met with `fetch.max_articles_per_poll`.

A poll fetches at most `max_articles_per_poll` new links and takes "the newest": it took the
first ones listed. A list that puts its newest items at the BOTTOM (a county column appended to
in date order, a feed a CMS writes oldest first) gave the oldest news first: a busy site's news
came polls late, and a search source sorted by relevance gave the best-matching, not the latest,
results. Now the newest are told by the listing's own dates when it gives them (a feed's, a
search's, a sitemap's), else by where the news comes in: a list whose stored links are at the top
and new ones at the bottom is read bottom-up. A sitemap index that lists itself among its
sitemaps (a CMS that writes the index into its own list) was read twice, and its sitemaps twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hostile import Site
from test_cycle import FETCH, make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def oldest_first_list(a: Site, numbers: range) -> None:
    items = "".join(f'<li><a href="/news/{n}.html">{headline(n)}</a></li>' for n in numbers)
    a.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')
    for n in numbers:
        a.article(f"/news/{n}.html", headline(n))


def rss(a: Site, path: str, numbers: list[int]) -> None:
    """Entry n is n hours old; listed in the order given."""
    items = "".join(f"<item><title>{headline(n)}</title><link>{a.url(f'/n/{n}.html')}</link>"
                    f"<pubDate>{(NOW - timedelta(hours=n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
                    for n in numbers)
    a.page(path, f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
                 f"{items}</channel></rss>", content_type="application/rss+xml; charset=utf-8")
    for n in numbers:
        a.article(f"/n/{n}.html", headline(n))


def test_a_list_with_its_newest_at_the_bottom_gives_the_newest_first(make_ctx):  # noqa: F811
    with Site() as a:
        oldest_first_list(a, range(0, 3))
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n', fetch=FETCH + "max_articles_per_poll = 2\n")
        poll(ctx)
        poll(ctx)  # the first three stored
        oldest_first_list(a, range(0, 9))  # six new, appended below
        second = poll(ctx)[0]
        after_second = urls(ctx)
    assert second.new == 2 and second.deferred == 4, second
    assert {a.url("/news/7.html"), a.url("/news/8.html")} <= after_second, sorted(after_second)


def test_a_feed_written_oldest_first_gives_its_newest_entries_first(make_ctx):  # noqa: F811
    with Site() as a:
        rss(a, "/rss.xml", list(reversed(range(1, 9))))  # 8 hours old first, 1 hour old last
        ctx = make_ctx(f'[[sources]]\nname = "county-rss"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n',
                       fetch=FETCH + "max_articles_per_poll = 3\n")
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 3, report
    assert stored == {a.url(f"/n/{n}.html") for n in (1, 2, 3)}, sorted(stored)


def test_search_results_by_relevance_give_the_latest_first(make_ctx):  # noqa: F811
    with Site() as a:
        rss(a, "/search", [40, 3, 70, 1, 25, 2, 90])
        ctx = make_ctx(f'[[sources]]\nname = "se"\nkind = "search"\nurl = "{a.url("/search")}?q={{query}}"\n'
                       'query = "沪明"\n', fetch=FETCH + "max_articles_per_poll = 3\n")
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 3, report
    assert stored == {a.url(f"/n/{n}.html") for n in (1, 2, 3)}, sorted(stored)


def test_a_sitemap_index_listing_itself_is_read_once(make_ctx):  # noqa: F811
    with Site() as a:
        for n in (1, 2):
            a.article(f"/n/{n}.html", headline(n))
        a.page("/news.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            f'<url><loc>{a.url("/n/1.html")}</loc></url><url><loc>{a.url("/n/2.html")}</loc></url>'
                            "</urlset>", content_type="application/xml")
        a.page("/index.xml", '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f'<sitemap><loc>{a.url("/index.xml")}</loc></sitemap>'
                             f'<sitemap><loc>{a.url("/news.xml")}</loc></sitemap></sitemapindex>',
               content_type="application/xml")
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{a.url("/index.xml")}"\n')
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == 2 and report.status == "ok", report
    assert asked.count("/index.xml") == 1 and asked.count("/news.xml") == 1, asked
