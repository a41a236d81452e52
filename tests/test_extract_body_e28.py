"""Tests for bodies on school and news-portal pages (helper extract-28; see BENCHMARKS.md), each on a page written
here: a read-aloud player's label over the text, a `more news` link row and a slash-led credit of a unit and a name
under it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["12月1日上午，镇中心幼儿园开展家长半日开放活动，五十多位家长走进班级，观摩了集中教育和户外游戏。",
        "活动结束后，家长们填写了反馈表，对幼儿园的保教工作给予肯定，也对午睡和饮食安排提出了建议。"]


def page(before: list[str], after: list[str]) -> str:
    lines = "".join(f"<p>{line}</p>" for line in [*before, *TEXT, *after])
    return ("<html><head><meta charset='utf-8'><title>镇中心幼儿园开展家长开放活动</title></head><body>"
            "<div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a></div><div class='art'><h1>镇中心幼儿园开展家长开放活动</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>主办：某某县教育局</div></body></html>")


def body(before: list[str], after: list[str]) -> list[str]:
    return list(extract(page(before, after), None, now=NOW).paragraphs)


def test_a_read_aloud_players_label_over_the_text_is_chrome():
    for before in (["可以听文章啦!"], ["点击收听本文"], ["语音播报"]):
        assert body(before, []) == TEXT, before


def test_a_more_news_row_under_the_text_is_chrome():
    for after in (["点击更多新闻进入新闻中心 要闻 时政新闻"], ["點擊更多新聞進入新聞中心"]):
        assert body([], after) == TEXT, after


def test_a_slash_led_credit_of_a_unit_and_a_name_is_chrome():
    for after in (["/  某某镇中心幼儿园    张晓红"], ["／某某小学 李明"]):
        assert body([], after) == TEXT, after


def test_sentences_about_listening_or_more_news_stay_text():
    kept = ["孩子们认真听文章朗读，还跟着老师一起复述了故事。", "点击更多新闻的人数明显增加，说明大家关注学校动态。",
            "/ 表示分数线，这一点请同学们注意区分，不要写错。"]
    assert body([], kept) == TEXT + kept
