"""Story folding of a self-media copy that frames a short story under a headline of its own (fold-12).

A two-paragraph brief about a county's new rural bus line. A WeChat account copies it whole under a
headline of its own ("家门口就能坐公交了！") with an intro and an outro of its own, and so does a
网易号-style account: both are reposts, and a reader who saw the brief has nothing new in them.
Since fold-11 a text holding a short story whole between a short opening and closing under its own
headline reads as a follow-up or a commentary and stays apart; the copies did too. What tells them
is the frame itself: a wrapper talks to its readers (小编, 欢迎留言, 转发给, 关注我们, ↓), a
follow-up or a commentary talks about the news. A follow-up whose frame says 本报将继续关注 or
网友留言 (words about the news, not calls on the reader) still stays apart."""

from __future__ import annotations

import importlib

from test_fold_edges import _stories

_BUS = ["县交通运输局消息，连通县城和北部五个乡镇的农村公交12路下周一起正式开通，全程46公里，沿途设站28个，"
        "首班车早上六点半从县汽车站发出，末班车傍晚六点从终点石门乡返回，全天往返十二个班次。",
        "这条线路采用新能源中巴车运营，票价按里程分段收取，最高不超过六元，六十五周岁以上老人和残疾人凭证免费乘坐，"
        "沿线学生可办理优惠月票。交通部门表示，开通后北部山区群众进城不必再搭乘无证营运的面包车。"]
_BRIEF = ("https://county.example.cn/n/301.html", "农村公交12路下周一开通 北部五乡镇直达县城", "\n".join(_BUS))
_WECHAT = ("https://mp.example.com/s/bus12", "家门口就能坐公交了！最高票价才6元",
           "\n".join(["好消息来啦！不少粉丝朋友在后台问起这条线路，今天小编就把详细情况整理给大家↓", *_BUS,
                      "你家附近通公交了吗？欢迎留言告诉我们，也别忘了转发给家里的老人。"]))
_ACCOUNT = ("https://www.example.com/dy/article/bus12", "北部山区群众进城不用再挤面包车了",
            "\n".join(["最近，县里的一条新公交线路引发关注，和沿线不少家庭都有关系，一起来看看吧。", *_BUS,
                       "以上就是这条线路的全部信息。更多本地新鲜事，请持续关注我们。"]))
_FOLLOW = ("https://county.example.cn/n/356.html", "12路公交开通首周：客流超出预期",
           "\n".join(["新线路运行一周，记者连续几天随车采访，发现早晚高峰的车厢几乎坐满，有网友留言建议加密班次。", *_BUS,
                      "对此，公交公司回应，将在下月增开两个早班，具体时刻将提前向社会公布，本报将继续关注。"]))
_COMMENT = ("https://opinion.example.com/c/77", "短评：一条公交线，连着山里人的日子",
            "\n".join(["交通便利不便利，山里人的感受最直接。这两天，一则关于乡村公交的消息让人看了心里一暖：", *_BUS,
                       "线路开起来只是第一步，能不能长期开下去、开得准点，才是对管理的真正考验。"]))


def test_a_wechat_copy_under_a_headline_of_its_own_framing_a_brief_folds(tmp_path):
    brief, wechat, account = _stories(tmp_path, [_BRIEF, _WECHAT, _ACCOUNT])
    assert brief == wechat == account
    (tmp_path / "b").mkdir()
    account, wechat, brief = _stories(tmp_path / "b", [_ACCOUNT, _WECHAT, _BRIEF])
    assert brief == wechat == account


def test_a_follow_up_and_a_commentary_framing_the_brief_stay_apart_beside_the_copies(tmp_path):
    brief, wechat, follow, comment, account = _stories(tmp_path, [_BRIEF, _WECHAT, _FOLLOW, _COMMENT, _ACCOUNT])
    assert brief == wechat == account
    assert len({brief, follow, comment}) == 3
    (tmp_path / "b").mkdir()
    comment, follow, account, brief, wechat = _stories(tmp_path / "b", [_COMMENT, _FOLLOW, _ACCOUNT, _BRIEF, _WECHAT])
    assert brief == wechat == account
    assert len({brief, follow, comment}) == 3


