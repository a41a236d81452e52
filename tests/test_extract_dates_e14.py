"""Tests for dates on older pages nobody here had tuned on (helper extract-14; see BENCHMARKS.md),
each on a page written here: a paper printing a dispatch two days after its dateline; a byline
written right above the headline (a school CMS, an e-paper's date bar, a blog's date header); a
memoir opening on the day of the event it tells; a URL whose id opens with the day
(`/p2018052336775125`); a day-first date with spaces (`15. 11. 2005`); a two-digit year first with
slashes (`12/03/05`) on a Chinese page; a site whose `<title>` names only the site, its byline
under the `<h1>` behind a tool row.
"""

from __future__ import annotations

from datetime import datetime, timezone

import datekit

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ("<p>青溪县石桥镇今年新修农村公路四十二公里，沿线八个村的茶叶和笋干可以直接装车运往县城的物流中心。</p>"
        "<p>镇里有关负责人介绍，道路通车以后，村民外出办事的时间缩短了一半，合作社的订单也比去年多了三成。</p>")


def day(html: str, url: str | None = None) -> str | None:
    return datekit.day(extract(html, url, now=NOW))


def page(article: str, title: str, over: str = "", under: str = "") -> str:
    """A news page: a date bar `over` the headline or a byline `under` it, then the article."""
    over = f"<div class='date'>{over}</div>" if over else ""
    return (f"<html><head><title>{title}</title></head><body><div class='nav'>首页 &gt; 新闻中心</div>{over}"
            f"<h1>{title}</h1><div class='info'>{under}</div><div class='content'>{article}</div>"
            "<div class='ft'>版权所有 青溪县融媒体中心</div></body></html>")


def below(byline: str, article: str = TEXT, title: str = "石桥镇农村公路通车") -> str:
    return page(article, title, under=byline)


def above(line: str, article: str = TEXT, title: str = "石桥镇农村公路通车") -> str:
    return page(article, title, over=line)


def test_a_paper_printing_a_dispatch_two_days_later_keeps_its_own_day():
    dispatch = "<p>本报墨西哥城3月10日电 记者林青报道：两国边境地区今天又发生武装冲突，国际社会呼吁和平解决争端。</p>" + TEXT
    # two calendar days, whatever the hour the page states: a late printing, not a copy
    assert day(below("北京时间2024年3月12日 10:21", dispatch)) == "2024-03-12"
    assert day(below("2024年03月12日 23时40分", dispatch)) == "2024-03-12"
    # three days and more: a mirror's copy time, the dateline dates the story (extract-13)
    assert day(below("发布时间:2024-03-13 08:00", dispatch)) == "2024-03-10"


def test_a_byline_right_above_the_headline_dates_the_page():
    # a school CMS printing its labelled time over the title: it beats the folder the CMS made the day before
    assert day(above("发布者:发布时间:2010-10-19浏览次数:3563"), "http://www.example.edu.cn/2010/1018/c129a149/page.htm") == "2010-10-19"
    assert day(above("发布时间：2011-04-08 09:30")) == "2011-04-08"
    # an e-paper's date bar over the title beats a yearless dateline that borrows its year
    wire = "<p>本报墨西哥城1月28日电 记者林青报道：两国边境地区今天又发生武装冲突，国际社会呼吁和平解决争端。</p>" + TEXT
    assert day(above("新闻联播 文字版 1995-01-30", wire)) == "1995-01-30"
    # a timed date farther up, a tool row between it and the title
    bar = "2014年03月13日09:38 | 中国发展门户网 | 给编辑写信 字号:T|T</div><div class='zoom'>放大 缩小 默认 打印本页 关闭窗口"
    assert day(above(bar), "http://www.example.cn/news/2014/0312/c31771372.htm") == "2014-03-13"
    # a blog's date header alone on its line (a day-first form with spaces, as some themes print it)
    assert day(above("15. 11. 2005")) == "2005-11-15"


