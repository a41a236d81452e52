"""Tests for bodies on school pages (helper extract-32; see BENCHMARKS.md), each on a page written here: a comment
box's count under the text (`评论 (0人参与)`), a prompt to follow the school's account for more pictures, the opening
sentence copied whole over the text (a summary box without its label).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["为丰富校园文化生活，某某县第二实验小学于本周举办了首届校园读书节。",
        "读书节期间，各班开展了好书推荐、故事大王比赛和亲子共读等系列活动，师生参与热情高涨。",
        "学校表示，将把读书节作为每年的固定活动，持续营造书香校园氛围。"]


def body(before: list[str], after: list[str]) -> list[str]:
    lines = "".join(f"<p>{line}</p>" for line in [*before, *TEXT, *after])
    html = ("<html><head><meta charset='utf-8'><title>县二小举办首届校园读书节</title></head><body>"
            "<div class='nav'><a>首页</a><a>校园动态</a></div><div class='art'><h1>县二小举办首届校园读书节</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>版权所有 某某县第二实验小学</div></body></html>")
    return list(extract(html, None, now=NOW).paragraphs)


def test_a_comment_boxs_count_under_the_text_is_no_text():
    for line in ("评论 (0人参与)", "网友评论(3)", "评论（12条）"):
        assert body([], [line]) == TEXT, line


def test_a_prompt_to_follow_the_account_for_more_pictures_is_no_text():
    assert body([], ["更多精彩图片请关注某某县第二实验小学公众号"]) == TEXT
    keep = "更多精彩活动将在下学期陆续推出，敬请关注。"  # a sentence of the text's own, closing it
    assert body([], [keep]) == [*TEXT, keep]


def test_the_opening_sentence_copied_whole_over_the_text_is_dropped():
    copy = TEXT[0][: TEXT[0].index("，") + 1] + "首届校园读书节开幕。"
    text = [copy + "全校一千二百余名学生参加了开幕式，校长致开幕辞。", *TEXT[1:]]
    assert body_of([copy, *text]) == text
    # a short line the text opens with stays (a subhead's words)
    assert body_of(["读书节", *TEXT]) == ["读书节", *TEXT]


def body_of(lines: list[str]) -> list[str]:
    paras = "".join(f"<p>{line}</p>" for line in lines)
    html = ("<html><head><meta charset='utf-8'><title>县二小举办首届校园读书节</title></head><body>"
            "<div class='art'><h1>县二小举办首届校园读书节</h1>"
            f"<div class='content'>{paras}</div></div><div class='foot'>版权所有 某某县第二实验小学</div></body></html>")
    return list(extract(html, None, now=NOW).paragraphs)


def test_a_resized_pictures_stored_name_as_a_line_is_no_text():
    assert body([], []) == TEXT
    html_lines = [TEXT[0], "2019090117192020319_0FTS7187_600x450", *TEXT[1:]]
    assert body_of(html_lines) == TEXT


def test_credits_with_each_label_and_its_value_on_lines_of_their_own_are_no_text():
    assert body_of([*TEXT, "来源：", "某某县新闻网", "作者：", "王某某 李某", "编辑：", "张某"]) == TEXT
    keep = "学校表示，将继续办好读书节。"  # a sentence after a label alone stays
    assert body_of([*TEXT, "作者：", keep]) == [*TEXT, keep]
