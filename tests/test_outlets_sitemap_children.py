"""A news site's sitemap index listing a sitemap a day (today's, yesterday's, …), the index written
afresh at every request (its lastmod the moment it was asked for: never a 304).

A poll of a source polled before read the index, today's sitemap and, whenever today's brought
a new link, yesterday's as well: two sitemaps downloaded at every poll of a busy site, though
today's already ended on links stored (the news was all in it). A child sitemap whose oldest entry
is stored ends the walk, as a list page does; a child of only new entries still reads on to the
next (a poll missed a day), and the first poll reads them all. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

SHANGHAI = timezone(timedelta(hours=8))
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(site: Site, day: datetime, numbers: list[int]) -> str:
    entries = "".join(f"<url><loc>{site.url(f'/n/{n}.html')}</loc><lastmod>{(day + timedelta(minutes=n)).isoformat()}"
                      "</lastmod></url>" for n in sorted(numbers, reverse=True))
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{entries}</urlset>'


def serve(site: Site, today: list[int], yesterday: list[int]) -> None:
    now = datetime.now(SHANGHAI).replace(microsecond=0)
    day0, day1 = now - timedelta(hours=2), now - timedelta(days=1)
    site.page("/map/today.xml", urlset(site, day0, today), content_type="application/xml")
    site.page("/map/yesterday.xml", urlset(site, day1, yesterday), content_type="application/xml")
    site.page("/map/index.xml", f'<?xml version="1.0"?><sitemapindex {NS}>'
              f'<sitemap><loc>{site.url("/map/yesterday.xml")}</loc><lastmod>{day1.isoformat()}</lastmod></sitemap>'
              f'<sitemap><loc>{site.url("/map/today.xml")}</loc><lastmod>{now.isoformat()}</lastmod></sitemap>'
              "</sitemapindex>", content_type="application/xml")


def test_a_poll_reads_no_sitemap_past_the_one_its_news_ends_in(make_ctx):  # noqa: F811
    with Site() as site:
        for n in range(1, 12):
            site.article(f"/n/{n}.html", f"三明与上海合作第{n}号项目签约落地")
        serve(site, today=[6, 7, 8], yesterday=[1, 2, 3, 4, 5])
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{site.url("/map/index.xml")}"\n')
        first = poll(ctx)[0]
        assert first.new == 8 and site.paths().count("/map/yesterday.xml") == 1, (first, site.paths())
        serve(site, today=[6, 7, 8, 9, 10], yesterday=[1, 2, 3, 4, 5])  # two more today
        before = len(site.paths())
        second = poll(ctx)[0]
        asked = site.paths()[before:]
        assert second.new == 2, second
        assert "/map/today.xml" in asked and "/map/yesterday.xml" not in asked, asked


def test_a_day_of_only_new_entries_still_reads_the_day_before(make_ctx):  # noqa: F811
    with Site() as site:
        for n in range(1, 12):
            site.article(f"/n/{n}.html", f"三明与上海合作第{n}号项目签约落地")
        serve(site, today=[6], yesterday=[1, 2])
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{site.url("/map/index.xml")}"\n')
        poll(ctx)
        serve(site, today=[8, 9, 10, 11], yesterday=[1, 2, 3, 4])  # a day missed: yesterday's grew after the poll
        second = poll(ctx)[0]
    assert urls(ctx) == {site.url(f"/n/{n}.html") for n in (1, 2, 3, 4, 6, 8, 9, 10, 11)}, second
