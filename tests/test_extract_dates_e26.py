"""Tests for dates on older school and education-bureau pages (helper extract-26; see BENCHMARKS.md), each on a
page written here: a date line with a two-digit year first (`08-04-19 来源：本站`, as older CMSes print it) set
inside the text's container, over the text.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["4月18日下午，我校在报告厅举行春季科技节开幕式，全校师生八百余人参加。",
        "开幕式上，校长介绍了本届科技节的安排：科普讲座、小发明展评、航模表演和科学实验比赛，活动持续两周。"]


def page(line: str) -> str:
    return ("<html><head><title>我校举行春季科技节_某某中学</title></head><body><div class='nav'><a>首页</a> <a>校园新闻</a>"
            f"</div><div class='content'><h2>我校举行春季科技节</h2><p>{line}</p>{''.join(f'<p>{t}</p>' for t in TEXT)}"
            "</div><div class='foot'>版权所有 2003-2009 某某中学</div></body></html>")


def test_a_two_digit_year_date_line_in_the_text_container_is_the_byline():
    for line, when in (("08-04-19 来源：本站", "2008-04-18T16:00:00+00:00"),
                       ("08-4-19 作者：教务处", "2008-04-18T16:00:00+00:00"),
                       ("08.04.19 10:23", "2008-04-19T02:23:00+00:00")):
        article = extract(page(line), None, now=NOW)
        assert article.published.isoformat() == when, line
        assert list(article.paragraphs) == TEXT, line  # the line is lifted, not text
    assert extract(page("08-04-19 来源：本站"), None, now=NOW).source_name == "本站"


def test_a_two_digit_year_inside_a_sentence_stays_text():
    # a score or a code opening a sentence is not a date line: the line has sentence punctuation or is long
    line = "08-04-19班的同学在比赛中表现突出，获得了团体第一名，学校给予通报表扬。"
    assert extract(page(line), None, now=NOW).paragraphs[0] == line
    # numbers that cannot be a month and a day are no date line either
    assert extract(page("20-30-40岁人群"), None, now=NOW).paragraphs[0] == "20-30-40岁人群"


def test_a_day_a_sentence_states_does_not_date_an_undated_notice():
    # an undated notice whose last item names its deadline (`…截止时间为2017年3月16日。`): no date of the page's
    items = ["各系、部：", "为进一步活跃学术氛围，科研处将制定本年度学术讲座计划，请各系、部积极申报。现就有关要求通知如下：",
             "1.每场讲座时间不少于90分钟，听讲人数不少于80人。",
             "2.我处受理讲座申报的截止时间为2017年3月16日。请各系、部按时将申报材料报送科研处。"]
    body = "".join(f"&nbsp;&nbsp;{item}<br><br>" for item in items)
    page = ("<html><head><title>关于申报学术讲座计划的通知--某某学院</title></head><body><table width='778'><tr><td>"
            "<a>首页</a> | <a>学院概况</a> | <a>通知公告</a></td></tr></table><table width='778'><tr><td class='title'>"
            "<b>关于申报学术讲座计划的通知</b></td></tr><tr><td class='meta'>作者：科研处 来源：本站原创</td></tr>"
            f"<tr><td id='fontzoom'>{body}</td></tr><tr><td>【<a>打印此文</a>】【<a>关闭窗口</a>】</td></tr></table></body></html>")
    assert extract(page, None, now=NOW).published is None
    # the day stated as the page's own in a line of its own still dates it
    dated = page.replace("来源：本站原创", "来源：本站原创 更新时间：2017-3-1")
    assert extract(dated, None, now=NOW).published.isoformat() == "2017-02-28T16:00:00+00:00"
