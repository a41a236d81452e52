"""Tests for dates on pages nobody here had tuned on (helper extract-15; see BENCHMARKS.md), each
on a page written here: a related list with times between the headline and the byline (the
byline untimed, timed, or before the list); an update time printed beside the publication date
(`最后更新：`); a two-digit year with a one-digit month and day (`12-3-5`) in a byline; a date
opening a clause after an approximate time (`2020年2月23日19:00左右,…`); a forum poster's registration
date in a cell apart from its label, lifted out of the post's container as a byline line.
"""

from __future__ import annotations

from datetime import datetime, timezone

import datekit

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ("<p>青溪县石桥镇今年新修农村公路四十二公里，沿线八个村的茶叶和笋干可以直接装车运往县城的物流中心。</p>"
        "<p>镇里有关负责人介绍，道路通车以后，村民外出办事的时间缩短了一半，合作社的订单也比去年多了三成。</p>")
RELATED = ("<div class='rel'><b>相关新闻：</b><ul><li><a href='/a1'>石桥镇茶叶合作社扩大规模</a> <span>2011-02-06 10:05</span></li>"
           "<li><a href='/a2'>青溪县召开农村公路建设推进会</a> <span>2011-02-04 11:05</span></li>"
           "<li><a href='/a3'>县物流中心投入使用</a> <span>2011-02-02 12:05</span></li></ul></div>\n")


def day(html: str, url: str | None = None) -> str | None:
    return datekit.day(extract(html, url, now=NOW))


def page(between: str, title: str = "石桥镇农村公路通车", article: str = TEXT) -> str:
    return (f"<html><head><title>{title}</title></head><body><div class='nav'>首页 | 新闻 | 社会</div>"
            f"<h1>{title}</h1>{between}<div id='content'>{article}</div>"
            "<div class='share'>分享到：微信 微博</div></body></html>")


def test_a_related_list_with_times_between_headline_and_byline_is_not_the_date():
    # the byline under the list, untimed: the list's first time was taken
    assert day(page(RELATED + "<div class='byline'>2011-02-07</div>")) == "2011-02-07"
    assert day(page(RELATED + "<div class='byline'>来源：青溪县融媒体中心 2011年2月7日</div>")) == "2011-02-07"
    # timed as well, even beside the list's last item, in another form of the time
    assert day(page(RELATED + "<div class='byline'>已有 4437 次阅读 2011-2-7 16:00</div>")) == "2011-02-07"
    assert day(page(RELATED + "<div class='byline'>2011-02-07 10：21</div>")) == "2011-02-07"
    assert day(page(RELATED + "<div class='byline'>编辑:许津然 来源:中国宗教学术网 时间:2011-02-07</div>")) == "2011-02-07"
    # no byline under the list: its last item is no date of the page (the URL's day is)
    assert day(page(RELATED), "http://www.example.cn/news/201102/07/1234.html") == "2011-02-07"
    # the byline above the list, untimed: still the byline
    assert day(page("<div class='byline'>2011-02-07 来源：本站</div>" + RELATED)) == "2011-02-07"
    # a labelled byline was right before and stays right
    assert day(page(RELATED + "<div class='byline'>发布时间：2011-02-07</div>")) == "2011-02-07"
    # two timed related items are no list: a byline between them and the text keeps its date
    two = RELATED.replace("<li><a href='/a3'>县物流中心投入使用</a> <span>2011-02-02 12:05</span></li>", "")
    assert day(page(two + "<div class='byline'>2011-02-07 09:00</div>")) == "2011-02-07"


def test_an_update_time_beside_the_publication_date_is_not_it():
    info = "<div class='info'>编辑日期:2013/9/4 作者:骆岗街道 最后更新：2013-09-06 16:20 【字体：大 中 小】</div>"
    assert day(page(info)) == "2013-09-04"
    assert day(page("<div class='info'>2013年9月4日 最後更新：2013年9月6日 16:20</div>")) == "2013-09-04"
    assert day(page("<div class='info'>2013-09-04 更新于2013-09-06 16:20 来源：本站</div>")) == "2013-09-04"
    # a labelled date with an update time in the 40 characters after its label
    assert day(page("<div class='info'>发布机构:明湖办事处 发布日期:2016-04-01 最后更新：2016-04-03 16:20</div>")) == "2016-04-01"
    # an update time alone still dates the page (nothing else does)
    assert day(page("<div class='info'>最后更新：2013-09-06 16:20 来源：本站</div>")) == "2013-09-06"


def test_a_two_digit_year_with_one_digit_month_and_day_in_a_byline():
    assert day(page("<div class='info'>12-3-5 来源：本站 作者：林青</div>")) == "2012-03-05"
    assert day(page("<div class='info'>发布时间：12-3-5 10:21</div>")) == "2012-03-05"
    # not a date: a score or a code in running text, and an impossible month
    assert day(page("<div class='info'>比分 来源：本站</div>", article=TEXT.replace("四十二公里", "12-3-5公里"))) is None
    assert day(page("<div class='info'>12-13-5 来源：本站</div>")) is None


def test_a_date_opening_a_clause_after_an_approximate_time_is_not_the_page_date():
    story = ("<p>互联网从业者都知道这么一句话，别惹程序员。</p>"
             "<p>2020年2月23日19:00左右,公司监控系统发出警报,获悉业务服务出现故障,随后召集相关技术人员进行排查。</p>"
             "<p>此时有商家反馈系统崩溃,技术团队连夜恢复数据,三天后服务才陆续恢复正常。</p>")
    assert day(page("<div class='info'>来源：本站</div>", article=story)) is None
    story2 = story.replace("19:00左右,", "19时许，")
    assert day(page("<div class='info'>来源：本站</div>", article=story2)) is None


def test_a_forum_posters_registration_date_split_from_its_label_is_not_the_post_date():
    # the post's container holds the poster's profile (`注册时间` and its date in separate cells): the
    # body found there opens with that date, lifted as a byline line while its label stayed above
    post = ("<div class='post'><div class='pls'><a class='xw1'>文化漫谈</a><dl><dt>注册时间</dt><dd>2011-3-2</dd>"
            "<dt>积分</dt><dd>120</dd></dl></div>\n<div class='pi'>楼主 <span class='authi'>发布时间：2005年10月13日 "
            "最后更新：2005年10月16日 17:40</span></div><h3>县里召开农村公路建设推进会</h3>\n"
            f"<div class='t_f'>{TEXT}</div></div>")
    html = ("<html><head><title>石桥镇农村公路通车</title></head><body><div class='stat'>查看: 3120|回复: 12</div>"
            f"<h1 id='thread_subject'>石桥镇农村公路通车</h1>\n{post}</body></html>")
    assert day(html) == "2005-10-13"
