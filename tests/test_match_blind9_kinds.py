"""The bundled hu-ming topic on the kinds a ninth blind set of hard cases showed (match-13).

A helper wrote 160 full-length pages without looking at the engine; its tuning part had misses
and false alarms of these kinds: long reports, interviews and notices of one side that name it
only through its counties paragraph after paragraph (or "我市", "our city") and the pairing with
the other side in one late passage; a notice titled 赴沪 (its people going to Shanghai) listing
them against Shanghai's offices (跟班学习); English copy naming the Shanghai Stock Exchange, which
made every "Shanghai" of the page the exchange's; "trains between Shanghai and Sanming" read as the
pairing's name; a county hospital's video link with a Shanghai hospital under "the county and
Hongkou district, its partner"; and another pairing's story naming Sanming as one of "福建三明等革命
老区城市". The texts here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor import match
from monitor.errors import ConfigError
from monitor.match import match_article

# --- a side named throughout a long report, the pairing in one late passage ----------------------

_COUNTY_PARAS = ["宁化县推进种业发展，杂交水稻制种面积稳定在十万亩以上。",
                 "明溪县发展观鸟旅游，建成观鸟点二十余处。",
                 "建宁县巩固建莲品牌，开发莲子深加工产品。",
                 "全市新增城镇就业两万人，新建养老服务中心二十个。"]


@pytest.mark.parametrize(("title", "body"), [
    ("访谈：稳中求进谋发展——访市长",
     "记者：今年全市经济运行情况如何？\n" + "\n".join(_COUNTY_PARAS) +
     "\n记者：区域合作方面有什么新进展？\n市长：我们和上海的对口合作已进入第四年，上海各结对区在我市落地项目四十个。"),
    ("全市林业改革调研报告",
     "为掌握全市林业改革进展，市政协组织调研组开展专题调研。\n" + "\n".join(_COUNTY_PARAS) +
     "\n建议依托两市对口合作机制，引进上海林业碳汇企业，推动已签约的沪企项目开工。"),
    ("Report on the work of the government (excerpt)",
     "Fellow deputies, I now present the report on the work of the government.\n"
     "Ninghua kept 100,000 mu under hybrid rice seed.\nMingxi built twenty bird-watching spots.\n"
     "Jianning's lotus seed products now sell nationwide.\n"
     "We will make good use of the paired cooperation mechanism with Shanghai and attract more projects from "
     "Shanghai enterprises."),
    ("Our city's cadres leave for the partner city",
     "The send-off meeting for our city's fourth batch of cadres was held on Monday. Eighteen cadres will work in "
     "the departments of Xuhui, Minhang and Songjiang for one year under the partnership.\n"
     "They were asked to learn from the Shanghai side and bring more cooperation projects to our city.\n"
     "Youxi's tea output rose eight percent.\nTaining's ancient town drew record summer crowds."),
])
def test_a_side_named_throughout_a_report_is_its_subject(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # one side named throughout, and a sentence on the other side's pairing with a third place
    ("区政府召开常务会议",
     "会议研究了本区城市更新工作，上海市相关部门负责人列席。\n会议指出，上海中心城区的更新经验值得借鉴。\n"
     "会议还听取了长三角合作情况汇报，上海的企业服务模式将推广。\n另讯，三明市与厦门市签订新一轮山海协作结对协议。"),
    ("市政府召开常务会议",
     "会议研究了全市林业改革工作，三明市林业局作了汇报。\n会议要求各县推广将乐县常口村林票经验。\n"
     "会议还部署了泰宁、建宁两县的防汛工作。\n另讯，上海市与云南省召开沪滇协作联席会议，签订结对帮扶协议。"),
    ("Weekly city notes",
     "Shanghai's metro added two lines this week.\nShanghai's museums will stay open late in summer.\n"
     "In other news, Sanming signed a pairing agreement with Xiamen under the mountain-sea programme."),
])
def test_a_pairing_with_a_third_place_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_notice_of_people_going_to_shanghai_is_the_other_sides(hu_ming: match.Topic) -> None:
    # 赴沪 in the title says where its people go: no title of the Shanghai side
    body = ("来源：某市人民政府网\n根据两市对口合作干部交流安排，拟选派以下同志赴上海市有关单位跟班学习一年，现予公示。\n"
            "1 王某 三元区发改局副局长 徐汇区发展和改革委员会\n2 刘某 永安市工信局科长 闵行区经济委员会\n"
            "3 赵某 大田县商务局副局长 奉贤区商务委员会\n公示期为五个工作日。")
    m = match_article(hu_ming, "关于第四批赴沪跟班学习干部的公示", body)
    assert m.matched, m.reason


# --- Shanghai's exchange, routes and partners in English ------------------------------------------


def test_the_exchanges_name_leaves_the_city_the_city(hu_ming: match.Topic) -> None:
    body = ("The Shanghai Stock Exchange ran a one-day course in Sanming for managers of 30 firms planning to list.\n"
            "The course was held under a finance cooperation agreement Shanghai signed with Sanming last year, and "
            "Shanghai will support the firms' listings, the city's finance bureau said.")
    m = match_article(hu_ming, "Listing course for Sanming firms", body)
    assert m.matched, m.reason
    # the exchange itself is still no Shanghai side
    m = match_article(hu_ming, "Sanming chemical firm lists",
                      "A Sanming maker of fluorine chemicals began trading on the Shanghai Stock Exchange on Friday.")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body", "named"), [
    ("Timetable adds trains between Shanghai and Sanming",
     "Two more pairs of bullet trains will run from Shanghai Hongqiao to Sanming North from January.", False),
    ("Flight time between Shanghai and Sanming cut", "A new direct route takes 90 minutes.", False),
    ("Pact between Shanghai and Sanming renewed",
     "The paired cooperation agreement between Shanghai and Sanming was renewed for five years.", True),
])
def test_the_pair_as_the_ends_of_a_route(hu_ming: match.Topic, title: str, body: str, named: bool) -> None:
    m = match_article(hu_ming, title, body)
    assert ("names the cooperation" in m.reason) is named, m.reason
    assert m.matched is named, m.reason


def test_a_county_hospitals_link_with_its_partners_hospital(hu_ming: match.Topic) -> None:
    body = ("A video link between Ninghua County Hospital and Ruijin Hospital went live on Tuesday, letting Ruijin "
            "specialists read scans and join ward rounds from Shanghai.\nThe county set it up with Changning "
            "district, its partner.")
    m = match_article(hu_ming, "Ruijin doctors join Ninghua ward rounds by video", body)
    assert m.matched, m.reason


# --- 等 closing a list with a longer word for its class ------------------------------------------


@pytest.mark.parametrize("body", [
    "园区是上海与六安对口合作的重要载体。与上海开展对口合作的还有福建三明等革命老区城市。",
    "上海与遵义结对以来成效明显，与上海结对的还包括三明等山区地区。",
])
def test_sanming_named_as_one_of_a_class_of_cities(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "沪遵协作产业园新签项目八个", body)
    assert not m.matched, m.reason


def test_a_gazetteer_lists_inside_contexts_cancel_only_their_own_hits(tmp_path: Path) -> None:
    (tmp_path / "places.toml").write_text(
        '[places.east]\nnames = ["上海", "永安"]\nnot_in = ["永安百货"]\ninside = ["上海证券交易所"]\n'
        '[places.bad]\nnames = ["x"]\ninside = "上海证券交易所"\n', encoding="utf-8")
    topic = tmp_path / "t.toml"
    topic.write_text('[topics.t]\ngazetteer = "places.toml"\n[topics.t.groups.g]\nplaces = ["east"]\n'
                     '[[topics.t.rules]]\nname = "r"\nany = ["g"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        match.load_topics(topic)
    assert "places.bad.inside: expected a list of strings" in "\n".join(info.value.problems)
    (tmp_path / "places.toml").write_text(
        '[places.east]\nnames = ["上海", "永安"]\nnot_in = ["永安百货"]\ninside = ["上海证券交易所"]\n', encoding="utf-8")
    t = match.load_topics(topic)["t"]
    assert not match_article(t, "上海证券交易所挂牌", "").matched
    # the exchange leaves the city the city; a store named 永安百货 makes every bare 永安 the store's
    assert match_article(t, "上海证券交易所挂牌", "上海代表团来访。").matched
    assert not match_article(t, "永安百货开业", "永安一带人流大增。").matched
