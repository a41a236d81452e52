"""Copies of short stories: a lead of the outlet's own, and Taiwan's corner quotation marks (fold-29).

A portal replaces a short story's first paragraph with a lead of its own (记者从有关方面获悉，…) and keeps
the rest. In a story of two or three paragraphs the lead is as long as what the copy keeps: under
REPOST_CONTAINMENT of its text is the story's, and the copy started a story of its own, whichever came
first (fold-28's heyuan, sanjiang, eshan). Under one headline, within BRIEF_APART, a copy that is the
story's paragraphs after the first, each whole, behind a lead sharing nothing with the story's first
paragraph and no number the story lacks, is the story's (`ingest._lead_replaced`). Another day's report
from one template (its first paragraph the template's, with another date) stays apart.

An OpenCC s2twp copy writes “邻居节” as 「鄰居節」: a short story quoting a dozen names lost a third of its
shingles to the marks (fold-29's liyang and sifang). The fingerprint text reads them as “ ”.
"""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import scriptfold

_PARAS = [
    "11月18日，青禾镇卫生院联合镇派出所、镇消防站在镇农贸市场开展冬季防火防一氧化碳中毒宣传，现场发放宣传单六百余份。",
    "工作人员向赶集的群众讲解了煤炉取暖、电热毯使用中的注意事项，提醒大家睡前检查炉火、保持室内通风，"
    "发现头晕恶心时要立即开窗离开房间并拨打急救电话。",
]
STORY = "\n".join(_PARAS)
TITLE = "青禾镇开展冬季防火防中毒宣传"
OWN_LEAD = "记者从有关方面获悉，青禾镇开展冬季防火防中毒宣传。这是当地近期开展的又一项同类工作，引起不少读者关注。"
COPY = "\n".join([OWN_LEAD, _PARAS[1]])


def test_a_short_story_s_copy_with_a_lead_of_its_own_joins_it_either_way(tmp_path):
    story = ("https://www.qh.example.gov.cn/1.html", TITLE, STORY)
    copy = ("https://news.portal.example.com/2.html", TITLE, COPY)
    for order, items in (("a", [story, copy]), ("b", [copy, story])):
        (tmp_path / order).mkdir()
        assert len(set(_stories(tmp_path / order, items))) == 1, order


def test_the_story_met_last_takes_in_the_own_lead_copy_s_story(tmp_path):
    # an archive imported newest first: a copy under another headline, the own-lead copy (no way into the
    # first: not under its headline), then the story, which settles on the first copy at once
    items = [("https://www.zx.example.com/3.html", "直击｜冬季防火防中毒 青禾镇进市场宣传", STORY + "\n本文来源于青禾镇融媒体中心。"),
             ("https://news.portal.example.com/2.html", TITLE, COPY),
             ("https://www.qh.example.gov.cn/1.html", TITLE, STORY)]
    ids = _stories(tmp_path, items)
    assert len(set(ids)) == 1, ids


def test_another_day_s_report_from_the_template_stays_apart(tmp_path):
    # the same paragraph after another market day's opening: the template's lead, another date and count
    other = "\n".join([_PARAS[0].replace("11月18日", "11月25日").replace("六百余份", "四百余份"), _PARAS[1]])
    ids = _stories(tmp_path, [("https://www.qh.example.gov.cn/1.html", TITLE, STORY),
                              ("https://www.qh.example.gov.cn/2.html", TITLE, other)])
    assert ids[0] != ids[1], ids


def test_a_lead_of_its_own_with_a_number_the_story_lacks_stays_apart(tmp_path):
    lead = "记者从有关方面获悉，青禾镇开展冬季防火防中毒宣传，今年已是第3次。这项工作引起不少读者关注。"
    ids = _stories(tmp_path, [("https://www.qh.example.gov.cn/1.html", TITLE, STORY),
                              ("https://news.portal.example.com/2.html", TITLE, "\n".join([lead, _PARAS[1]]))])
    assert ids[0] != ids[1], ids


_NAMES = ("12月2日，柳岸社区第三届“邻居节”闭幕，八百余名居民参加。其间社区举办了“邻居敲门日”“百家宴”“旧物换新”"
          "“楼道故事会”“亲子运动会”等活动，评出“好邻居”“热心人”“巧手奶奶”二十名，并为“楼栋长”颁发了聘书。")


def test_corner_quotes_read_as_quotation_marks_in_the_fingerprint_text():
    assert scriptfold.fingerprint_text("「邻居节」和『百家宴』") == scriptfold.fingerprint_text("“邻居节”和‘百家宴’")


def test_a_taiwan_copy_with_corner_quotes_joins_a_short_story_quoting_many_names(tmp_path):
    taiwan = _NAMES.replace("“", "「").replace("”", "」").replace("社区", "社區").replace("举办", "舉辦")
    ids = _stories(tmp_path, [("https://www.la.example.gov.cn/1.html", "柳岸社区邻居节闭幕", _NAMES),
                              ("https://www.tw.example.com.tw/2.html", "柳岸社區鄰居節閉幕", taiwan)])
    assert ids[0] == ids[1], ids
