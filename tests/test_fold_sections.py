"""Story folding of briefs in a county's daily round-up, of briefs from one template inside a
digest, and of a mirror whose conversion garbled a few characters (fold-9).

A county's news site rounds up the day's briefs on one page, each under a heading of its own:
two headings are enough to tell such a page. Each brief is its own story; the round-up joins
neither and does not make the two one, whichever comes first. A digest holding briefs from one
template (a daily figures notice: the same sentences, other numbers) puts a line of the next
brief right under a brief's section, and that line reads almost like the brief's own first line:
a brief is still one section of the page. A converter's mirror garbles a few characters here
and there (a character and its pinyin read as '?' and stray characters): short gaps inside the
story's text, no paragraph of it left out, so a copy framing the story is no quotation of it."""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup, scriptfold

_ROADS = ["城关镇今年改造的十二条背街小巷昨天全部完工，改造后的巷道铺上了透水砖，新装了一百四十盏路灯，"
          "沿街的三处旱厕也改成了水冲公厕。",
          "镇建设办负责人说，施工前逐户征求了住户的意见，雨水管和污水管分开铺设，"
          "老人们反映最多的积水问题基本解决，下一步还要在巷口增设休息座椅。"]
_CLINIC = ["石门村卫生室搬进了新建的村级便民服务中心，诊室、药房和观察室分开设置，"
           "还配了一台能做心电图的设备，村医每周二、周五上午到附近的两个自然村巡诊。",
           "村医陈建华在石门行医二十多年，他说以前卫生室只有一间屋子，病人多了只能在门口排队，"
           "现在候诊区有二十个座位，冬天还有空调。",
           "乡卫生院院长介绍，全乡今年有七个村卫生室完成了标准化改造，"
           "县医院的医生每月下乡坐诊一次，村民在家门口就能看上专家门诊。",
           "据了解，明年还将有五个村卫生室开工改造，改造资金由县财政和乡里按比例分担，"
           "完工后全乡村卫生室的标准化率将达到百分之百。",
           "不少村民说，以前头疼脑热要坐一个多小时的班车去镇上，现在走几分钟就到卫生室，"
           "慢性病的药也能在村里按月领取，子女在外打工也放心多了。"]
_CUT = "\n".join([*_CLINIC[:2], "阅读全文"])
_ROUNDUP = "\n".join(["【城关镇十二条背街小巷改造完工】", *_ROADS, "【石门村卫生室搬新家】", *_CLINIC[:2]])
_ITEMS = [("https://county.example.cn/a/roads.html", "十二条背街小巷改造完工", "\n".join(_ROADS)),
          ("https://county.example.cn/a/clinic.html", "石门村卫生室搬新家", "\n".join(_CLINIC)),
          ("https://m.example.com/c/88", "村卫生室搬新家", _CUT),
          ("https://county.example.cn/a/daily.html", "今日简讯", _ROUNDUP)]


def test_a_round_up_of_two_briefs_met_after_them_merges_neither(tmp_path):
    # It holds the roads brief whole and the clinic brief's first two paragraphs, which a
    # shortened copy of that brief holds too: the round-up is made of texts of two stories, but
    # it is no whole of either (each brief is a section under its own heading).
    roads, clinic, cut, daily = _stories(tmp_path, _ITEMS)
    assert clinic == cut
    assert roads != clinic
    assert daily not in (roads, clinic)


def test_a_round_up_met_first_takes_neither_brief(tmp_path):
    daily, cut, clinic, roads = _stories(tmp_path, _ITEMS[::-1])
    assert clinic == cut
    assert roads != clinic
    assert daily not in (roads, clinic)


def test_a_round_up_joins_no_lead_only_copy_of_its_first_brief(tmp_path):
    # A copy of the roads brief cut after its first paragraph is the round-up's opening too
    # (its headings are no sentences, no part of a fingerprint); it is the opening of one section.
    cut = "\n".join([_ROADS[0], "（未完待续）"])
    roads, copy, daily = _stories(tmp_path, [_ITEMS[0], ("https://m.example.com/r/12", "背街小巷改造完工", cut), _ITEMS[3]])
    assert roads == copy != daily


