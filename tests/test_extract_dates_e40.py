"""Tests for dates on older Chinese portal pages (helper extract-40; see BENCHMARKS.md), each on a page written here:
a byline's two-digit year first with slashes and one-digit month and day (`发布时间：14/5/12`), a government
information table's `生成日期` (the record made) before its `公开日期` (made public), and a side column's site
statistics box (`网站统计 今日访问：… 更新时间：…`) on a page that prints no date of its own.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import SHANGHAI_TZ, extract, records

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
URL = "http://www.county.example/Item/Show.asp?id=2291"
HEAD = "县图书馆开展少儿暑期阅读活动"
TEXT = ["本网讯 暑假期间，县图书馆面向全县中小学生开展少儿暑期阅读活动，设置绘本角、故事会和手工课堂等内容。",
        "活动期间，图书馆延长开放时间，每天接待小读者三百余人次，并为参加活动的孩子办理免费借阅证。",
        "馆长表示，将继续丰富活动形式，引导孩子们养成爱读书、读好书的习惯。"]


def page(over: str = "", side: str = "", under: str = "", bar: str = "") -> str:
    paras = "".join(f"<p>　　{t}</p>" for t in TEXT)
    side_cell = f"<td width='220' valign='top'>{side}</td>" if side else ""
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>{HEAD}</title></head>"
            "<body><table width='980'><tr><td><img src='/banner.jpg' alt='县政府门户网站'></td></tr></table>"
            "<table width='980'><tr><td><a href='/'>首页</a> | <a>政务动态</a> | <a>信息公开</a></td></tr></table>"
            f"<table width='980'><tr><td width='740' valign='top'>{over}<h1>{HEAD}</h1>{bar}"
            f"<div class='content'>{paras}</div>{under}<div>【<a>打印</a>】【<a>关闭</a>】</div></td>{side_cell}</tr></table>"
            "<table width='980'><tr><td>主办单位：县人民政府办公室 版权所有</td></tr></table></body></html>")


def day(html: str, url: str = URL) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(SHANGHAI_TZ).date().isoformat() if found else None


def test_a_two_digit_year_first_with_slashes_and_short_month_and_day():
    for bar, want in (("作者：佚名　来源：本站　发布时间：14/5/12　浏览：86", "2014-05-12"),
                      ("发布时间：09/7/3 10:20　来源：县文化馆", "2009-07-03"),
                      ("发布时间：12/03/05　来源：本站", "2012-03-05")):  # zero-padded, read before too
        assert day(page(bar=f"<div align='center'>{bar}</div>")) == want, bar
        assert day(page(over=f"<div class='info'>{bar}</div>")) == want, bar  # a metadata row over the headline


def test_an_information_tables_made_public_day_over_its_record_day():
    table = ("<table border='1'><tr><td>索 引 号：</td><td>00431/2018-00064</td><td>发布机构：</td><td>县文旅局</td></tr>"
             "<tr><td>生成日期：</td><td>{made}</td><td>公开日期：</td><td>2018-07-10</td></tr>"
             "<tr><td>废止日期：</td><td>有效</td><td>公开方式：</td><td>主动公开</td></tr></table>")
    assert day(page(over=table.format(made="2018-07-09"))) == "2018-07-10"
    alone = ("<table border='1'><tr><td>索 引 号：</td><td>00431/2018-00064</td></tr>"
             "<tr><td>生成日期：</td><td>2018-07-09</td><td>浏览次数：</td><td>433</td></tr></table>")
    assert day(page(over=alone)) == "2018-07-09"  # guard: the record's day alone still dates the page


def test_a_side_columns_site_statistics_update_time_dates_no_page():
    stats = "<div class='box'><b>网站统计</b><br>今日访问：312<br>总访问量：481207<br>更新时间：2021-04-01</div>"
    assert day(page(side=stats)) is None
    assert day(page(side=stats, under="<div align='right'>更新时间：2019-06-03</div>")) == "2019-06-03"  # guard


def row_page(row: str) -> str:
    """The headline, a table row holding the byline's cell and a side column's cell, then the text."""
    paras = "".join(f"<p>　　{t}</p>" for t in TEXT)
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>{HEAD}</title></head>"
            f"<body><table width='980'><tr><td colspan='3' align='center'><b>{HEAD}</b></td></tr>{row}"
            f"<tr><td colspan='3'>{paras}</td></tr></table>"
            "<table width='980'><tr><td>主办单位：县人民政府办公室 版权所有</td></tr></table></body></html>")


def test_a_side_cells_date_run_into_the_bylines_date_cell():
    cells = ("<tr><td>·<a href='/n.asp'>全县冬季征兵体检工作结束</a></td><td>2019-11-04</td>"
             "<td align='center'>2019-10-28　来源：县政府办</td></tr>")
    assert day(row_page(cells)) == "2019-10-28"
    labelled = "<tr><td>发布时间：</td><td>2019-10-28</td><td>2019-11-04</td></tr>"
    assert day(row_page(labelled)) == "2019-10-28"  # the first after its label


def test_a_bylines_date_beside_a_side_columns_dated_link_is_the_pages():
    cells = ("<tr><td align='center'>作者：办公室　2019-10-28</td>"
             "<td width='220'>·<a href='/n.asp'>全县冬季征兵体检工作结束</a> 2019-11-04</td></tr>")
    assert day(row_page(cells)) == "2019-10-28"


def test_a_record_table_by_columns_dates_the_page_by_its_posting_column():
    table = ("<table border='1'><tr><th>索引号</th><th>发文字号</th><th>成文日期</th><th>发布日期</th></tr>"
             "<tr><td>00431-2/2019-00011</td><td>县政办〔2019〕5号</td><td>2019-10-21</td><td>2019-10-28</td></tr></table>")
    assert day(page(over=table)) == "2019-10-28"
    listing = ("<table border='1'><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>"
               "<tr><td>1</td><td>全县冬季征兵体检工作结束</td><td>2019-11-04</td></tr></table>")
    assert records.column_posted(table, NOW) is not None
    assert records.column_posted(listing, NOW) is None  # guard: a list's columns (no record's labels) are no record


def test_a_side_links_date_run_into_the_date_above_the_headline():
    side = ("<div class='left'><b>最新更新</b><br><a href='/a/1.htm'>全县冬季征兵体检工作结束</a> 2019-11-04</div>"
            "<div align='right' class='date'>2019-10-28 09:12</div>")
    html = page(over=side)
    assert day(html) == "2019-10-28"


def test_a_labelled_two_digit_year_date_line_under_the_text():
    assert day(page(under="<div align='right'>作者：王丽 日期：09-07-03</div>")) == "2009-07-03"
    assert day(page(under="<div align='right'>点击：09-07-03</div>")) is None  # guard: a count's label, no date's