def test_a_date_above_the_headline_that_is_no_byline_dates_nothing():
    # a page clock with its weekday, a dated list's items, and a date farther up the header stay out
    assert day(above("今天是2026年12月3日 星期四")) is None
    listed = "<ul><li>县政府召开常务会议 2019-03-01</li><li>春耕生产现场会 2019-03-04</li><li>植树节活动 2019-03-12</li></ul>"
    assert day(above(listed)) is None
    # a date farther up the header does not beat the URL (the nearest-date last resort may still read it)
    far = above("2019-03-05" + "<p>" + "网站导航 " * 40 + "</p>")
    assert day(far, "http://www.example.gov.cn/2019/0301/c12a34/page.htm") == "2019-03-01"


def test_an_event_date_opening_a_memoir_does_not_date_it():
    memoir = ("<p>2008年5月12日14时28分,四川省汶川县发生特大地震,部队接到命令后连夜开进灾区,我作为随队记者一同出发。</p>"
              "<p>那天夜里下着大雨,我听着雨点打在帐篷上的声音,想象着映秀镇地震以后的样子,一夜未眠。</p>")
    assert day(below("作者:林青", memoir, "挺进映秀")) is None
    assert day(below("作者:林青", memoir.replace(",", "，"), "挺进映秀")) is None
    # a byline's date opening the text with its fields still dates the page
    assert day(below("", "<p>2008年5月12日14时28分 来源：青溪县融媒体中心</p>" + TEXT)) == "2008-05-12"


def test_a_url_id_opening_with_the_day():
    page = below("作者：林青")
    assert day(page, "https://www.example.com/p2018052336775125") == "2018-05-23"
    assert day(page, "https://www.example.com/a/20150523001234.html") == "2015-05-23"
    # digits that are no day stay undated: a month 13, a day 34, a year too early
    assert day(page, "https://www.example.com/p2018132336775125") is None
    assert day(page, "https://www.example.com/p2015123456789") is None
    assert day(page, "https://www.example.com/item/1860012312345") is None


def test_a_day_first_dotted_date_with_spaces():
    assert day(below("15. 11. 2005")) == "2005-11-15"
    assert day(below("来源：本站 15. 11. 2005 10:21")) == "2005-11-15"


def test_a_two_digit_year_first_with_slashes_on_a_chinese_page():
    assert day(below("发表于 12/03/05 10:21")) == "2012-03-05"
    assert day(below("[14/03/13]")) == "2014-03-13"
    assert day(below("来源：本站 作者：办公室 05/03/05")) == "2005-03-05"
    # on an English page the same digits stay an American month first (03/08/18 is March 8, 2018)
    english = ("<html><head><title>Road opens</title></head><body><h1>Road opens</h1><div>03/08/18 10:21</div>"
               "<div><p>The county opened forty-two kilometres of new rural road this year, linking eight villages.</p>"
               "<p>Officials said travel times to the county seat have halved since the road opened to traffic.</p></div>"
               "</body></html>")
    assert day(english) != "2003-08-18"


def test_a_site_whose_title_is_only_its_name_still_has_its_byline_read():
    # the <title> names the site alone, so the <h1> heads the byline: its timed date under a tool row,
    # not a yearless dateline in the text with its year borrowed, nor an event date farther down
    wire = ("<p>中新社北京3月12日电 (记者 林青)截至12日晚间，石桥镇农村公路的抢修已近116个小时，沿线八个村恢复通行。</p>"
            + TEXT)
    html = ("<html><head><title>谢谢您访问青溪在线</title></head><body><div class='nav'>首页 - 新闻 - 体育</div>"
            "<h1>石桥镇农村公路抢修完成</h1><div class='info'>2014年03月13日09:38 | 中国发展门户网 | 给编辑写信 字号:T|T</div>"
            f"<div class='tool'>【字体：大 中 小】【我要打印】【推荐给朋友】【发表评论】【关闭窗口】</div>"
            f"<div class='share'>分享到：新浪微博 腾讯微博 QQ空间 人人网 豆瓣网 更多</div><div class='content'>{wire}</div></body></html>")
    assert day(html) == "2014-03-13"
    later = TEXT + "<p>新频道将从2006年1月1日起开播，首批节目已经录制完成，覆盖全县八个乡镇。</p>"
    dotted = html.replace("2014年03月13日09:38 | 中国发展门户网", "15. 11. 2005").replace(wire, later)
    assert day(dotted) == "2005-11-15"
