"""Story folding of a passage one story's spliced copy borrowed from another (fold-22).

An aggregator's copy keeps a story's opening paragraphs and closes with the last paragraph of
another report (fold-20's splice: it joins the story it mostly holds). A text giving that other
report's paragraph among a few sentences of its own (a day-2 report, the report's second part)
is held by the splice as a repost is held by a copy with a note of its own. Met before the report,
the report's second part (mostly that paragraph) joined the splice's story, and the report itself,
holding the part, joined it too: every copy of the report followed, two stories became one. A text
of a story that this article holds, held in turn by a larger text of the story this article is no
repost of, while that text's other part is another text's of the story and none of this one's, was
lent to the story; joining through it merges two reports.
"""

from __future__ import annotations

from test_fold_edges import _stories

_TOUR = [
    "11月20日，两岸媒体采访团走进青溪县，开展为期两天的集中采访活动。来自海峡两岸的二十多家媒体、"
    "三十余名记者参加此次采访。",
    "采访团先后走访了青溪县的茶博园、竹木加工园区和古村落，了解当地特色产业发展和乡村建设情况。"
    "在竹木加工园区，一家台资企业的负责人介绍，企业落户青溪八年，产品已出口到十多个国家和地区。"
    "在茶博园，采访团品尝了当地的高山乌龙，听茶农讲述台湾茶苗在青溪扎根的故事。古村落里，修缮一新的"
    "老屋变成了民宿和书屋，不少台湾记者拿起相机记录下白墙黛瓦间的烟火气。",
    "此外，在被誉为“闽西第一渡”的溪口镇古渡村，采访团了解到当地特殊的码头文化、商帮文化和涉台"
    "文化。据不完全统计，古渡村至今已有上百户人家的先辈渡海赴台谋生，村里保存着完好的清代商号和"
    "宗祠十余座，也成为两岸同胞血脉相连最鲜活的见证。县里于去年正式启用的台湾青年创业服务中心，"
    "依托当地的文创园区和传统街区，为来青溪创业就业的台湾青年提供注册服务、场地办公、创业辅导、"
    "项目孵化、技术支援和法律援助等一站式服务。",
]
_FAIR = [
    "第五届青溪竹文化节8日在青溪县竹博园开幕，海内外竹产业企业代表和专家学者四百余人参加。"
    "开幕式上，二十个竹产业项目集中签约，总投资达三十五亿元。",
    "青溪县竹林面积一百二十万亩，是全国重点竹产区之一。近年来，当地引进竹材深加工企业，发展竹家具、"
    "竹纤维和竹笋罐头等产品，竹产业年产值超过八十亿元，带动两万多名林农增收。",
    "竹文化节期间，还将举办竹工艺品展销、竹林徒步和竹编技艺大赛等活动，持续五天。",
]


def _day_two() -> str:
    return "\n".join(["11月21日，青溪采访活动迎来第二天。", "当天上午，采访团考察了产业基地。",
                      _TOUR[-1], "据悉，成果将于近期发布。"])


def _spliced() -> tuple[str, str, str]:
    return ("https://splice.example.cn/bamboo/4.html", "第五届青溪竹文化节开幕", "\n".join(_FAIR[:2] + _TOUR[-1:]))


def _fair_and_tour() -> list[tuple[str, str, str]]:
    return [("https://paper.example.cn/bamboo/1.html", "第五届青溪竹文化节开幕", "\n".join(_FAIR)),
            ("https://news.portal.example.cn/bamboo/2.html", "第五届青溪竹文化节开幕", "\n".join(_FAIR)),
            _spliced(),
            ("https://paper.example.cn/tour/1.html", "两岸媒体采访团走进青溪", "\n".join(_TOUR)),
            ("https://www.cutlead.example.cn/tour/2.html", "两岸媒体采访团走进青溪", "\n".join(_TOUR[1:])),
            ("https://www.ownlead.example.cn/tour/3.html", "两岸媒体采访团走进青溪",
             "\n".join(["【青溪】据本报消息，两岸媒体采访团走进青溪。以下是详细报道。"] + _TOUR[1:]))]


def test_a_day_two_report_giving_a_paragraph_a_splice_borrowed_does_not_join_the_splice(tmp_path):
    items = _fair_and_tour() + [("https://paper.example.cn/tour/d2.html", "两岸媒体采访团青溪行（第二天）", _day_two())]
    ids = _stories(tmp_path, items)
    assert len(set(ids[:3])) == 1 and len(set(ids[3:6])) == 1 and ids[0] != ids[3]
    assert ids[-1] != ids[0]  # the splice's borrowed paragraph is the tour report's, not the fair's


def test_a_reports_second_part_met_after_a_splice_of_its_paragraph_does_not_merge_the_reports(tmp_path):
    # met after the report, the part joins it; met before it, the part joins the splice's story (only
    # the splice holds it then), and the report no longer joins that story through it
    second = ("https://serial.example.cn/tour/2.html", "两岸媒体采访团走进青溪（下）", "\n".join(["（接上篇）"] + _TOUR[-1:]))
    for n, items in enumerate((_fair_and_tour() + [second], _fair_and_tour()[:3] + [second] + _fair_and_tour()[3:])):
        (where := tmp_path / str(n)).mkdir()
        ids = _stories(where, items)
        fair, tour = ids[0], ids[items.index(_fair_and_tour()[3])]
        assert fair != tour, n
        assert ids[:3] == [fair] * 3 and [ids[items.index(c)] for c in _fair_and_tour()[3:]] == [tour] * 3, n
        if n == 0:
            assert ids[items.index(second)] == tour


def test_a_splice_still_joins_the_story_it_mostly_holds(tmp_path):
    ids = _stories(tmp_path, _fair_and_tour())
    assert ids[2] == ids[0]
