"""The bundled hu-ming topic on keyword lines under their label and the weather of two places (match-32).

Written for these tests, in our own words. A year's words or an infographic's tags set out between spaces under their
label (关键词云：…, 【热词】…, "Keywords …") name the programme as one word of a list, as a tag line between bars or a
site's menu does: no story of the ties. A forecast for two places (上海、三明两地天气) says 两地 of the weather, not of
two places working together. Guards: a keyword line above a story on the ties, a label with one keyword.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

KEYWORD_LINES = [
    ("年度十大关键词", "关键词云：乡村振兴 沪明合作 营商环境 数字经济 森林康养 文明城市 招商引资"),
    ("年度热词出炉", "【关键词】乡村振兴 沪明合作 文明城市 数字经济 森林康养"),
    ("这一年的热词", "热词 沪明协作 一网通办 低空经济 银发旅游 新质生产力"),
]


@pytest.mark.parametrize(("title", "body"), KEYWORD_LINES)
def test_a_keyword_line_under_its_label(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


KEYWORD_GUARDS = [
    ("关键词：沪明合作", "关键词：沪明合作\n上海市杨浦区与三明市尤溪县签署新一轮对口合作协议，双方将共建产业园区。"),
    ("沪明合作十年回眸", "关键词 沪明合作 对口合作 产业园区 疗休养\n十年来，上海与三明对口合作不断深化，共建产业园区五个，"
     "上海职工来明疗休养超过十万人次。"),
]


@pytest.mark.parametrize(("title", "body"), KEYWORD_GUARDS)
def test_a_keyword_line_above_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


WEATHER = [
    ("上海、三明两地天气预报", "上海：多云，12到18度。三明：小雨，10到16度。"),
    ("周末出行看天气", "上海和三明两地气温差不多，周六上海晴，三明有阵雨，出门记得带伞。"),
]


@pytest.mark.parametrize(("title", "body"), WEATHER)
def test_the_weather_of_two_places(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_two_places_working_together_still_count(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海、三明两地共建文旅线路", "上海与三明两地文旅部门联合推出五条疗休养线路，首批游客下月出发。")
    assert m.matched, m.reason


TEAM_DIARIES = [
    # a team's diary: its own hospital in one line, its rounds at the county's in another, the two never in one sentence
    ("帮扶日记｜驻点第三十天", "今天是我们仁济医院医疗队驻点的第三十天。\n早上七点半，跟着泰宁县总医院的医生查房，讲了两个病例。\n"
     "下午在门诊坐诊，看了四十多个病人，不少是从乡下专程赶来的。\n晚上和科室的年轻医生一起复盘，他们进步很快。"),
    ("援明日记：山城的第一场雪", "来到三明已经三个月了。作为上海第六人民医院派来的援派医生，我负责骨科的带教。\n今天下了第一场雪，"
     "病房里却很暖。\n科室里的小医生说，希望我们明年还来。"),
    ("我们在建宁的日子", "上海市第十人民医院第三批医疗队到建宁县医院已经半年。\n半年里，队员们开展新技术十二项，带教本地医生三十名。\n"
     "“走的时候，要给建宁留下一支带不走的队伍。”队长说。"),
]


@pytest.mark.parametrize(("title", "body"), TEAM_DIARIES)
def test_a_teams_diary_at_the_other_sides_hospital(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


TEAM_GUARDS = [
    # a Sanming hospital's own team at a free clinic in town, its doctors sent to Shanghai to train
    ("县医院开展义诊进社区", "三明市第一医院医疗队走进社区开展义诊，为居民测量血压。医院今年还派出医生赴上海进修学习。"),
    # Shanghai's team in Tibet, one of its members born in Sanming
    ("第三批援藏医疗队出征", "上海市第三批援藏医疗队今日出征日喀则，队员将在当地医院坐诊带教。三明籍队员李某表示一定不辱使命。"),
]


@pytest.mark.parametrize(("title", "body"), TEAM_GUARDS)
def test_a_team_at_home_or_elsewhere(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


UNNAMED_CITY = [
    # the city's own meeting on its 对口合作 with Shanghai, set in Fujian's old base, the city never named
    ("市政府常务会议研究对口合作工作", "会议指出，要立足闽西北革命老区振兴发展，用好与上海的对口合作机制，推动更多沪企项目落地。"),
    # the city's name garbled in decoding (U+FFFD), beside Shanghai and their 对口合作
    ("上海专家组抵达三\ufffd", "按照两地对口合作年度计划，上海市卫健委组派的专家组抵达三\ufffd，将在各县医院开展技术帮扶。"),
]


@pytest.mark.parametrize(("title", "body"), UNNAMED_CITY)
def test_the_city_unnamed_beside_its_pairing(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


NOT_THE_CITY = [
    # another base city with its own partner, Shanghai an example
    ("龙岩深化广龙对口合作", "龙岩市立足闽西革命老区发展，深化与广州的对口合作，会上还介绍了上海的园区经验。"),
    # 三〓 beside Shanghai's 对口支援 (三峡) or with no pairing at all
    ("上海对口支援三\ufffd库区", "上海市对口支援三\ufffd库区二十年，援建学校医院数百所。"),
    ("三\ufffd旅游推介会在沪举行", "三\ufffd旅游推介会在上海举行，椰风海韵吸引众多市民。"),
    # the reform's 三医联动 discussed in Shanghai: a model, no tie
    ("专家：上海公立医院改革可借鉴三明", "研讨会上，上海专家认为三明的“三医联动”值得研究，但上海情况不同。"),
    ("上海医保改革能从三明学什么", "来自上海的专家认为，三明的“三医联动”对上海有参考意义，但超大城市不宜照搬。"),
]


@pytest.mark.parametrize(("title", "body"), NOT_THE_CITY)
def test_not_the_city_or_not_its_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


FUJIAN_PAIRS = [
    # a Fujian city's own pairing with Sanming by its one word (榕明 for Fuzhou's, 厦明 for Xiamen's), Shanghai a
    # consultancy or a model
    ("榕明两地签署协作协议", "福州与三明签署新一轮山海协作协议，榕明两地将共建飞地园区，上海一家咨询公司为园区做规划。"),
    ("厦明协作十年 园区产值破百亿", "厦明山海协作产业园十年来产值突破百亿元，园区学习上海张江的孵化模式，引进创业团队三十个。"),
]


@pytest.mark.parametrize(("title", "body"), FUJIAN_PAIRS)
def test_a_fujian_citys_own_pairing_with_sanming(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_building_before_a_word_opening_with_ming_is_no_xiamen(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明驻沪联络处新址明日启用", "三明市驻上海联络处迁入新址，所在大厦明日启用，将设立三明农特产品"
                      "展销中心，助力沪明消费帮扶。")
    assert m.matched, m.reason
    assert "厦明" not in {h.term for h in m.hits}


def test_a_round_ups_item_whose_later_sentences_name_only_the_shanghai_side(hu_ming: match.Topic) -> None:
    """An item of two sentences: the county's own (来县) once, then the Shanghai side at work again, the round-up's
    penalty taken back as when each sentence names the county."""
    m = match_article(hu_ming, "本周要闻（第45期）", "1. 县委召开常委会会议。\n2. 上海杨浦区党政代表团来县考察对口合作工作，"
                      "双方签署文旅合作协议，杨浦区将组织职工来县疗休养。代表团还参观了杨浦援建的茶叶加工厂。\n"
                      "3. 县图书馆开展读书活动。\n4. 全县秋季征兵工作启动。")
    assert m.matched, m.reason


ROUND_UP_HEADLINES = [
    ("本周要闻（第13期）", "1. 全县防汛工作会议召开。\n2. 上海普陀区代表团来县考察。\n3. 县城新增公交线路两条。县里还启动了夜市。"),
    ("每周要闻", "▲ 上海一家企业来县洽谈合作。县里同日召开安全生产会议，部署节前检查。\n▲ 县图书馆开展读书月活动。"),
]


@pytest.mark.parametrize(("title", "body"), ROUND_UP_HEADLINES)
def test_a_round_ups_item_on_other_things_stays_a_headline(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
