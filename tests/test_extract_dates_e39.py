"""Tests for dates on older portal pages (helper extract-39; see BENCHMARKS.md), each on a table-layout page written
here: a date bar typed with dashes (`2014—10—20`, `2014－10－20`), a date standing as a part of its own in the <title>
(`标题_2011-06-15_新闻中心`), and a side column of latest links printed before the article's column, its last link's
date right above the headline, where the page's own date is under the text or in the URL.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import SHANGHAI_TZ, extract

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
HEAD = "镇里召开秋季护林防火工作会议"
TEXT = ["本网讯 日前，镇里召开秋季护林防火工作会议，各村党支部书记、护林员代表共六十余人参加会议。",
        "会议通报了今年以来全镇护林防火工作情况，分析了当前面临的形势，并对秋冬季巡山护林、野外用火管理等工作作出安排。",
        "会议要求各村落实网格责任，加强重点时段巡查，确保不发生森林火灾。"]
SIDE = ("<td width='200' valign='top'><table><tr><td><b>最新更新</b></td></tr>"
        "<tr><td><a href='/a/1.htm'>全镇冬季征兵体检工作结束</a> <font color='#999'>11-02</font></td></tr>"
        "<tr><td><a href='/a/2.htm'>镇文化站举办书画作品展览</a> <font color='#999'>{late}</font></td></tr></table></td>")


def page(bar: str = "", under: str = "", title: str = HEAD, side: str = "") -> str:
    paras = "".join(f"<p>　　{t}</p>" for t in TEXT)
    bar_row = f"<tr><td align='center' class='sj'>{bar}</td></tr>" if bar else ""
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>{title}</title></head>"
            "<body><table width='960'><tr><td><img src='/logo.gif'></td><td>今天是：2026年12月7日 星期一</td></tr></table>"
            f"<table width='960'><tr>{side}<td width='700' valign='top'><table width='100%'>"
            f"<tr><td class='title' align='center'><font size='5'><b>{HEAD}</b></font></td></tr>{bar_row}"
            f"<tr><td id='zoom'>{paras}</td></tr></table>{under}<div>[责任编辑：李某]</div>"
            "<div>【<a>打印本页</a>】【<a>关闭窗口</a>】</div></td></tr></table>"
            "<table width='960'><tr><td>Copyright &copy; 2004-2016 版权所有</td></tr></table></body></html>")


def day(html: str, url: str = "http://www.town.example/news/show.asp?id=4417") -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(SHANGHAI_TZ).date().isoformat() if found else None


def test_a_date_bar_typed_with_dashes_dates_the_page():
    for bar in ("2014—10—20 09:30 来源：本网", "发布时间：2014－10－20", "时间：2014–10–20 来源：镇政府"):
        assert day(page(bar)) == "2014-10-20", bar


def test_a_date_part_of_the_title_dates_the_page_and_leaves_the_headline():
    for title in (f"{HEAD}_2011-06-15_新闻中心", f"{HEAD} - 2011-06-15 - 镇政府网", f"{HEAD}|2011年6月15日|本站"):
        html = page(title=title)
        assert day(html) == "2011-06-15", title
        assert extract(html, "http://www.town.example/news/show.asp?id=4417", now=NOW).title == HEAD


def test_a_side_columns_link_date_above_the_headline_is_not_the_pages():
    side = SIDE.format(late="2013-11-05")
    under = "<div align='right'>发布日期：2013/10/09　点击：1327</div>"
    assert day(page(under=under, side=side)) == "2013-10-09"
    assert day(page(side=side), "http://www.town.example/content/2013-10/09/content_5512.htm") == "2013-10-09"
    assert day(page(side=side), "http://www.town.example/xwzx/201310/t20131009_5512.html") == "2013-10-09"


def test_a_date_bar_above_the_headline_still_dates_the_page():
    # guard: a bar over the title, its date after a source's short link (no listed article's)
    bar_above = ("<td width='200' valign='top'><table><tr><td>来源：<a href='/'>镇政府网</a> 2013-10-09</td></tr>"
                 "</table></td>")
    assert day(page(side=bar_above)) == "2013-10-09"
