"""Story folding of self-media copies whose frame says nothing of a report (fold-15).

A one-paragraph brief on a town library opening in the evenings, and self-media copies of it under
headlines of their own, each with an intro and an outro of two sentences that neither speak to readers
nor credit a source (…又有了新动静, 以上情况以官方发布为准): they stayed apart from the brief (fold-11's
rule: a follow-up or a commentary giving a short story whole), as fold-13 and fold-14 left them. What
tells such a frame from a follow-up's or a commentary's is that theirs speaks of the news as reported
(记者, 本报, 报道, 新闻, 刊发 …) and a copy's gives the story as news. Two such copies met before the
brief hold under 0.7 of each other (their frames are a third of each) and started a story each; the
brief, held whole by both, joined the first only. A follow-up whose reporter went back and which ends
by asking readers to comment read as a self-media wrapper and folded; and a commentary on a photo story
whose headline is five characters long (夜读有去处) was never framed apart, its headline too short to tell.
"""

from __future__ import annotations

from test_fold_edges import _stories

_LIBRARY = ("青溪镇图书馆从本周起试行夜间开放，每周二到周六延长到晚上九点闭馆，自习区新增六十个座位和充电插座，"
            "少儿阅览室晚上也安排志愿者值守。馆方介绍，试行三个月后将根据借阅人数和读者意见决定是否长期实行。")
_BRIEF = ("https://qingxi.example.cn/xw/501.html", "青溪镇图书馆试行夜间开放", _LIBRARY)
_WECHAT = ("https://mp.example.com/s/q501", "下班也能去看书了，开到晚上九点",
           "\n".join(["青溪镇图书馆，是镇上年轻人这几天常常说起的地方。前不久，那里又有了新动静。", _LIBRARY,
                      "一座小镇的书香，就藏在这些点滴变化里。以上情况以官方发布为准。"]))
_ACCOUNT = ("https://toutiao.example.com/i501", "六十个新座位，青溪夜读有了好去处",
            "\n".join(["说起小镇的夜晚，很多人首先想到的是广场和夜市。如今，又多了一个安静的选择。", _LIBRARY,
                       "灯光亮到九点，书页翻到深夜。这样的日子，值得慢慢过。"]))
_FOLLOW = ("https://qingxi.example.cn/xw/533.html", "夜间开放一周，青溪图书馆晚上人多吗",
           "\n".join(["本报上周刊发了镇上图书馆延长开放时间的消息，不少读者来电询问效果如何。"
                      "这几天，记者分别在周二、周四和周六晚上去了三趟。", _LIBRARY,
                      "管理员说，晚上来的多是放学后的中学生和下班的年轻人。你觉得夜间开放有必要吗？欢迎在评论区留言。"]))

_NOTE = ("https://qiaoxiang.example.cn/a/512.html", "小镇夜读",
         "\n".join(["编者按：本网上周刊发的乡镇图书馆延长开放的消息，在外乡亲留言很多。现将全文转发，以飨读者。", _LIBRARY]))

_PHOTO = ("8日晚，读者在青溪镇图书馆自习区看书。这家乡镇图书馆本周起试行夜间开放，每周二到周六延长到晚上九点，"
          "新增的六十个座位几乎坐满，不少中学生放学后直接来这里写作业。")
_PHOTO_STORY = ("https://daily.example.cn/pic/77.html", "夜读有去处", _PHOTO)
_PHOTO_COPY = ("https://county.example.cn/pic/77.html", "夜读有去处", "\n".join(["近日，青溪镇图书馆夜间开放受到关注。", _PHOTO]))
_COMMENT = ("https://daily.example.cn/pl/78.html", "一盏夜灯照亮的，不只是书桌",
            "\n".join(["看到乡镇图书馆开到晚上九点的报道，心里一暖。如今不少年轻人下班晚、孩子放学晚，白天的图书馆常常赶不上。", _PHOTO,
                       "公共服务跟着群众的作息走，才是真正的便民。这样的灯，不妨多亮几盏。"]))


def test_a_copy_whose_plain_frame_says_nothing_of_a_report_folds(tmp_path):
    brief, wechat, account = _stories(tmp_path, [_BRIEF, _WECHAT, _ACCOUNT])
    assert brief == wechat == account
    (tmp_path / "b").mkdir()
    wechat, brief = _stories(tmp_path / "b", [_WECHAT, _BRIEF])
    assert wechat == brief


def test_plain_copies_met_before_the_brief_they_hold_fold_into_one(tmp_path):
    wechat, account, brief = _stories(tmp_path, [_WECHAT, _ACCOUNT, _BRIEF])
    assert wechat == account == brief


def test_an_editors_note_giving_the_brief_whole_again_is_a_copy(tmp_path):
    # 现将全文转发: the note says it gives the story again, whatever else it says of the report
    wechat, note, brief = _stories(tmp_path, [_WECHAT, _NOTE, _BRIEF])
    assert wechat == note == brief


def test_a_follow_up_whose_reporter_went_back_stays_apart_however_it_ends(tmp_path):
    brief, wechat, follow = _stories(tmp_path, [_BRIEF, _WECHAT, _FOLLOW])
    assert brief == wechat != follow
    (tmp_path / "b").mkdir()
    brief, follow = _stories(tmp_path / "b", [_BRIEF, _FOLLOW])
    assert brief != follow


def test_a_commentary_on_a_story_under_a_five_character_headline_stays_apart(tmp_path):
    story, copy, comment = _stories(tmp_path, [_PHOTO_STORY, _PHOTO_COPY, _COMMENT])
    assert story == copy != comment
    (tmp_path / "b").mkdir()
    comment, story = _stories(tmp_path / "b", [_COMMENT, _PHOTO_STORY])
    assert comment != story
