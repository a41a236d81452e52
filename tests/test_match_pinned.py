"""Speed work on the matcher keeps every verdict: outputs pinned over texts written here.

A topic of its own (below, with its own gazetteer: not the bundled hu-ming, whose rules change
from round to round) uses each part of the engine: names from a gazetteer with `not_in`
contexts and contested names judged by segmentation, list items, regex groups whose items are
anchored at the text's start or led by a class of characters, lost and garbled characters,
English, traditional script, rules per sentence, paragraph, field, article and window, anchors,
`not_title`, `none`, `min_hits`, `sentences` and a veto. Each article's `repr(Match)` (verdict,
score, hits with their offsets, rules, reason) is in tests/fixtures/match-pinned.jsonl, written
by the engine before the speed work of match-speed-2 (main 51c5c2e). A change to the engine that
moves any of them fails here; one meant to change verdicts writes the file again:
`python tests/test_match_pinned.py --write` (and says why in its commit).

Also: the item-by-item regex scan (`terms._Scan`) against `finditer` over the alternation.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from monitor.match import compile_topic, match_article, match_topics
from monitor.match.terms import _Scan

PINNED = Path(__file__).parent / "fixtures" / "match-pinned.jsonl"

GAZETTEER = """
[places.east-city]
names = ["上海", "上海市", "Shanghai", "滬"]
not_in = ["上海滩"]

[places.east-districts]
names = ["浦东新区", "浦东", "闵行区", "闵行", "嘉定区", "Minhang", "Pudong"]
not_in = ["浦东路"]

[places.west-city]
names = ["三明", "三明市", "Sanming"]
not_in = ["三明治", "三明确", "第三明"]

[places.west-counties]
names = ["永安", "沙县", "明溪", "来明"]
not_in = ["永安路", "沙县小吃店"]
contested = true
"""


def raw_topic(gazetteer: str) -> dict:
    """The pinned topic's table, its gazetteer at the path `gazetteer`."""
    return {
        "threshold": 4,
        "gazetteer": gazetteer,
        "ignore_after": ["相关新闻", "related news"],
        "lead_min_chars": 20,
        "groups": {
            "east": {"places": ["east-city", "east-districts"], "skip_list_items": True},
            "west": {"places": ["west-city", "west-counties"], "skip_list_items": True,
                     "regex": ["partner (?:city|county) in (?:western )?fujian"]},
            "coop": {"terms": ["合作", "结对", "对口", "携手", "签约", "cooperation", "paired", "signed"],
                     "not_in": ["联合国", "签约服务"]},
            "short": {"terms": ["沪明", "Hu-Ming"], "not_in": ["沪明天", "沪明年", "沪明确"],
                      "skip_list_items": True},
            "pairing": {"terms": ["对口合作", "结对帮扶", "paired cooperation"]},
            "other": {"regex": [
                "(?:与|和|携手)(?!上海|三明|沪)[\u4e00-\u9fff]{2,3}?(?:州|市|县)",
                "(?:with|and) (?!sanming|shanghai|the )[a-z'-]+ (?:city|county)",
                "^(?!上海|三明|沪)[\u4e00-\u9fff]{2,3}?(?:市|县)(?=[^\n]{0,8}?(?:与|和))",
                "^(?!sanming|shanghai|the )[a-z'-]+ (?:city|county)\\b",
                "(?:与|和)(?:苏州|嘉兴|宁波)"]},
            "era": {"regex": ["19[56]\\d|[五六]十年代|fifties"]},
            "lost": {"regex": ["〓[\u4e00-\u9fff]?[市县区]"]},
            "province": {"terms": ["江西", "浙江", "韩国", "Zhejiang"]},
            "works": {"terms": ["厂", "车间", "factory"]},
            "denial": {"terms": ["谣言", "不实", "rumour"]},
        },
        "rules": [
            {"name": "names the pair", "any": ["short"], "weight": 3},
            {"name": "both in a sentence with cooperation", "all": ["east", "west", "coop"], "within": "sentence",
             "weight": 2},
            {"name": "both in a paragraph", "all": ["east", "west"], "within": "paragraph", "weight": 1},
            {"name": "a paragraph on the east side", "all": ["west", "coop"], "any": ["east"], "min_hits": 2,
             "within": "paragraph", "weight": 1},
            {"name": "keeps to it", "anchor": ["east"], "all": ["west", "coop"], "sentences": 2,
             "within": "paragraph", "weight": 2},
            {"name": "up front", "all": ["east", "west"], "in": ["title", "lead"], "weight": 1},
            {"name": "the pairing near both", "all": ["pairing", "west", "east"], "within": 40, "weight": 2},
            {"name": "relocation years", "all": ["east", "west", "era", "works"], "within": "paragraph",
             "not_title": ["other"], "weight": 3},
            {"name": "title about another place", "all": ["other", "east"], "none": ["west", "short"],
             "in": ["title"], "weight": -5},
            {"name": "a lost name in another province", "all": ["lost", "province"], "within": "sentence",
             "weight": -4},
            {"name": "a rumour", "all": ["denial"], "in": ["title"], "weight": -4, "veto": True},
            {"name": "both in the body only", "all": ["east", "west"], "none": ["pairing"], "in": ["body"],
             "within": "field", "weight": 1},
        ],
    }


