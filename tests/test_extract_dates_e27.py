"""Tests for dates on school, bureau and portal pages of many CMS eras (helper extract-27; see BENCHMARKS.md), each on
a page written here: an update time over a signed notice or a dated URL, a side column's list of two dated links, a
portal's `/yy/mmdd/hh/` URL.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
NOTICE = ["各学校、各幼儿园：", "根据上级有关安排，结合我市实际，现将今年清明节放假有关事项通知如下：",
          "一、4月5日放假，共1天。", "二、放假期间各单位要安排好值班，做好校园安全工作，遇有突发事件及时报告。"]
SIGNED = ["某某市教育局办公室", "2019年4月2日"]


def gov_page(bar: str, signed: bool = True, index: str = "") -> str:
    """A government portal's information page: an index table, a bar over the headline's text, the notice, its
    signature under it."""
    text = "".join(f"<p>{t}</p>" for t in NOTICE)
    sig = "".join(f"<p style='text-align:right'>{t}</p>" for t in SIGNED) if signed else ""
    return ("<html><head><meta charset='utf-8'><title>关于清明节放假的通知-某某市人民政府</title></head><body>"
            "<div class='menu'><a>首页</a><a>政务公开</a><a>互动交流</a></div>"
            f"<div class='detail'><table><tr><td>索引号：</td><td>1134-2019-0123</td><td>发布机构：</td><td>某某市教育局</td></tr>"
            f"<tr><td>主题分类：</td><td>教育</td>{index}</tr></table><h1>关于清明节放假的通知</h1>"
            f"<div class='info'>{bar}　【<a>打印</a>】【<a>关闭</a>】</div><div class='zoom'>{text}{sig}</div></div>"
            "<div class='foot'>主办：某某市人民政府办公室 网站标识码：3411000001</div></body></html>")


def test_an_update_time_over_a_signed_notice_gives_way_to_the_signature():
    # `更新时间：…` alone in the bar (no byline field beside it) is when the page was last edited; the notice's
    # signed day under the text is its date
    page = gov_page("更新时间：2019-04-08 10:12")
    assert extract(page, None, now=NOW).published.isoformat() == "2019-04-01T16:00:00+00:00"
    # an index table's `更新日期` cell likewise
    page = gov_page("", index="<td>更新日期：</td><td>2019-04-08</td>")
    assert extract(page, None, now=NOW).published.isoformat() == "2019-04-01T16:00:00+00:00"


def test_an_update_time_gives_way_to_the_urls_day():
    page = gov_page("更新时间：2019-04-08 10:12", signed=False)
    url = "http://www.example.gov.cn/zwgk/201904/t20190402_123.html"
    assert extract(page, url, now=NOW).published.isoformat() == "2019-04-01T16:00:00+00:00"


def test_an_update_time_still_dates_a_page_with_nothing_else():
    page = gov_page("更新时间：2019-04-08 10:12", signed=False)
    assert extract(page, "http://www.example.gov.cn/art/123.html", now=NOW).published.isoformat() == "2019-04-08T02:12:00+00:00"


def test_an_update_time_beside_byline_fields_is_the_posting_time():
    # an older CMS writes its posting time so (`作者：… 来源：… 更新时间：…`): it still wins over a signature
    page = gov_page("作者：办公室 来源：本站 点击数：35 更新时间：2019-4-8")
    assert extract(page, None, now=NOW).published.isoformat() == "2019-04-07T16:00:00+00:00"


TEXT = ["近日，学院在图书馆报告厅举办读书分享会，来自各系的六十余名学生参加活动，分享各自的阅读体会。",
        "分享会上，同学们围绕经典名著和专业书籍畅谈读书心得，现场气氛热烈，指导老师对发言进行了点评。"]


def side_list_page(items: str, byline: str = "") -> str:
    return ("<html><head><meta charset='utf-8'><title>学院举办读书分享会_学院新闻</title></head><body>"
            "<div class='head'><div class='logo'>某某职业技术学院</div><div class='nav'><a>首页</a><a>学院新闻</a></div></div>"
            f"<div class='list-left'><h3>通知公告</h3><ul>{items}</ul></div>"
            f"<div class='content'><div class='tit'>学院举办读书分享会</div>{byline}"
            f"<div class='v_news_content'>{''.join(f'<p>{t}</p>' for t in TEXT)}</div></div>"
            "<div class='foot'>版权所有 2020 某某职业技术学院</div></body></html>")


TWO = ("<li><a>关于暑假放假安排的通知</a><span>2020-07-01</span></li>"
       "<li><a>图书馆开放时间调整</a><span>2020-06-22</span></li>")


def test_a_side_list_of_two_dated_links_does_not_date_an_undated_page():
    # two items of a side column's `通知公告` above the headline: their dates are the links', not the page's
    assert extract(side_list_page(TWO), None, now=NOW).published is None
    assert extract(side_list_page(TWO), "http://www.example.edu.cn/info/1003/1158.htm", now=NOW).published is None


def test_a_byline_beside_a_side_list_of_two_still_dates_the_page():
    for byline, when in (("<div class='date'>2020-06-30</div>", "2020-06-29T16:00:00+00:00"),
                         ("<div class='date'>发布时间：2020-06-30 来源：教务处</div>", "2020-06-29T16:00:00+00:00")):
        assert extract(side_list_page(TWO, byline), None, now=NOW).published.isoformat() == when, byline
    # a lone dated link above the headline is no list: the old reading stands (the date just above it)
    one = "<li><a>图书馆开放时间调整</a><span>2020-06-22</span></li>"
    assert extract(side_list_page(one), None, now=NOW).published.isoformat() == "2020-06-21T16:00:00+00:00"


def test_a_portals_two_digit_year_day_and_hour_folders_date_the_page():
    page = side_list_page("")
    url = "https://sx.news.example.com/25/0515/14/JVJV04SH04149A58.html"
    assert extract(page, url, now=NOW).published.isoformat() == "2025-05-14T16:00:00+00:00"
    # folders that cannot be a month-day and an hour are an id's digits
    for url in ("https://news.example.com/25/1399/14/A.html", "https://news.example.com/25/0515/31/A.html"):
        assert extract(page, url, now=NOW).published is None, url


SPEECH = ["同志们：", "这次会议的主要任务是，总结去年全市教育工作，安排部署今年的重点任务。下面，我讲三点意见。",
          "一、去年工作回顾", "去年，全市教育系统坚持立德树人，学前教育、义务教育和职业教育都取得了新的进展。"]


def speech_page(bar_above: str = "", bar_below: str = "", head: str = "") -> str:
    """A bureau's page carrying a speech: its subtitle, the speaker and the day it was given over the text."""
    lines = ["——在全市教育工作会议上的报告", "市教育局局长 某某某", "（2014年3月5日）", *SPEECH]
    return (f"<html><head><meta charset='utf-8'><title>全面提升教育质量_某某市教育局</title>{head}</head><body>"
            "<div class='nav'><a>首页</a><a>教育要闻</a></div><div class='art'><h2>全面提升教育质量</h2>"
            f"{bar_above}<div class='artbody'>{''.join(f'<p>{t}</p>' for t in lines)}</div>{bar_below}</div>"
            "<div class='foot'>Copyright 2011-2019 某某市教育局</div></body></html>")