def test_a_digest_item_under_a_long_title_does_not_take_its_longer_story(tmp_path):
    # The digest carries the clinic story's first two paragraphs under its whole title (over
    # forty characters, no sentence); the story, met after the digest, holds that section and a
    # short line more: the section is the story's opening, and the digest is no frame around it.
    title = "【石门村卫生室搬进新建的村级便民服务中心 诊室药房观察室分开设置 还添了心电图设备】"
    digest = "\n".join([title, *_CLINIC[:2], "【城关镇十二条背街小巷改造完工】", *_ROADS, "【3日雨情】", _figures(3, 26, 2.5, 4.31)])
    story = "\n".join([*_CLINIC[:2], "目前，新卫生室每天接诊三十人次左右。"])
    week, copy = _stories(tmp_path, [("https://weekly.example.cn/w/6", "本周县情", digest),
                                     ("https://county.example.cn/a/clinic2.html", "石门村卫生室搬新家", story)])
    assert week != copy


def _figures(day: int, rain: int, hours: float, river: float) -> str:
    return "\n".join([f"县气象台{day}日发布：{day}日8时至{day + 1}日8时，全县平均降雨量{rain}毫米，"
                      f"最大降雨出现在溪口镇，日照时数{hours}小时。",
                      f"县水文站称，闽江县城段水位{river}米，低于警戒水位，各水库运行正常，"
                      f"全县{rain + 12}座小型水库均按汛限水位控制。"])


def test_a_brief_from_a_template_is_one_section_of_a_digest_beside_its_twin(tmp_path):
    # The digest holds two briefs from the daily weather template right after each other; the
    # first line of the second reads almost as the first's. A copy of the first brief met after
    # the digest is the brief's own story, not the digest's.
    first, second = _figures(3, 26, 2.5, 4.31), _figures(4, 38, 0.6, 4.87)
    digest = "\n".join(["【城关镇十二条背街小巷改造完工】", *_ROADS, "【3日雨情】", first, "【4日雨情】", second,
                        "【石门村卫生室搬新家】", _CLINIC[0]])
    week, copy = _stories(tmp_path, [("https://weekly.example.cn/w/5", "本周县情", digest),
                                     ("https://m.example.com/r/3", "3日雨情", first)])
    assert week != copy


def _garbled(text: str) -> str:
    """A converter mirror's text: every thirtieth character and the two after it come out as '?'
    and two stray characters."""
    out, at = [], 0
    for i in range(20, len(text), 30):
        out.append(text[at:i] + "?鍪赵?")
        at = i + 3
    return "".join(out) + text[at:]


_WX = ["↑点击上方蓝字关注我们，每天为你送上家乡的新鲜事，看完记得点个赞哦！",
       "你们村的卫生室改造了吗？欢迎在留言区说说。喜欢就转发给更多的乡亲们看看吧！"]


def test_a_mirror_with_garbled_characters_is_no_text_a_framing_copy_quotes():
    story = "\n".join(_CLINIC)
    garbled = _garbled(story)
    framed = "\n".join([_WX[0], story, _WX[1]])
    a, b = scriptfold.fingerprint_text(framed), scriptfold.fingerprint_text(garbled)
    assert not dedup.quotes(a, dedup.fingerprint(a).grams, b, dedup.fingerprint(b).grams)
    # a commentary that leaves paragraphs out still quotes it
    comment = "\n".join(["这条消息让人想起很多年前村里看病难的日子，报道里有这样两段话，值得一读。", *_CLINIC[:2],
                         "卫生室搬了新家只是第一步，能不能留住村医、用好设备，才是村民更关心的事情，也是考验基层治理的地方。"])
    c = scriptfold.fingerprint_text(comment)
    assert dedup.quotes(c, dedup.fingerprint(c).grams, b, dedup.fingerprint(b).grams)


def test_a_framing_copy_joins_a_garbled_mirror_met_before_it(tmp_path):
    story = "\n".join(_CLINIC)
    garbled, copy = _stories(tmp_path, [("https://mirror.example.com/x/1", "村卫生室搬新家", _garbled(story)),
                                        ("https://wx.example.com/s/31", "村卫生室搬新家啦", "\n".join([_WX[0], story, _WX[1]]))])
    assert garbled == copy
