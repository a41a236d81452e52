"""Story folding of a repost spliced from two reports (fold-20).

An aggregator's copy keeps a story's first two paragraphs and closes with the last paragraph of
another report on the same subject. Against a copy of the story that dropped its opening (a
portal's cut of the date line), the spliced copy has text of its own at both edges of what the two
share: the story's opening before, the other report's paragraph after, while the cut copy has a
paragraph it left out; it read as quoting the story, like a follow-up, and stayed a story of its
own wherever such a cut copy was stored first. Text of the story itself at an edge (held by another
of its texts: the story's, a copy of its opening) is no frame of the splice's own. (A splice met before
any copy of the story that it holds still starts a story of its own: it holds two thirds of the story's
opening paragraphs and a third of its own, under REPOST_CONTAINMENT of any one text; left.)
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
