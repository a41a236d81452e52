"""A feed holds only its newest entries (often 10 or 20). When more news came between two polls
than the feed holds, the entries pushed off its end are gone from it, and no poll can read them:
a feed has no further pages to walk. The monitor said nothing, and those articles were lost
without a word. Now a poll whose feed entries are every one new (and there are enough of them to
be a full feed) says so, naming the fix: poll the feed more often, or add the site's list page.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)

from monitor.pipeline import poll


def feed(a: Site, numbers: range) -> None:
    items = "".join(f"<item><title>三明与上海合作第{n}号项目签约落地</title><link>{a.url(f'/n/{n}.html')}</link></item>"
                    for n in reversed(numbers))
    a.page("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
                       f"{items}</channel></rss>", content_type="application/rss+xml; charset=utf-8")
    for n in numbers:
        a.article(f"/n/{n}.html", f"三明与上海合作第{n}号项目签约落地")


def source(a: Site) -> str:
    return f'[[sources]]\nname = "county-rss"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n'


def test_a_feed_whose_every_entry_is_new_says_news_may_have_fallen_off_its_end(make_ctx):  # noqa: F811
    with Site() as a:
        feed(a, range(0, 10))
        ctx = make_ctx(source(a))
        first = poll(ctx)[0]
        feed(a, range(25, 35))  # 25 new since: 15 never in the feed while it was read
        second = poll(ctx)[0]
    assert (first.status, first.new, first.errors) == ("ok", 10, [])  # a first poll reads what there is
    assert second.new == 10 and second.status == "partial"
    (warning,) = second.errors
    assert "every one of the feed's 10 entries is new" in warning and "poll" in warning and "list page" in warning


def test_a_feed_that_still_holds_the_last_polls_entries_says_nothing(make_ctx):  # noqa: F811
    with Site() as a:
        feed(a, range(0, 10))
        ctx = make_ctx(source(a))
        poll(ctx)
        feed(a, range(3, 13))
        report = poll(ctx)[0]
    assert (report.status, report.new, report.errors) == ("ok", 3, [])


def news_sitemap(a: Site, numbers: range) -> None:
    """A Google News sitemap: it lists only the last two days' articles."""
    urls = "".join(f"<url><loc>{a.url(f'/n/{n}.html')}</loc><news:news><news:title>三明与上海合作第{n}号项目签约落地"
                   "</news:title></news:news></url>" for n in reversed(numbers))
    a.page("/sitemap_news.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
           'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>",
           content_type="application/xml")
    for n in numbers:
        a.article(f"/n/{n}.html", f"三明与上海合作第{n}号项目签约落地")


def test_a_news_sitemap_whose_every_entry_is_new_says_so_too(make_ctx):  # noqa: F811
    with Site() as a:
        news_sitemap(a, range(0, 8))
        ctx = make_ctx(f'[[sources]]\nname = "county-map"\nkind = "sitemap"\nurl = "{a.url("/sitemap_news.xml")}"\n')
        first = poll(ctx)[0]
        news_sitemap(a, range(30, 38))  # three days down: the two days it lists are all new
        second = poll(ctx)[0]
        news_sitemap(a, range(34, 42))
        third = poll(ctx)[0]
    assert first.errors == [] and third.errors == [] and third.new == 4
    assert second.status == "partial" and "every one of the sitemap's 8 entries is new" in second.errors[0]
