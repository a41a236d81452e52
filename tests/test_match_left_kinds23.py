"""The bundled hu-ming topic on the kinds match-22 left (match-23).

Probes written for these tests, in our own words: the province's pavilion, week or day at a fair in Shanghai holding
Sanming's day or session in its turn (one of the province's nine cities: Shanghai the venue); Sanming's firms
exhibiting at a fair held in Shanghai with no tie named; a person named 张三明 where a word beside the name says so
(教师张三明, 张三明老师说), while 开张|三明 stays the city; a Sanming county's page naming a Shanghai hospital's clinics
at "the county hospital"; a county's long report whose one line names a Shanghai university working with "our county"
in the words of the ties (合作办学); Shanghai's Yueyang hospital and Bright Food under their own names; a title on a Fujian
district's mountain-sea pairing with a Sanming county (泉港区与宁化县), the county's Shanghai pairing an aside below.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_FILLER = "今年秋天雨水偏多，菜市场的青菜价格涨了两成，小区门口新开了一家面包店，早上排队的人不少。"
_FILLER2 = "区里的老年大学新学期开课，书法、合唱、太极拳几个班报名火爆，不少老人一早就到教室占座。"

# --- Sanming's turn at the province's show in Shanghai ------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("世博会福建馆迎来三明活动日", "上海世博会福建馆今天迎来“三明活动日”，三明市在馆内举办旅游推介和非遗展示。福建馆会期内安排九个设区市"
     "轮流举办活动日，三明是其中之一。\n" + _FILLER),
    ("福建活动周在沪开幕 三明专场推介同日举行", "福建活动周今天在上海开幕。活动周期间，全省九个设区市轮流举办专场推介，首场为三明专场，"
     "推介了泰宁、将乐等地的旅游线路。\n" + _FILLER),
    ("Sanming Day at the Fujian pavilion", "The Fujian pavilion at the Shanghai expo held its Sanming Day on Tuesday, "
     "with tea ceremonies and a tourism promotion. The pavilion gives each of the province's nine cities one day."),
])
def test_sanmings_turn_at_the_provinces_show_in_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "the province's show" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("福建馆三明日上 三明与嘉定区签约", "上海世博会福建馆三明活动日上，三明市与上海市嘉定区签署文旅合作协议，嘉定区将组织职工赴三明"
     "疗休养。\n" + _FILLER),
    ("三明主题日在沪举行 推介对口合作项目", "三明主题日活动在上海举行，三明市向上海客商推介沪明对口合作重点项目二十个。\n" + _FILLER),
])
def test_the_ties_done_on_such_a_day_still_match(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- exhibiting at a fair held in Shanghai -------------------------------------------------------------------------


def test_a_countys_firms_exhibiting_at_a_fair_in_shanghai(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "永安竹企参加上海家具展", "在上海举办的中国国际家具展览会上，永安市五家竹木企业参展，推介竹地板和竹家具"
                      "产品，吸引不少海外采购商咨询。\n" + _FILLER)
    assert not m.matched, m.reason
    assert "exhibiting at a fair in Shanghai" in m.reason


def test_a_deal_with_shanghais_firms_at_the_fair_outweighs_the_venue(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明企业亮相工博会 与杨浦企业签约", "在上海举办的工博会上，三明市参展企业与杨浦区三家企业签订合作协议，"
                      "项目将落户三明高新区。\n" + _FILLER)
    assert m.matched, m.reason


def test_a_fair_in_the_county_with_a_shanghai_districts_firms_is_no_venue(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沙县小吃节开幕", "第十届沙县小吃节开幕。\n主办方介绍，今年与上海黄浦区联合举办，黄浦区组织二十家餐饮"
                      "企业参展，双方还签订了合作协议。")
    assert m.matched, m.reason
    assert "exhibiting at a fair" not in m.reason


# --- 张三明 as a person ------------------------------------------------------------------------------------------------


def test_a_teacher_named_zhang_sanming(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "乡村教师张三明的三十年", "在宁化县一所村小，教师张三明已经坚守了三十年。\n张三明老师说，年轻时他曾去"
                      "上海参加过一次培训，那是他第一次出远门。\n" + _FILLER)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明特产馆在沪开张", "由三明市商务局与上海市普陀区合作建设的三明特产馆在沪开张，展销三明各县区农特产品。\n" + _FILLER),
    ("沪上又一家特产馆开张", "沪明消费帮扶专馆在普陀区开张三明笋干、红菇等特产上架。\n" + _FILLER),
])
def test_a_shop_opening_before_the_citys_name_is_still_the_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a Shanghai hospital's clinics at the county hospital; a long report's one line ----------------------------------


def test_a_shanghai_hospitals_clinics_at_the_county_hospital(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "清流县卫健局2025年工作总结", "一年来，全县卫生健康事业稳步发展。\n瑞金医院专家团队每月在县医院开设专家"
                      "门诊，带教县医院医生，开展手术四十余台。\n全县家庭医生签约率达到六成。\n" + _FILLER)
    assert m.matched, m.reason
    assert "its county hospital" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("县医院新院区启用", "大田县医院新院区今天启用，床位增至六百张。院长早年在上海进修过，他说新院区设备达到省内先进水平。\n" + _FILLER),
    ("县医院与协和医院开通远程会诊", "清流县总医院与省城一家医院的远程会诊平台开通。\n县总医院院长早年在上海进修过，他说群众在家门口就能"
     "看省级专家。\n" + _FILLER),
])
def test_a_county_doctor_once_trained_in_shanghai_is_no_clinic(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_long_county_report_names_a_shanghai_university_working_with_it(hu_ming: match.Topic) -> None:
    body = (("过去一年，全县经济稳中有进。\n" + _FILLER + _FILLER2 + "\n") * 8
            + "华东师范大学与我县合作办学的附属学校开学，首批招收学生九百人。\n" + (_FILLER2 + "\n") * 5)
    m = match_article(hu_ming, "尤溪县2025年政府工作报告", body)
    assert m.matched, m.reason
    assert "in the words of the ties" in m.reason


# --- Shanghai's own bodies under names the gazetteer lacked ------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("岳阳医院专家团队来我市义诊", "岳阳医院专家团队一行十二人来到三明，在市第一医院开展为期三天的义诊和带教。\n" + _FILLER),
    ("Yueyang Hospital experts hold clinics in Sanming", "A team of twelve doctors from Yueyang Hospital of Integrated "
     "Traditional Chinese and Western Medicine held free clinics in Sanming this week."),
    ("光明集团在建宁建设莲子基地", "光明食品集团与建宁县签约共建莲子种植基地，首期面积五千亩。\n" + _FILLER),
])
def test_shanghais_hospital_and_food_group_by_their_own_names(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- Fujian's own districts and counties in a title on its mountain-sea pairing -----------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("泉港区与宁化县山海协作项目签约", "泉州市泉港区与三明市宁化县签订山海协作项目，共建石化配套产业园，总投资八亿元。\n" + _FILLER
     + "\n会上介绍，宁化县此前还与上海市杨浦区建立了对口合作关系。\n" + _FILLER),
    ("思明区与建宁县深化山海协作", "厦门市思明区与三明市建宁县召开山海协作联席会议，双方签订文旅合作协议。\n" + _FILLER
     + "\n建宁县此前已与上海市杨浦区结对。\n"),
    ("Fuqing and Youxi sign mountain-sea pact", "Fuqing and Youxi county signed a mountain-sea cooperation pact on Monday "
     "covering farm produce and tourism.\nYouxi is also paired with Jiading district in Shanghai."),
])
def test_a_title_on_a_fujian_districts_pairing_with_a_county_makes_the_shanghai_pairing_an_aside(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "another Fujian city" in m.reason


def test_a_countys_deal_with_its_shanghai_partner_beside_a_fujian_district_still_matches(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "宁化县与杨浦区、泉港区分别签约", "宁化县与上海市杨浦区签订新一轮对口合作协议，共建产业园，杨浦区将组织"
                      "职工赴宁化疗休养。\n" + _FILLER)
    assert m.matched, m.reason
