"""A column's issues and a wire's slogan-led briefs (fold-30).

A column frames each issue's short report between its fixed intro and outro (基层一线（第11期）, （第12期）):
with a report of a sentence or two, the frame is most of the text, and the next issue, framing another
report, read as a copy of it: two events in one story. Headlines naming two issues of one kind are two
issues. A wire's brief opens with a campaign slogan over its label (人民至上，生命至上！【快讯】), then the
story's first sentence and a closing line of its own (详细报道稍后发布。): the slogan hid the opening the
brief shares with the story, and the closing line made it no opening word for word. It now joins the
story, met before it or after it; a slogan-led brief of another day's drill from the same template
stays apart.
"""

from __future__ import annotations

from test_fold_edges import _stories

_INTRO = "【基层一线】本栏目每周选登各地通讯员的来稿，讲述发生在身边的新鲜事，欢迎读者来信分享自己的故事。"
_OUTRO = "来稿请注明作者姓名与联系方式，本栏目每周五更新，转载请注明出处，谢谢支持。"
_ONE = "10月9日，松岭小学在新修的塑胶操场上举行了第五届秋季趣味运动会。"
_TWO = "10月16日，桐溪村的二十多户果农把刚摘下的蜜橘搬进了村里新建的冷库。"


def test_two_issues_of_a_column_framing_two_short_reports_stay_apart(tmp_path):
    items = [("https://column.example.cn/11.html", "基层一线（第十一期）｜松岭小学办起趣味运动会", "\n".join([_INTRO, _ONE, _OUTRO])),
             ("https://column.example.cn/12.html", "基层一线（第12期）｜桐溪村蜜橘进了冷库", "\n".join([_INTRO, _TWO, _OUTRO]))]
    one, two = _stories(tmp_path, items)
    assert one != two


def test_one_issue_s_copy_under_the_column_s_headline_folds(tmp_path):
    items = [("https://column.example.cn/11.html", "基层一线（第11期）｜松岭小学办起趣味运动会", "\n".join([_INTRO, _ONE, _OUTRO])),
             ("https://mirror.example.com/a.html", "基层一线（第十一期）｜松岭小学办起趣味运动会", "\n".join([_INTRO, _ONE, _OUTRO]))]
    assert len(set(_stories(tmp_path, items))) == 1


_DRILL = ("新华社青川9月2日电 9月1日上午，青川县在白龙湖库区组织开展防汛抢险应急演练，县应急、水利、消防等部门"
          "和沿岸乡镇的三百余人参加演练。\n"
          "演练模拟库区遭遇持续强降雨、水位快速上涨、下游村庄面临洪水威胁的险情，指挥部接报后立即启动应急预案，"
          "抢险队伍分组开展巡堤查险、群众转移和物资调运，冲锋舟在水面上往返转运被困群众。\n"
          "县防汛办负责人表示，演练检验了各部门协同作战的能力，下一步将针对暴露出的问题完善预案，确保安全度汛。")
_TITLE = "青川县开展防汛抢险应急演练"


def _wire(lead: str) -> str:
    """A wire's brief: a slogan line over its label, the lead, its own closing line."""
    return "人民至上，生命至上！\n【快讯】" + lead + "详细报道稍后发布。"


_LEAD = "9月1日上午，青川县在白龙湖库区组织开展防汛抢险应急演练，县应急、水利、消防等部门和沿岸乡镇的三百余人参加演练。"


def test_a_slogan_led_wire_brief_joins_its_story_before_or_after_it(tmp_path):
    brief = ("https://wire.example.com/1.html", "快讯：" + _TITLE, _wire(_LEAD))
    story = ("https://news.example.cn/2.html", _TITLE, _DRILL)
    for n, items in enumerate(([brief, story], [story, brief])):
        (where := tmp_path / str(n)).mkdir()
        assert len(set(_stories(where, items))) == 1, n


def test_a_slogan_led_brief_of_another_day_s_drill_stays_apart(tmp_path):
    other = _LEAD.replace("9月1日", "9月8日").replace("白龙湖", "紫云湖")
    brief = ("https://wire.example.com/1.html", "快讯：" + _TITLE, _wire(other))
    story = ("https://news.example.cn/2.html", _TITLE, _DRILL)
    for n, items in enumerate(([brief, story], [story, brief])):
        (where := tmp_path / str(n)).mkdir()
        assert len(set(_stories(where, items))) == 2, n
