"""Story folding of a short report a splice holds whole (fold-23).

An aggregator's copy keeps a story's opening paragraphs and closes with another report (fold-20's
splice: it joins the story it mostly holds). When that other report is short (a photo story of one
captioned paragraph) and published after the splice, the report arrives held whole at the splice's
closing, like a part of the story after its opening: it joined the splice's story, and every copy of
the report followed it, two stories made one. Another text of the story holds the splice's opening
and goes on with text of its own where the splice has the report, and holds none of the report: the
report is the splice's borrowing, not the story's part. Met before the splice, the report and the
story each had a story, and the splice, holding a text of each that together make it up, merged them
as a paged article's whole merges its pages' stories: the story's text giving most of the splice goes
on beyond it, so the splice is a cut copy of that story, no whole of pages. A copy of the report cut
after its lead, met before the splice, is lent to the splice by the report's copies, all of which go
on before it (fold-22's `_lent`, for one such copy only). A story's second half met after a first
half, and a copy cut after the lead, still join their story.
"""

from __future__ import annotations

from test_fold_edges import _stories

_FAIR = [
    "2月3日，正月初六。位于山谷深处的溪源古村游人如织，古街两旁挂满了红灯笼，一派新春的喜气。",
    "“春节假期里，古村每天接待游客都在八千人次以上，比去年同期多了三成。”溪源古村管委会主任林志明说。",
    "作为当地唯一免费开放的4A级景区，又赶上假期天气晴好，古村迎来了游览高峰，不少游客专程从外地赶来，"
    "逛老街、看祠堂、品擂茶，体验客家年俗。清澈的溪水、古朴的民居，加上村民热情的招呼，让许多游客流连忘返。",
    "“没想到这里既能看古建筑，又能吃到地道的年糕和擂茶，这趟来得值。”来自杭州的游客陈女士说。",
    "据了解，溪源古村近几年游客逐年增多，村里不少农户吃上了旅游饭，日子越过越红火。（记者 王晓 通讯员 林峰）",
]
# a photo story of one captioned paragraph, published months later
_PHOTO = ("这是青澜湾海上养殖区（10月12日摄）。当日，首届青澜湾海鲜开渔节在青澜湾海洋牧场举行，"
          "湾内的深水网箱迎来一年一度的收获。素有“海鲜之乡”之称的青澜湾去年水产品产量8.6万吨，"
          "占全省的三成以上，渔业总产值超过四十亿元。开渔节期间，当地还将举办海鲜美食展销、渔家民俗表演和"
          "海上垂钓比赛等活动。记者 郑海 摄")


def _fair() -> list[tuple[str, str, str]]:
    return [("https://paper.example.cn/fair/1.html", "溪源古村春节游人如织", "\n".join(_FAIR)),
            ("https://news.portal.example.cn/fair/2.html", "溪源古村春节游人如织", "\n".join(_FAIR)),
            ("https://www.cutlead.example.cn/fair/3.html", "溪源古村春节游人如织", "\n".join(_FAIR[1:]))]


def _splice() -> tuple[str, str, str]:
    return ("https://splice.example.cn/fair/4.html", "溪源古村春节游人如织", "\n".join(_FAIR[:4] + [_PHOTO]))


def _photo() -> list[tuple[str, str, str]]:
    return [("https://photo.example.cn/bay/1.html", "青澜湾海鲜开渔节举行", _PHOTO),
            ("https://big5.example.com/bay/2.html", "青澜湾海鲜开渔节举行",
             "\n".join([_PHOTO, "发布时间：10月13日 来源：某某网 责任编辑：赵某", _PHOTO])),
            ("https://news.portal.example.cn/bay/3.html", "青澜湾开渔了", "\n".join([_PHOTO, "（来源：某某网）"])),
            ("https://m.example.cn/bay/4.html", "青澜湾海鲜开渔节", "\n".join(["今天给大家分享一条家乡的好消息，一起来看看吧！", _PHOTO]))]


def test_a_short_report_an_earlier_splice_holds_whole_starts_its_own_story(tmp_path):
    items = _fair() + [_splice()] + _photo()
    ids = _stories(tmp_path, items)
    fair, photo = ids[0], ids[4]
    assert ids[:4] == [fair] * 4  # the splice joins the story it mostly holds
    assert photo != fair
    assert ids[4:] == [photo] * 4  # the report's copies join the report, not the splice's story


def test_a_short_report_met_before_the_splice_keeps_its_story(tmp_path):
    items = _photo()[:1] + _fair() + [_splice()] + _photo()[1:]
    ids = _stories(tmp_path, items)
    photo, fair = ids[0], ids[1]
    assert photo != fair and ids[1:5] == [fair] * 4 and ids[5:] == [photo] * 3


