"""Story folding of a repost spliced from two reports (fold-20).

An aggregator's copy keeps a story's first two paragraphs and closes with the last paragraph of
another report on the same subject. Against a copy of the story that dropped its opening (a
portal's cut of the date line), the spliced copy has text of its own at both edges of what the two
share: the story's opening before, the other report's paragraph after, while the cut copy has a
paragraph it left out; it read as quoting the story, like a follow-up, and stayed a story of its
own wherever such a cut copy was stored first. Text of the story itself at an edge (held by another
of its texts: the story's, a copy of its opening) is no frame of the splice's own. A splice met before
any copy of the story that it holds started a story of its own: two thirds of it are the story's
opening paragraphs and a third its own, under REPOST_CONTAINMENT of any one text. Since fold-22 a
smaller text opening with two paragraphs or more of the larger's opening and closing with a passage
of its own is contained (`ingest._spliced`); a notice and its result sharing one opening paragraph
are not.
"""

from __future__ import annotations

from test_fold_edges import _stories

_STORY = [
    "11月20日，第十二届青溪茶文化节在青溪县茶博园开幕。来自海内外的三百余位茶商、茶农代表齐聚茶乡，"
    "品新茶、话合作，现场签约茶叶购销项目十八个，金额达两亿三千万元。",
    "开幕式后，茶博园里举行了手工制茶技艺比赛，四十二名制茶师傅同台比拼摇青、炒青和揉捻，"
    "评委从外形、香气和滋味三个方面打分，最终评出金奖三名、银奖五名。",
    "青溪县是全国重点产茶县之一，全县茶园面积十二万亩，茶农人均年收入超过三万元。近年来，当地"
    "推行茶园生态化改造，建成标准化茶厂六十家，茶叶远销东南亚和欧洲。",
    "据介绍，本届茶文化节为期五天，期间还将举办茶旅线路推介会、斗茶赛和茶乡摄影展等活动。",
]
_OTHER = [
    "青溪县今年春茶开采时间比往年提前了一周，全县日均采摘鲜叶八十多吨，茶青价格稳中有升。",
    "县茶业局负责人表示，今年将继续扩大有机茶园认证面积，力争年底前新增有机茶园一万亩，"
    "让更多茶农搭上品牌增值的快车，茶叶公共品牌的知名度也将进一步提高。",
]
TITLE = "第十二届青溪茶文化节开幕"


def test_a_repost_spliced_from_two_reports_joins_the_story_it_mostly_holds(tmp_path):
    spliced = "\n".join(_STORY[:2] + _OTHER[-1:])
    for n, order in enumerate(((0, 1, 2, 3), (2, 1, 0, 3), (1, 2, 0, 3))):
        (where := tmp_path / str(n)).mkdir()
        items = [("https://paper.example.cn/tea/1.html", TITLE, "\n".join(_STORY)),
                 ("https://www.cutlead.example.cn/tea/2.html", TITLE, "\n".join(_STORY[1:])),
                 ("https://www.zixun.example.cn/tea/3.html", TITLE, "\n".join(_STORY[:2]) + "\n（未完，点击阅读原文）"),
                 ("https://splice.example.cn/tea/4.html", TITLE, spliced)]
        ids = _stories(where, [items[i] for i in order])
        assert len(set(ids)) == 1, order


def test_a_follow_up_quoting_a_paragraph_between_its_own_stays_apart(tmp_path):
    follow_up = "\n".join(["茶文化节闭幕一个月后，本报记者再次走进青溪县茶博园，回访当初参赛的制茶师傅。", _STORY[1],
                           "获得金奖的老陈告诉记者，比赛之后，找上门来订茶的客商多了一倍，他打算明年再扩建一间制茶作坊。"
                           "本报将继续关注。"])
    items = [("https://paper.example.cn/tea/1.html", TITLE, "\n".join(_STORY)),
             ("https://www.cutlead.example.cn/tea/2.html", TITLE, "\n".join(_STORY[1:])),
             ("https://www.zixun.example.cn/tea/3.html", TITLE, "\n".join(_STORY[:2]) + "\n（未完，点击阅读原文）"),
             ("https://paper.example.cn/tea/fu.html", "再访青溪：茶文化节之后", follow_up)]
    *copies, later = _stories(tmp_path, items)
    assert len(set(copies)) == 1
    assert later not in copies


def test_a_splice_met_before_the_story_it_mostly_holds_joins_it(tmp_path):
    # (fold-22) met first, the splice started a story of its own: it holds the story's opening two
    # paragraphs and closes with another report's, under REPOST_CONTAINMENT of any copy of the story
    spliced = "\n".join(_STORY[:2] + _OTHER[-1:])
    items = [("https://splice.example.cn/tea/4.html", TITLE, spliced),
             ("https://paper.example.cn/tea/1.html", TITLE, "\n".join(_STORY)),
             ("https://news.portal.example.cn/tea/5.html", TITLE, "\n".join(_STORY) + "\n（责任编辑：林某）"),
             ("https://www.cutlead.example.cn/tea/2.html", TITLE, "\n".join(_STORY[1:]))]
    ids = _stories(tmp_path, items)
    assert len(set(ids)) == 1


def test_a_text_sharing_one_opening_paragraph_with_a_story_stays_apart(tmp_path):
    # a notice and its result open with one paragraph alike, and part there
    notice = "\n".join([_STORY[0], "报名时间：即日起至十二月十日。参赛者须为本县在册茶农，每人限报一个品类，报名表可到各乡镇农技站领取。",
                        "比赛分为绿茶、红茶和乌龙茶三个组别，每组评出一等奖一名、二等奖三名。"])
    result = "\n".join([_STORY[0], "经过初赛和决赛，共评出一等奖三名、二等奖九名。现将获奖名单予以公示，公示期为五个工作日。",
                        "公示期间如有异议，请以书面形式向主办单位反映。"])
    ids = _stories(tmp_path, [("https://county.example.cn/tz/1.html", "茶王赛报名通知", notice),
                              ("https://county.example.cn/gs/2.html", "茶王赛结果公示", result)])
    assert ids[0] != ids[1]
