"""Listing dates from before the web: a CMS writing its "no date" as the first day of year 1 (a
.NET `DateTime.MinValue`, `0001-01-01T00:00:00`), a feed's `Mon, 01 Jan 0001 … -1200`, an epoch
left at 1900. A feed entry so dated failed the whole store batch of its poll ("storing articles
failed: ValueError: year 0 is out of range", the near-duplicate window of 45 days reaching before
year 1): nothing of that source was ever stored, poll after poll, and another source's articles
in the same batch waited a poll. A sitemap dated so dropped the entry as older than
max_age_days, never fetched; a 1900 date was stored as the article's. A listing date before 1990
(as a page's own date is read) is no date: the article stands on its page's date or none."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

ANCIENT = ["Mon, 01 Jan 0001 00:00:00 -1200", "Mon, 01 Jan 1900 00:00:00 +0000", "Sat, 01 Jan 0001 00:00:00 GMT"]
TITLES = ["三明新建产业园区首批企业入驻", "沪明两地文旅推介会在沪举行", "上海医疗专家团队赴永安义诊"]


def _rss(site: Site, dates: list[str]) -> str:
    items = "".join(f"<item><title>{t}</title><link>{site.url(f'/b{i}.html')}</link><pubDate>{d}</pubDate></item>"
                    for i, (t, d) in enumerate(zip(TITLES, dates, strict=True)))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def test_a_feed_dated_year_one_stores_its_entries_undated_and_fails_no_other_source(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        for i in range(3):
            a.article(f"/a{i}.html", f"上海新闻第{i}号沪明合作", BODY + f"\n第{i}条。")
            b.article(f"/b{i}.html", TITLES[i], BODY + f"\n第{i}篇。")
        a.listing("/list.html", [f"/a{i}.html" for i in range(3)])
        b.page("/rss.xml", _rss(b, ANCIENT), content_type="application/rss+xml")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/rss.xml"), kind="feed"))
        reports = {r.source: r for r in poll(ctx)}
    assert (reports["a"].new, reports["a"].status) == (3, "ok"), reports["a"]
    assert (reports["b"].new, reports["b"].status) == (3, "ok"), reports["b"]
    dated = {r["url"]: r["published"] for r in ctx.store.db.query("SELECT url, published FROM articles")}
    assert len(dated) == 6 and set(dated.values()) == {None}, dated


def test_a_sitemap_entry_dated_year_one_is_fetched_not_dropped_as_old(make_ctx):  # noqa: F811
    with Site() as a:
        urls = "".join(f"<url><loc>{a.url(f'/b{i}.html')}</loc><lastmod>{d}</lastmod></url>"
                       for i, d in enumerate(["0001-01-01T00:00:00", "0001-01-01", "1900-01-01T00:00:00Z"]))
        a.page("/sitemap.xml", f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                               f"{urls}</urlset>", content_type="application/xml")
        for i in range(3):
            a.article(f"/b{i}.html", TITLES[i], BODY + f"\n第{i}篇。")
        ctx = make_ctx(source_toml("a", a.url("/sitemap.xml"), kind="sitemap"))
        report = poll(ctx)[0]
    assert (report.new, report.status) == (3, "ok"), report
    assert {r["published"] for r in ctx.store.db.query("SELECT published FROM articles")} == {None}


def test_the_near_duplicate_window_of_a_date_at_either_end_of_the_calendar_stays_in_it():
    from datetime import datetime, timezone

    from monitor import datedsigs

    ends = [datetime(1, 1, 1, tzinfo=timezone.utc), datetime(9999, 12, 31, 23, tzinfo=timezone.utc)]
    ranges = datedsigs.spans(ends)
    assert ranges[0][0] == ends[0] and ranges[-1][1].year == 9999
