"""Story folding of a follow-up that quotes most of a short story and sits inside a fuller repost
of it (fold-10).

A follow-up opens and closes with text of its own around the story's second paragraph; it leaves
out the story's lead, so it quotes the story (`dedup.quotes`) and joins none of its texts. A
repost that put a new lead of its own above the whole story holds the follow-up's quoted
paragraph too, and its own lead may share a few words with the follow-up's closing (both speak
of the stranded islanders): seen from that repost alone the follow-up is no quotation but a part
of it. A story one of whose texts the new article quotes, leaving out the story's text, is not
joined through another of its texts that holds the article either."""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup, scriptfold


def _fp(text: str) -> dedup.Fingerprint:
    return dedup.fingerprint(scriptfold.fingerprint_text(text))

_LEAD = "受冷空气影响，海峡北部海面昨天起出现八级大风，岛上往返大陆的六条客渡运航线全部停航。"
_BODY = ("停航期间，海事部门共出动巡逻船四艘次，劝返仍在海上作业的小型渔船二十一艘，港内锚泊的船舶均已加固缆绳，"
         "值班人员二十四小时守在监控屏前，随时掌握风浪变化；客运站工作人员逐一电话通知已购票的旅客办理改签或退票，"
         "码头候船厅开放到深夜供旅客休息，附近两家宾馆为滞留旅客免费提供住宿和热饭热菜。")
_STORY = ("https://sea.example.cn/n/8.html", "大风致海岛航线停航", "\n".join([_LEAD, _BODY]))
_NEWLEAD = ("https://m.example.com/r/31", "关注｜小岛按下暂停键",
            "\n".join(["一场大风，让小岛按下了暂停键。出行受阻的岛民怎么办？先来看看最新的情况。", _LEAD, _BODY]))
_FOLLOW = ("https://sea.example.cn/n/9.html", "海岛航线停航后续",
           "\n".join(["报道刊发后，记者昨天再次来到码头，候船厅里只剩下零星几位旅客。", _BODY,
                      "出行受阻的岛民还要等多久？复航时间一旦确定，本报将及时告知。"]))


def test_a_follow_up_about_the_size_of_the_repost_stays_apart(tmp_path):
    # the repost is not notably larger than the follow-up: no copy settles it at once while
    # another text of its story was found quoted
    story, repost, follow = _stories(tmp_path, [_STORY, _NEWLEAD, _FOLLOW])
    sizes = [len(_fp(body).grams) for _, _, body in (_NEWLEAD, _FOLLOW, _STORY)]
    assert sizes[0] <= sizes[1] / 0.9 and sizes[2] >= 0.7 * sizes[1]
    assert story == repost != follow


def test_a_follow_up_met_before_the_repost_stays_apart(tmp_path):
    story, follow, repost = _stories(tmp_path, [_STORY, _FOLLOW, _NEWLEAD])
    assert story == repost
    assert follow != story


# A three-paragraph brief whose later paragraphs restate its lead's time and place; a commentary
# quotes the later two between an opening and a closing of its own. What it leaves out is the
# lead, under QUOTE_OWN characters in passages no shingle of the commentary holds (the restated
# words are), but a paragraph mostly its own: left out whole.
_OUTAGE = ["城区昨晚突然停电，“灯一下全灭了，电梯也停了。”市民林女士说。8时15分，江滨路一带约三千户居民家中断电。",
           "供电公司值班人员介绍，昨晚8时15分，江滨路一带约三千户居民家中断电，原因是一台变压器的高压电缆接头老化击穿，"
           "抢修人员二十分钟后赶到现场更换接头。",
           "“抢修比预想的顺利。”值班人员说，晚上10时40分全部恢复供电，下一步将对辖区内运行超过十五年的电缆接头逐一排查，"
           "今年底前完成更换。"]
_BRIEF = ("https://city.example.cn/n/40.html", "江滨路一带停电两小时", "\n".join(_OUTAGE))
_COMMENT = ("https://opinion.example.com/c/7", "时评：老旧电缆不能等到击穿再换",
            "\n".join(["停电两个多小时，给不少家庭添了麻烦，这件事值得说一说。先看报道中的两段文字：", *_OUTAGE[1:],
                       "老旧设施的隐患，平时多查一遍，关键时刻就少一分被动。供电服务的成色，就藏在这些细节里。"]))


def test_a_commentary_leaving_out_a_brief_s_restated_lead_stays_apart(tmp_path):
    brief, comment = _stories(tmp_path, [_BRIEF, _COMMENT])
    assert brief != comment
    (tmp_path / "b").mkdir()
    comment, brief = _stories(tmp_path / "b", [_COMMENT, _BRIEF])
    assert brief != comment


def test_the_lead_left_out_counts_whole():
    text, other = (scriptfold.fingerprint_text(x) for x in ("\n".join(_OUTAGE), _COMMENT[2]))
    own = dedup._own("".join(text.split()), dedup.fingerprint(other).grams)
    assert dedup._left_text(own) < dedup.QUOTE_OWN  # its passages the commentary has no shingle of
    assert dedup._left_text(own, text) >= len(scriptfold.fingerprint_text(_OUTAGE[0]))  # the paragraph


def test_a_garbled_or_reworded_paragraph_is_not_left_out():
    # a spun repost: a word or two reworded in each sentence; a mirror's '?' runs
    spun = "\n".join([_OUTAGE[0].replace("突然", "陡然").replace("居民", "住户"),
                      _OUTAGE[1].replace("介绍", "表示").replace("赶到", "抵达"),
                      _OUTAGE[2][:30] + "?鍪赵?" + _OUTAGE[2][33:]])
    text, other = (scriptfold.fingerprint_text(x) for x in (spun, "\n".join(_OUTAGE)))
    own = dedup._own("".join(text.split()), dedup.fingerprint(other).grams)
    assert dedup._left_text(own, text) < dedup.QUOTE_OWN