def test_a_storys_second_half_met_after_its_first_half_still_joins(tmp_path):
    whole = ("https://paper.example.cn/fair/1.html", "溪源古村春节游人如织", "\n".join(_FAIR))
    first = ("https://serial.example.cn/fair/1.html", "溪源古村春节游人如织（上）", "\n".join(_FAIR[:3] + ["（未完待续）"]))
    second = ("https://serial.example.cn/fair/2.html", "溪源古村春节游人如织（下）", "\n".join(["（接上篇）"] + _FAIR[3:]))
    for n, items in enumerate(([first, whole, second], [whole, first, second])):
        (where := tmp_path / str(n)).mkdir()
        assert len(set(_stories(where, items))) == 1, n


def test_a_copy_cut_after_the_lead_still_joins_its_story(tmp_path):
    lead = ("https://brief.example.cn/fair/0.html", "溪源古村春节游人如织", _FAIR[0] + "……（来源：某某报）")
    items = [lead, ("https://paper.example.cn/fair/1.html", "溪源古村春节游人如织", "\n".join(_FAIR)),
             ("https://www.cutlead.example.cn/fair/3.html", "溪源古村春节游人如织", "\n".join(_FAIR[1:]))]
    assert len(set(_stories(tmp_path, items))) == 1


def test_a_splice_met_before_its_story_and_the_report_keeps_them_apart(tmp_path):
    items = [_splice()] + _fair() + _photo()
    ids = _stories(tmp_path, items)
    fair, photo = ids[0], ids[4]
    assert ids[:4] == [fair] * 4 and photo != fair and ids[4:] == [photo] * 4


# a report of three paragraphs whose last is most of it: a copy cut after its lead is mostly that paragraph
_REPORT = [
    "11月8日，青澜湾首届海鲜开渔节在湾内的海洋牧场开幕，来自周边县市的上千名渔民和游客参加了开幕式。",
    "开幕式上，渔民们举行了传统的祭海仪式。",
    "据介绍，青澜湾是省内重要的海水养殖基地，湾内深水网箱四千多口，去年水产品产量8.6万吨，渔业总产值超过四十亿元。"
    "开渔节期间，当地还将举办海鲜美食展销、渔家民俗表演和海上垂钓比赛等活动，持续一周，预计吸引游客十万人次。"
    "湾区沿线的渔村也推出了出海捕捞体验和渔家宴，让游客跟着渔民一起感受收获的喜悦。",
]


def test_a_reports_cut_copy_held_by_a_later_splice_does_not_merge_the_two_stories(tmp_path):
    # the splice holds a text of each story, which together make it up: it is no whole of the two
    # (`_whole_of`), since the report's cut copy was lent by the report's copies, all of which go on before it
    report = [("https://paper.example.cn/bay/r1.html", "青澜湾首届海鲜开渔节开幕", "\n".join(_REPORT)),
              ("https://news.portal.example.cn/bay/r2.html", "青澜湾首届海鲜开渔节开幕", "\n".join(_REPORT)),
              ("https://brief.example.cn/bay/r3.html", "青澜湾海鲜开渔节开幕", _REPORT[0] + "……（来源：某某报）"),
              ("https://www.cutlead.example.cn/bay/r4.html", "青澜湾首届海鲜开渔节开幕", "\n".join(_REPORT[1:]))]
    splice = ("https://splice.example.cn/fair/5.html", "溪源古村春节游人如织", "\n".join(_FAIR[:4] + _REPORT[2:]))
    ids = _stories(tmp_path, report + _fair() + [splice])
    assert len(set(ids[:4])) == 1 and len(set(ids[4:])) == 1 and ids[0] != ids[4]


# a photo story of captions opening alike: a caption the splice left out shares its place and date with one it kept
_CAPTIONS = [
    "2月3日，游客在溪源古村的古街上游览。",
    "溪源古村位于青溪县东部山区，是省级历史文化名村，村内保存着明清古民居一百余座。春节假期，古村推出擂茶体验、"
    "客家山歌对唱和花灯巡游等活动，吸引了大批游客。",
    "2月3日，在溪源古村古街上，游客们在品尝擂茶。记者 王晓 摄",
    "2月3日，在溪源古村古街上，村民在为游客表演客家山歌。记者 王晓 摄",
]


def test_a_splice_met_after_both_stories_does_not_merge_them_when_it_cut_a_caption(tmp_path):
    story = [("https://photo.example.cn/fair/c1.html", "溪源古村：春节里的客家年味", "\n".join(_CAPTIONS)),
             ("https://news.portal.example.cn/fair/c2.html", "溪源古村：春节里的客家年味", "\n".join(_CAPTIONS))]
    splice = ("https://splice.example.cn/fair/c3.html", "溪源古村：春节里的客家年味", "\n".join(_CAPTIONS[:3] + [_PHOTO]))
    items = _photo()[:1] + story + [splice] + _photo()[1:]
    ids = _stories(tmp_path, items)
    photo, fair = ids[0], ids[1]
    assert photo != fair and ids[1:4] == [fair] * 3 and ids[4:] == [photo] * 3
