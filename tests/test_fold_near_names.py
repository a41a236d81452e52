"""Story folding of template texts whose two names stand a few characters apart (fold-19).

A county's release from a template keeps the template's sentences and puts its own names in:
永安县城南的桃源洞 becomes 大田县城南的仙峰湖. The two changes are four characters apart, under a
shingle, so the texts differ in one passage holding both, 永安县城南的桃源洞 beside
大田县城南的仙峰湖, which is no name; on main the check for names standing in each other's place
(`_renamed`) saw none, and a brief of the story's lead joined the other county's release (fold-19's
short-story probe: a feature's lead-only brief and the template's text for another county). Each
pair of pieces apart around what the passages share inside is now judged as a passage is; a
repost rewording a phrase (两千多 → 二千余) still folds.
"""

from __future__ import annotations

import importlib

from test_fold_edges import _stories

from monitor import dedup, scriptfold

ingest = importlib.import_module("monitor.pipeline.ingest")  # (the package exports a function of that name)

LEAD = ("清晨时分，乘船游览永安县城南的桃源洞，两岸青山连绵，湖水清澈见底，偶尔有白鹭掠过水面，"
        "船工们哼着山歌，游客们纷纷拿出手机拍下这片山水，让人流连忘返。")
STORY = "\n".join([
    LEAD,
    "“我们现在经过的是湖区最深的一段。”船工老周一边摇橹一边介绍，上世纪五十年代修建水库时，沿岸三个村子的"
    "两千多户人家搬到了山腰，老街和石拱桥都沉进了湖底。",
    "这几年，湖边的村子把闲置的老房子改成了民宿和茶室，已经有三十多户人家开起了农家乐，周末来坐船看湖的游客要提前预约。",
])
OTHER = "\n".join([
    LEAD.replace("永安", "大田").replace("桃源洞", "仙峰湖"),
    "大田县文旅局负责人介绍，今年以来已接待游客十二万人次，新开通的环湖步道和观景台成了网红打卡点。",
    "下一步，大田将加大宣传推介，推动文旅深度融合，让更多群众吃上“旅游饭”。",
])
BRIEF = LEAD[:-1] + "……\n（来源：某某报）"
URLS = ("https://paper.example.cn/content/9.html", "http://ap.example.gov.cn/mb/9.htm",
        "https://www.portal.example.cn/brief/9.html")


def test_two_names_a_few_characters_apart_are_names():
    small, large = scriptfold.fingerprint_text(BRIEF), scriptfold.fingerprint_text(OTHER)
    (sub,) = dedup.substitutions(small, dedup.fingerprint(large).grams, large)
    assert sub[:2] == ("永安县城南的桃源洞", "大田县城南的仙峰湖")
    assert ingest._names_differ(small, large, dedup.fingerprint(large).grams)
    pieces = ingest._pieces(*sub)
    assert [p[:2] for p in pieces[1:]] == [("永安", "大田"), ("桃源洞", "仙峰湖")]


def test_a_brief_of_the_lead_does_not_join_the_other_countys_release(tmp_path):
    for n, order in enumerate(((0, 1, 2), (1, 2, 0), (2, 1, 0))):
        (where := tmp_path / str(n)).mkdir()
        items = [(URLS[0], "桃源洞边的新生活", STORY), (URLS[1], "大田仙峰湖迎来旅游热", OTHER), (URLS[2], "桃源洞边的新生活", BRIEF)]
        ids = dict(zip(order, _stories(where, [items[i] for i in order]), strict=True))
        assert ids[2] != ids[1], order
        assert ids[0] != ids[1], order


def test_a_reworded_phrase_is_no_pair_of_names(tmp_path):
    copy = STORY.replace("两千多户人家", "二千余户居民")
    story, repost = _stories(tmp_path, [(URLS[0], "桃源洞边的新生活", STORY), (URLS[2], "桃源洞边的新生活", copy)])
    assert story == repost
