"""Tests for dates on school and county pages (helper extract-30; see BENCHMARKS.md), each on a page written
here: an undated report whose first sentence tells the event's day and hour (`2020年11月23日下午，…`), which is
no posting date (the listing's date, or none, is); a print version's `打印时间` (the day a reader printed it).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["学校为上学期评出的三十名阅读之星颁发证书，并向全体学生发出每天阅读半小时的倡议。",
        "活动持续一个月，各班将陆续开展好书推荐、读书笔记展评和亲子共读等活动。"]
HEAD = "读书节启动仪式举行"
FOOT = "<div class='foot'>版权所有 某某县实验小学 地址：某某县城关镇文化路1号</div>"


def page(first: str = "", bar: str = "", under: str = "") -> str:
    text = "".join(f"<p>{t}</p>" for t in ([first] if first else []) + TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            "<div class='nav'><a>首页</a><a>学校概况</a><a>校园新闻</a><a>德育天地</a></div>"
            f"<div class='art'><h2 class='tit'>{HEAD}</h2>{bar}<div class='con'>{text}</div>{under}</div>{FOOT}</body></html>")


def published(html: str, url: str | None = None) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.isoformat() if found else None


def test_an_undated_report_opening_with_the_events_day_and_hour_stays_undated():
    # the day something happened, told in the report's first sentence: no posting date
    for first in ("2020年11月23日下午，初二年级在学校大礼堂召开期中表彰大会，全体师生参加。",
                  "2020年1月10日下午全市教育重点工作推进视频会在市政府会议室召开。",
                  "金秋九月，凉风习习。2019年9月2日下午，高板中学全校师生齐聚操场举行开学典礼。",
                  "2018年9月10日上午9时许，兴国高中全体师生欢聚在教学楼前广场举行开学典礼。"):
        assert published(page(first)) is None, first


def test_the_events_day_in_the_text_leaves_the_url_and_the_byline_to_date_the_page():
    first = "2020年11月23日下午，初二年级在学校大礼堂召开期中表彰大会，全体师生参加。"
    assert published(page(first), "http://www.example.cn/xxdt/2020/1125/1234.html") == "2020-11-24T16:00:00+00:00"
    html = page(first, under="<div class='info'>发布时间：2020-11-25　来源：本站</div>")
    assert published(html) == "2020-11-24T16:00:00+00:00"


def test_an_old_asp_sites_clock_after_its_date_still_dates_the_page():
    # `2008-5-6 下午 03:14:22`: a Windows clock's part of the day, then its time
    assert published(page(bar="<div class='meta'>2008-5-6 下午 03:14:22　来源：本站</div>")) == "2008-05-05T16:00:00+00:00"
    assert published(page(under="<div class='info'>更新时间：2008-5-6 下午 03:14:22</div>")) == "2008-05-05T16:00:00+00:00"


def print_page(line: str = "", printed: str = "打印时间：2026-12-04 18:02") -> str:
    # a print version: headline, a line under it, the text between rules, the print time and buttons
    text = "".join(f"<p>{t}</p>" for t in TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}--打印本页</title></head><body onload='window.print()'>"
            f"<div class='printcon'><h2 align='center'>{HEAD}</h2><p align='center'>{line}</p><hr>{text}<hr>"
            f"<p align='right'>{printed}　【<a>打印</a>】【<a>关闭</a>】</p></div></body></html>")


def test_a_print_versions_print_time_is_no_publication():
    assert published(print_page()) is None
    assert published(print_page(printed="打印日期：2026年12月4日")) is None
    assert published(print_page(), "http://www.example.cn/news/2018-10/17/content_88.htm") == "2018-10-16T16:00:00+00:00"
    assert published(print_page("发布时间：2018-10-17　来源：本站")) == "2018-10-16T16:00:00+00:00"


def test_a_month_and_day_printed_apart_from_the_year_and_time():
    # a college CMS's date block: `11/12` large, `2010年 16:39` under it, then the byline's fields
    bar = "<div class='date'><span class='md'>11/12</span> <span class='y'>2010年 16:39</span> 【字体：大 中 小】 来源：院办</div>"
    assert published(page(bar=bar)) == "2010-11-12T08:39:00+00:00"
    # the same line kept in one container with the headline and the text (a print version) is lifted, not text
    html = print_page("11/12 2010年 16:39 【 字体: 来源:院办 访问量:1 打印 纠错", printed="")
    assert published(html) == "2010-11-12T08:39:00+00:00"
    assert extract(html, None, now=NOW).body.startswith("学校为上学期")


def test_a_portals_two_digit_year_line_with_fields_after_bars():
    # `16-6-2 10:14| 发布者: …| 查看: …`: a portal's timed date, then its fields between bars
    html = print_page("16-6-2 10:14| 发布者: lujunfei| 查看: 1732| 评论: 0|来自: 某某社区报", printed="")
    assert published(html) == "2016-06-02T02:14:00+00:00"
    assert extract(html, None, now=NOW).body.startswith("学校为上学期")


def test_a_month_and_day_in_a_sentence_stay_no_date():
    assert published(page(first="比赛成绩11/12 2010年以来最好，共有二十名学生获奖。")) is None


def test_a_papers_own_dateline_yields_to_the_posting_a_day_later_under_the_text():
    # `本报济南11月9日讯` opening the text, the page's `时间：2014年11月10日 10:20` under it after the site's boxes
    first = "本报济南11月9日讯 今天上午，全省消防安全宣传月启动仪式在某某学校举行，三百多名师生参加。"
    under = "<div class='more'>热门推荐</div><div class='info'>时间：2014年11月10日 10:20 星期一　【打印】【关闭】</div>"
    assert published(page(first, under=under)) == "2014-11-10T02:20:00+00:00"


def test_a_dateline_days_before_a_date_under_the_text_stays_the_stories_day():
    # a mirror copying the story five days later: the dateline's day is the publication (as `_unless_reposted`)
    first = "本报济南11月9日讯 今天上午，全省消防安全宣传月启动仪式在某某学校举行，三百多名师生参加。"
    under = "<div class='more'>热门推荐</div><div class='info'>时间：2014年11月14日 10:20 星期五</div>"
    assert published(page(first, under=under)) == "2014-11-08T16:00:00+00:00"


def test_a_date_told_inside_the_texts_sentences_does_not_date_an_undated_page():
    # `学校2019年3月10日举行了…`, `继2018年5月6日之后` in running text: the text's events, not its posting
    assert published(page("学校2019年3月10日举行了春季运动会，全校师生参加。")) is None
    assert published(page("这是学校继2018年5月6日之后第二次举办读书节，反响热烈。")) is None
    assert published(page("全县中小学于2019年3月10日召开安全工作会议，各校校长参加。")) is None


def test_a_stamp_word_before_a_date_inside_the_text_still_dates_it():
    assert published(page("发布时间2019-03-05 来源：本站")) == "2019-03-04T16:00:00+00:00"


def test_a_chinese_numeral_date_under_the_sites_boxes_dates_the_page():
    # the text, the site's boxes under it, then the date bar in Chinese numerals (its year not borrowed for the dateline)
    first = "本报济南11月9日讯 今天上午，全省消防安全宣传月启动仪式在某某学校举行，三百多名师生参加。"
    under = ("<div class='more'>热门推荐</div><div class='links'>房产 | 旅游 | 教育</div>"
             "<div class='info'>二〇一四年十一月十日 星期一 【打印】</div>")
    assert published(page(first, under=under)) == "2014-11-09T16:00:00+00:00"
    assert published(page(under=under)) == "2014-11-09T16:00:00+00:00"
    # a day told in a sentence under the text is no date line
    assert published(page(under="<div class='more'>热门推荐</div><p>二〇一四年十一月十日召开的会议决定……</p>")) is None


# regress-27: the event's day and hour, no posting date itself, still gives a yearless dateline its year (as a
# dated list beside the text does): without it the dateline took the fetch's year, or a side list's.
_SIDE = ("<div class='side'><h3>最新更新</h3>·<a>关于举办青年教师基本功比赛的通知</a>[2008-11-02]<br>"
         "·<a>第三片区教研活动简报</a>[2008-10-30]</div>")


def test_the_events_day_and_hour_gives_a_yearless_dateline_its_year():
    first = "2015年10月17日下午，城南网10月16日电 城南中学在学校报告厅举行读书节启动仪式，全校师生参加。"
    assert published(page(first))[:4] == "2015"  # (10-16 in Shanghai)
    side = page(first).replace("<div class='art'>", _SIDE + "<div class='art'>")
    assert published(side)[:4] == "2015"
    assert published(page("2020年11月23日下午，学校在操场举行读书节启动仪式。")) is None  # alone: still undated
