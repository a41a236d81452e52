"""List pages that show each item's date beside its link, in a column or a row of its own: a
government column's `<li><a>…</a><span>2026-12-05</span></li>`, a table's date cell, a `<dt>`
headline with its `<dd>` date, a table whose date line is the row under the title's.

The html kind read only the links: an article page that gives no date of its own was stored
undated though its list showed the day, and `max_age_days` could not keep a column's years-old
items from being fetched on a source's first poll. Now each row's date rides along as the
listing's date (as a feed's or a sitemap's does): the page's own date still comes first.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site
from selectolax.lexbor import LexborHTMLParser
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources.rowdates import row_dates

TITLE = "三明与上海合作第{}号项目签约落地"
SHANGHAI = timezone(timedelta(hours=8))
NOW = datetime.now(timezone.utc)


def day(n: int) -> datetime:
    return datetime(2026, 11, 20 + n, tzinfo=SHANGHAI)


LAYOUTS = {
    "column": lambda n, d: f'<li><a href="/c/{n}.html">{TITLE.format(n)}</a><span class="date">{d:%Y-%m-%d}</span></li>',
    "first": lambda n, d: f'<li><span>[{d:%Y/%m/%d}]</span> <a href="/c/{n}.html">{TITLE.format(n)}</a></li>',
    "cell": lambda n, d: f'<tr><td class="t"><a href="/c/{n}.html">{TITLE.format(n)}</a></td><td>{d:%Y年%m月%d日}</td></tr>',
    "row": lambda n, d: f'<tr><td><a href="/c/{n}.html">{TITLE.format(n)}</a></td></tr><tr><td>发布时间：{d:%Y-%m-%d}</td></tr>',
    "dl": lambda n, d: f'<dl><dt><a href="/c/{n}.html">{TITLE.format(n)}</a></dt><dd>{d:%Y-%m-%d}</dd></dl>',
}


def page(layout: str, numbers: range) -> str:
    rows = "".join(LAYOUTS[layout](n, day(n)) for n in numbers)
    wrap = {"cell": "table", "row": "table", "dl": "div"}.get(layout, "ul")
    return f'<html><body><{wrap} class="news">{rows}</{wrap}></body></html>'


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_links_date_is_read_from_its_row(layout):
    tree = LexborHTMLParser(page(layout, range(3)))
    anchors = tree.css(".news a")
    assert row_dates(anchors, "Asia/Shanghai", NOW) == [day(n).astimezone(timezone.utc) for n in range(3)]


@pytest.mark.parametrize("html", [
    '<ul class="news"><li><a href="/c/1.html">2026年11月20日召开会议</a></li></ul>',  # the headline's own day
    '<ul class="news"><li><a href="/c/1.html">会议通知</a> 报名 2026-11-01 至 2026-11-30</li></ul>',  # two dates
    '<ul class="news"><li><a href="/c/1.html">会议</a></li><li><a href="/c/2.html">通知</a></li></ul>'
    '<p>更新于 2026-11-30</p>',  # the page's date, no row's
])
def test_a_row_without_one_date_of_its_own_has_none(html):
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    assert set(row_dates(tree.css(".news a"), "Asia/Shanghai", NOW)) == {None}


def test_a_yearless_date_in_a_node_of_its_own_is_read():
    tree = LexborHTMLParser('<ul class="news"><li><a href="/c/1.html">会议</a><em>[11-21]</em></li></ul>')
    (when,) = row_dates(tree.css(".news a"), "Asia/Shanghai", datetime(2026, 12, 6, tzinfo=timezone.utc))
    assert when == datetime(2026, 11, 21, tzinfo=SHANGHAI)


def test_an_undated_article_takes_its_lists_date(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", page("column", range(2)))
        for n in range(2):
            a.article(f"/c/{n}.html", TITLE.format(n))  # the page says no date
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        poll(ctx)
        rows = {r["url"]: r["published"] for r in ctx.store.db.query("SELECT url, published FROM articles")}
    assert len(rows) == 2
    for n in range(2):
        assert rows[a.url(f"/c/{n}.html")] and datetime.fromisoformat(rows[a.url(f"/c/{n}.html")]) == day(n), rows


def test_max_age_days_keeps_a_columns_old_items_unfetched(make_ctx):  # noqa: F811
    with Site() as a:
        fresh = NOW.astimezone(SHANGHAI)
        rows = (f'<li><a href="/c/new.html">{TITLE.format(1)}</a><span>{fresh:%Y-%m-%d}</span></li>'
                f'<li><a href="/c/old.html">{TITLE.format(2)}</a><span>2019-05-01</span></li>')
        a.page("/list.html", f'<html><body><ul class="news">{rows}</ul></body></html>')
        a.article("/c/new.html", TITLE.format(1))
        a.article("/c/old.html", TITLE.format(2))
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\nmax_age_days = 30\n')
        poll(ctx)
        stored, asked = urls(ctx), a.paths()
    assert stored == {a.url("/c/new.html")} and "/c/old.html" not in asked, asked