# Written for this test (our words).
ARTICLES = [
    ("浦东新区与三明市签约共建产业园", "浦东新区与三明市昨日签约，共建产业园区。\n双方将在人才、文旅方面深化对口合作。"),
    ("沪明合作再出发", "上海闵行区代表团来到永安，考察结对项目。闵行还与沙县开展合作。\n两地签约五个项目。"),
    ("一家三明治店开业", "这家三明治店位于上海浦东路，老板来自永安路附近。"),
    ("三明确定全年目标", "三明确立了全年目标，上海天气晴朗，市民出行。"),
    ("天气预报", "今天北京、上海、杭州、三明等地多云。\n明天气温回升。"),
    ("年度要闻", "1. 地铁新线开通\n2. 沪明对口合作签约\n3. 图书馆开馆\n4. 马拉松举行\n5. 新公园开放"),
    ("嘉兴市与闵行区签署协议", "嘉兴市与闵行区签署协议。\n闵行此前与三明的明溪县结对。"),
    ("闵行区与苏州携手", "闵行区与苏州携手推进交通规划。\n闵行还与三明市开展合作。"),
    ("Minhang and Sanming sign a pact", "Officials from Shanghai's Minhang signed a cooperation pact with Sanming.\n"
     "The partner city in western Fujian will host the next meeting."),
    ("Ningbo city and Pudong sign deal", "Ningbo and Pudong signed a deal on ports.\nPudong is also paired with Sanming."),
    ("江西上〓市与三明市签约", "江西上〓市与三明市签约合作，上海企业参加。"),
    ("上〓市援建干部在三明", "来自上〓市的干部到三明挂职，推动两地合作。"),
    ("涓夋槑与上海合作", "涓夋槑市和上海签约合作，两地携手。"),
    ("滬明協作新項目", "上海市與三明市簽約對口合作，共建園區。"),
    ("", "记者 王明\n2024-05-09\n上海闵行区与三明沙县签约，开展对口合作。\n两地将互派干部。"),
    ("工厂往事", "1958年，上海一家纺织厂的车间迁到三明，工人们来到沙县。\n这是那段历史。"),
    ("沪明天气", "沪明天有雨，上海气温下降。"),
    ("上海三明合作系谣言", "网传上海与三明签约的消息不实。"),
    ("浦东新闻", "浦东举办科技节。\n相关新闻\n浦东新区与三明市签约对口合作。"),
    ("前来明溪", "上海游客前来明溪旅游，当地与上海结对合作多年。明溪还将扩大合作。"),
    ("闵行区工作报告", "闵行区全年经济增长。\n深化与永安、沙县的对口合作，组织职工赴永安疗休养。"
     "闵行还与永安签约三个项目。\n继续改善民生。"),
    ("Hu-Ming ties", "Hu-Ming cooperation grew this year as Shanghai and Sanming signed new deals."),
    ("上海市民赴三明", "上海市民赴三明旅游，对口合作结对帮扶，上海与三明两地携手，签约项目多个。" * 3),
    ("沙县小吃店在上海", "沙县小吃店在上海开张，店主说生意不错。"),
]


@pytest.fixture(scope="module")
def topic(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("pinned") / "places.toml"
    path.write_text(GAZETTEER, encoding="utf-8")
    return compile_topic("pinned", raw_topic(str(path)), where="test_match_pinned.py")


def _pinned() -> list[dict]:
    return [json.loads(line) for line in PINNED.read_text(encoding="utf-8").splitlines()]


def test_the_pinned_file_holds_every_article_of_this_module() -> None:
    assert [(d["title"], d["body"]) for d in _pinned()] == ARTICLES


def test_every_verdict_score_hit_and_reason_is_the_pinned_one(topic) -> None:
    for d in _pinned():
        assert repr(match_article(topic, d["title"], d["body"])) == d["match"], d["title"]


def test_several_topics_at_once_give_the_same(topic) -> None:
    for d in _pinned():
        assert [repr(m) for m in match_topics([topic, topic], d["title"], d["body"])] == [d["match"]] * 2


def test_the_pinned_verdicts_are_not_all_alike() -> None:
    """The fixture exercises the engine: some match, some not, a veto, negative scores."""
    reprs = [d["match"] for d in _pinned()]
    assert sum("matched=True" in r for r in reprs) >= 5
    assert sum("matched=False" in r for r in reprs) >= 5
    assert any("vetoed by" in r for r in reprs)
    assert any("score=-" in r for r in reprs)


ITEM_SETS = [
    ["ab", "abc", "b"],
    ["^a+", "b+", "a+b"],
    ["(?:与|和)[一-龥]{2}?市", "^[一-龥]{2}县", "和平"],
    ["x(?=y)", "xy", "(?<=a)x"],
    ["a", "a", "ab"],
    ["[ab]c", "bc|a", "^b"],
]


@pytest.mark.parametrize("items", ITEM_SETS)
def test_the_item_by_item_scan_finds_what_the_alternation_finds(items: list[str]) -> None:
    combined = re.compile("|".join(f"(?:{r})" for r in items))
    scan = _Scan(items)
    assert scan.split is not None
    rng = random.Random(11)
    alphabet = "abcxy与和平市县江西一二 "
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        stop = rng.randint(0, len(text))
        want = [m.span() for m in combined.finditer(text, 0, stop) if m.end() > m.start()]
        assert scan.spans(text, stop) == want, (items, text, stop)


def test_items_that_can_match_empty_are_scanned_as_one_alternation() -> None:
    scan = _Scan(["a*", "b"])
    assert scan.split is None
    assert scan.spans("aab b", 5) == [(0, 2), (2, 3), (4, 5)]


def _write() -> None:
    """Write the pinned file with the engine as it is now (run from the repository)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "places.toml"
        path.write_text(GAZETTEER, encoding="utf-8")
        t = compile_topic("pinned", raw_topic(str(path)), where="test_match_pinned.py")
        lines = [json.dumps({"title": title, "body": body, "match": repr(match_article(t, title, body))},
                            ensure_ascii=False) for title, body in ARTICLES]
    PINNED.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    _write()
