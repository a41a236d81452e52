"""Tests for bodies on school pages (helper extract-31; see BENCHMARKS.md), each on a page written here: a school
account's post closing with its production credits written with a bar (`排版 | …`, `文图整理 | …`, `审校 | …`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["为迎接新学期，某某师范大学附属小学的老师们利用假期整理了学校的老照片和老校报。",
        "这些泛黄的纸页记录了学校七十年来的办学历程，也留下了几代师生的青春记忆。",
        "学校将在校史馆开辟专栏，陆续展出这些老物件，欢迎校友们回校参观。"]


def body(after: list[str]) -> list[str]:
    lines = "".join(f"<p>{line}</p>" for line in [*TEXT, *after])
    html = ("<html><head><meta charset='utf-8'><title>老校报里的故事</title></head><body>"
            "<div class='nav'><a>首页</a><a>校园动态</a></div><div class='art'><h1>老校报里的故事</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>版权所有 某某师大附小</div></body></html>")
    return list(extract(html, None, now=NOW).paragraphs)


def test_a_posts_production_credits_with_bars_are_no_text():
    assert body(["文图整理 | 王某某", "排版 | 李某", "审校 | 张某 赵某", "终审 | 刘某"]) == TEXT
    assert body(["美编丨陈某", "责任编辑｜周某"]) == TEXT
    # a sentence that opens with such a word stays
    keep = "排版设计比赛的获奖作品也将一并展出，欢迎同学们前来欣赏。"
    assert body([keep]) == [*TEXT, keep]


def test_an_english_form_date_line_with_a_chinese_field_is_no_text_and_dates_the_page():
    for after in (["20 Jan 2016 10:20 | 来源：本站"], ["版权所有：某某师大附小 2006-2012", "20 Jan 2016 10:20 | 来源：本站"]):
        html = ("<html><head><meta charset='utf-8'><title>老校报里的故事</title></head><body>"
                "<div class='art'><h1>老校报里的故事</h1><div class='content'>"
                + "".join(f"<p>{line}</p>" for line in [*TEXT, *after]) + "</div></div></body></html>")
        article = extract(html, None, now=NOW)
        assert list(article.paragraphs) == TEXT, after
        assert article.published is not None and article.published.isoformat() == "2016-01-19T16:00:00+00:00", after
    # an English date opening a Chinese sentence stays
    keep = "20 Jan 2016 是学校七十周年校庆日，届时将举行隆重的庆祝活动。"
    assert body([keep]) == [*TEXT, keep]


def test_a_threads_reply_box_prompt_is_no_text():
    assert body(["您需要登录后才可以回帖 登录 | 注册"]) == TEXT
    assert body(["您需要 登录 才可以发帖"]) == TEXT
