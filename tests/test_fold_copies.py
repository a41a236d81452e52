"""Story folding of self-media copies and follow-ups around short stories (fold-14).

A four-paragraph report on a mountain township's new orchard road, a county portal's copy that merged
it into two paragraphs, and a 今日头条 account's copy under a headline of its own whose intro and outro
neither speak to readers nor credit a source: the account's copy holds the merged copy whole between
a frame of its own and read as a follow-up giving a two-paragraph story whole (fold-11's rule), though
it gives the story in four paragraphs. A one-paragraph brief about a ferry's new timetable, a WeChat
copy of it whose intro and outro call on readers, and the paper's follow-up three days later giving the
brief whole under a headline of its own: met after the WeChat copy alone, the follow-up framed it but
for the copy's own intro and outro, and folded into it. A follow-up under "再访…" (no separator after
the word) met after a copy keeping most of its headline, with a lead of its own, folded too: the
headline read as the copy's kept, and the copy's lead made the follow-up's frame loose."""

from __future__ import annotations

import importlib

from test_fold_edges import _stories

_ROAD = ["山口乡通往三个果园村的产业路本月全线贯通，路面从三米五拓宽到六米半，全长十八公里，总投资四千六百万元。",
         "过去果农运桃子要先挑到村口，再转小货车下山，一趟要两个多小时，磕碰损耗常常超过一成。",
         "新路通车后，冷链车可以直接开到果园边上，采摘、分拣、装车当天完成，第二天一早就能进省城的批发市场。"
         "乡里还在路边建了两座预冷库，果农按筐计费使用。",
         "乡党委负责人说，下一步将在沿线规划观光采摘点和停车场，让游客春天赏花、夏天摘桃，把一条运输路变成增收路。"]
_ROAD_TITLE = "山口乡果园产业路全线贯通"
_ROAD_MERGED = ("https://county.example.cn/xw/88.html", _ROAD_TITLE, "\n".join([_ROAD[0] + _ROAD[1], _ROAD[2] + _ROAD[3]]))
_ROAD_NOTE = ("https://qiaobao.example.cn/a/88.html", "一条路的变化",
              "\n".join(["编者按：上周本网刊发的果园产业路报道，引起不少在外乡亲关注，现全文转发，以飨读者。", *_ROAD]))
_ROAD_ACCOUNT = ("https://toutiao.example.com/i88", "十八公里山路拓宽，桃子第二天就能进城",
                 "\n".join(["山里的果子怎么运出去，一直是果农心头的一件难事。这个夏天，情况终于不一样了。", *_ROAD,
                            "路修好了，日子也有了奔头。沿线几个村的变化，还在一点点发生。"]))

_FERRY = ("海岛客运码头从下月一日起执行夏季航班表，每天往返班次由十二班增加到二十班，首班船提前到早上六点半，"
          "末班船延后到晚上八点。周末和节假日还将根据客流加开临时班次，船票可以提前七天在网上预订。")
_FERRY_TITLE = "海岛码头下月起执行夏季航班表"
_FERRY_BRIEF = ("https://port.example.cn/n/301.html", _FERRY_TITLE, _FERRY)
_FERRY_WECHAT = ("https://mp.example.com/s/f301", "去海岛的船多了！首班提前到六点半",
                 "\n".join(["家人们，准备上岛玩的看过来，这条消息一定要收藏好👇", _FERRY,
                            "身边有要去海岛的朋友吗？转发给他们吧，有问题可以在留言区问小编。"]))
_FERRY_ACCOUNT = ("https://baijiahao.example.com/s/f301", "暑期上岛更方便了，航班增加到每天二十班",
                  "\n".join(["想去海岛的朋友注意啦，今天给大家带来一条实用的好消息，一起来看看吧👇", _FERRY]))
_FERRY_FOLLOW = ("https://port.example.cn/n/355.html", "新航班表实施首日，码头排队少了",
                 "\n".join(["新航班表实施的第一天，记者一早来到客运码头，候船大厅里秩序井然，排队买票的人明显少了。", _FERRY,
                            "码头负责人说，首日客流比去年同期多了三成，下一步还将增设自助取票机。本报将继续关注。"]))


def test_an_account_copy_framing_a_story_it_gives_in_four_paragraphs_folds(tmp_path):
    merged, account = _stories(tmp_path, [_ROAD_MERGED, _ROAD_ACCOUNT])
    assert merged == account
    (tmp_path / "b").mkdir()
    note, merged, account = _stories(tmp_path / "b", [_ROAD_NOTE, _ROAD_MERGED, _ROAD_ACCOUNT])
    assert note == merged == account


def test_a_follow_up_met_after_a_self_media_copy_alone_stays_apart(tmp_path):
    wechat, follow = _stories(tmp_path, [_FERRY_WECHAT, _FERRY_FOLLOW])
    assert wechat != follow
    (tmp_path / "b").mkdir()
    brief, wechat, follow = _stories(tmp_path / "b", [_FERRY_BRIEF, _FERRY_WECHAT, _FERRY_FOLLOW])
    assert brief == wechat != follow


_FERRY_REVISIT = ("https://port.example.cn/n/356.html", "再访海岛码头夏季航班表", _FERRY_FOLLOW[2])
_FERRY_KEPT = ("https://toutiao.example.com/i301", "海岛码头夏季航班表来了，一定要收藏",
               "\n".join(["家人们，准备上岛的看过来，今天的消息很实用。", _FERRY]))


def test_a_follow_up_headed_revisit_without_a_separator_stays_apart(tmp_path):
    # 再访…, 回访…, 追访… at a headline's start say it is a follow-up (no separator needed), whatever
    # its headline keeps of a copy's and however its frame ends
    kept, revisit = _stories(tmp_path, [_FERRY_KEPT, _FERRY_REVISIT])
    assert kept != revisit
    (tmp_path / "b").mkdir()
    brief, kept, revisit = _stories(tmp_path / "b", [_FERRY_BRIEF, _FERRY_KEPT, _FERRY_REVISIT])
    assert brief == kept != revisit
    tagged = importlib.import_module("monitor.pipeline.ingest")._tagged
    assert tagged("再访海岛码头", "海岛码头夏季航班表")
    assert tagged("【回访】海岛码头", "海岛码头夏季航班表")
    assert tagged("追访海岛码头新航班", "海岛码头夏季航班表")
    assert not tagged("追踪溯源体系覆盖全市冷链食品", "全市冷链食品可追溯")  # 追踪 starts other headlines too
    assert not tagged("海岛码头回访游客满意度", "海岛码头夏季航班表")  # inside the headline: no label


def test_self_media_copies_of_a_short_brief_still_fold(tmp_path):
    brief, wechat = _stories(tmp_path, [_FERRY_BRIEF, _FERRY_WECHAT])
    assert brief == wechat
    (tmp_path / "b").mkdir()
    wechat, brief = _stories(tmp_path / "b", [_FERRY_WECHAT, _FERRY_BRIEF])
    assert brief == wechat
    (tmp_path / "c").mkdir()
    account, wechat, brief = _stories(tmp_path / "c", [_FERRY_ACCOUNT, _FERRY_WECHAT, _FERRY_BRIEF])
    assert account == wechat == brief
