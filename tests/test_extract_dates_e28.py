"""Tests for dates under the text on school and county pages (helper extract-28; see BENCHMARKS.md), each on a page
written here: a date bar after the site's copyright line inside the text's container, a two-digit-year bar after a
chrome prompt with the footer's block right after it (the blocks' texts run together in the page's text).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["近日，镇中心小学在多功能厅举行家长开放日活动，八十余位家长走进课堂，观摩了语文、数学和科学三节公开课。",
        "活动结束后，学校召开座谈会，家长们就作业布置、课后服务和校园安全等话题提出建议，校长一一作了回应。"]
SIGNED = ["某某镇中心小学", "2011-2-28"]
FOOT = "<div class='foot'>地址：某某镇学府路8号 电话：0577-1234567</div>"


def page(inside: str = "", under: str = "", signed: bool = False) -> str:
    text = "".join(f"<p>{t}</p>" for t in TEXT)
    sig = "".join(f"<p style='text-align:right'>{t}</p>" for t in SIGNED) if signed else ""
    return ("<html><head><meta charset='utf-8'><title>家长开放日活动</title></head><body>"
            "<div class='nav'><a>首页</a><a>学校简介</a><a>校园动态</a><a>教学教研</a></div>"
            f"<div class='content'><h2>家长开放日活动</h2>{text}{sig}{inside}</div>{under}{FOOT}</body></html>")


def published(html: str) -> str | None:
    found = extract(html, None, now=NOW).published
    return found.isoformat() if found else None


def test_a_two_digit_year_bar_after_a_copyright_span_inside_the_container():
    # `版权所有：… 2006-2012` then `11-03-31`: the page's text reads `2006-201211-03-31地址：…`
    html = page(inside="<p>版权所有：某某镇中心小学 2006-2012</p><p>11-03-31</p>")
    assert published(html) == "2011-03-30T16:00:00+00:00"


def test_a_full_date_bar_after_a_copyright_span_beats_a_signature_above_it():
    html = page(inside="<p>版权所有：某某镇中心小学 2006-2012</p><p>2011-3-31</p>", signed=True)
    assert published(html) == "2011-03-30T16:00:00+00:00"


def test_a_two_digit_year_bar_after_a_prompt_then_the_footer():
    html = page(under="<div class='tip'>如有问题请联系网站管理员</div><div class='dt'>11-03-31</div>")
    assert published(html) == "2011-03-30T16:00:00+00:00"
    html = page(under="<div>【打印本页】【关闭窗口】</div><div>11-03-31</div>")
    assert published(html) == "2011-03-30T16:00:00+00:00"


def test_a_two_digit_number_run_in_a_sentence_is_no_date():
    # a class's number glued to a sentence word after it stays text; a copyright span alone dates nothing
    html = page(under="<div>如有问题请联系网站管理员</div><div>11-03-31班获得优秀班集体称号</div>")
    assert published(html) is None
    assert published(page(inside="<p>版权所有：某某镇中心小学 2006-2012</p>")) is None


def test_a_two_digit_year_bar_after_a_more_news_row_then_tools():
    html = page(under="<div>点击更多新闻进入新闻中心</div><div>11-03-31　【打印】【关闭】</div>")
    assert published(html) == "2011-03-30T16:00:00+00:00"


def test_a_templates_bare_update_gives_way_to_the_pages_own_update_beside_a_byline_field():
    # `更新时间：…` printed twice: the template's, alone (when the page was last edited), and an older CMS's
    # `更新时间:…作者:…`, its posting time; the second's byline field was taken as beside the first
    bar = "<div class='info'>更新时间：2019-04-08 10:12　更新时间:2019-04-02 11:44:25作者:佚名</div>"
    html = ("<html><head><meta charset='utf-8'><title>家长开放日活动</title></head><body>"
            f"<div class='nav'><a>首页</a><a>校园动态</a></div><h1>家长开放日活动</h1>{bar}"
            + "".join(f"<p>{t}</p>" for t in TEXT) + f"{FOOT}</body></html>")
    assert published(html) == "2019-04-02T03:44:25+00:00"


def test_a_date_bar_after_neighbour_links_and_a_copyright_line_without_years():
    # an e-paper's `上一篇 下一篇` and `版权声明 … 网站版权所有` inside the container, the bar after them
    for bar in ("2011-3-31", "[2011-3-31]", "11-03-31", "日期：[2011-03-31]　作者：办公室　点击数：35"):
        html = page(inside="<p>3上一篇 下一篇4</p><p>版权声明 @ 某某网 网站版权所有</p>",
                    under=f"<div>{bar}　【打印】【关闭】</div>")
        assert published(html) == "2011-03-30T16:00:00+00:00", bar
    # the neighbours' own dates are still theirs: no bar, no date
    html = page(inside="<p>上一篇：春季运动会举行 2011-03-25 下一篇：植树节活动 2011-04-02</p><p>版权所有 某某网</p>")
    assert published(html) is None
