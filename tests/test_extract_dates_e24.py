"""Tests for dates on pages in the templates of 2003-2010 Chinese portals (helper extract-24; see
BENCHMARKS.md), each on a page written here: a related list of two timed links in a table cell under the
text (`相关链接：· … (2006-05-09 09:12)`), an e-paper's issue line with its weekday and page over the
article (`2006年04月12日 星期三 第A3版`), a paper's source line under a story a portal carries
(`《 人民日报 》( 2006年02月14日 第十一版 )`), and a Java server's date (`Thu Mar 09 14:20:31 CST 2006`).
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "城西菜市场完成改造 摊位增加一倍"
TEXT = ("<p>　　城西菜市场改造工程日前完工，改造后的市场分为蔬菜、肉类、水产和熟食四个区，摊位从八十个增加到一百六十个。</p>"
        "<p>　　市场管理方介绍，新市场安装了排风和冷藏设备，地面做了防滑处理，还专门划出了农民自产自销的摊位区。</p>"
        "<p>　　附近居民说，以前下雨天市场里到处是积水，现在买菜方便多了。</p>")


def portal(line: str = "", under: str = "", related: str = "") -> str:
    """An old portal's article page in tables: the headline, a `<font>` byline, the text, tools, a related
    cell, a ranking column and the footer."""
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>{TITLE}_新闻中心</title>"
            "</head><body><table width=778><tr><td><a>首页</a> | <a>新闻</a> | <a>财经</a> | <a>体育</a></td></tr></table>"
            f"<table width=778><tr><td width=560 valign=top><table width=100%><tr><td align=center><b>{TITLE}</b></td></tr>"
            f"<tr><td align=center><font color=#000000 class=a>{line}</font> 【字号 <a>大</a> <a>中</a> <a>小</a>】"
            " 【<a>打印</a>】 【<a>关闭</a>】</td></tr>"
            f"<tr><td class=p1><font id='Zoom' class=black14>{TEXT}{under}</font></td></tr></table>"
            f"<table width=100%><tr><td>{related}</td></tr></table></td>"
            "<td width=200 valign=top><b>新闻排行</b><br><a>全市中考报名开始</a><br><a>夏季用电高峰将至</a></td></tr></table>"
            "<table width=778><tr><td align=center>版权所有 未经协议授权 禁止下载使用</td></tr></table></body></html>")


RELATED = ("<b>相关链接：</b><br>· <a>城东菜市场将启动改造</a> (2006-05-09 09:12)<br>"
           "· <a>农贸市场将统一规划设置摊位</a> (2006-05-08 18:30)")


def test_a_related_cell_of_two_timed_links_dates_no_page():
    assert day(portal(related=RELATED)) is None
    assert day(portal(related=RELATED), "http://news.example.com/print.asp?id=33120") is None
    # the byline's own time stays read beside it, and a URL's day wins over the list
    assert day(portal("2006年05月10日 09:30:12　来源：晚报", related=RELATED)) == "2006-05-10"
    assert day(portal(related=RELATED), "http://news.example.com/2006-05/10/content_4527340.htm") == "2006-05-10"
    # a byline's time after a menu word close above it (`最新`) is still the page's
    menu = "<a>最新</a> <a>图片</a> "
    assert day(portal(menu + "2006-05-10 09:30:12", related="")) == "2006-05-10"


def epaper(issue: str) -> str:
    return ("<html><head><meta charset='gb2312'><title>" + TITLE + "</title></head><body><table width=1000><tr><td>"
            f"<font color=#FFFFFF>{issue}</font></td></tr></table><table width=1000><tr><td width=300 valign=top>"
            "<b>版面导航</b><br><a>第01版：要闻</a><br><a>第02版：综合</a><br><a>第03版：经济</a></td>"
            f"<td valign=top><table width=100%><tr><td align=center><font size=5><b>{TITLE}</b></font></td></tr>"
            f"<tr><td align=center>作者：本报记者 张山</td></tr><tr><td>{TEXT}</td></tr></table>"
            "<b>本版其他文章</b><br><a>全市春播进度过半</a></td></tr></table><div>版权所有 某某日报社</div></body></html>")


def test_an_e_papers_issue_line_with_its_weekday_and_page_dates_its_articles():
    assert day(epaper("2006年04月12日 星期三 第A3版：综合新闻")) == "2006-04-12"
    assert day(epaper("2006年4月12日 星期三 第3版")) == "2006-04-12"
    # a page clock in the header is still no date of the article's
    assert day(epaper("今天是：2006年4月12日 星期三")) is None


def test_a_papers_source_line_under_a_carried_story_dates_it():
    note = "<p>　　《 人民日报 》( 2006年02月14日 第十一版 )</p>"
    related = ("<b>相关链接</b><br>· <a>城东菜市场将启动改造</a> 2006-02-13<br>"
               "· <a>农贸市场将统一规划设置摊位</a> 2006-02-10")
    assert day(portal(under=note, related=related)) == "2006-02-14"
    assert day(portal(under="<p>　　（《解放日报》2008-03-11 第3版）</p>")) == "2008-03-11"
    # the byline's date beats it
    assert day(portal("2006年02月15日09:30 来源：人民网", under=note, related=related)) == "2006-02-15"


def test_a_java_servers_date_in_a_byline():
    assert day(portal("发布时间：Thu Mar 09 14:20:31 CST 2006　　来源：晨报")) == "2006-03-09"
    assert day(portal("Sat Dec 02 23:40:00 CST 2006")) == "2006-12-02"
    # China Standard Time is Shanghai's clock: a late evening stays that day
    assert day(portal("更新时间：Wed Nov 01 23:59:59 CST 2006")) == "2006-11-01"
