"""Tests for dates on pages of kinds met in extract-37's set of real Chinese pages (see BENCHMARKS.md), each on a
page written here: a two-digit year first right after a label's ASCII colon (`更新时间:22/07/18 13:54:01` on a
novel site's chapter, `时间:14-10-20` on an older CMS), and a government page whose information table runs into one
line over its headline, in square brackets (`[ 索引号 ]… [ 成文日期 ]… [ 发布日期 ]…`), under a URL filed weeks later:
the record is no text, and its publication date dates the page.
"""

from __future__ import annotations

from datetime import datetime, timezone

import datekit

from monitor.extract import extract

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
TEXT = ("<p>本报讯 近日，青山镇组织党员干部走进田间地头，帮助种植户抢收晚稻，并现场讲解秋冬种植技术要点，受到村民欢迎。</p>"
        "<p>据了解，今年全镇晚稻种植面积达一万二千亩，预计总产量比去年增长百分之八。镇农技站还将组织专家开展巡回指导。</p>"
        "<p>镇党委负责人表示，下一步将继续做好农资供应和机械调度工作，确保颗粒归仓。</p>")


def day(html: str, url: str | None = None) -> str | None:
    return datekit.day(extract(html, url, now=NOW))


def below(byline: str, title: str = "青山镇党员干部帮助农户抢收晚稻") -> str:
    """A news page with `byline` under its headline."""
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<div class='nav'><a>首页</a><a>本地新闻</a><a>乡镇动态</a></div>"
            f"<div class='art'><h1>{title}</h1><div class='info'>{byline}</div><div class='content'>{TEXT}</div></div>"
            "<div class='foot'>Copyright © 2003-2024 青山新闻网 版权所有</div></body></html>")


def test_a_two_digit_year_right_after_a_labels_ascii_colon_dates_the_page():
    assert day(below("更新时间:14/10/20 10:32:01 来源：青山新闻网")) == "2014-10-20"
    assert day(below("时间:14/10/20 来源:本站")) == "2014-10-20"
    assert day(below("更新时间:14-10-20 10:32 来源：本站")) == "2014-10-20"
    assert day(below("日期:14.10.20 来源:本站")) == "2014-10-20"
    # a chapter's line: its word count run into the label
    assert day(below("类别:现代都市 作者:西风 字数:9246更新时间:22/07/18 13:54:01")) == "2022-07-18"
    # the full-width colon read before as now
    assert day(below("时间：14/10/20 来源：本站")) == "2014-10-20"


def test_a_time_before_slashed_numbers_is_still_no_date():
    assert day(below("来源:本站 10:14/10/20")) is None


GOV_TITLE = "青山县人民政府办公室关于印发青山县防汛抗旱应急预案的通知"
GOV_TEXT = ("<p>各乡镇人民政府，县政府各部门：</p><p>《青山县防汛抗旱应急预案》已经县政府同意，现印发给你们，请认真组织实施。"
            "各单位要结合实际，细化工作措施，落实防汛责任。</p><p>一、总则</p>"
            "<p>为做好全县防汛抗旱工作，最大程度减少洪涝干旱灾害造成的损失，保障人民群众生命财产安全，制定本预案。</p>")
INFO_LINE = ("<p>[ 索引号 ]11500229MB1970703J/2021-00004 [ 发文字号 ]青府办发〔2021〕12号 [ 发布机构 ]青山县人民政府办公室 "
             "[ 成文日期 ]2021-02-21 [ 发布日期 ]2021-02-22 [ 体裁分类 ]预案</p>")


def gov(info: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{GOV_TITLE}</title></head><body>"
            "<div class='crumb'>您当前的位置：首页&gt;政务公开&gt;通知公告</div>"
            f"<div class='main'>{info}<h1>{GOV_TITLE}</h1>{GOV_TEXT}</div></body></html>")


def test_an_information_line_in_square_brackets_is_no_text_and_dates_the_page_before_its_url():
    filed = "http://www.qs.gov.cn/zwgk/202104/t20210410_9119686.html"
    assert day(gov(INFO_LINE), filed) == "2021-02-22"
    body = extract(gov(INFO_LINE), filed, now=NOW).body
    assert body.startswith("各乡镇人民政府") and "索引号" not in body
    assert day(gov(INFO_LINE)) == "2021-02-22"
    # without a publication label in it the URL's day still dates the page
    unlabelled = INFO_LINE.replace("[ 发布日期 ]2021-02-22 ", "").replace("[ 成文日期 ]2021-02-21 ", "")
    assert day(gov(unlabelled), filed) == "2021-04-10"
