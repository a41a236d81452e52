"""A column's issue giving a story's lead, and a week's highlights met before its reports (fold-31).

A column (基层一线（第11期）｜headline) gives a report's first paragraph between its fixed intro and outro:
the frame is most of the issue, so the issue shared too little with the report's copies to join them and
stood apart as a story of its own, whichever came first. It now joins the story whose headline follows its
number when a line of it stands whole in that story's text, with the same figures; an issue under the
headline giving another day's lead, and two issues giving two stories, stay apart. A week's highlights
(一周看点) giving two reports whole, met first (an archive imported newest first), took in the first
report's copies: a report is no part of a page rounding up the news, met before it or after it.
"""

from __future__ import annotations

from test_fold_digests import _A, _B, _DIGEST, _HEADED, _PLAIN, _TITLE_A, _TITLE_B, _cut
from test_fold_edges import _stories

_INTRO = "【乡里乡亲】本栏目选登各地通讯员来稿，讲述发生在身边的新鲜事，欢迎读者来信分享。"
_OUTRO = "来稿请注明作者姓名与联系方式，本栏目每周三更新。"
_LEAD_ONE = "10月9日，松岭小学第五届秋季趣味运动会在新修的塑胶操场上开幕。"
_ONE = (_LEAD_ONE + "\n"
        "开幕式上，各班方阵依次入场，有的举着自己画的班旗，有的一边走一边喊出班级口号，看台上的家长们不停地拍照。"
        "低年级的学生表演了韵律操，高年级的学生展示了跳绳和武术，引来阵阵掌声。\n"
        "本届运动会不设长跑等高强度项目，改为拔河、袋鼠跳、两人三足等趣味项目，全校八百多名学生人人都有项目可报。"
        "校长说，办运动会是为了让每个孩子都动起来，名次倒在其次。")
_TITLE_ONE = "松岭小学秋季趣味运动会开幕"
_LEAD_TWO = "10月16日，桐溪村新建的果蔬冷库投入使用，二十多户果农把刚摘下的蜜橘搬了进去。"
_TWO = (_LEAD_TWO + "\n"
        "这座冷库由村集体出资建设，能存放蜜橘一百多吨，果农按使用天数交费，价格比到镇上租用冷库便宜一半。"
        "村干部介绍，往年蜜橘集中上市时价格走低，不少果农只能低价卖给收购商。\n"
        "有了冷库，果农可以错峰销售，等到春节前后再出售，每斤能多卖五六毛钱。村里还请来电商企业，"
        "帮助果农在网上开店，已经接到了来自省外的订单。")
_TITLE_TWO = "桐溪村果蔬冷库投入使用"


def _issue(number: str, title: str) -> str:
    return f"乡里乡亲（第{number}期）｜{title}"


def _body(lead: str) -> str:
    return "\n".join([_INTRO, lead, _OUTRO])


def _in(tmp_path, name: str):
    (folder := tmp_path / name).mkdir()
    return folder


def test_a_column_s_issue_joins_the_story_whose_lead_it_gives_in_any_order(tmp_path):
    story = ("https://news.example.cn/1.html", _TITLE_ONE, "本报讯（记者 林晓 通讯员 周敏）" + _ONE)
    copy = ("https://m.portal.example.com/2.html", _TITLE_ONE, _ONE)
    corrected = ("https://www.example.org/3.html", _TITLE_ONE + "（更正）",
                 "【更正】本文此前版本中一处学校名称有误，现已更正，特此说明。\n" + _ONE)
    issue = ("https://column.example.com/4.html", _issue("11", _TITLE_ONE), _body(_LEAD_ONE))
    for n, items in enumerate(([story, copy, issue], [issue, story, copy], [corrected, issue, copy, story],
                               [issue, corrected])):
        assert len(set(_stories(_in(tmp_path, str(n)), items))) == 1, n


def test_two_issues_of_a_column_each_join_their_own_story_only(tmp_path):
    one = ("https://news.example.cn/1.html", _TITLE_ONE, _ONE)
    two = ("https://news.example.cn/2.html", _TITLE_TWO, _TWO)
    issue_one = ("https://column.example.com/11.html", _issue("11", _TITLE_ONE), _body(_LEAD_ONE))
    issue_two = ("https://column.example.com/12.html", _issue("十二", _TITLE_TWO), _body(_LEAD_TWO))
    for n, items in enumerate(([one, two, issue_one, issue_two], [issue_two, issue_one, two, one])):
        stories = dict(zip((u for u, _, _ in items), _stories(_in(tmp_path, str(n)), items), strict=True))
        assert stories[one[0]] == stories[issue_one[0]] != stories[two[0]] == stories[issue_two[0]], (n, stories)


def test_an_issue_under_the_headline_giving_another_day_s_lead_stays_apart(tmp_path):
    other = _LEAD_ONE.replace("10月9日", "10月8日").replace("第五届", "第四届")
    story = ("https://news.example.cn/1.html", _TITLE_ONE, _ONE)
    issue = ("https://column.example.com/4.html", _issue("3", _TITLE_ONE), _body(other))
    for n, items in enumerate(([story, issue], [issue, story])):
        assert len(set(_stories(_in(tmp_path, str(n)), items))) == 2, n


def test_a_week_s_highlights_met_first_take_in_no_report(tmp_path):
    for n, (title, body) in enumerate(((_DIGEST, _PLAIN), (_DIGEST, _HEADED), ("本周看点｜城乡新鲜事", _PLAIN))):
        items = [("https://news.weekly.example.com/1.html", title, body),
                 ("https://www.town.example.gov.cn/2.html", _TITLE_A, _A),
                 ("https://m.portal.example.com/3.html", _TITLE_A, _cut(_A)),
                 ("https://www.school.example.edu.cn/4.html", _TITLE_B, _B),
                 ("https://m.portal.example.com/5.html", _TITLE_B, _cut(_B))]
        digest, a, cut_a, b, cut_b = _stories(_in(tmp_path, str(n)), items)
        assert a == cut_a and b == cut_b and len({digest, a, b}) == 3, (n, digest, a, cut_a, b, cut_b)
