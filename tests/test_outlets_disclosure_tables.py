"""County portals' 政府信息公开 lists: a table whose columns are headed (序号, 标题, 文号, 成文日期,
发布日期), each document's row showing the day it was written and the day it was published, or a
list whose rows label their dates (`成文日期：2026-11-28 发布日期：2026-12-03`).

A row holding two dates said none (an event's two days look so), and every document of such a
column was undated: an article page giving no date of its own (a notice's page often gives
only its 文号) was stored undated, and `max_age_days` could not keep the column's years-old
documents from being fetched on the source's first poll. The date of the column headed
发布日期 (发布时间, 公开日期, 发文日期 when it is the only one), or the date labelled so in the
row, is the document's listing date; a row with two unlabelled dates still has none. The text is
invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hostile import BODY, Site
from selectolax.lexbor import LexborHTMLParser
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources.rowdates import row_dates

SHANGHAI = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 6, 4, 0, tzinfo=timezone.utc)
TITLES = ["三明市人民政府关于印发沪明对口合作实施方案的通知", "关于做好2026年冬季森林防火工作的通知",
          "三明市关于公布第一批产业协作重点项目名单的通知"]


def written(n: int) -> datetime:
    return datetime(2026, 11, 10 + n, tzinfo=SHANGHAI)


def published(n: int) -> datetime:
    return datetime(2026, 11, 20 + n, tzinfo=SHANGHAI)


def table(head: list[str], cells) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in cells(n)) + "</tr>" for n in range(3))
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
    return f'<html><body><table class="xxgk"><thead>{header}</thead><tbody>{rows}</tbody></table></body></html>'


def link(n: int) -> str:
    return f'<a href="/xxgk/{n}.html">{TITLES[n]}</a>'


TABLES = {
    "published last": (["序号", "标题", "文号", "成文日期", "发布日期"],
                       lambda n: [n + 1, link(n), f"明政〔2026〕{n + 10}号", f"{written(n):%Y-%m-%d}",
                                  f"{published(n):%Y-%m-%d}"]),
    "published first": (["索引号", "名称", "发布时间", "生成日期"],
                        lambda n: [f"00301-2026-0{n}", link(n), f"{published(n):%Y年%m月%d日}", f"{written(n):%Y年%m月%d日}"]),
    "header in the first row": (["序号", "标题", "成文日期", "公开日期"],
                                lambda n: [n + 1, link(n), f"{written(n):%Y/%m/%d}", f"{published(n):%Y/%m/%d}"]),
}


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_a_disclosure_tables_publication_column_dates_its_rows(kind):
    head, cells = TABLES[kind]
    html = table(head, cells)
    if kind == "header in the first row":  # no <thead>: the first row's cells name the columns
        html = html.replace("<thead>", "").replace("</thead>", "").replace("<th>", "<td>").replace("</th>", "</td>")
    anchors = LexborHTMLParser(html).css("table.xxgk a")
    assert row_dates(anchors, "Asia/Shanghai", NOW) == [published(n).astimezone(timezone.utc) for n in range(3)]


def test_a_rows_labelled_publication_date_is_its_date():
    rows = "".join(f'<li>{link(n)}<span>成文日期：{written(n):%Y-%m-%d}</span><span>发布日期：{published(n):%Y-%m-%d}</span></li>'
                   for n in range(3))
    anchors = LexborHTMLParser(f'<ul class="xxgk">{rows}</ul>').css("ul.xxgk a")
    assert row_dates(anchors, "Asia/Shanghai", NOW) == [published(n).astimezone(timezone.utc) for n in range(3)]


@pytest.mark.parametrize("html", [
    # two dates, neither said to be the publication's: an event's days
    '<table class="xxgk"><tr><th>活动</th><th>开始</th><th>结束</th></tr>'
    '<tr><td><a href="/h/1.html">沪明文旅周开幕活动安排</a></td><td>2026-11-01</td><td>2026-11-30</td></tr></table>',
    '<ul class="xxgk"><li><a href="/h/1.html">会议通知</a> 报名 2026-11-01 至 2026-11-30</li></ul>',
    # a 发布日期 label whose date is not there, and two others
    '<ul class="xxgk"><li><a href="/h/1.html">会议通知</a> 发布日期： 报名 2026-11-01 至 2026-11-30</li></ul>',
])
def test_two_dates_not_said_to_be_the_publications_are_still_none(html):
    anchors = LexborHTMLParser(html).css(".xxgk a")
    assert row_dates(anchors, "Asia/Shanghai", NOW) == [None]


def test_a_polled_disclosure_column_stores_its_documents_by_their_publication_day(make_ctx):  # noqa: F811
    today = datetime.now(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    days = [today - timedelta(days=1), today - timedelta(days=400)]  # this week's notice, one of last year's
    rows = "".join(f"<tr><td>{n + 1}</td><td>{link(n)}</td><td>{d - timedelta(days=5):%Y-%m-%d}</td><td>{d:%Y-%m-%d}</td></tr>"
                   for n, d in enumerate(days))
    with Site() as site:
        site.page("/xxgk/index.html", '<html><body><table class="xxgk"><tr><th>序号</th><th>标题</th><th>成文日期</th>'
                  f"<th>发布日期</th></tr>{rows}</table></body></html>")
        for n in range(2):  # notice pages giving only their 文号, no date
            site.page(f"/xxgk/{n}.html", f"<html><head><title>{TITLES[n]}</title></head><body><h1>{TITLES[n]}</h1>"
                      f"<p>明政〔2026〕{n + 10}号</p>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n")) + "</body></html>")
        ctx = make_ctx(f'[[sources]]\nname = "xxgk"\nkind = "html"\nurl = "{site.url("/xxgk/index.html")}"\n'
                       'link_selector = "table.xxgk a"\nmax_age_days = 30\n')
        report = poll(ctx)[0]
        rows_ = list(ctx.store.db.query("SELECT url, published FROM articles"))
        asked = site.paths()
    assert [r["url"] for r in rows_] == [site.url("/xxgk/0.html")], (report, rows_)
    assert datetime.fromisoformat(rows_[0]["published"]) == days[0].astimezone(timezone.utc)
    assert "/xxgk/1.html" not in asked  # last year's, not asked for
