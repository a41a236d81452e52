"""Tests for bodies of school and charity pages (helper extract-33; see BENCHMARKS.md), each on a page written here:
a box of other articles under the text headed `也许您对以下文章感兴趣：` or `您可能感兴趣的文章` is no text.
"""

from __future__ import annotations

from monitor.extract import extract

TEXT = ["11月28日，助学项目组一行来到县城关镇中心小学，为学校图书室送去图书九百余册和书架六套。",
        "项目组成员与师生座谈，了解孩子们的阅读需求，并为三个班级上了一堂阅读分享课。",
        "学校负责人表示，将用好这批图书，组织学生开展读书活动，让书香浸润校园。"]
HEAD = "助学项目组为城关镇中心小学送去图书"
OTHERS = ["伸出援手，让我们一起汇聚爱心", "炎炎夏日，关爱困境儿童", "关爱包传递温暖力量"]


def page(heading: str, linked: bool) -> str:
    paras = "".join(f"<p>{t}</p>" for t in TEXT)
    items = "".join((f"<p><a href='/project/newslook_{i}.html'>{t}</a></p>" if linked else f"<p>{t}</p>") for i, t in enumerate(OTHERS))
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            "<div class='nav'><a>首页</a><a>项目动态</a><a>关于我们</a></div>"
            f"<div class='art'><h1>{HEAD}</h1><div class='info'>日期：2024/11/28 项目：图书室计划</div>"
            f"<div class='con'>{paras}<p>{heading}</p>{items}</div></div>"
            "<div class='foot'>Copyright 某某慈善基金会 备案号：晋ICP备00000000号</div></body></html>")


def test_a_box_of_other_articles_you_may_like_under_the_text_is_no_text():
    for heading in ("也许您对以下文章感兴趣：", "您可能感兴趣的文章：", "你可能也感兴趣", "您可能感興趣的文章"):
        for linked in (False, True):
            body = extract(page(heading, linked), None).body
            assert TEXT[-1] in body, heading
            assert "感兴趣" not in body and "感興趣" not in body and OTHERS[0] not in body, (heading, linked)


def test_a_sentence_about_interest_stays_text():
    body = extract(page("同学们对这批科普图书很感兴趣，纷纷表示要认真阅读。", False), None).body
    assert "很感兴趣" in body
