"""Tests for bodies on pages nobody here had tuned on (helper extract-19; see BENCHMARKS.md), each on
a page written here: the tail of a CMS's comment left in the text (`… content_226314.html 1 … /enpproperty-->`),
a site's summary that repeats the story's opening (`摘要:…`), a skip link and a site's own links
(`跳到主要內容區塊`, `English 进入旧版 设为首页 加入收藏`), a bracketed credit of roles and names (`(文/方爱宁 摄/周霄佳)`)
and a site's reprint notes (`本站原创文章,转载请附上原文链接。`, `声明:此文章为转载!`).
"""

from __future__ import annotations

from test_extract_body_e15 import body
from test_extract_body_e16 import FIRST, SECOND, THIRD


def test_the_tail_of_a_cms_comment_left_in_the_text_is_no_text():
    leaked = "2024-02-03 2 2 周口晚报 content_226314.html 1 小记者跑两会 /enpproperty-->"
    assert body(FIRST, SECOND, leaked).split("\n\n") == [FIRST, SECOND]
    # an arrow inside a sentence is text
    line = "从村口到镇上 --> 只要十分钟，村民们把这条路叫作幸福路。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_summary_that_repeats_the_opening_of_the_text_is_no_text():
    summary = "摘要:" + FIRST[:30]
    assert body(summary, FIRST, SECOND, THIRD).split("\n\n") == [FIRST, SECOND, THIRD]
    assert body("摘要：" + FIRST, FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    # an abstract of its own (a paper's) stays
    own = "摘要：本文分析了农村公路建设对山区茶叶和笋干销售的影响，提出了完善物流网络的建议。"
    assert body(own, FIRST, SECOND, THIRD).split("\n\n") == [own, FIRST, SECOND, THIRD]


def test_a_skip_link_and_a_sites_own_links_are_no_text():
    assert body("跳到主要內容區塊", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body("跳到主要内容", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body("English 进入旧版 设为首页 加入收藏", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    line = "不少村民把镇里的公众号设为首页，还加入收藏，方便随时查看通车信息。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_bracketed_credit_of_roles_and_names_is_no_text():
    assert body(FIRST, SECOND, "(文/方爱宁  摄/周霄佳)").split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "（文/李明 图/王海）").split("\n\n") == [FIRST, SECOND]
    line = "（文/图均由村民提供，略有删节）"
    assert body(FIRST, SECOND, line).split("\n\n") == [FIRST, SECOND, line]


def test_a_sites_reprint_notes_are_no_text():
    assert body(FIRST, SECOND, "本站原创文章,转载请附上原文链接。").split("\n\n") == [FIRST, SECOND]
    assert body("声明:此文章为转载!", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "本文为转载，如有侵权请联系").split("\n\n") == [FIRST, SECOND]
    line = "镇里要求各村转载通知时附上原文链接，便于村民核对。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_the_issuing_bodys_names_over_a_documents_signature_are_no_text():
    notice = "现将《柳溪镇村级驿站管理办法》印发给你们，请认真组织实施。"
    assert body(FIRST, notice, "柳溪镇人民政府办公室", "2023年3月15日").split("\n\n") == [FIRST, notice]
    assert body(FIRST, notice, "中共柳溪镇委员会", "柳溪镇人民政府", "2023年3月15日").split("\n\n") == [FIRST, notice]
    assert body(FIRST, notice, "柳溪镇人民政府", "二〇二三年三月十五日").split("\n\n") == [FIRST, notice]
    # a line of text over a date stays, as does a name with no date under it
    line = "驿站的日常管理由村委会负责"
    assert body(FIRST, notice, line, "2023年3月15日").split("\n\n") == [FIRST, notice, line]
    assert body(FIRST, notice, "柳溪镇人民政府办公室").split("\n\n") == [FIRST, notice, "柳溪镇人民政府办公室"]


def test_a_normative_documents_registration_code_is_no_text():
    assert body("HHCR-2023-01005", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    line = "HHCR-2023-01005号文件明确了驿站的建设标准。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_mirrors_labels_tools_and_crumbs_are_no_text():
    assert body("【摘要】", FIRST, "[关键词]农村公路;物流;茶叶", SECOND).split("\n\n") == [FIRST, SECOND]
    assert body("【關鍵字】", "農村公路;物流;茶葉", FIRST, SECOND).split("\n\n")[-2:] == [FIRST, SECOND]
    assert body("[博讯主页]->[大众观点]", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body("以文本方式查看主题", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, SECOND, "返回列表").split("\n\n") == [FIRST, SECOND]
    line = "村民说，公路修好后再也不用返回列表里找班车时刻了。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_short_caption_naming_the_scene_is_no_text():
    assert body(FIRST, "<img src='/a.jpg'>", "茶叙会现场", SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, "活动现场", SECOND).split("\n\n") == [FIRST, SECOND]
    line = "记者赶到现场时，道路已经恢复通行。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]
