"""Tests for bodies on pages nobody here had tuned on (helper extract-22; see BENCHMARKS.md), each on a
page written here: a picture's file name left where its caption would be, a credit in brackets led by
a party or league committee, a continuation note behind arrows, a site's menu row typed into the text.
"""

from __future__ import annotations

from test_extract_body_e20 import kept


def test_a_pictures_file_name_on_a_line_of_its_own_is_no_text():
    for line in ("1694484025329082865.jpg", "blob.png", "IMG_20230912_101530.JPG", "微信图片_20230912.jpeg"):
        assert kept([line]) == [], line
    # a sentence naming a file stays
    assert kept(["村里把整理好的照片存成了一个名为“南坪村.jpg”的文件，发到了群里。"]) != []


def test_a_credit_led_by_a_committee_in_brackets_is_no_text():
    for line in ("(公司党委 文/马晓 图/关熙淼 审核/郭锋航)", "（校团委 文/李明 图/王强）"):
        assert kept(after=[line]) == [], line


def test_a_continuation_note_behind_arrows_is_no_text():
    for line in ("》》》上接01版", ">>上接A3版", "》》下转第4版"):
        assert kept([line]) == [], line


def test_a_sites_menu_row_in_the_text_is_no_text():
    for line in ("今日新聞 社論 評論 專題報導 自由廣場 報社簡介 回首頁", "首页 新闻 政务 视频 专题 互动"):
        assert kept([line]) == [], line
    # a list of words in a sentence stays
    assert kept(["村里开了书法 绘画 剪纸 舞蹈 合唱五门课，回首页看报名方式。"]) != []
