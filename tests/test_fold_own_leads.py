"""Story folding of reposts that replace a story's first paragraph with a lead of their own (fold-20).

A portal rewrites a story's opening as its own lead (记者从…获悉：…) and keeps the rest; another
copy drops the opening (its date line) altogether. When a columnist's copy of the whole story,
framed by the column's fixed introduction and sign-off, is stored before them (fold-20's set in
reversed arrival order), the column frames what the rewritten repost shares with it, and the
repost has words the column left out (its own lead): `_quoting_sides` read the column as quoting
the repost, and the story, which also holds the story's own opening elsewhere, was set apart as
one the repost quotes. Only a text this article quotes itself sets a story holding it apart.
"""

from __future__ import annotations

from test_fold_edges import _stories

_PARAS = [
    "本报讯（记者 林晓岚）10日上午，青溪县临港产业园二期提升改造项目施工现场机器轰鸣，工人们正在加紧进行厂房改造和"
    "雨污分流管网建设。作为两地合作的重要载体，园区改造完成后将为新材料和医药企业腾出近二十万平方米的标准厂房。",
    "自两地建立合作关系以来，青溪县坚持优势互补、互利共赢，先后引进包装材料、原料药仓储等八个项目，其中五个已经"
    "竣工投产，去年园区实现产值四十六亿元，比上年增长百分之十九。",
    "园区负责人介绍，改造后的厂房将统一配套污水处理、蒸汽供应和危废暂存设施，企业拎包即可入驻，从签约到投产的时间"
    "有望由原来的十八个月缩短到十个月以内。",
    "在人才方面，合作城市今年选派了二十名专家担任园区的科技特派员，青溪县也组织二十一名年轻干部赴外地跟岗学习，"
    "重点学习园区运营、招商服务和安全监管等方面的经验。",
    "据了解，青溪县还将依托园区建设人才公寓和职工食堂，解决企业员工的住宿和就餐问题，计划年底前完成主体工程。",
]
STORY = "\n".join(_PARAS)
TITLE = "青溪临港产业园二期提升改造加快推进"
_COLUMN_IN = ("【山海周刊】编者按：本栏目每周聚焦青溪县与合作城市在产业、文旅和民生领域的新变化、新故事，"
              "欢迎读者提供线索，与我们一起记录山海之间的双向奔赴。")
_COLUMN_OUT = ("本栏目由青溪县融媒体中心与某某报社联合推出，每周五刊发。来稿请注明“山海周刊”字样，"
               "一经采用即付稿酬。")
_OWN_LEAD = "6月10日，记者从青溪县有关部门获悉：青溪临港产业园二期提升改造加快推进。这一消息发布后，迅速引发不少网友关注。"


def test_a_repost_with_a_lead_of_its_own_after_a_columns_copy_joins_the_story(tmp_path):
    items = [("http://www.county.example.gov.cn/zk/1.htm", "山海周刊｜" + TITLE, "\n".join([_COLUMN_IN, *_PARAS, _COLUMN_OUT])),
             ("https://mp.example.com/s/2", "青溪，火了！", STORY),
             ("https://www.portal.example.cn/3.html", TITLE, "\n".join([_OWN_LEAD, *_PARAS[1:]])),
             ("https://www.cutlead.example.cn/4.html", TITLE, "\n".join(_PARAS[1:]))]
    stories = _stories(tmp_path, items)
    assert len(set(stories)) == 1, stories


def test_a_follow_up_quoting_the_story_inside_a_rewritten_repost_stays_apart(tmp_path):
    # the rewritten repost first, then a follow-up quoting the story's opening between its own
    # opening and closing: the follow-up quotes it (it stays a story of its own)
    follow_up = "\n".join(["时隔一个多月，本报记者再次来到青溪县临港产业园，看看此前报道刊发后的新情况。", _PARAS[0],
                           "园区负责人告诉记者，改造工程已经完成了七成，首批三家企业下个月就能搬进新厂房。",
                           "一位在园区上班的年轻人说，人才公寓建好以后，他打算把家人也接过来。本报将继续关注。"])
    items = [("https://www.portal.example.cn/3.html", TITLE, "\n".join([_OWN_LEAD, *_PARAS[1:]])),
             ("https://mp.example.com/s/2", "青溪，火了！", STORY),
             ("https://paper.example.cn/fu/5.html", "再访青溪：园区改造近况", follow_up)]
    repost, copy, later = _stories(tmp_path, items)
    assert repost == copy
    assert later != copy
