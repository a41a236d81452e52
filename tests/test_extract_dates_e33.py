"""Tests for dates on school and bureau pages (helper extract-33; see BENCHMARKS.md), each on a page written here:
a document's own day alone in brackets opening its text (`（2016年11月26日）` under a report's headline) and a text
signed at its foot (`某某小学德育处` / `2017.12.18`) are the document's days; the page's posting day shown elsewhere
(a bar under the text, the breadcrumb, the <title>, a bar after the related links, the URL) dates the page.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
HEAD = "市督导组对我县义务教育均衡发展工作的反馈意见"
TEXT = ["11月21日至25日，市督导组对我县申报的义务教育均衡发展工作进行了实地督导检查，随机抽查学校十二所。",
        "督导组认为，我县在学校标准化建设、教师队伍建设和教育信息化等方面成效明显。",
        "同时指出，部分农村学校功能室使用率不高，音体美教师仍有缺口，需在下一阶段切实整改。"]
FOOT = "<div class='foot'>主办：某某县教育局 地址：某某县人民路12号</div>"
RELATED = ("<div class='xg'><h4>相关文章</h4><ul><li><a>我县召开教育督导工作会议</a></li><li><a>城关小学开展读书月活动</a></li></ul></div>"
           "<div class='sx'><p>上一篇：<a>关于寒假安全工作的通知</a></p><p>下一篇：<a>县教研室开展送教下乡</a></p></div>")


def page(opening: str = "", bar: str = "", under: str = "", crumb: str = "", title: str = HEAD, closing: str = "") -> str:
    paras = "".join(f"<p>{t}</p>" for t in ([opening] if opening else []) + TEXT + ([closing] if closing else []))
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a></div><div class='crumb'>当前位置：首页 &gt; 教育动态{crumb}</div>"
            f"<div class='art'><h2>{HEAD}</h2>{bar}<div class='con'>{paras}</div>{under}</div>{FOOT}</body></html>")


def day(html: str, url: str | None = None) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(timezone.utc).isoformat()[:16] if found else None


DOC_DAY = "<p style='text-align:center'>（2016年11月26日）</p>"


def test_a_documents_bracketed_day_opening_its_text_gives_way_to_the_pages_posting_day():
    opening = "（2016年11月26日）"
    # a bar under the text, the URL's day, a breadcrumb's date above the headline
    assert day(page(opening, under="<div class='info'>发布日期：2017-01-20　来源：县教育局</div>")) == "2017-01-19T16:00"
    assert day(page(opening, under="<div class='info'>2017-01-20 来源：县教育局</div>")) == "2017-01-19T16:00"
    assert day(page(opening), "http://www.example.gov.cn/jyj/201701/t20170120_295387.html") == "2017-01-19T16:00"
    assert day(page(opening, crumb="　[2017-01-20]")) == "2017-01-19T16:00"
    # a bar whose date a script fills (empty in the page's text) between the headline and the day
    assert day(page(opening, bar="<div class='info'>来源：本站 浏览次数：</div>"),
               "http://www.example.gov.cn/jyj/201701/t20170120_295387.html") == "2017-01-19T16:00"


def test_a_documents_bracketed_day_dates_a_page_nothing_else_dates():
    assert day(page("（2016年11月26日）")) == "2016-11-25T16:00"
    assert day(page("（二〇一六年十一月二十六日）")) == "2016-11-25T16:00"


def test_a_bar_over_the_text_still_beats_a_bracketed_day_and_a_posting_day_months_later_does_not():
    bar = "<div class='info'>发布时间：2017-01-20 10:12　浏览：35</div>"
    assert day(page("（2016年11月26日）", bar=bar)) == "2017-01-20T02:12"
    # the list's own dates under the text are no posting
    listed = RELATED.replace("教育督导工作会议</a>", "教育督导工作会议</a> 2017-01-05")
    assert day(page("（2016年11月26日）", under=listed)) == "2016-11-25T16:00"


SIGNED = "某某县实验小学德育处"


def test_a_signed_texts_day_gives_way_to_the_pages_posting_day_shown_elsewhere():
    closing = f"{SIGNED}</p><p>2017.12.18"
    # the breadcrumb's date above the headline, the <title>'s, a bar after the related links and the previous/next titles
    assert day(page(closing=closing, crumb="　[2017-12-19]")) == "2017-12-18T16:00"
    assert day(page(closing=closing, title=f"{HEAD}(2017-12-19)")) == "2017-12-18T16:00"
    bar = "<div class='dt'>发布时间:2017/12/19 12:45:57 作者:德育处 浏览量:612</div>"
    assert day(page(closing=closing, under=RELATED + bar)) == "2017-12-19T04:45"


def test_a_signed_texts_day_stays_when_the_other_date_is_older_or_months_later():
    closing = f"{SIGNED}</p><p>2017.12.18"
    assert day(page(closing=closing)) == "2017-12-17T16:00"
    assert day(page(closing=closing, crumb="　[2017-12-01]")) == "2017-12-17T16:00"
    assert day(page(closing=closing, title=f"{HEAD}(2018-06-30)")) == "2017-12-17T16:00"


def test_a_date_block_with_the_year_apart_under_the_text_dates_the_page():
    # `11/12` large, `2010年 16:39` under it, then the tool row: right under the text or after a prompt
    bar = "<div class='dt'>11/12 2010年 16:39 【 字体：大 中 小 】 来源：院办 访问量：1</div>"
    assert day(page(under=bar)) == "2010-11-12T08:39"
    assert day(page(under="<div class='tip'>如有问题请联系网站管理员</div>" + bar)) == "2010-11-12T08:39"
    assert day(page(under="<div class='dt'>2010 11/12 16:39 来源：院办</div>")) == "2010-11-12T08:39"


def test_a_date_line_run_into_the_texts_first_paragraph_by_a_lost_character_dates_the_page():
    # a mirror that joined the bar and the first paragraph, the separator lost (`?`, U+FFFD)
    for opening in ("2014-11-13?", "2014-11-13　来源：本站　作者：管理员　点击数：35?", "2014.11.13\ufffd"):
        html = page().replace("<div class='con'><p>", f"<div class='con'><p>{opening}", 1)
        assert day(html) == "2014-11-12T16:00", opening


def test_a_sentence_opening_with_its_events_day_is_still_no_date_line():
    for opening in ("2014年11月13日，", "2014-11-13上午，", "2014年11月13日?"):
        html = page().replace("<div class='con'><p>", f"<div class='con'><p>{opening}", 1)
        assert day(html) is None, opening


def test_a_bare_date_in_a_block_of_its_own_after_the_related_links_dates_the_page():
    for bar, want in (("<div class='dt'>2014-11-13</div>", "2014-11-12T16:00"),
                      ("<div class='dt'>2014.11.13</div>", "2014-11-12T16:00"),
                      ("<p class='time'> 2014年11月13日 </p>", "2014-11-12T16:00")):
        assert day(page(under=RELATED + bar)) == want, bar


def test_a_bare_date_that_is_a_listed_articles_stays_no_date():
    # after the related links: a list's item, its date in a span of its own, in the next cell of its row, after its link
    # in a box, in a <dd>; a date after the footer's first words
    for under in ("<ul class='xg'><li><a>我县召开教育督导工作会议</a><span>2014-11-13</span></li></ul>",
                  "<table><tr><td><a>我县召开教育督导工作会议</a></td><td>2014-11-13</td></tr></table>",
                  "<div class='item'><a>我县召开教育督导工作会议</a> <div class='date'>2014-11-13</div></div>",
                  "<dl><dt><a>我县召开教育督导工作会议</a></dt><dd>2014-11-13</dd></dl>",
                  "<div class='foot2'>主办：某某县教育局</div><div>2014-11-13</div>"):
        assert day(page(under=RELATED + under)) is None, under


def test_the_next_articles_date_over_its_teaser_stays_no_date():
    teaser = ("<div class='next'><h3>下一篇：<a>全县秋季学期教学工作会议召开</a></h3><div class='t-date'>2014-11-20 16:05</div>"
              "<p>11月19日，县教育局召开秋季学期教学工作会议，部署下一阶段重点任务……<a>[详细]</a></p></div>")
    assert day(page(under=teaser)) is None
    assert day(page(under=teaser.replace(" 16:05", ""))) is None


URL_LATER = "http://www.example.gov.cn/jyt/202206/t20220608_25434646.html"


def test_the_day_the_page_states_under_the_text_beats_a_url_day_one_or_two_days_later():
    for under, want in (("<div class='info'>湖南省某某厅 时间：2022-06-07</div>", "2022-06-06T16:00"),
                        ("<div class='info'>2022-06-07</div>", "2022-06-06T16:00"),
                        ("<div class='info'>【打印】【关闭】</div><script>var publishdate = \"2022-06-07 09:30:00\";</script>",
                         "2022-06-07T01:30")):
        assert day(page(under=under), URL_LATER) == want, under


def test_a_url_day_stays_when_the_stated_day_is_farther_or_later():
    for shown in ("2022-06-01", "2022-06-09"):
        assert day(page(under=f"<div class='info'>时间：{shown}</div>"), URL_LATER) == "2022-06-07T16:00", shown
