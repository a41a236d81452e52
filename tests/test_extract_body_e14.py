"""Tests for bodies on pages nobody here had tuned on (helper extract-14; see BENCHMARKS.md), each
on a page written here: a local paper's byline line over the text that names a desk before the
writer and runs on to the posting and update times (`Metro Desk By Metro Desk, The Evening Ledger
on December 27, 2014 at 12:06 PM, updated …`); a self-media page's account box over the text (a
font-size switch, the account's link around block elements, a follow button) and its closing
lines (a `特别声明` heading over the platform's disclaimer, a comment count, a prompt to tap 在看,
`- THE END -`, the platform's disclaimer in English).
"""

from __future__ import annotations

from datetime import datetime, timezone

import datekit

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
PARAGRAPHS = ("<p>The county opened forty-two kilometres of new rural road this year, linking eight villages "
              "to the market town and cutting the trip to the county seat by half.</p>"
              "<p>Farmers said the road lets trucks reach their tea gardens for the first time, and a cooperative "
              "reported orders up by a third since the spring.</p>")


def page(byline: str) -> str:
    return ("<html><head><title>New road links eight villages | Evening Ledger</title></head><body>"
            "<h1>New road links eight villages</h1>"
            f"<div class='entry'><p>{byline}</p>{PARAGRAPHS}</div><div class='ft'>About us</div></body></html>")


def test_a_desk_byline_with_posting_and_update_times_is_no_text():
    article = extract(page("Metro Desk By Metro Desk, The Evening Ledger on December 27, 2014 at 12:06 PM, "
                           "updated December 27, 2014 at 12:10 PM"), "https://www.example.com/news/new-road.html", now=NOW)
    assert "Metro Desk" not in article.body
    assert article.body.startswith("The county opened")
    assert datekit.day(article) == "2014-12-27"
    article = extract(page("By Ann Rowe, The Evening Ledger on March 3, 2013 at 8:15 AM"), None, now=NOW)
    assert article.body.startswith("The county opened")
    assert datekit.day(article) == "2013-03-03"


def test_a_sentence_naming_a_writer_and_a_day_stays_text():
    line = "Written by Ann Rowe on March 3, 2013, the report found that the road cut travel times by half."
    article = extract(page(line), None, now=NOW)
    assert article.body.startswith("Written by Ann Rowe")


ZH_TEXT = ("<p>青溪县石桥镇今年新修农村公路四十二公里，沿线八个村的茶叶和笋干可以直接装车运往县城的物流中心。</p>"
           "<p>镇里有关负责人介绍，道路通车以后，村民外出办事的时间缩短了一半，合作社的订单也比去年多了三成。</p>")


def zh_page(before: str, after: str) -> str:
    return ("<html><head><title>石桥镇农村公路通车</title></head><body><h1>石桥镇农村公路通车</h1>"
            f"<div class='news'>{before}{ZH_TEXT}{after}</div><div class='ft'>关于我们</div></body></html>")


def test_a_self_media_pages_account_box_and_closing_lines_are_no_text():
    box = ("<ul class='size'><li>超大</li><li>大</li><li>标准</li></ul>"
           "<div class='author'><a href='/u/44871'><div class='avatar'><img src='a.jpg'></div>"
           "<div class='name'>青溪发布</div></a><div class='follow'>关注</div></div>")
    closing = ("<p>看都看完了，点【在看】试试在看</p><p>- THE END -</p><p>评论（）</p>"
               "<h3>特别声明</h3><p>本文为自媒体作者上传并发布，仅代表该作者观点。</p>")
    article = extract(zh_page(box, closing), None, now=NOW)
    assert article.paragraphs[-1].startswith("镇里有关负责人介绍")
    assert all(line.isprintable() for line in article.paragraphs)  # no stray link marker
    for chrome in ("超大", "标准", "关注", "在看", "THE END", "评论", "特别声明", "自媒体"):
        assert chrome not in article.body
    assert article.paragraphs[-2].startswith("青溪县石桥镇")


def test_a_platforms_disclaimer_in_english_is_no_text():
    notice = ("<p>Notice: The content above (including the pictures and videos if any) is uploaded and posted by a "
              "user of a self-media platform, which only provides information storage services.</p>")
    article = extract(page("By Ann Rowe").replace("</div><div class='ft'>", notice + "</div><div class='ft'>"), None, now=NOW)
    assert article.body.endswith("since the spring.")
