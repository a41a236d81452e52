"""Dates as Java and .NET back ends serialise them into a list page's JSON answer:
- .NET's JSON date (ASP.NET's JavaScriptSerializer, WCF, as county portals' 政务 back ends
  answer): `"/Date(1796545800000)/"`, `"/Date(1796545800000+0800)/"`, its slashes escaped in the raw JSON;
- Java's `Date.toString()` (a field serialised by string concatenation): `Sun Dec 06 16:30:00 CST 2026`,
  CST there the server's China Standard Time;
- compact digits (TRS-style and Oracle-fed back ends): `20261206163000`, `20261206`, as text or a number.
The first and last were no date (an article page without one of its own stored undated, and
max_age_days unable to keep years-old items out); Java's CST was read as US Central, the item dated
14 hours late (in the future when polled the same afternoon). The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site, _send
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources import dates

SHANGHAI = timezone(timedelta(hours=8))
AT = datetime(2026, 12, 6, 16, 30, tzinfo=SHANGHAI)  # 1796545800 in Unix time


@pytest.mark.parametrize(("written", "when"), [
    ("/Date(1796545800000)/", AT), ("/Date(1796545800000+0800)/", AT), ("/Date(1796545800000-0500)/", AT),
    ("Sun Dec 06 16:30:00 CST 2026", AT), ("Sun Dec 06 16:30:00 GMT+08:00 2026", AT),
    ("20261206163000", AT), ("202612061630", AT), ("20261206", datetime(2026, 12, 6, tzinfo=SHANGHAI)),
    (20261206163000, AT), (20261206, datetime(2026, 12, 6, tzinfo=SHANGHAI)),
])
def test_a_back_ends_serialised_date_is_read(written, when):
    assert dates.parse(written, "Asia/Shanghai") == when, written


@pytest.mark.parametrize("written", ["/Date(abc)/", "20261399", "20261232103000", "12345678", "1796545800"[:9]])
def test_digits_that_are_no_date_are_none(written):
    assert dates.parse(written, "Asia/Shanghai") is None, written


def test_a_polled_apis_serialised_dates_date_its_articles(make_ctx):  # noqa: F811
    when = (datetime.now(SHANGHAI) - timedelta(days=1)).replace(minute=30, second=0, microsecond=0)  # within max_age_days
    forms = [f"/Date({int(when.timestamp()) * 1000})/", when.strftime("%a %b %d %H:%M:%S CST %Y"), when.strftime("%Y%m%d%H%M%S")]
    titles = ["三明与上海共建产业园区座谈会召开", "沪明两地文旅合作推介会在沪举行", "三明市新能源项目集中签约仪式举行"]
    with Site() as site:
        items = [{"Title": t, "Url": f"/Info/Detail/{n}.html", "PubDate": f} for n, (t, f) in enumerate(zip(titles, forms, strict=True))]
        body = json.dumps({"d": {"Rows": items, "Total": 3}}).replace("/", "\\/")  # as .NET escapes them
        site.routes["/Info/List"] = lambda h: _send(h, 200, {"Content-Type": "application/json"}, body.encode())
        for n, t in enumerate(titles):  # pages giving no date of their own
            site.page(f"/Info/Detail/{n}.html", f"<html><head><title>{t}</title></head><body><h1>{t}</h1>"
                      "<div class='content'><p>上海市与三明市召开沪明对口合作联席会议，双方就产业协作达成多项共识。</p>"
                      "<p>会议指出，沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地。</p></div></body></html>")
        ctx = make_ctx(f'[[sources]]\nname = "api"\nkind = "json-api"\nurl = "{site.url("/Info/List")}"\n'
                       'items = "d.Rows"\ntitle = "Title"\nlink = "Url"\ndate = "PubDate"\n')
        report = poll(ctx)[0]
        stored = {r["title"]: r["published"] for r in ctx.store.db.query("SELECT title, published FROM articles")}
    assert report.new == 3, report
    assert {t: p and datetime.fromisoformat(p) for t, p in stored.items()} == dict.fromkeys(titles, when), stored
