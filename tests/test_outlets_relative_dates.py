"""List pages that date each row relative to the moment they are served (`3小时前`, `25分钟前`,
`昨天 14:20`, `刚刚`), as busy portals and app-style news lists do.

Such a row's date was not read (only dates with digits and a year, or a yearless `12-05`, were):
an article page giving no date of its own was stored undated though its list showed when it
came, and `max_age_days` could not keep a list's week-old rows from being fetched. Now a row's
text outside its link, or one of its nodes, that is nothing but a relative time is counted back
from the list page's fetch, wall-clock days (`昨天 14:20`) in Asia/Shanghai. A summary that only
begins with such words (`3天前，…`) is no date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)

from monitor.pipeline import poll

SHANGHAI = ZoneInfo("Asia/Shanghai")


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def relative_list(a: Site, shown: list[str], summary: str = "") -> None:
    rows = "".join(f'<li><a href="/n/{i}.html">{headline(i)}</a>{summary}<span class="t">{when}</span></li>'
                   for i, when in enumerate(shown))
    a.page("/list.html", f'<html><body><ul class="news">{rows}</ul></body></html>')
    for i in range(len(shown)):
        a.article(f"/n/{i}.html", headline(i))  # an article page with no date of its own


def stored(ctx) -> dict[str, datetime | None]:
    rows = ctx.store.db.query("SELECT url, published FROM articles")
    return {r["url"].rsplit("/", 1)[-1]: datetime.fromisoformat(r["published"]) if r["published"] else None
            for r in rows}


def source(a: Site, extra: str = "") -> str:
    return (f'[[sources]]\nname = "portal"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
            f'link_selector = "ul.news a"\n{extra}')


def test_a_rows_relative_date_is_the_articles_date_in_shanghai_time(make_ctx):  # noqa: F811
    with Site() as a:
        relative_list(a, ["3小时前", "25分钟前", "刚刚", "昨天 14:20", "[2天前]"])
        ctx = make_ctx(source(a))
        before = datetime.now(timezone.utc).replace(microsecond=0)
        report = poll(ctx)[0]
        after = datetime.now(timezone.utc) + timedelta(seconds=1)
        got = stored(ctx)
    assert report.new == 5, report
    for name, back in (("0.html", timedelta(hours=3)), ("1.html", timedelta(minutes=25)),
                       ("2.html", timedelta(0)), ("4.html", timedelta(days=2))):
        assert got[name] is not None and before - back <= got[name] <= after - back, (name, got[name], before)
    yesterdays = {(t.astimezone(SHANGHAI) - timedelta(days=1)).replace(hour=14, minute=20, second=0, microsecond=0)
                  for t in (before, after)}
    assert got["3.html"] in yesterdays, (got["3.html"], yesterdays)


def test_max_age_days_keeps_out_rows_shown_as_days_old(make_ctx):  # noqa: F811
    with Site() as a:
        relative_list(a, ["5小时前", "6天前", "3周前"])
        ctx = make_ctx(source(a, "max_age_days = 2\n"))
        report = poll(ctx)[0]
        paths = a.paths()
    assert report.new == 1, report
    assert "/n/1.html" not in paths and "/n/2.html" not in paths, paths


def test_a_summary_opening_with_days_ago_is_no_date(make_ctx):  # noqa: F811
    with Site() as a:
        relative_list(a, ["", ""], summary="<p>3天前，三明市与上海市有关部门召开座谈会，商定今年协作事项。</p>")
        ctx = make_ctx(source(a, "max_age_days = 1\n"))
        report = poll(ctx)[0]
        got = stored(ctx)
    assert report.new == 2, report
    assert got == {"0.html": None, "1.html": None}, got


def test_an_apps_api_dates_recent_items_relative_and_older_ones_in_its_format(make_ctx):  # noqa: F811
    import json

    shown = ["3小时前", "昨天 14:20", "2026-11-20 10:00"]
    with Site() as a:
        items = [{"title": headline(i), "url": f"/n/{i}.html", "time": when} for i, when in enumerate(shown)]
        a.page("/api/list", json.dumps({"data": {"list": items}}, ensure_ascii=False), content_type="application/json")
        for i in range(len(shown)):
            a.article(f"/n/{i}.html", headline(i))
        ctx = make_ctx(f'[[sources]]\nname = "app"\nkind = "json-api"\nurl = "{a.url("/api/list")}"\n'
                       'items = "data.list"\ntitle = "title"\nlink = "url"\ndate = "time"\n'
                       'date_format = "%Y-%m-%d %H:%M"\n')
        before = datetime.now(timezone.utc).replace(microsecond=0)
        report = poll(ctx)[0]
        after = datetime.now(timezone.utc) + timedelta(seconds=1)
        got = stored(ctx)
    assert report.new == 3, report
    assert got["0.html"] is not None and before - timedelta(hours=3) <= got["0.html"] <= after - timedelta(hours=3), got
    yesterdays = {(t.astimezone(SHANGHAI) - timedelta(days=1)).replace(hour=14, minute=20, second=0, microsecond=0)
                  for t in (before, after)}
    assert got["1.html"] in yesterdays, got
    assert got["2.html"] == datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc), got


def test_a_list_drawn_from_the_pages_script_data_dates_its_items_relative(make_ctx):  # noqa: F811
    with Site() as a:
        items = ",".join(f'{{"title": "{headline(i)}", "url": "/n/{i}.html", "pubTime": "{i + 1}小时前"}}'
                         for i in range(3))
        a.page("/list.html", f'<html><body><div id="app"></div><script>window.__INITIAL_STATE__ = '
               f'{{"feed": {{"items": [{items}]}}}};</script></body></html>')
        for i in range(3):
            a.article(f"/n/{i}.html", headline(i))
        ctx = make_ctx(f'[[sources]]\nname = "portal"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "script"\nmax_age_days = 0.1\n')
        before = datetime.now(timezone.utc).replace(microsecond=0)
        report = poll(ctx)[0]
        after = datetime.now(timezone.utc) + timedelta(seconds=1)
        got = stored(ctx)
    assert report.new == 2, report  # the third, 3 hours old, is past max_age_days (2.4 hours)
    assert before - timedelta(hours=1) <= got["0.html"] <= after - timedelta(hours=1), got
