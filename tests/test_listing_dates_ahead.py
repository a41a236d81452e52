"""A listing's date fills in a page that states none; a feed or API that dates its items ahead of
time (a clock in the wrong zone: Beijing time labelled GMT, eight hours ahead; or a broken or
hostile 2099) put the article above every newer one, newest first, for hours or for good. A
listing date up to a day ahead is read as now; one further ahead is no date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

UNDATED = ("<html><head><title>{t}</title></head><body><h1>{t}</h1><div class='content'><p>上海市与三明市召开"
           "沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识，签约项目十二个。</p><p>会议指出，"
           "沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地生根，带动就业。</p></div></body></html>")


def test_listing_dates_ahead_of_now_are_now_or_nothing(make_ctx):  # noqa: F811
    now = datetime.now(timezone.utc)
    dates = {"soon": now + timedelta(hours=8), "far": datetime(2099, 1, 1, tzinfo=timezone.utc),
             "past": now - timedelta(days=2)}
    items = "".join(f"<item><title>{k}</title><link>/{k}.html</link><pubDate>{format_datetime(d)}</pubDate></item>"
                    for k, d in dates.items())
    with Site() as a:
        a.page("/rss.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
               content_type="application/rss+xml")
        for k in dates:
            a.page(f"/{k}.html", UNDATED.format(t=f"沪明合作新闻{k}"))
        ctx = make_ctx(source_toml("a", a.url("/rss.xml"), kind="feed"))
        report = poll(ctx)[0]
        done = datetime.now(timezone.utc)
    assert report.new == 3, report
    got = {r["url"].rsplit("/", 1)[1][:-5]: r["published"] for r in ctx.store.db.query("SELECT url, published FROM articles")}
    assert got["far"] is None
    assert now - timedelta(seconds=5) <= datetime.fromisoformat(got["soon"]) <= done
    assert abs(datetime.fromisoformat(got["past"]) - dates["past"]) < timedelta(seconds=1)
