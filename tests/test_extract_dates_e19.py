"""Tests for dates on pages nobody here had tuned on (helper extract-19; see BENCHMARKS.md), each on
a page written here: a footer's visit counter and the day it started counting (`本站访问量统计始于
2012年3月1日`, `自2008-02-01以来 本站点击数`), a publication label with its date written as eight
digits (`发布日期：20190804`), a byline left empty for a script to fill, its time in a `data-` attribute
(`<span class="time" data-time="1564885260">`, `<time data-timestamp=…>`), and a wire dateline without a
year whose own sentence names the season's year (`中新社北京8月3日电 2025赛季中超联赛第19轮比赛在8月2日至3日展开`).
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "柳溪镇新建十座村级驿站"
TEXT = ("<p>柳溪镇今年在十个行政村建起了村级驿站，快递、农资和日用品可以在村口直接收发。</p>"
        "<p>镇里有关负责人介绍，驿站由村集体提供场地，邮政和快递企业负责设备与培训，村民取件不再需要跑到镇上。</p>"
        "<p>下一步，镇里还将在驿站里增设便民缴费和农产品代销服务。</p>")


def page(info: str = "", foot: str = "", text: str = TEXT, head: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title>{head}</head><body>"
            f"<div class='nav'>首页 | 本地 | 社会</div><div class='main'><h1>{TITLE}</h1><div class='info'>{info}</div>"
            f"<div class='content'>{text}</div><div class='tool'>[打印本页] [关闭窗口]</div></div>"
            f"<div class='footer'>{foot} | 网站备案号：000000号</div></body></html>")


def test_the_day_a_sites_visit_counter_started_is_no_date_of_the_page():
    for foot in ("本站访问量统计始于2012年3月1日", "本站访问量统计始于：2012-03-01", "自 2008-02-01 以来 本站点击数 33,451,181",
                 "网站开通于2012年3月1日"):
        assert day(page(foot=foot)) is None, foot
        assert day(page(foot=foot), "http://www.example.cn/2019/0610/123.shtml") == "2019-06-10"
        # nor does its year date a byline written without one (the latest year not in the future does)
        assert day(page("发布时间：01-31 16:05", foot)) == "2026-01-31"
        assert day(page("发布时间：2023-01-31 16:05", foot)) == "2023-01-31"
    # a date the text says something has run since is no byline either; a byline under the text stays
    assert day(page(foot="日期：2020-3-9")) == "2020-03-09"


def test_a_publication_label_with_its_date_in_eight_digits():
    assert day(page("发布日期：20190804 来源：本站")) == "2019-08-04"
    assert day(page("发布时间:20190804")) == "2019-08-04"
    assert day(page(foot="发布日期：20190804")) == "2019-08-04"
    # not a longer number, nor a law's dates in its text (no publication label)
    assert day(page("发布日期：2019080412345")) is None
    law = "<p>颁布日期:20020621  实施日期:20021001  颁布单位:信息产业部</p>" + TEXT
    assert day(page(text=law)) is None


def test_a_byline_a_script_fills_from_its_data_attribute():
    assert day(page('<span class="time" data-time="1564885260"></span> 来源：本站')) == "2019-08-04"
    assert day(page('<time data-timestamp="1564885260000"></time>')) == "2019-08-04"
    # a related list's items carry their own times: none of them is the page's
    rel = ("<div class='rel'><h3>猜你喜欢</h3><ul><li data-time='1764838800'><a>全市冬季供暖工作全面启动</a></li>"
           "<li data-time='1764752400'><a>老旧小区改造惠及三千余户</a></li></ul></div>")
    assert day(page(foot=rel)) is None
    assert day(page('<span class="time" data-time="1564885260"></span>', rel)) == "2019-08-04"
    # an element with text of its own is read as before (its text)
    assert day(page('<span class="time" data-time="1564885260">2019-08-05 10:21</span>')) == "2019-08-05"


def test_a_yearless_wire_dateline_whose_sentence_names_the_seasons_year():
    lead = ("<p>中新社北京8月3日电 (孔令佑)2025赛季中超联赛第19轮比赛在8月2日至3日展开，升班马主场4:4战平领头羊，"
            "北京队则在本轮两度扳平比分。</p>")
    assert day(page(text=lead + TEXT)) == "2025-08-03"
    lead2 = "<p>新华社福州8月3日电 2024年8月2日至3日，第三届海峡两岸乡村振兴论坛在福州举行。</p>"
    assert day(page(text=lead2 + TEXT)) == "2024-08-03"
    # without a year in its sentence the latest year not in the future, as before
    plain = "<p>中新社北京8月3日电 中超联赛第19轮比赛在8月2日至3日展开，升班马主场4:4战平领头羊。</p>"
    assert day(page(text=plain + TEXT)) == "2026-08-03"
    # a year the sentence names for something else (last year's figures) is not the dateline's
    other = "<p>新华社北京8月3日电 记者从有关部门获悉，2025年全国快递业务量比上年增长两成。</p>"
    assert day(page(text=other + TEXT)) == "2026-08-03"


def test_a_time_a_pages_state_or_article_info_script_states():
    state = '<script>window.__INITIAL_STATE__={"article":{"id":12,"title":"t","ctime":1564885260,"source":"s"}};</script>'
    assert day(page(foot=state)) == "2019-08-04"
    info = "<script>var BASE_DATA = {articleInfo: {title: 't', subInfo: {source: 's', time: '2019-08-04 10:21:00'}}};</script>"
    assert day(page(foot=info)) == "2019-08-04"
    # a server's clock or an update time in a script is no publication
    clock = '<script>var serverTime = "2026-12-04 18:00:00"; var pv = {"updateTime": "2026-12-04 17:58:00"};</script>'
    assert day(page(foot=clock)) is None


def test_a_date_the_text_says_something_happened_on_is_no_date_of_the_page():
    text = ("<p>人工智能在法院的运用越来越广。国务院于 2017 年 7 月 20 日发布《新一代人工智能发展规划》，"
            "对人工智能理论、技术和应用作出前瞻性布局。</p>" + TEXT)
    assert day(page(text=text)) is None
    assert day(page("发布于 2019-08-04 来源：本站", text=text)) == "2019-08-04"
    assert day(page(text=text), "http://www.example.cn/2019/0804/12.shtml") == "2019-08-04"
    # a byline under the text that writes `于` before its date stays
    assert day(page(foot="本文发布于2019年8月4日")) == "2019-08-04"
