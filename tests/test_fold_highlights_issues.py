"""Round-ups under another label's 看点, and a column's issue numbered outside its headline's head (fold-32).

A page rounding up the news under an occasion's or a section's highlights (两会看点｜…, 周末看点, 本地看点
2025-08-30, 国庆看点（第3期）) was read as a round-up only under a week's or a day's (一周看点, 今日看点): met
first, it took in the first report's copies, merging them with the page. A column's issue was known only by
a headline of the column's name and number before the story's headline (基层一线（第11期）｜headline): an
issue numbered after the headline (headline｜基层一线第11期) or in its first line under a labelled headline
(【基层一线】headline, first line 基层一线·第11期) stood apart from the story's copies in every order.
A feature headlined by its own highlights (五大看点抢先看), and a column's single story under its label
(两会看点｜a story's headline), still take in their cut copies.
"""

from __future__ import annotations

import pytest
from test_fold_digests import _A, _B, _HEADED, _PLAIN, _TITLE_A, _TITLE_B, _cut
from test_fold_edges import _stories
from test_fold_issues import _INTRO, _LEAD_ONE, _LEAD_TWO, _ONE, _OUTRO, _TITLE_ONE, _TITLE_TWO, _TWO


def _in(tmp_path, name: str):
    (folder := tmp_path / name).mkdir()
    return folder


@pytest.mark.parametrize("title", ["两会看点｜城乡新鲜事", "本地看点 2025-09-21", "国庆看点（第3期）",
                                   "【新闻看点】9月第三周", "每日简报", "县域快报（第31期）", "新闻速读 2025-09-21"])
def test_highlights_under_an_occasion_or_a_section_met_first_take_in_no_report(tmp_path, title):
    reports = [(f"https://www.site{k}.example.cn/{k}.html", head, text)
               for k, (head, text) in enumerate([(_TITLE_A, _A), (_TITLE_A, _cut(_A)), (_TITLE_B, _B), (_TITLE_B, _cut(_B))])]
    for n, body in enumerate((_PLAIN, _HEADED)):
        digest, *stories = _stories(_in(tmp_path, str(n)), [("https://news.weekly.example.com/1.html", title, body), *reports])
        # the copies of each report one story, the page's another
        assert stories[0] == stories[1] != stories[2] == stories[3] and digest not in stories, (title, n, digest, stories)


_FEATURE = ("第十届桂花文化节将于10月1日在东山公园开幕，今年的文化节有五大看点。\n"
            "看点一是新增夜间灯光秀，公园主湖将上演四十分钟的水幕表演，每晚两场。看点二是桂花市集，"
            "六十多家本地商户带来桂花糕、桂花酒和桂花茶，市民可以现场品尝。\n"
            "看点三是非遗展演，木偶戏、舞龙和剪纸艺人轮流登台。看点四是亲子研学，孩子们可以跟着园艺师"
            "学习桂花嫁接。看点五是摄影大赛，获奖作品将在公园长廊展出一个月。\n"
            "主办方提醒，节日期间公园周边实行交通管制，建议市民乘坐公交前往，东门和南门增设了临时停车场。")


@pytest.mark.parametrize("title", ["五大看点抢先看！第十届桂花文化节国庆开幕", "两会看点｜代表建议东山公园桂花文化节延长至十天"])
def test_a_feature_or_a_column_s_single_story_takes_in_its_cut_copy(tmp_path, title):
    half = "\n".join(_FEATURE.split("\n")[:2])
    items = [("https://news.example.cn/1.html", title, _FEATURE), ("https://m.portal.example.com/2.html", title, half)]
    for n, order in enumerate((items, items[::-1])):
        assert len(set(_stories(_in(tmp_path, str(n)), order))) == 1, (title, n)


def _issues(number: str, title: str, lead: str) -> list[tuple[str, str]]:
    """An issue numbered after its headline, and one numbered in its first line under a labelled headline."""
    frame = "\n".join([_INTRO, lead, _OUTRO])
    return [(f"{title}｜乡里乡亲第{number}期", frame), (f"【乡里乡亲】{title}", f"乡里乡亲·第{number}期\n" + frame)]


def test_an_issue_numbered_outside_its_headline_s_head_joins_the_story_it_gives(tmp_path):
    story = ("https://news.example.cn/1.html", _TITLE_ONE, "本报讯（记者 林晓 通讯员 周敏）" + _ONE)
    copy = ("https://m.portal.example.com/2.html", _TITLE_ONE, _ONE)
    for k, (title, body) in enumerate(_issues("11", _TITLE_ONE, _LEAD_ONE)):
        issue = ("https://column.example.com/4.html", title, body)
        for n, items in enumerate(([story, copy, issue], [issue, story, copy], [copy, issue, story])):
            assert len(set(_stories(_in(tmp_path, f"{k}-{n}"), items))) == 1, (k, n)


def test_issues_numbered_outside_their_headlines_give_their_own_stories_only(tmp_path):
    one = ("https://news.example.cn/1.html", _TITLE_ONE, _ONE)
    two = ("https://news.example.cn/2.html", _TITLE_TWO, _TWO)
    other_day = _LEAD_ONE.replace("10月9日", "10月8日").replace("第五届", "第四届")
    for k, ((t1, b1), (t2, b2), (t3, b3)) in enumerate(zip(_issues("11", _TITLE_ONE, _LEAD_ONE), _issues("12", _TITLE_TWO, _LEAD_TWO),
                                                           _issues("3", _TITLE_ONE, other_day), strict=True)):
        items = [one, two, ("https://column.example.com/11.html", t1, b1), ("https://column.example.com/12.html", t2, b2),
                 ("https://column.example.com/3.html", t3, b3)]
        for n, order in enumerate((items, items[::-1])):
            stories = dict(zip((u for u, _, _ in order), _stories(_in(tmp_path, f"{k}-{n}"), order), strict=True))
            s1, s2, i1, i2, i3 = (stories[u] for u, _, _ in items)
            assert s1 == i1 != s2 == i2 and i3 not in (s1, s2), (k, n, stories)
