"""Tests for dates on county media and news pages (helper extract-34; see BENCHMARKS.md), each on a page written here:
the text's own dateline (`11月21日讯`, `十一月二十一日讯`) names the story's day, and where no date is printed by the headline
it dates the page over a URL a day or two off (`…/2025-11/20/…`); a date printed by the headline still wins.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
HEAD = "县人社局举办秋季专场招聘会"
TEXT = ["近日，县人社局组织开展秋季专场招聘会，共有56家企业进场招聘，提供就业岗位1800余个，吸引了大批求职者前来应聘。",
        "招聘会现场，求职者络绎不绝，用工企业工作人员耐心解答求职者关心的薪资待遇、福利保障等问题。",
        "据统计，当天共有1200余人次进场求职，初步达成就业意向380人。"]


def page(lead: str, meta: str = "<span>来源：县融媒体中心</span> <span>编辑：张某</span>") -> str:
    paras = "".join(f"<p>{t}</p>" for t in [lead + TEXT[0], *TEXT[1:]])
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            "<header><nav><a>首页</a><a>本地</a><a>视频</a></nav></header>"
            f"<main><h2>{HEAD}</h2><div class='meta'>{meta}</div><article class='content'>{paras}</article>"
            "<div class='editor'>责任编辑：王某</div></main>"
            "<aside><h3>热点排行</h3><ol><li><a>全市重点项目集中开工</a></li><li><a>文明城市创建推进会召开</a></li></ol></aside>"
            "<footer>Copyright 融媒体中心</footer></body></html>")


def day(html: str, url: str | None) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(timezone.utc).isoformat()[:16] if found else None


URL_20 = "http://www.county.example/news/2025-11/20/content_88124.html"
URL_23 = "http://www.county.example/news/2025-11/23/content_88124.html"
NOV_21 = "2025-11-20T16:00"  # 21 November, Shanghai midnight


def test_a_dateline_a_day_after_the_urls_day_dates_the_page():
    for lead in ("11月21日讯 ", "本网11月21日讯（记者 王某）", "新华社北京11月21日电 "):
        assert day(page(lead), URL_20) == NOV_21, lead


def test_a_dateline_two_days_before_the_urls_day_dates_the_page():
    assert day(page("11月21日讯 "), URL_23) == NOV_21


def test_a_dateline_in_chinese_numerals_is_read():
    for lead in ("十一月二十一日讯 ", "中新社北京十一月二十一日电 "):
        assert day(page(lead), URL_20) == NOV_21, lead
        assert day(page(lead), "http://www.county.example/news/show.asp?id=88124") == "2026-11-20T16:00", lead


def test_a_date_printed_by_the_headline_beats_the_dateline():
    printed = "<span>发布时间：2025年11月22日 16:05</span> <span>来源：县融媒体中心</span>"
    assert day(page("11月21日讯 ", printed), URL_20) == "2025-11-22T08:05"


def test_a_dateline_far_from_the_urls_day_leaves_the_urls_day():
    # a week earlier is a reposted story's dispatch, two days later no reading of the same posting
    assert day(page("11月13日讯 "), URL_20) == "2025-11-19T16:00"
    assert day(page("11月22日讯 "), URL_20) == "2025-11-19T16:00"
    # a dateline deep in the text (a quoted story's) is not the opening's
    assert day(page("据报道，该局此前在一份通报中提到，" + "相关工作持续推进，" * 3 + "11月21日讯 "), URL_20) == "2025-11-19T16:00"


def test_a_december_dateline_over_a_january_url():
    assert day(page("12月31日讯 "), "http://www.county.example/news/2025-01/01/content_1.html") == "2024-12-30T16:00"
