"""Story folding of a portal's brief of a long story's short lead (fold-19).

A feature opening with one short sentence of scene (fold-19's set: a 文汇报 feature of ~520
shingles whose lead is 43 characters) is briefed by portals as that sentence alone, or with an
ellipsis and its source. The brief is found by the opening's key (fold-18) but is a twelfth of the
story: the two signatures share a bin or two, and the estimate of how much of the brief the story
holds ruled it out before any read (`_repost_of`, `_contained`: fewer equal bins than a band). On
main such briefs made a story of their own in every arrival order. A brief under a third of a
stored text that opens with its first LEAD characters is now read and judged as any part is; a
sentence from the middle of the story, published alone, is still no brief of it.
"""

from __future__ import annotations

from test_fold_edges import _stories

LEAD = "初夏时节，薄雾还没散尽，落霞湖上的渔船已经一条接一条地划出了港湾，船头的渔灯在水面上晃动。"
_REST = [
    "“我们现在看到的是湖区最深的一段，水下就是当年的老街。”船工老周一边摇橹一边给游客讲起这片湖的来历，"
    "上世纪五十年代修建水库时，沿岸三个村子的两千多户人家搬到了山腰，老街、祠堂和石拱桥都沉进了湖底。",
    "老周今年六十一岁，年轻时跟着同乡去外地做过十几年的装修生意，五年前回到湖边，和几户邻居合伙买了六条游船。"
    "他说，过去湖上只有打鱼的小船，如今每到周末，来坐船看湖的游客要提前两三天预约。",
    "湖区所在的镇有四万多人口，其中近一成常年在外务工。镇里的负责人介绍，这几年镇上把闲置的老房子改成了"
    "民宿和茶室，鼓励在外的年轻人回来经营，已经有三十多户人家开起了农家乐。",
    "离码头不远的山坳里，有一个曾经远近闻名的贫困村。村里的老人回忆，那时候全村人均只有四分耕地，出门要靠"
    "小船，晚上点的是松油灯，一年到头的收入不过几百元。",
    "转机出现在湖区的旅游开发之后。村里的党员带头把自家的房子改成旅馆，把渔船改成游船，把家常菜做成了招牌菜，"
    "村民们跟着干，慢慢地，来村里吃饭住宿的客人一年比一年多。",
    "如今，这个村子家家户户都有了营生，村集体每年的收入超过一百万元，村里还修起了环湖步道和停车场，"
    "不少在城里打工的年轻人也回到了村里。",
    "傍晚时分，湖面上的渔灯又一盏盏亮起。老周把最后一船游客送上岸，收好缆绳，说明天一早还有两拨客人要来。",
]
STORY = "\n".join([LEAD, *_REST])
TITLE = "落霞湖上的新生活"
URLS = ("https://paper.example.cn/content/7.html", "https://www.portal.example.cn/brief/7.html",
        "https://kuai.example.cn/7.html")


def test_a_brief_of_a_long_storys_short_lead_folds_with_it(tmp_path):
    brief, with_source = LEAD, LEAD[:-1] + "……\n（来源：某某报）"
    for n, order in enumerate(((0, 1, 2), (2, 1, 0), (1, 0, 2))):
        (where := tmp_path / str(n)).mkdir()
        items = [(URLS[0], TITLE, STORY), (URLS[1], TITLE, with_source), (URLS[2], TITLE, brief)]
        ids = _stories(where, [items[i] for i in order])
        assert len(set(ids)) == 1, order


def test_a_sentence_from_the_middle_published_alone_is_no_brief_of_it(tmp_path):
    middle = _REST[-1]  # the closing paragraph, as a caption or a notice of its own
    story, alone = _stories(tmp_path, [(URLS[0], TITLE, STORY), (URLS[1], "傍晚的落霞湖", middle)])
    assert story != alone
