"""Tests for bodies on pages nobody here had tuned on (helper extract-23; see BENCHMARKS.md), each on a
page written here: a caption in traditional script (`圖為…`), a forum's sign-up prompt worded anew.
"""

from __future__ import annotations

from test_extract_body_e20 import kept


def test_a_caption_in_traditional_script_is_no_text():
    for line in ("圖為區委書記看望參加會議的代表", "圖爲志願者在社區清理楼道", "資料圖", "圖片來源：本報資料室",
                 "攝影：林青"):
        assert kept([line]) == [], line
    # a sentence that mentions a picture stays
    assert kept(["村民把這張老照片掛在祠堂裡，圖為一九五八年修水庫時拍的。"]) != []


def test_a_forums_sign_up_prompt_is_no_text():
    for line in ("赶紧注册，享受更多功能！查看帖内大图！", "立即註冊，享受更多功能"):
        assert kept([line]) == [], line
    # a sentence about more features stays
    assert kept(["升级以后，会员可以享受更多功能，镇里的老人也学会了用手机缴费。"]) != []


def test_a_spam_mirrors_heading_marked_with_asterisks_is_no_text():
    for line in ("中新社70年丨58年前，中新社专访了李四光……******", "【活力中国】中新财评：升腾的烟火气，彰显中国经济活力******"):
        assert kept([line]) == [], line
    # a sentence with a word starred out stays
    assert kept(["他在留言里骂了一句“***”，随后删掉了这条评论，村里人都说他是一时气话。"]) != []
