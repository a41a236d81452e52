"""Tests for dates on school and county pages (helper extract-29; see BENCHMARKS.md), each on a page written
here: a two-digit-year bar under the text with a counter before it and byline fields after it, a bare update
time as the page's only date, a day printed apart from its year and month (`31` over `2020-12`), and a date
that only the <title> states after the headline (`…活动(2008-5-6)`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["近日，县实验小学在学校报告厅举行读书节启动仪式，全校一千二百余名师生参加，六个年级的代表轮流朗诵了经典诗文。",
        "仪式上，学校为上学期评出的三十名阅读之星颁发证书，并向全体学生发出每天阅读半小时的倡议。"]
HEAD = "读书节启动仪式举行"
FOOT = "<div class='foot'>版权所有 某某县实验小学 地址：某某县城关镇文化路1号</div>"


def page(bar: str = "", under: str = "", title: str = HEAD, crumb: str = "") -> str:
    text = "".join(f"<p>{t}</p>" for t in TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<div class='nav'><a>首页</a><a>学校概况</a><a>校园新闻</a><a>德育天地</a></div>"
            f"<div class='crumb'>{crumb or '当前位置：首页 > 校园新闻'}</div>"
            f"<div class='art'><h2 class='tit'>{HEAD}</h2>{bar}<div class='con'>{text}</div>{under}</div>{FOOT}</body></html>")


def published(html: str, url: str | None = None) -> str | None:
    found = extract(html, url, now=NOW).published
    return found.isoformat() if found else None


def test_a_two_digit_year_bar_under_the_text_after_a_counter():
    # `点击数：35　08-05-06　来源：本站`: the date stands between byline fields, a space after it
    html = page(under="<div class='info'>点击数：35　08-05-06　来源：本站　作者：管理员　【打印】【关闭】</div>")
    assert published(html) == "2008-05-05T16:00:00+00:00"
    html = page(under="<div class='info'>08-05-06 来源：本站 作者：教务处</div>")
    assert published(html) == "2008-05-05T16:00:00+00:00"


def test_a_two_digit_number_run_in_a_sentence_under_the_text_stays_no_date():
    html = page(under="<div class='info'>点击数：35　08-05-06班获得优秀班集体称号</div>")
    assert published(html) is None


def test_a_bare_update_under_the_text_dates_a_page_with_no_other_date():
    html = page(under="<div class='info'>更新:2023-09-20 23:58:22 某某教育网　【打印】【关闭】</div>")
    assert published(html) == "2023-09-20T15:58:22+00:00"


def test_a_bare_update_under_the_text_yields_to_the_url_and_a_posting_time():
    html = page(under="<div class='info'>更新:2023-09-20 23:58:22 某某教育网</div>")
    assert published(html, "http://www.example.cn/xxxw/2023-09/14/content_1234.htm") == "2023-09-13T16:00:00+00:00"
    html = page(bar="<div class='meta'>发布时间：2023-09-14 来源：本站</div>",
                under="<div class='info'>更新:2023-09-20 23:58:22</div>")
    assert published(html) == "2023-09-13T16:00:00+00:00"


def test_a_day_printed_apart_from_its_year_and_month():
    # a modern school CMS's date block: the day large, `2020-12` under it, then the byline's fields
    html = page(bar="<div class='date'><span>31</span><p>2020-12</p></div><div class='meta'>来源：团委　浏览次数：7259</div>")
    assert published(html) == "2020-12-30T16:00:00+00:00"
    html = page(under="<div class='date'><b>05</b> 2019-03</div><div>【打印】【关闭】</div>")
    assert published(html) == "2019-03-04T16:00:00+00:00"


def test_a_count_before_a_year_and_month_is_no_day():
    # `共 35 2020-12`: a number that cannot be a day, or a list's count, dates nothing
    html = page(bar="<div class='meta'>浏览 358 2020-12 来源：团委</div>")
    assert published(html) is None
    html = page(bar="<div class='meta'>第 3 期 2020-12</div>")
    assert published(html) is None


def test_a_date_only_the_title_states_after_the_headline():
    # an older school CMS prints the date only in the window's title: `标题(2008-5-6)`
    html = page(title=f"{HEAD}(2008-5-6)")
    assert published(html) == "2008-05-05T16:00:00+00:00"
    assert extract(html, None, now=NOW).title == HEAD
    html = page(title=f"{HEAD}（2008年5月6日）")
    assert published(html) == "2008-05-05T16:00:00+00:00"


def test_a_title_date_lets_the_headline_anchor_the_byline_region():
    # with the date cut off the <title>, the headline is found and the date line under it is read
    html = page(title=f"{HEAD}(2008-5-6)", bar="<div class='meta'>二〇〇八年五月六日</div>")
    assert published(html) == "2008-05-05T16:00:00+00:00"


def test_a_date_inside_a_title_is_no_page_date():
    # an event's day named in the headline, or a date not closing the title, dates nothing
    html = page(title="关于2008年5月6日举行读书节活动的通知")
    assert published(html) is None
    html = page(title=f"{HEAD}(2008-5-6)_某某县实验小学", under="<div class='info'>发布时间：2008-05-09</div>")
    assert published(html) == "2008-05-08T16:00:00+00:00"


def test_a_labelled_date_run_into_a_picture_counter():
    # a 图集 page: `发稿时间：2019-03-05` then the first picture's `1/6`, the blocks' texts run together
    bar = "<div class='meta'>采写时间：2019-03-01　发稿时间：2019-03-05</div><div class='num'>1/6</div>"
    assert published(page(bar=bar)) == "2019-03-04T16:00:00+00:00"
    bar = "<div class='meta'>发布时间：2019-03-05</div><div class='hits'>358</div>"
    assert published(page(bar=bar)) == "2019-03-04T16:00:00+00:00"