def test_a_speechs_day_under_its_title_is_not_the_pages():
    # the page's own date line under the text, or its meta tag, beats the day the speech was given
    below = "<div class='artinfo'>2014-03-14 来源：市教育局 【<a>打印</a>】【<a>关闭</a>】</div>"
    assert extract(speech_page(bar_below=below), None, now=NOW).published.isoformat() == "2014-03-13T16:00:00+00:00"
    meta = "<meta name='PubDate' content='2014-03-14 09:30'>"
    assert extract(speech_page(head=meta), None, now=NOW).published.isoformat() == "2014-03-14T01:30:00+00:00"
    url = "http://www.example.gov.cn/jyyw/201403/t20140314_88.html"
    assert extract(speech_page(), url, now=NOW).published.isoformat() == "2014-03-13T16:00:00+00:00"


def test_a_speechs_day_dates_a_page_with_nothing_else():
    article = extract(speech_page(), None, now=NOW)
    assert article.published.isoformat() == "2014-03-04T16:00:00+00:00"
    assert article.paragraphs[0] == "同志们："  # the subtitle, speaker and day are the header, not text
    # a byline over the text still wins over the speech's day
    above = "<div class='info'>发布时间：2014-03-14 来源：市教育局</div>"
    assert extract(speech_page(bar_above=above), None, now=NOW).published.isoformat() == "2014-03-13T16:00:00+00:00"


def test_a_two_digit_year_date_alone_in_the_bar_under_the_text():
    for bar, when in (("18-10-20　【<a>打印</a>】【<a>关闭</a>】", "2018-10-19T16:00:00+00:00"),
                      ("18-10-20", "2018-10-19T16:00:00+00:00")):
        page = (f"<html><head><title>我校举行演讲比赛-某某中学</title></head><body><div class='nav'><a>首页</a></div>"
                f"<div class='art'><h2>我校举行演讲比赛</h2><div class='artbody'>{''.join(f'<p>{t}</p>' for t in TEXT)}</div>"
                f"<div class='artinfo'>{bar}</div></div><div class='foot'>Copyright 2011-2019 某某中学</div></body></html>")
        assert extract(page, None, now=NOW).published.isoformat() == when, bar
    # a number run into a word under the text is no date line
    page = page.replace("<div class='artinfo'>18-10-20</div>", "<div class='artinfo'>18-10-20班获得团体第一名</div>")
    assert extract(page, None, now=NOW).published is None


def test_a_signature_of_a_unit_and_a_date_in_chinese_numerals_on_one_line():
    # an older CMS's notice in a table cell, `<br>` lines, the unit and its day on one line under the text
    lines = [*NOTICE, "校长办公室 二○○八年四月二十二日"]
    cell = "".join(f"　　{line}<br>" for line in lines)
    page = ("<html><head><title>关于五一放假的通知</title></head><body><table width='770'><tr><td><a>首页</a> | "
            "<a>通知公告</a></td></tr></table><table width='770'><tr><td align='center'><b>关于五一放假的通知</b></td></tr>"
            f"<tr><td class='content'>{cell}</td></tr><tr><td>[<a>打印本页</a>] [<a>关闭窗口</a>]</td></tr></table></body></html>")
    article = extract(page, None, now=NOW)
    assert article.published.isoformat() == "2008-04-21T16:00:00+00:00"
    assert list(article.paragraphs) == NOTICE
    # a sentence ending in such a day stays text and dates nothing
    said = page.replace("校长办公室 二○○八年四月二十二日", "各校要在二○○八年四月二十二日")
    assert extract(said, None, now=NOW).paragraphs[-1] == "各校要在二○○八年四月二十二日"