def test_calls_on_the_reader_are_a_wrappers_words():
    calls = importlib.import_module("monitor.pipeline.ingest")._calls_on_readers
    assert calls("今天小编就把详细情况整理给大家↓")
    assert calls("欢迎留言告诉我们,也别忘了转发给家里的老人。")
    assert calls("更多本地新鲜事,请持续关注我们。")
    assert calls("喜欢的话请点个“在看”")
    assert not calls("有网友留言建议加密班次。本报将继续关注。")  # about the news, not to the reader
    assert not calls("该视频被网友大量转发,文物收藏爱好者纷纷点赞。")
    assert not calls("现在看来,疫情扩散的风险仍在。")



# A scraped mirror of the brief with emoji in brackets inserted here and there, two of them a few
# characters apart: the characters between two close insertions are in no shingle the follow-up
# has, so the mirror read as having text the follow-up left out (a "loose" frame: a repost), and
# the follow-up, met first, took the mirror and then the brief and its copies into its story.
_GARBLED = ("https://mirror.example.net/news/bus12.html", "石门农村公交12路下周一开通 北部五乡镇直达县城",
            "\n".join(["县交通运输局消息，连通县城和北部五个乡镇的农村(🚌)公交12路下周(🌟)一起正式开通，全程46公里，沿途设站28个，"
                       "首班车早上六点半从县汽车站发出，末班车傍晚(🍀)六点从终(🎈)点石门乡返回，全天往返十二个班次。",
                       "这条线路采用新能源中巴车运营，票价按里程分段收取，最高不超过六元，六十五周岁以上(🐟)老人和残疾人凭证免费乘坐，"
                       "沿线学生可办理优惠月票。交通部门表示，开通后北部山区群众进城不必再(🌈)搭乘无(🔔)证营运的面包车。"]))


def test_a_follow_up_met_first_stays_apart_of_a_garbled_mirror_of_the_brief(tmp_path):
    follow, garbled, brief, wechat = _stories(tmp_path, [_FOLLOW, _GARBLED, _BRIEF, _WECHAT])
    assert garbled == brief == wechat
    assert follow != brief


def test_a_mirrors_insertions_are_no_text_left_out():
    from monitor import dedup, scriptfold
    mirror, brief = (scriptfold.fingerprint_text(t) for t in (_GARBLED[2], _BRIEF[2]))
    follow = scriptfold.fingerprint_text(_FOLLOW[2])
    assert dedup.whole(mirror, dedup.fingerprint(follow).grams)
    assert dedup.whole(brief, dedup.fingerprint(follow).grams)
    cut = scriptfold.fingerprint_text(_BUS[0] + "\n沿线学生可办理优惠月票，交通部门同时开通了线上查询服务。")
    assert not dedup.whole(cut, dedup.fingerprint(follow).grams)  # a sentence of its own is left out


# A copy whose outro says nothing to its readers but credits where it took the story from: the
# original headline (原标题), 转载自, 版权归原作者. A follow-up or a commentary is an outlet's own text
# and credits no one for it.
_CREDITED = ("https://mp.example.com/s/bus12b", "山区群众进城又多一条路",
             "\n".join(["近日，县里一条新开的乡村公交线路引发不少讨论，这条线路到底怎么走、怎么收费？详情如下。", *_BUS,
                        "本文转载自县里的政务网站，原标题《农村公交12路下周一开通》，个别文字有删改，版权归原作者所有，如有侵权请联系我们删除。"]))


def test_a_copy_crediting_its_source_under_a_headline_of_its_own_folds(tmp_path):
    brief, credited, follow = _stories(tmp_path, [_BRIEF, _CREDITED, _FOLLOW])
    assert brief == credited != follow
    (tmp_path / "b").mkdir()
    follow, credited, brief = _stories(tmp_path / "b", [_FOLLOW, _CREDITED, _BRIEF])
    assert brief == credited != follow
