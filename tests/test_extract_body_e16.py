"""Tests for bodies on pages nobody here had tuned on (helper extract-16; see BENCHMARKS.md), each on
a page written here: a live report's time stamps on lines of their own (`09:05`); a caption that
places a person in the picture (`…主编赵盼盼(右二)上台领奖`); a caption ending with who supplied the
picture (`…采访行启动。恩平市委宣传部提供`); a newsroom's `来源丨…` credit; a tags line (`推荐访问: …`);
a forum repost's source note (`本篇文章来源于… 原文链接:http://…`).
"""

from __future__ import annotations

from test_extract_body_e15 import body

FIRST = "青溪县石桥镇今年新修农村公路四十二公里，沿线八个村的茶叶和笋干可以直接装车运往县城的物流中心。"
SECOND = "镇里有关负责人介绍，道路通车以后，村民外出办事的时间缩短了一半，合作社的订单也比去年多了三成。"
THIRD = "县交通局表示，明年还将再修三十公里产业道路，并在沿线设置四处公交候车亭，方便学生上学。"


def test_a_live_reports_time_stamps_are_no_text():
    assert body("09:05", FIRST, "10:22", SECOND, "11:39:20", THIRD).split("\n\n") == [FIRST, SECOND, THIRD]
    assert body("【09:05】", FIRST, "10：22", SECOND, THIRD).split("\n\n") == [FIRST, SECOND, THIRD]
    # a time inside a sentence, or a schedule's line with its item, is text
    line = "09:05 开幕式在县体育中心举行"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_caption_placing_a_person_in_the_picture_is_no_text():
    assert body(FIRST, "《石桥报》主编李明(右二)上台领奖", SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, "县长王海（左一）在茶园了解春茶采摘情况", SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, "前排左起：李明、王海、张强（中）与村民合影。", SECOND).split("\n\n") == [FIRST, SECOND]
    # a sentence of the text with a bracketed position goes on
    line = "颁奖仪式上，主编李明（右二）说，这份报纸办了十年，靠的是读者的信任。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_caption_ending_with_who_supplied_the_picture_is_no_text():
    caption = "石桥镇农村公路通车仪式现场。青溪县委宣传部提供"
    assert body(FIRST, caption, SECOND).split("\n\n") == [FIRST, SECOND]
    # a sentence about what someone provides is text
    line = "据了解，沿线的停车点和观景台将由县文旅局统一规划，资金由省里专项提供"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_credit_tags_and_repost_lines_are_no_text():
    assert body(FIRST, SECOND, "融媒体记者丨李明 王海", "编辑丨张强", "来源丨融媒体新闻中心").split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "推荐访问: 公路 农村公路 通车").split("\n\n") == [FIRST, SECOND]
    note = "本篇文章来源于青溪新闻网 原文链接:http://epaper.example.cn/html/2010-03/18/content_1.htm"
    assert body(FIRST, SECOND, note).split("\n\n") == [FIRST, SECOND]
