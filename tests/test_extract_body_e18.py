"""Tests for bodies on pages nobody here had tuned on (helper extract-18; see BENCHMARKS.md), each on
a page written here: a list of teasers cut off (`…已经公布...`) with their dates under the text, a
government document's disclosure note (`（此件公开发布）`), a credit of names before their roles after a
slash (`李明/文 王海/图`), an editor's credit in brackets with a space (`（责任编辑 刘磊）`), a paper's
thanks for a tip (`感谢李先生提供线索，奖励50元`) and a forum thread's counts (`查看: 1338|回复: 0`).
"""

from __future__ import annotations

from test_extract_body_e15 import body
from test_extract_body_e16 import FIRST, SECOND, THIRD


def test_a_list_of_teasers_with_their_dates_under_the_text_is_no_text():
    teasers = ["体育播报9月23日宣 北京时间今天2点，马赛对巴黎一役双方首发已经公布...", "2025-09-23",
               "体育播报9月22日宣 英超官方晒出年度提名名单，九名球员入围...", "2025-09-23"]
    assert body(FIRST, SECOND, THIRD, *teasers).split("\n\n") == [FIRST, SECOND, THIRD]
    # a paragraph ending with an ellipsis inside the text stays
    trailing = "村民们说，路修好了，日子也就越过越有盼头了……"
    assert body(FIRST, trailing, SECOND).split("\n\n") == [FIRST, trailing, SECOND]


def test_a_documents_disclosure_note_is_no_text():
    assert body(FIRST, SECOND, "（此件公开发布）").split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "(此件主动公开)").split("\n\n") == [FIRST, SECOND]
    line = "（此件公开发布以后，各乡镇要及时组织学习。）"
    assert body(FIRST, SECOND, line).split("\n\n") == [FIRST, SECOND, line]


def test_names_before_their_roles_after_a_slash_are_a_credit():
    assert body("郑丽 记者 李尚辉/文 倪路/图", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "李明/文 王海/摄").split("\n\n") == [FIRST, SECOND]
    line = "全文/图片均来自村民投稿"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_an_editors_credit_in_brackets_with_a_space_is_no_text():
    assert body(FIRST, SECOND, "（责任编辑 刘磊）").split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND + "（编辑 王芳）").split("\n\n") == [FIRST, SECOND]
    line = "村里的账目每季度公开一次（编辑 部分内容有删减）"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_papers_thanks_for_a_tip_and_a_forum_threads_counts_are_no_text():
    assert body(FIRST, SECOND, "感谢李先生提供线索，奖励50元").split("\n\n") == [FIRST, SECOND]
    assert body("查看: 1338|回复: 0", "[复制链接]", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    line = "感谢各位村民提供线索，警方很快找到了走失的老人。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_policy_documents_bracketed_record_fields_are_no_text():
    fields = ["【成文日期】2019-12-31", "【发布机构】县人民政府办公室", "【索引号】11350400-2019-00123 【发文字号】明政办〔2019〕12号"]
    assert body(*fields, FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "【废止日期】").split("\n\n") == [FIRST, SECOND]
    # an outlet's name in brackets opening a line of text stays
    line = "【第一财经】县里的茶叶合作社今年首次把春茶卖进了省城的连锁超市。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_picture_notes_marked_by_a_square_or_a_label_are_no_text():
    for note in ("■图：村民在晾晒笋干", "■ 图为村民在新修的公路上晾晒笋干", "□圖為村民在晾曬筍乾。", "题图：村里的新公路",
                 "頭圖：村裡的新公路", "【图片说明】村民在新修的公路上晾晒笋干。"):
        assert body(FIRST, note, SECOND).split("\n\n") == [FIRST, SECOND], note
    # a credit marked by a square, with its roles after a slash
    assert body("■本报记者 王海 文/图", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    # a square opening a subhead or a sentence of text stays
    for line in ("■ 图书馆里的新变化", "■图书馆今年新添了三千册农技书籍，村民借阅量比去年翻了一番。"):
        assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND], line
