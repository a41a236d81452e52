"""Tests for monitor.match: compiling rules, matching with evidence, and evaluation."""

from __future__ import annotations

import ast
import json
import random
import re
from pathlib import Path

import pytest

from monitor import match
from monitor.errors import ConfigError
from monitor.match import compile_topic, evaluate, load_topics, match_article, match_topics
from monitor.textnorm import normalize

FIXTURES = Path(__file__).parent / "fixtures"


def _topic(rules: list[dict], **extra: object) -> match.Topic:
    raw = {
        "threshold": 1,
        "groups": {
            "sh": {"terms": ["上海", "Shanghai"], "skip_list_items": True},
            "sm": {"terms": ["三明", "Sanming"], "not_in": ["三明治"], "skip_list_items": True},
            "coop": {"terms": ["合作", "结对"]},
        },
        "rules": rules,
        **extra,
    }
    return compile_topic("t", raw, where="test.toml")


# --- compiling ----------------------------------------------------------------------------


def test_every_problem_is_listed_with_where_and_key() -> None:
    raw = {
        "threshold": "high",
        "colour": "red",
        "groups": {"sh": {"terms": ["上海"], "synonyms": []}, "bad": {"regex": ["("]}},
        "rules": [
            {"name": "a", "all": ["sh", "nope"], "within": "sentense", "in": ["footer"]},
            {"name": "a", "any": ["sh"], "min_hits": 0, "veto": "yes"},
            {"weight": 2},
        ],
    }
    with pytest.raises(ConfigError) as info:
        compile_topic("t", raw, where="topics.toml")
    problems = "\n".join(info.value.problems)
    for expected in [
        "topics.toml: topics.t.threshold: expected a number",
        "topics.toml: topics.t.colour: unknown key",
        "topics.toml: topics.t.groups.sh.synonyms: unknown key",
        "topics.toml: topics.t.groups.bad.regex: '(' is not a valid regular expression",
        "topics.toml: topics.t.rules[0].all: unknown group 'nope'",
        "topics.toml: topics.t.rules[0].within: got 'sentense'",
        "topics.toml: topics.t.rules[0].in: unknown field 'footer'",
        "topics.toml: topics.t.rules[1].min_hits: expected a whole number",
        "topics.toml: topics.t.rules[1].veto: expected true or false",
        "topics.toml: topics.t.rules[2].name: missing",
        "topics.toml: topics.t.rules[2]: needs `all` or `any`",
        "topics.toml: topics.t.rules: two rules are named 'a'",
    ]:
        assert expected in problems
    assert all(p.startswith("topics.toml: ") for p in info.value.problems)
    assert "(allowed: " in problems  # a hint follows the problem


def test_threshold_must_be_positive() -> None:
    raw = {"threshold": 0, "groups": {"g": {"terms": ["三明"]}}, "rules": [{"name": "r", "any": ["g"]}]}
    with pytest.raises(ConfigError, match="threshold: must be above 0"):
        compile_topic("t", raw)


def test_missing_groups_and_rules() -> None:
    with pytest.raises(ConfigError) as info:
        compile_topic("t", {}, where="x.toml")
    assert len(info.value.problems) == 2


def test_load_topics_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text('[topics.a]\n[topics.a.groups.g]\nterms = ["三明"]\n[[topics.a.rules]]\nname = "r"\nany = ["g"]\n',
                    encoding="utf-8")
    topics = load_topics(path)
    assert list(topics) == ["a"] and match_article(topics["a"], "三明", "").matched


