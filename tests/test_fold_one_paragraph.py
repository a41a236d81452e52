"""Story folding of a report that gives one paragraph of another (fold-24).

A story's long background paragraph (the ministry's notice quoted at a list's end, a festival's
history) is given again by other reports: the next day's report of the same event, between a few
sentences of its own, or a forum post on another county's villages quoting the same notice. That one
paragraph makes most of such a short report's text, so it read as held by the story and joined it,
and the story's copies with it: two reports made one. It holds one paragraph of the story, not the
story's opening, the story having two paragraphs or more it holds none of: another report's
borrowing. Copies giving the story's paragraphs after a lead of their own (a two-paragraph story's
copy holds one of them), cut copies, and a copy with a lead and a source line of its own still fold.
"""

from __future__ import annotations

from test_fold_edges import _stories

_LIST = [
    "日前，六部门公布新一批中国传统村落名录，我市青溪镇岭头村、石门乡下洋村、白水镇溪口村、"
    "梅林乡上坪村等九个村落榜上有名，入选数量为历年之最，其中青溪镇一镇就有四个村落入选。",
    "据介绍，这些村落大多保存着成片的明清古民居，岭头村的土堡、下洋村的廊桥和溪口村的古码头，"
    "都是研究闽中山区民居和商贸往来的实物资料，近年来吸引了不少高校师生前来写生和调研。",
    "按照住房和城乡建设部办公厅关于做好中国传统村落调查推荐工作的通知要求，在各地推荐上报的基础上，"
    "经传统村落保护和发展专家委员会审查并向社会公示，住房和城乡建设部、文化和旅游部、国家文物局、"
    "财政部、自然资源部、农业农村部决定将两千六百余个村落列入中国传统村落名录，现予以公布。",
]


def _story() -> list[tuple[str, str, str]]:
    text = "\n".join(_LIST)
    title = "我市九个村落入选中国传统村落名录"
    return [("https://paper.example.cn/cl/1.html", title, text),
            ("https://news.portal.example.cn/cl/2.html", title, text + "\n【责任编辑：林某】"),
            ("https://www.cutlead.example.cn/cl/3.html", title, "\n".join(_LIST[1:])),
            ("https://www.ownlead.example.cn/cl/4.html", title,
             "\n".join(["近日，记者从市住建局获悉：我市又有一批古村落获得国家级认定。这一消息发布后，引发不少网友点赞。",
                        *_LIST[1:]]))]


_DAY2 = ("https://paper.example.cn/cl/5.html", "古村落保护培训班进入第二天",
         "\n".join(["6月21日，全市传统村落保护培训班进入第二天，学员热情不减。",
                    "当天上午，学员们走进岭头村，实地查看了古民居修缮现场。", _LIST[2], "据悉，培训班将持续至本周末。"]))
_FORUM = ("https://bbs.example.cn/thread/6.html", "恭喜！邻县这两个村也上榜了",
          "\n".join(["关于公布中国传统村落名录的村落名单的通知", _LIST[2], "附件：村落名单",
                     "邻县：东岭乡茶坪村、西溪镇石桥村",
                     "茶坪村位于东岭乡北部，村中保存有清代古民居十余座，石板古道和百年茶园保存完好，是邻县规模较大的古村落。"]))


def test_a_next_days_report_giving_one_paragraph_of_the_story_is_its_own(tmp_path):
    items = _story() + [_DAY2]
    ids = _stories(tmp_path, items)
    assert ids[:4] == [ids[0]] * 4
    assert ids[4] != ids[0]


def test_a_post_quoting_the_storys_notice_paragraph_is_its_own_met_first_or_after(tmp_path):
    ids = _stories(tmp_path, _story() + [_FORUM])
    assert ids[:4] == [ids[0]] * 4
    assert ids[4] != ids[0]
    (tmp_path / "before").mkdir()
    ids = _stories(tmp_path / "before", [_FORUM, *_story()])
    assert ids[1:] == [ids[1]] * 4
    assert ids[0] != ids[1]


def test_copies_of_a_two_paragraph_story_with_a_lead_or_a_line_of_their_own_still_fold(tmp_path):
    two = "\n".join(_LIST[1:])
    title = "古村落里的民居和古码头"
    items = [("https://paper.example.cn/two/1.html", title, two),
             ("https://www.ownlead.example.cn/two/2.html", title,
              "\n".join(["近日，记者从市住建局获悉，我市古村落的保护利用又有新进展，一起来看看。", _LIST[2]])),
             ("https://www.source.example.cn/two/3.html", title,
              "\n".join(["近日，记者从市住建局获悉，我市古村落的保护利用又有新进展，一起来看看。", _LIST[2], "（来源：某某日报）"]))]
    ids = _stories(tmp_path, items)
    assert ids == [ids[0]] * 3
