"""Story folding of a follow-up or a commentary that holds the whole of a short story (fold-11).

A one-paragraph brief about a night market reopening; a follow-up a day later opens with a line
of its own, gives the brief whole and closes with a line of its own, under a headline of its own.
From the text alone it reads like a WeChat copy with an intro and an outro, and folded into the
brief: a reader then saw the follow-up as one more outlet of the brief. A WeChat copy keeps the
brief's headline (or edits it lightly), and still folds; so does a repost that put a headline and a
lead of its own above the brief (its own text only at the top: no frame)."""

from __future__ import annotations

import importlib

from test_fold_edges import _stories

_BRIEF_TEXT = ("经过三个月的改造，城东滨河夜市本周五晚重新开市，一百二十个摊位统一换上了新的遮雨棚和排烟设备，"
               "地面重新铺设了防滑砖，市场管理方还在入口处增设了两处公共洗手间和一个失物招领点，"
               "营业时间调整为每天傍晚六点至次日凌晨一点。")
_BRIEF = ("https://city.example.cn/n/71.html", "城东滨河夜市改造完成重新开市", _BRIEF_TEXT)
_WECHAT = ("https://mp.example.com/s/abc", "城东滨河夜市改造完成重新开市！",
           "\n".join(["周末去哪儿逛？不少朋友在后台问起这个老地方，今天小编就来告诉大家。", _BRIEF_TEXT,
                      "你最爱夜市里的哪家小吃？欢迎在评论区告诉我们，记得转发给身边的吃货朋友。"]))
_NEWLEAD = ("https://m.example.com/r/72", "关注｜老夜市换新颜",
            "\n".join(["老城区的烟火气回来了，这次改造到底改了些什么？一起来看。", _BRIEF_TEXT]))
_FOLLOW = ("https://city.example.cn/n/88.html", "夜市重开首周：人气旺了，噪音投诉也来了",
           "\n".join(["夜市重新开市已满一周，记者连续几晚实地走访，发现客流明显回升。", _BRIEF_TEXT,
                      "不过附近小区居民反映，深夜的音响声和油烟仍有扰民，管理方表示将把外放音乐的时间限制在晚上十点前。"]))
_COMMENT = ("https://opinion.example.com/c/19", "时评：让烟火气与安宁共存",
            "\n".join(["一座城市的夜晚过得好不好，街边的夜市往往就是一面镜子。这两天有一条消息引起了不少讨论：", _BRIEF_TEXT,
                       "改造只是开始，长效管理才是考验。既要让摊主有钱赚，也要让周边居民睡得着，这份平衡需要细致的功夫。"]))


def test_a_follow_up_holding_a_brief_whole_under_its_own_headline_stays_apart(tmp_path):
    brief, follow = _stories(tmp_path, [_BRIEF, _FOLLOW])
    assert brief != follow
    (tmp_path / "b").mkdir()
    follow, brief = _stories(tmp_path / "b", [_FOLLOW, _BRIEF])
    assert brief != follow


def test_a_commentary_holding_a_brief_whole_stays_apart_of_the_brief_and_its_reposts(tmp_path):
    brief, wechat, newlead, comment = _stories(tmp_path, [_BRIEF, _WECHAT, _NEWLEAD, _COMMENT])
    assert brief == wechat == newlead
    assert comment != brief


def test_a_wechat_copy_framing_the_brief_under_its_headline_still_folds(tmp_path):
    brief, wechat, follow = _stories(tmp_path, [_BRIEF, _WECHAT, _FOLLOW])
    assert brief == wechat != follow
    (tmp_path / "b").mkdir()
    wechat, newlead, brief = _stories(tmp_path / "b", [_WECHAT, _NEWLEAD, _BRIEF])
    assert brief == wechat == newlead


def test_a_headline_kept_or_lightly_edited():
    kept = importlib.import_module("monitor.pipeline.ingest")._own_headline
    assert not kept("城东滨河夜市改造完成重新开市！", "城东滨河夜市改造完成重新开市")
    assert not kept("重磅｜城東濱河夜市改造完成重新開市", "城东滨河夜市改造完成重新开市")  # a tag, another script
    assert kept("夜市重开首周：人气旺了，噪音投诉也来了", "城东滨河夜市改造完成重新开市")
    assert kept("时评：让烟火气与安宁共存", "城东滨河夜市改造完成重新开市")
    assert not kept("简讯", "城东滨河夜市改造完成重新开市")  # too short to tell


# A two-paragraph brief, a repost under a headline of its own that put a lead of under QUOTE_OWN
# characters above it, and a commentary about that repost's size giving the brief whole between a
# short opening and closing. Seen from the repost alone the commentary is a copy with a note of its
# own (it leaves out only the repost's lead): that alone settles nothing while the brief is framed.
_LIBRARY = ["县图书馆自助借还书机上月起在全县十二个乡镇的便民服务中心投入使用，村民凭身份证即可借书，一次最多借五本，借期三十天。",
            "图书馆介绍，每台机器可存放图书六百册，由馆员每两周上门更换一批，到期未还的图书不计滞纳金，只需在下次借书前归还。"]
_LIB_BRIEF = ("https://lib.example.cn/n/5.html", "自助借还书机进驻十二个乡镇", "\n".join(_LIBRARY))
_LIB_NEWLEAD = ("https://m.example.com/r/90", "家门口就能借书了",
                "\n".join(["在村里借书，不用再跑县城了，来看看怎么用。", *_LIBRARY]))
_LIB_COMMENT = ("https://opinion.example.com/c/23", "短评：书要送到读者手边",
                "\n".join(["这两天有条消息挺暖心，说的是一本本书怎样走到乡亲们的手里，值得说一说。", *_LIBRARY,
                           "阅读设施好不好，不在于建得多气派，而在于用的人方不方便、愿不愿意常来。"]))


def test_a_commentary_about_the_size_of_a_new_lead_repost_stays_apart(tmp_path):
    brief, newlead, comment = _stories(tmp_path, [_LIB_BRIEF, _LIB_NEWLEAD, _LIB_COMMENT])
    assert brief == newlead
    assert comment != brief