def test_load_topics_reports_bad_toml_and_unknown_top_keys(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[topics.a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_topics(bad)
    extra = tmp_path / "extra.toml"
    extra.write_text("[sources]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="sources: unknown key"):
        load_topics(extra)
    with pytest.raises(ConfigError, match="cannot read"):
        load_topics(tmp_path / "missing.toml")


def test_bundled_topic_compiles(hu_ming: match.Topic) -> None:
    assert match.default_topics_path().is_file()
    assert hu_ming.threshold > 0 and len(hu_ming.rules) >= 5


# --- matching semantics --------------------------------------------------------------------


def test_all_within_sentence_and_paragraph() -> None:
    sentence = _topic([{"name": "s", "all": ["sh", "sm"], "within": "sentence"}])
    paragraph = _topic([{"name": "p", "all": ["sh", "sm"], "within": "paragraph"}])
    same_paragraph = "上海代表团到访。三明热情接待。"
    assert not match_article(sentence, "", same_paragraph).matched
    assert match_article(paragraph, "", same_paragraph).matched
    assert not match_article(paragraph, "", "上海代表团到访。\n三明热情接待。").matched


def test_window_in_characters() -> None:
    near = _topic([{"name": "n", "all": ["sh", "sm"], "within": 6}])
    assert match_article(near, "", "上海与三明合作").matched
    assert not match_article(near, "", "上海今天天气很好，三明").matched


def test_any_none_min_hits_and_fields() -> None:
    t = _topic([{"name": "twice", "any": ["sm"], "min_hits": 2, "none": ["coop"], "in": ["title"]}])
    assert match_article(t, "三明 三明", "").matched
    assert not match_article(t, "三明", "三明").matched  # body is out of scope
    assert not match_article(t, "三明三明合作", "").matched  # `none` group present


def test_lead_paragraph_skips_short_lines() -> None:
    t = _topic([{"name": "lead", "any": ["sm"], "in": ["lead"]}])
    body = "首页 > 新闻\n三明市今年以来持续推进各项工作，取得了明显成效，群众满意度不断提高。\n三明"
    m = match_article(t, "", body)
    assert m.matched and m.hits[0].start == body.index("三明市")
    assert not match_article(t, "", "短句\n这是一个足够长的导语段落但是没有提到那座城市的名字而已。\n三明").matched
    assert match_article(t, "", "三明短讯。\n另一句。").matched  # no long paragraph: the first leads


def test_weights_threshold_and_veto() -> None:
    t = _topic(
        [
            {"name": "sh", "any": ["sh"], "weight": 1},
            {"name": "sm", "any": ["sm"], "weight": 1},
            {"name": "stop", "any": ["coop"], "veto": True, "weight": 0},
        ],
        threshold=2,
    )
    assert not match_article(t, "上海", "").matched
    m = match_article(t, "上海", "三明")
    assert m.matched and m.score == 2 and m.rules == ("sh", "sm")
    vetoed = match_article(t, "上海", "三明合作")
    assert not vetoed.matched and vetoed.reason.startswith("vetoed by 'stop'")


def test_not_in_and_list_items() -> None:
    t = _topic([{"name": "s", "all": ["sh", "sm"], "within": "sentence"}])
    assert not match_article(t, "", "上海街头三明治店很多").matched
    assert not match_article(t, "", "排名靠前的有北京、上海、三明、丽水等").matched
    assert not match_article(t, "", "上海、三明等城市入选").matched
    assert match_article(t, "", "上海与三明开展合作").matched
    assert not match_article(t, "", "来自上海等地的游客到三明旅游").matched
    assert match_article(t, "", "上海企业等待三明的回复").matched  # 等待 is not "etc."
    # an enumeration of one side's own places is the partner itself, not a passing list
    assert match_article(t, "", "上海杨浦区与三明、三明市区开展结对").matched


def test_ignore_after_marker() -> None:
    t = _topic([{"name": "s", "any": ["sm"]}], ignore_after=["相关新闻", "延伸阅读"])
    assert not match_article(t, "", "今日要闻\n相关新闻\n三明召开会议").matched
    assert not match_article(t, "", "今日要闻\n【延伸閱讀】\n· 三明召开会议").matched
    assert match_article(t, "", "三明召开会议\n相关新闻\n其他").matched
    assert match_article(t, "", "今日要闻：相关新闻不在段首\n三明召开会议").matched
    assert not match_article(t, "", "今日要闻。相关新闻：· 三明召开会议 · 其他").matched  # a flattened list


def test_latin_terms_match_whole_words_and_dash_variants() -> None:
    raw = {"groups": {"g": {"terms": ["Shanghai-Sanming", "pair"]}}, "rules": [{"name": "r", "any": ["g"]}]}
    t = compile_topic("t", raw)
    assert match_article(t, "The Shanghai–Sanming park", "").matched
    assert match_article(t, "SHANGHAI SANMING", "").matched
    assert match_article(t, "a pair of", "").matched
    assert not match_article(t, "repair work", "").matched
    assert not match_article(t, "pairs", "").matched


def test_regex_terms() -> None:
    raw = {"groups": {"g": {"regex": ["第[一二三]批"]}}, "rules": [{"name": "r", "any": ["g"]}]}
    assert match_article(compile_topic("t", raw), "", "第二批干部").matched


def test_traditional_and_pinyin_match_like_simplified() -> None:
    t = _topic([{"name": "s", "all": ["sh", "sm", "coop"], "within": "sentence"}])
    for body in ["上海与三明结对合作", "上海與三明結對合作", "上(shàng)海與三(sān)明結(jié)對(duì)合作"]:
        assert match_article(t, "", body).matched, body


def test_hit_offsets_point_into_the_original_text() -> None:
    t = _topic([{"name": "s", "all": ["sh", "sm"], "within": "sentence"}])
    title = "滬明消息"
    body = "導語。\n\n　　上(shàng)海與三明結對。"
    m = match_article(t, title, body)
    assert m.matched
    for hit in m.hits:
        original = (title if hit.field == "title" else body)[hit.start : hit.end]
        assert normalize(original) == hit.term
    assert {body[h.start : h.end] for h in m.hits} == {"上(shàng)海", "三明"}


def test_match_explains_itself() -> None:
    t = _topic([{"name": "both in a sentence", "all": ["sh", "sm"], "within": "sentence", "weight": 2}])
    m = match_article(t, "", "上海与三明合作")
    assert m.topic == "t" and m.rules == ("both in a sentence",)
    assert "both in a sentence +2 [上海 三明]" in m.reason and m.reason.startswith("matched: score 2")
    assert {h.rule for h in m.hits} == {"both in a sentence"}
    assert match_article(t, "", "无关内容").reason == "no rule fired"


def test_several_topics_at_once(hu_ming: match.Topic) -> None:
    other = _topic([{"name": "sm", "any": ["sm"]}])
    results = match_topics([hu_ming, other], "上海杨浦区与三明沙县区签署结对合作协议", "两地将深化合作。")
    assert [m.matched for m in results] == [True, True]
    assert [m.topic for m in results] == ["hu-ming", "t"]


# --- the default topic ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("沪明确本年度目标", "上海明确今年新建保障房七万套。"),
        ("沪明日起调整公交线路", "浦东、嘉定多条线路调整走向。"),
        ("滬指收漲 成交明顯放量", "滬指今日收漲，成交額明顯放大。"),
        ("上海三明治店走红", "上海街头的三明治店越来越多。"),
        ("城市排行", "上榜城市包括北京、上海、杭州、三明、丽水等。"),
        ("三明医改", "来自北京、上海、浙江等地的考察团到三明学习。"),
        ("三明召开会议", "会议部署全年工作。\n相关新闻\n· 沪明对口合作取得新进展"),
        ("上海与六安深化对口合作", "两地签约项目二十个。上海与三明也在开展合作。"),
        ("三明部署今年工作", "今年将推进沪明对口合作、闽宁协作、山海协作等工作。"),
        ("三明农产品触网", "三明农产品通过网上海量渠道销售，与多家平台签约合作。"),
        ("上海企业落户长沙县", "上海一家企业与长沙县签约合作，投资建设新工厂。"),
        ("记者手记", "记者 王沪明 三明报道：三明今年持续推进林业改革。"),
    ],
)
def test_default_topic_rejects_look_alikes(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("沪明对口合作联席会议召开", "会议审议了年度工作要点。"),
        ("滬(hù)明對(duì)口合作再結碩果", "兩地簽約項目十個。"),
        ("杨浦区代表团赴明溪考察", "杨浦区代表团日前赴明溪县考察，双方签署结对合作协议。"),
        ("Jiading firms invest in Youxi",
         "Auto-parts makers from Shanghai's Jiading district signed deals in Youxi county, Sanming, "
         "under the paired cooperation."),
    ],
)
def test_default_topic_accepts_cooperation(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_fixture_precision_and_recall(hu_ming: match.Topic) -> None:
    lines = (FIXTURES / "hu-ming-labelled.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    report = evaluate(hu_ming, items)
    assert report.tp + report.fp + report.fn + report.tn == len(items) >= 20
    assert report.precision == 1.0 and report.recall == 1.0, report.format()


def test_eval_report_counts_and_format() -> None:
    t = _topic([{"name": "sm", "any": ["sm"]}])
    items = [
        {"id": "a", "label": "relevant", "title": "三明", "body": ""},
        {"id": "b", "label": "relevant", "title": "福州", "body": ""},
        {"id": "c", "label": "irrelevant", "title": "三明", "body": ""},
        {"id": "d", "label": "irrelevant", "title": "厦门", "body": ""},
    ]
    r = evaluate(t, items)
    assert (r.tp, r.fp, r.fn, r.tn) == (1, 1, 1, 1)
    assert r.misses == ["b"] and r.false_alarms == ["c"]
    assert r.precision == r.recall == r.f1 == 0.5
    text = r.format()
    assert "precision 0.500" in text and "missed      b: no rule fired" in text and "false alarm c: matched" in text


# --- fast paths say what their plain forms say --------------------------------------------


def test_list_item_pretest_matches_its_definition() -> None:
    from monitor.match import spans

    rng = random.Random(5)
    for _ in range(1500):
        text = "".join(rng.choice("三明、等地单位城9上海，。") for _ in range(rng.randint(0, 30)))
        lists = spans.Enumerations(text)
        for start in range(len(text)):
            for end in range(start + 1, min(len(text), start + 3) + 1):
                near = spans.LIST_AFFIX_MAX + 1
                plain = "、" in text[max(0, start - near) : end + near] or bool(spans._ETC.search(text, end, end + near))
                assert lists.near(start, end) == plain, (text, start, end)


def test_sentence_end_regex_matches_as_written_plainly() -> None:
    from monitor.match.engine import _SENTENCE_END

    plain = re.compile(r"[。!?;\n]+|\.(?= |\n|$)")
    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice("。!?;\n. a") for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in _SENTENCE_END.finditer(text)], text


def test_hits_built_fast_are_plain_hits() -> None:
    from monitor.match.engine import _hit
    from monitor.models import Hit

    fast, plain = _hit("三明", "body", 3, 5, "r"), Hit(term="三明", field="body", start=3, end=5, rule="r")
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)


