"""Tests for dates and credits on news pages (helper extract-35; see BENCHMARKS.md), each on a page written here: an
English byline's date set in capitals (`23 SEP 2016`, `SEPT. 23, 2016`), a Chinese date whose year is in digits and
the rest in numerals (`2025年十一月二十日`), a closing `From <a>site.com</a>` or `Courtesy of …` credit, and a county
page's `撰稿:… 编辑:…` credit row.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
EN_TEXT = ["The county board voted on Tuesday evening to turn the old rail yard into a park with a playground, "
           "a skating path and a small stage for summer concerts.",
           "Neighbours who spoke at the hearing asked for more trees along the fence and for the gates to stay open "
           "until ten at night, and the board agreed to both.",
           "Work on the first half of the park is due to start in April, and the stage should be ready before the "
           "first concert of the season, a county spokesman said."]
ZH_TEXT = ["记者从县农业农村局获悉，今年全县新建高标准农田一万二千亩，项目区内机耕路、灌溉渠全部完工并通过验收。",
           "据介绍，项目建成后，区内耕地灌溉保证率明显提高，每亩可节约人工成本约一百元，农户种粮积极性进一步增强。",
           "下一步，该县将继续加大投入，力争到2027年底高标准农田占耕地面积比例达到八成以上。"]


def en_page(byline: str, closing: str = "") -> str:
    paras = "".join(f"<p>{t}</p>" for t in EN_TEXT)
    return ("<html><head><meta charset='utf-8'><title>Board backs rail yard park</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sports'>Sports</a></nav>"
            f"<div class='article'><h1>Board backs rail yard park</h1><div class='byline'>{byline}</div>"
            f"<div class='share'><a>Facebook</a> <a>Email</a></div><div class='article-body'>{paras}{closing}</div>"
            "<div class='related'><h4>Related Stories</h4><ul><li><a href='/r/1'>Water main closes Elm Street</a></li>"
            "<li><a href='/r/2'>Library adds weekend hours</a></li></ul></div></div>"
            "<footer><p>Copyright 2016 Valley Media. All rights reserved.</p></footer></body></html>")


def zh_page(bar: str, closing: str = "") -> str:
    paras = "".join(f"<p>{t}</p>" for t in ZH_TEXT)
    return ("<html><head><meta charset='utf-8'><title>全县新建高标准农田一万二千亩</title></head><body>"
            "<div class='top'><a>首页</a><a>新闻中心</a><a>政务公开</a></div>"
            "<div class='article'><h1>全县新建高标准农田一万二千亩</h1>"
            f"<div class='info'>{bar}<span>【字体：大 中 小】</span></div>"
            f"<div class='TRS_Editor'>{paras}{closing}</div></div>"
            "<div class='related'><h3>相关新闻</h3><ul><li><a>我县召开秋冬季安全生产工作会议</a></li></ul></div>"
            "<div class='footer'>主办单位：某县人民政府办公室 版权所有</div></body></html>")


def published(html: str, url: str = "https://news.example.com/story/park-plan") -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(timezone.utc).isoformat()[:16] if found else None


def body(html: str, url: str = "https://news.example.com/story/park-plan") -> list[str]:
    return list(extract(html, url, now=NOW, fetched_at=NOW).paragraphs)


def test_a_byline_date_in_capitals_dates_the_page():
    for byline in ("By JANE ROE | 23 SEP 2016", "STAFF REPORT | 23 SEPT 2016", "By JANE ROE<br>PUBLISHED 23 SEPTEMBER 2016",
                   "By JANE ROE | SEPT. 23, 2016", "JANE ROE, STAFF WRITER · SEP 23, 2016"):
        assert published(en_page(byline)) == "2016-09-22T16:00", byline  # 23 September, Shanghai midnight


def test_a_capitals_byline_date_keeps_its_stated_time():
    assert published(en_page("By JANE ROE | 23 SEP 2016 AT 13:05 ET")) == "2016-09-23T17:05"


def test_a_capital_word_that_only_opens_like_a_month_is_no_date():
    # `MARCHING 4, 2016` is no month; `JUNO 4 2016` neither (a month's name must be whole)
    for byline in ("By JANE ROE | BAND NOTES: MARCHERS 4, 2016 ROSTER", "By JANE ROE | PROJECT JUNO 4 2016"):
        assert published(en_page(byline)) is None, byline


def test_a_date_with_its_year_in_digits_and_the_rest_in_numerals_is_read():
    bar = "<span>2025年十一月二十日</span><span>来源：县农业农村局</span>"
    assert published(zh_page(bar), "https://www.county.example.gov.cn/xw/content_8812.html") == "2025-11-19T16:00"
    bar = "<span>发布时间：2013年一月六日</span><span>来源：县政府办</span>"
    assert published(zh_page(bar), "https://www.county.example.gov.cn/xw/content_8813.html") == "2013-01-05T16:00"


def test_a_closing_from_site_credit_is_dropped():
    for closing in ("<p>From <a href='https://othersite.com'>othersite.com</a></p>",
                    "<p>From <a href='https://www.othersite.org/news'>www.othersite.org</a>.</p>",
                    "<p>Courtesy of <a href='https://cbs47.tv'>CBS 47 Fresno</a>.</p>",
                    "<p>Courtesy KSEE 24 News</p>"):
        assert body(en_page("By Jane Roe", closing)) == EN_TEXT, closing


def test_sentences_opening_with_from_or_courtesy_stay():
    for line in ("From the start, neighbours wanted the yard to become a park.",
                 "Courtesy of a state grant, the county will also light the skating path."):
        assert body(en_page("By Jane Roe", f"<p>{line}</p>")) == [*EN_TEXT, line], line


def test_a_writer_and_editor_credit_row_is_dropped():
    for closing in ("<p>撰稿:王德康 编辑:秦敏娟</p>", "<p>撰稿：王德康</p>", "<p>拟稿：李某某 审核：张某</p>"):
        assert body(zh_page("<span>发布时间：2025-11-20</span>", closing)) == ZH_TEXT, closing


def test_a_sentence_naming_a_writer_stays():
    line = "撰稿人王德康说，这批农田今年秋季就已见到增产效果。"
    assert body(zh_page("<span>发布时间：2025-11-20</span>", f"<p>{line}</p>")) == [*ZH_TEXT, line]
