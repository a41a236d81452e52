"""The bundled hu-ming topic on kinds session 32 left (match-38, session 33).

Written for these tests, in our own words.
- A forecasters' warning that both places put out together, whatever the verb (联合发出暴雨预警) or the English around
  it ("jointly issued a weather warning … as a cold front moved south", where "Shanghai and Sanming" and "moved" read as
  the ties): the weather's. Guards: a warning platform the two build, a team sent there working through a storm warning.
- A topical title over another story: a page's <title> or a column's name (沪明对口合作_三明市人民政府) above a body
  about a water cut in a Sanming street or a sports meet. The rules that fired on the title alone are set aside (the
  topic's `body_names`, `body_pair`, `body_min_chars`). Guards: a headline over a short report in other words (两地,
  签约), a body naming both sides, a caption too short to judge, and a topic that sets none of the keys.
- Three pearls (浦江两岸的“三明珠”: three landmarks lit at night in Shanghai): 三|明珠, no city. Guard: a Sanming
  jewellers' chamber (三明珠宝商会) is the city's, as the likelier segmentation reads it.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.errors import ConfigError
from monitor.match import compile_topic, match_article

WARNINGS = [
    ("两地发布暴雨预警", "三明市气象台与上海中心气象台联合发出暴雨预警，预计未来一天两地有大到暴雨。"),
    ("上海三明同时发出预警", "上海和三明的气象部门今天共同发出暴雨橙色预警，提醒两地市民减少外出。"),
    ("Cold snap ahead", "The meteorological observatories of Shanghai and Sanming jointly issued a weather warning on "
     "Monday as a cold front moved south, with temperatures expected to fall by ten degrees."),
    ("Shanghai and Sanming issue cold-wave alert", "Forecasters in Shanghai and Sanming jointly issued a cold-wave "
     "alert as a cold front moved south."),
]


@pytest.mark.parametrize(("title", "body"), WARNINGS)
def test_a_forecasters_warning_is_the_weathers(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a forecasters' warning naming both sides, up front" in m.rules


def test_a_warning_platform_built_together_stays_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海三明共建暴雨预警平台",
                      "上海市气象局与三明市气象局签署合作协议，共建暴雨预警平台，上海专家将驻点指导。")
    assert m.matched, m.reason


def test_a_team_at_work_through_a_storm_warning_stays_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "暴雨中的援派医生",
                      "暴雨预警发布后，上海援派医生仍在三明市尤溪县总医院坚守，连夜完成三台手术。")
    assert m.matched, m.reason


OTHER_STORIES = [
    ("沪明对口合作_三明市人民政府", "为配合供水管网改造，市自来水公司定于本周六8时至18时暂停列东片区供水，请用户提前储水。\n"
     "给您带来的不便，敬请谅解。"),
    ("沪明合作专栏 - 三明日报", "昨天，全市第十届全民健身运动会开幕，各县（市、区）三十支代表队参加比赛。\n"
     "本届运动会设田径、游泳、篮球等十二个大项。"),
    ("Shanghai-Sanming cooperation | Sanming News", "The city's water company will suspend supply in the eastern "
     "district on Saturday for pipe works. Residents are advised to store water in advance."),
]


@pytest.mark.parametrize(("title", "body"), OTHER_STORIES)
def test_a_topical_title_over_another_story_is_set_aside(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "set aside, the body naming none of the title's subject: names the cooperation" in m.reason
    assert all(h.field == "body" for h in m.hits)  # the title's hits no longer evidence


KEPT_TITLES = [
    ("沪明合作结硕果", "今年以来，两地新签约项目十八个，总投资四十二亿元，一批产业项目已经投产。"),
    ("沪明合作结硕果", "上海市民周末坐大巴到三明泰宁，看丹霞、吃擂茶，不少人一住就是一个星期，还带回了笋干和红菇。"),
    ("沪明对口合作签约仪式", "图为仪式现场。"),  # too short to judge
]


@pytest.mark.parametrize(("title", "body"), KEPT_TITLES)
def test_a_title_over_its_own_story_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "set aside" not in m.reason


def test_a_topic_without_the_keys_reads_titles_as_ever() -> None:
    raw = {"threshold": 1, "groups": {"ties": {"terms": ["沪明合作"]}, "coop": {"terms": ["合作"]}},
           "rules": [{"name": "r", "any": ["ties"], "in": ["title"]}]}
    body = "昨天，全市第十届全民健身运动会开幕，各县三十支代表队参加比赛，本届运动会设田径、游泳、篮球等十二个大项。"
    assert match_article(compile_topic("t", raw), "沪明合作专栏", body).matched
    judged = compile_topic("t", {**raw, "body_names": ["coop"], "body_min_chars": 40})
    assert not match_article(judged, "沪明合作专栏", body).matched
    assert match_article(judged, "沪明合作专栏", body.replace("参加比赛", "合作参赛")).matched


def test_unknown_body_groups_and_a_bad_length_are_named() -> None:
    raw = {"threshold": 1, "groups": {"g": {"terms": ["三明"]}}, "rules": [{"name": "r", "any": ["g"]}],
           "body_names": ["nope"], "body_pair": ["g", "gone"], "body_min_chars": 0}
    with pytest.raises(ConfigError) as info:
        compile_topic("t", raw, where="t.toml")
    problems = "\n".join(info.value.problems)
    assert "t.toml: topics.t.body_names: unknown group 'nope'" in problems
    assert "t.toml: topics.t.body_pair: unknown group 'gone'" in problems
    assert "t.toml: topics.t.body_min_chars: expected a whole number ≥ 1, got 0" in problems


PEARLS = [
    ("浦江两岸“三明珠”今晚亮灯", "上海今晚在外滩、陆家嘴和徐汇滨江同时点亮三处地标，主办方称之为浦江“三明珠”，灯光秀每晚持续三小时。"),
    ("夜游申城看三明珠", "上海推出夜游线路，串起浦东三明珠：东方明珠、金茂和环球金融中心，市民乘游船可一览无余。"),
]


@pytest.mark.parametrize(("title", "body"), PEARLS)
def test_three_pearls_are_no_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert not any(h.term == "三明" for h in m.hits)


def test_a_sanming_jewellers_chamber_stays_the_city(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明珠宝商会赴上海考察",
                      "三明珠宝商会一行二十人赴上海考察，与黄浦区珠宝行业协会签署合作协议，双方将互设展销窗口。")
    assert m.matched, m.reason