# --- house rules ----------------------------------------------------------------------------


def test_match_imports_no_other_stage() -> None:
    local = set()
    for path in Path(match.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local |= {n.module or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 2
                  for a in n.names}  # `from .. import x` names x
    # tablecache: the disk cache of built tables (the segmenter's word list), no stage of its own;
    # tomlsyntax: a TOML syntax error said as the mistake made (a topic file's), no stage either
    assert local <= {"errors", "models", "textnorm", "tablecache", "tomlsyntax"}


def test_docs_describe_every_key() -> None:
    from monitor.match import rules

    doc = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    for key in rules._TOPIC_KEYS | rules._GROUP_KEYS | rules._RULE_KEYS:
        assert any(form in doc for form in (f"{key} =", f"`{key}`", f".{key}.", f".{key}]")), key


# --- gazetteer, boundaries, garbled text, English, lists (the default topic and its parts) ----


def test_gazetteer_lists_join_a_group(tmp_path: Path) -> None:
    (tmp_path / "places.toml").write_text(
        '[places.sm]\nnames = ["三明", "Yong\'an"]\nnot_in = ["三明治"]\n[places.sh]\nnames = ["申城"]\n', encoding="utf-8")
    topic = tmp_path / "t.toml"
    topic.write_text('[topics.t]\ngazetteer = "places.toml"\n[topics.t.groups.g]\nplaces = ["sm", "sh"]\n'
                     '[[topics.t.rules]]\nname = "r"\nany = ["g"]\n', encoding="utf-8")
    t = load_topics(topic)["t"]
    assert match_article(t, "申城", "").matched and match_article(t, "Yong’an", "").matched
    assert not match_article(t, "三明治", "").matched


def test_gazetteer_problems_are_reported(tmp_path: Path) -> None:
    topic = tmp_path / "t.toml"
    topic.write_text('[topics.t]\ngazetteer = "missing.toml"\n[topics.t.groups.g]\nplaces = ["nope"]\n'
                     '[[topics.t.rules]]\nname = "r"\nany = ["g"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_topics(topic)
    problems = "\n".join(info.value.problems)
    assert "topics.t.gazetteer: cannot read" in problems and "unknown place list 'nope'" in problems


def test_bundled_gazetteer_names_reach_the_groups(hu_ming: match.Topic) -> None:
    for name, text in [("shanghai", "申城"), ("shanghai", "华山医院"), ("shanghai", "Lingang Group"),
                       ("sanming", "将乐县"), ("sanming", "Yong’an"), ("sanming", "Yongan"),
                       ("sanming", "the partner city in Fujian")]:
        assert hu_ming.groups[name].pattern.search(normalize(text)) or hu_ming.groups[name].regex.search(normalize(text)), text


@pytest.mark.parametrize(
    ("text", "counts"),
    [("三明确立今年沪明对口合作项目清单", True), ("三明确保接待服务到位", True), ("三明显示出潜力", True),
     ("记者获悉，将乐于本月在上海举办推介会", True), ("宁化工业园区引进项目", True),
     ("第三明确，乱停放纳入信用记录", False), ("市场即将乐观迎接新年", False), ("广西南宁化工企业", False),
     ("上海街头三明治店", False), ("韩国大田市代表团", False), ("湖南长沙县组织招聘", False)],
)
def test_exclusions_are_judged_by_the_likelier_reading(hu_ming: match.Topic, text: str, counts: bool) -> None:
    from monitor.match.spans import Enumerations, group_spans

    norm = normalize(text)
    hits = group_spans(hu_ming.groups["sanming"], norm, len(norm), Enumerations(norm))
    assert bool(hits) == counts, (text, hits)


def test_a_garbled_character_inside_a_long_name_is_a_wildcard(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海与三\ufffd市签署对口合作协议", "上海市与三\ufffd市签署新一轮对口合作协议，双方将加强协作。")
    assert m.matched, m.reason
    assert any(h.term == "三〓市" and h.field == "title" and (h.start, h.end) == (3, 6) for h in m.hits)
    # a two-character name with one character lost is a guess; a run of lost characters too (beside Shanghai's
    # 对口合作 it is Sanming, its one partner of that shape: test_match_left_kinds32)
    assert not match_article(hu_ming, "上海与三\ufffd签署协议", "上海与三\ufffd签署合作协议。").matched
    assert not match_article(hu_ming, "上海与三\ufffd\ufffd市签署协议", "上海与\ufffd\ufffd明市签署对口合作协议。").matched


def test_english_reports_name_counties_and_partners(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Yong’an furniture makers court Shanghai buyers",
                      "Makers from Yongan showed sofas in Pudong under the pairing between Pudong and Yong'an.")
    assert m.matched, m.reason
    m = match_article(hu_ming, "Shanghai executives tour the partner city in Fujian",
                      "Forty Shanghai executives visited the partner city in Fujian, touring a park built with the "
                      "Lingang Group under the paired cooperation.")
    assert m.matched, m.reason


def test_one_headline_in_a_top_ten_list_is_not_the_subject(hu_ming: match.Topic) -> None:
    items = ["三明医改经验推广", "沪明临港产业园二期开工", "林票改革入选典型案例", "兴泉铁路通车", "沙县小吃营业额新高",
             "泰宁入选旅游度假区", "三明学院更名", "永安新材料产业园投产", "宁化祭祖大典举行", "森林覆盖率居前"]
    body = "年度十大新闻揭晓：\n" + "\n".join(f"{i}.{t}；" for i, t in enumerate(items, 1))
    assert not match_article(hu_ming, "年度三明十大新闻", body).matched
    # the same items as steps of one story about the cooperation still count
    steps = "\n".join(f"{i}.沪明对口合作{t}。" for i, t in enumerate(["产业", "文旅", "医疗", "教育", "人才"], 1))
    assert match_article(hu_ming, "沪明对口合作五项举措", steps).matched


def test_a_province_wide_fair_in_shanghai_is_not_about_sanming(hu_ming: match.Topic) -> None:
    body = "“闽货进沪”展销活动在上海举行，福建九个设区市设立展区，三明展区展出了建宁莲子等产品。"
    assert not match_article(hu_ming, "福建九市联合在沪推介农产品", body).matched
    assert match_article(hu_ming, "三明在沪推介农产品", body.replace("福建九个设区市设立展区，", "")).matched


def test_held_out_fifth_is_fixed_by_the_id() -> None:
    ids = [f"x{i:03d}" for i in range(1, 201)]
    held = [i for i in ids if match.held_out(i)]
    assert 25 <= len(held) <= 55 and held == [i for i in ids if match.held_out(i)]
    assert match.held_out("x006") is True and match.held_out("x001") is False


# --- classes found on real pages and in reports (match-validate) ------------------------------


def test_an_anchor_group_must_hit_in_the_title_or_lead() -> None:
    topic = _topic([{"name": "a", "anchor": ["sh"], "all": ["sm", "coop"], "within": "sentence", "in": ["body"]}])
    body = "去年全区经济平稳增长。\n今年将深化与三明的结对。"
    m = match_article(topic, "上海某区工作报告", body)
    assert m.matched and [h.term for h in m.hits] == ["上海", "三明", "结对"], m.reason
    assert not match_article(topic, "某区工作报告", body).matched  # no anchor up front
    lead = "上海某区召开人代会，区长作政府工作报告，回顾一年来的工作。\n" + body
    assert match_article(topic, "", lead).matched  # the lead names it
    # the anchor does not stand in for the groups of the unit
    assert not match_article(topic, "上海某区工作报告", "今年将深化与三明的交流。").matched


def test_anchor_groups_must_exist() -> None:
    with pytest.raises(ConfigError, match=r"rules\[0\]\.anchor: unknown group 'nope'"):
        _topic([{"name": "a", "anchor": ["nope"], "all": ["sm"]}])


def test_one_paragraph_of_a_report_names_the_partner_beside_the_pairing(hu_ming: match.Topic) -> None:
    routine = "\n".join(["全区经济运行总体平稳，民生保障持续改善，城乡面貌不断提升。"] * 12)
    para = "深化与大田县、建宁县对口合作，实施帮扶项目十二个，采购农产品一亿元。"
    m = match_article(hu_ming, "杨浦区政府工作报告", routine + "\n" + para + "\n" + routine)
    assert m.matched and "a Shanghai report names Sanming beside the pairing" in m.rules, m.reason
    m = match_article(hu_ming, "三明市政府工作报告", routine + "\n持续深化与上海市对口合作，新引进项目三十个。\n" + routine)
    assert m.matched, m.reason
    # the same report pairing with other places, or naming Sanming without the pairing, is not
    other = "做好对口支援喀什、日喀则工作，深化东西部协作。"
    assert not match_article(hu_ming, "杨浦区政府工作报告", routine + "\n" + other + "\n" + routine).matched
    aside = "推广三明医改经验，深化公立医院改革。"
    assert not match_article(hu_ming, "上海市政府工作报告", routine + "\n" + aside + "\n" + routine).matched


@pytest.mark.parametrize(
    ("group", "text", "counts"),
    [("sanming", "上海专家团队来明开展义诊", True), ("sanming", "考察团在明期间参观了园区", True),
     ("sanming", "客商一行赴明考察", True), ("sanming", "改革带来明显变化", False),
     ("sanming", "工程计划在明年完工", False), ("sanming", "在明确目标后推进", False),
     ("sanming", "一行前来明溪县考察", True), ("shanghai", "赴沪考察学习", True),
     ("shanghai", "在沪企业超过百家", True), ("shanghai", "公司在沪深两市上市", False)],
)
def test_short_names_count_where_the_likelier_reading_keeps_them(hu_ming: match.Topic, group: str, text: str,
                                                               counts: bool) -> None:
    from monitor.match.spans import Enumerations, group_spans

    norm = normalize(text)
    hits = group_spans(hu_ming.groups[group], norm, len(norm), Enumerations(norm))
    assert bool(hits) == counts, (text, [norm[a:b] for a, b in hits])


def test_a_dropped_hit_leaves_room_for_a_name_inside_it(hu_ming: match.Topic) -> None:
    from monitor.match.spans import Enumerations, group_spans

    norm = normalize("一行前来明溪县考察")
    assert [norm[a:b] for a, b in group_spans(hu_ming.groups["sanming"], norm, len(norm), Enumerations(norm))] == ["明溪县"]


def test_contested_must_be_true_or_false(tmp_path: Path) -> None:
    (tmp_path / "places.toml").write_text('[places.sm]\nnames = ["来明"]\ncontested = "yes"\n', encoding="utf-8")
    topic = tmp_path / "t.toml"
    topic.write_text('[topics.t]\ngazetteer = "places.toml"\n[topics.t.groups.g]\nplaces = ["sm"]\n'
                     '[[topics.t.rules]]\nname = "r"\nany = ["g"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"places\.sm\.contested: expected true or false"):
        load_topics(topic)


def test_visiting_experts_from_shanghai_come_to_sanming(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海专家来明开展义诊", "上海瑞金医院专家团队来明开展义诊，惠及群众五百余人。")
    assert m.matched, m.reason


def test_english_reports_say_help_and_support(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai helps Sanming build a school",
                      "Shanghai has helped Sanming, a city in Fujian, build a middle school. It opened on Monday "
                      "with support from East China Normal University.")
    assert m.matched, m.reason
    assert not match_article(hu_ming, "Shanghai helps flood victims",
                             "Shanghai has helped flood victims in Henan. Sanming sent rescue teams too.").matched


@pytest.mark.parametrize("sentence", ["上海将一如既往支持三明振兴发展。", "上海市领导走访三明企业。",
                                      "Officials from Shanghai and Sanming said both sides would build a park."])
def test_support_visits_and_both_sides_are_cooperation_words(hu_ming: match.Topic, sentence: str) -> None:
    m = match_article(hu_ming, "", sentence)
    assert "both sides and cooperation in one sentence" in m.rules, m.reason
