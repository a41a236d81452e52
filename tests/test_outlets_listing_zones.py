"""Listing dates as news sitemaps and APIs write their zone, not only as W3C's profile does.

A news sitemap's `<news:publication_date>` (and a JSON API's date field) came as
`2026-12-06T09:30:00+08` (ISO's hours-only offset), `…09:30:00GMT+08:00`, `…09:30:00CST`,
`…+08:00:00`, or a feed's RFC 822 date (`Sun, 06 Dec 2026 09:30:00 +0800`) a CMS reuses. The
first four lost their time and zone (read as the day's midnight in Shanghai: 9.5 hours early, the
day before in UTC), the last was no date at all (an article page without its own date stored
undated, and `max_age_days` could not keep a years-old entry out). A zoneless time is in
`date_tz` (Asia/Shanghai) as before.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)

from monitor.pipeline import poll
from monitor.sources import dates

HALF_PAST_NINE_IN_SHANGHAI = datetime(2026, 12, 6, 1, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("written", [
    "2026-12-06T09:30:00+08", "2026-12-06T09:30:00GMT+08:00", "2026-12-06T09:30:00 CST",
    "2026-12-06T09:30:00+08:00:00", "Sun, 06 Dec 2026 09:30:00 +0800", "06 Dec 2026 09:30:00 CST",
    "2026-12-06T09:30:00+08:00", "2026-12-06T09:30:00", "2026-12-06T01:30:00.000Z", "2026-12-06T09:30:00.5+0800",
])
def test_a_listing_date_in_any_zone_a_cms_writes_is_read(written):
    assert dates.parse(written) == HALF_PAST_NINE_IN_SHANGHAI, written


def test_an_offset_past_fourteen_hours_is_no_date():
    assert dates.parse("2026-12-06T09:30:00+99:00") is None


def test_a_news_sitemaps_dates_are_the_articles_dates(make_ctx):  # noqa: F811
    written = ["2026-12-06T09:30:00+08", "2026-12-06T09:30:00GMT+08:00", "Sun, 06 Dec 2026 09:30:00 +0800"]
    with Site() as a:
        entries = "".join(
            f"<url><loc>{a.url(f'/a/{i}.html')}</loc><news:news><news:publication>"
            f"<news:name>县融媒体</news:name><news:language>zh</news:language></news:publication>"
            f"<news:publication_date>{when}</news:publication_date><news:title>沪明合作{i}</news:title>"
            "</news:news></url>" for i, when in enumerate(written))
        a.page("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset '
               'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>',
               content_type="application/xml")
        for i in range(len(written)):
            a.article(f"/a/{i}.html", f"三明与上海合作第{i}号项目签约落地")  # no date of its own
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "sitemap"\nurl = "{a.url("/sitemap.xml")}"\n'
                       "max_age_days = 0\n")
        report = poll(ctx)[0]
        got = {r["url"]: r["published"] for r in ctx.store.db.query("SELECT url, published FROM articles")}
    assert report.new == 3, report
    assert set(got.values()) == {HALF_PAST_NINE_IN_SHANGHAI.isoformat()}, got
