"""Tests for bodies on pages nobody here had tuned on (helper extract-21; see BENCHMARKS.md), each on a
page written here: a repost's link to its original, a paper's note that a story continues from
another page, an advert's label and its close button, a tag label left empty, a caption closing with
where its photo came from, a correspondent's credit with its desk in front, a contributor's
permission note.
"""

from __future__ import annotations

from test_extract_body_e20 import kept


def test_a_reposts_link_to_its_original_is_no_text():
    for line in ("原文链接:https://juejin.cn/post/7072677637117706270", "原文鏈接：https://example.com/a/1.html",
                 "本文地址：http://www.example.cn/news/2019/0610/1.html",
                 "【采访视频见 http://tv.example.cn/n/2014/0423/c14644-24934066.html 】"):
        assert kept([line]) == [], line
    # a sentence that names a link stays
    assert kept(["更多细节可登录官网查询，网址为https://www.example.gov.cn/。"]) != []


def test_a_papers_continuation_note_is_no_text():
    for line in ("(上接C8版)", "（下转第3版）", "（上接第一版）", "(紧接A2版)"):
        assert kept([line]) == [], line


def test_an_adverts_label_and_its_close_button_are_no_text():
    assert kept(after=["广告", "X 关闭"]) == []
    assert kept(after=["廣告", "× 關閉"]) == []


def test_an_empty_tag_label_is_no_text():
    for line in ("标签:", "標簽：", "关键词："):
        assert kept(after=[line]) == [], line


def test_a_caption_closing_with_where_its_photo_came_from():
    for line in ("从黄河边到太平洋的追羽思。照片来源:张圣琳。", "村民在新修的路上晾晒茶青。图片来源：县融媒体中心"):
        assert kept([line]) == [], line


def test_a_correspondents_credit_with_its_desk_in_front():
    for line in ("新聞通訊員 孫苗", "本报通讯员 李明"):
        assert kept([line]) == [], line


def test_a_contributors_permission_note():
    assert kept(["本文來自讀者@漫思維 投稿授權"]) == []
    assert kept(["本文来自读者@山里人家 投稿授权"]) == []
