"""The bundled hu-ming topic on the kinds match-34 found left (session 29).

Written for these tests, in our own words. Both places named with a word that reads as a tie and is none: a firm's
listing on the Shanghai bourse (its 挂牌, its "exchange"), a player's title at a tournament held in Shanghai, a thing
lost on one side and found again with the police's help, a family parted and found again, one doctor's year of
further study (进修). Guards: the same words where the two sides work together.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

LISTINGS = [
    ("永安一家化工企业登陆上交所主板", "永安一家氟化工企业今天在上海证券交易所主板挂牌交易。董事长在上海敲钟，"
     "三明市领导出席挂牌仪式。公司说，募集资金将投向清流生产基地。"),
    ("Mingxi maker's shares jump on the Shanghai exchange", "Shares of a Mingxi county battery maker rose 30 percent on "
     "the Shanghai exchange on Tuesday. Sanming officials joined its managers in Shanghai."),
    ("Sanming tea firm lists on the STAR Market", "A tea processor from Sanming, Fujian, began trading on the "
     "Shanghai Stock Exchange's STAR Market. The company said it would use the money to expand its plant in Shaxian."),
]


@pytest.mark.parametrize(("title", "body"), LISTINGS)
def test_a_firms_listing_on_the_shanghai_bourse(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


TOURNAMENTS = [
    ("尤溪少年获上海围棋公开赛冠军", "在上海举行的围棋公开赛上，尤溪十一岁少年邱某获得少年组冠军。他每年暑假都到上海参加培训。"),
    ("建宁选手夺得上海网球公开赛青少年组亚军", "建宁县十五岁选手在上海网球公开赛青少年组中获得亚军，此前他在上海接受了两年培训。"),
]


@pytest.mark.parametrize(("title", "body"), TOURNAMENTS)
def test_a_players_place_at_a_tournament_in_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


LOST_AND_FOUND = [
    ("上海游客在将乐古镇遗失背包 民警帮助寻回", "上海游客赵女士在将乐古镇游玩时遗失背包，内有证件和相机。"
     "将乐县民警调看监控，帮助她在两小时内寻回。"),
    ("Shanghai tourist's lost phone returned in Jiangle", "A Shanghai visitor who left her phone at a Jiangle bus stop "
     "got it back the same day. Police in the county helped trace her hotel."),
    ("沙县老人在上海找到失散五十年的弟弟", "沙县区七十岁的老人黄某，在上海找到了失散五十年的弟弟。"
     "两地民警帮助比对信息，兄弟二人近日相见。"),
]


@pytest.mark.parametrize(("title", "body"), LOST_AND_FOUND)
def test_something_lost_and_found_with_help(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_one_doctors_year_of_further_study(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "泰宁县医院医生赴上海进修一年归来",
                      "泰宁县总医院骨科医生刘某在上海第六人民医院进修一年，近日回到泰宁，开展了关节镜手术。")
    assert not m.matched, m.reason


GUARDS = [
    ("上海证券交易所与三明市联合举办上市培训", "上海证券交易所与三明市政府联合举办企业上市培训班，"
     "这是沪明金融合作备忘录签署后的首场活动。"),
    ("沪明青少年篮球交流赛举行 三明队获冠军", "沪明青少年篮球交流赛在三明举行，赛事由两地体育部门共同主办，三明队获得冠军。"),
    ("华山医院接收宁化医生进修", "根据两院结对协议，华山医院今年接收宁化县总医院医生十名进修，并派专家到宁化坐诊。"
     "上海专家还为宁化医生带教手术。"),
    ("两地工会合作为内迁职工寻亲", "三明市总工会与上海市有关区工会合作，帮助当年随厂内迁三明的上海老职工寻亲，"
     "已有三十户家庭重新取得联系。"),
]


@pytest.mark.parametrize(("title", "body"), GUARDS)
def test_the_same_words_beside_the_ties_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


STUDY_TOURS = [
    ("上海市医保局考察组赴三明考察医改经验", "上海市医保局考察组一行赴三明，学习药品联合限价采购和医保打包支付经验。"
     "考察组参观了改革展示馆，与三明市医保局座谈交流，表示将结合上海实际研究借鉴。"),
    ("闵行区卫健委到尤溪学习医改做法", "闵行区卫健委一行到尤溪县总医院学习医改做法，听取了县域医共体建设情况介绍，双方进行了交流。"),
    ("Shanghai hospital chiefs study Sanming's health reform", "Heads of eight Shanghai district hospitals visited Sanming "
     "this week to study its health reform, touring the county hospitals and holding talks with the city's officials."),
]


@pytest.mark.parametrize(("title", "body"), STUDY_TOURS)
def test_a_study_tour_of_the_reform_nothing_signed(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


STUDY_TOURS_WITH_TIES = [
    ("上海市卫健委赴三明考察医改经验", "上海市卫健委考察组赴三明学习医改经验，两地卫健部门签署医疗卫生合作协议，将开展专科共建。"),
    ("仁济医院援派专家到将乐学习医改做法", "仁济医院援派专家团队到将乐县总医院学习医改做法，同时坐诊带教，开展疑难病例会诊。"),
    ("Shanghai officials study Sanming's reform and sign a pact", "Officials of Shanghai's health bureau visited Sanming "
     "to study its reform, and the two cities signed an agreement on joint specialist centres."),
]


@pytest.mark.parametrize(("title", "body"), STUDY_TOURS_WITH_TIES)
def test_a_study_tour_with_a_pact_or_a_team_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def _report(line: str) -> str:
    return "\n".join(["过去一年，全县经济运行总体平稳，地区生产总值增长百分之五点八。", "完成老旧小区改造八个，新建城市道路三公里。", line,
                      "新增城镇就业两千人，新改扩建学校四所。", "森林覆盖率保持在百分之七十六以上。"])


@pytest.mark.parametrize("line", [
    "深化山海协作和对口合作，推动与上海市嘉定区在康养旅游领域合作，全年接待上海疗休养职工八千人次。",
    "持续深化山海协作、对口合作，与上海市杨浦区共建茶叶直供基地，在上海年销售额两千万元。",
])
def test_fujians_own_programme_beside_the_counties_pairing_with_a_shanghai_district(hu_ming: match.Topic,
                                                                                    line: str) -> None:
    m = match_article(hu_ming, "明溪县政府工作报告", _report(line))
    assert m.matched, m.reason


def test_shanghais_pairing_with_another_partner_still_weighs_against(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "市政府工作报告", "我市要落实上海市与六安市对口合作实施方案，推动园区共建。\n全年引进项目二十个。")
    assert "Shanghai's paired cooperation with another partner" in m.rules, m.reason


def test_a_medical_team_of_the_relocation_years(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "六十年前，他们从外滩来到沙溪河畔",
                      "1960年春天，二十二岁的医生周明华随上海一所医院的医疗队来到三明，在几间平房里办起了第一个外科病房。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("一位三明人的上海工厂", "1963年出生的郑某是三明人，如今是上海一家纺织厂的厂长，近日获评市劳动模范。"),
    ("宁化籍车间主任在上海获奖", "1966年生于宁化的车间主任吴某，在上海一家汽车厂工作三十年，日前获得全国五一劳动奖章。"),
])
def test_a_birth_year_beside_a_factory_is_no_relocation(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("泰宁籍教授在上海获评杰出人才", "在上海一所大学任教的泰宁籍教授谢某近日获评上海市杰出人才。他曾多次回泰宁参加学术交流，"
     "并感谢学校多年来的支持。"),
    ("建宁籍歌手在上海举办专场音乐会", "建宁籍歌手邓某在上海大剧院举办专场音乐会，由剧院主办，演唱了多首家乡民歌，感谢上海观众的支持。"),
    ("Ninghua-born writer wins Shanghai literary prize", "A Ninghua-born novelist living in Shanghai won the city's "
     "literary prize on Friday. She thanked her publisher for its support and said she still visits Sanming every spring."),
])
def test_one_person_by_origin_is_a_career(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("沪籍挂职干部在明溪的两年", "浦东新区选派到明溪挂职的干部两年来牵线引进项目八个，协调帮扶资金两千万元。"),
    ("在沪三明籍企业家回乡投资签约", "上海三明商会组织会员企业回乡考察，与沙县区签约项目五个，总投资六亿元。"),
])
def test_natives_named_with_a_tie_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海一家化工企业收购清流氟化工厂", "上海某化工公司与清流县一家氟化工厂签署股权转让协议，以三亿元收购其60%股权，尚需股东大会审议。"),
    ("Shanghai firm buys stake in Shaxian food maker", "A Shanghai food group signed an agreement to buy a 35 percent "
     "stake in a Shaxian district food maker and said the two firms would cooperate on exports."),
])
def test_a_firms_acquisition_of_another_is_their_deal(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_runners_result_at_a_shanghai_race(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "明溪跑者在上海马拉松创造最好成绩",
                      "在上海马拉松赛上，明溪县一名公务员以2小时50分完赛。他感谢跑团的支持，说明年还要赴上海交流训练。")
    assert not m.matched, m.reason


def test_a_stake_taken_under_the_pairing_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海国企入股三明园区公司 深化对口合作",
                      "上海一家市属国企与三明市国资委签署协议，入股沪明合作产业园运营公司，共同开展招商。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海游客在将乐景区突发疾病 景区人员帮助送医", "一名上海游客在将乐玉华洞景区突发疾病，"
     "景区工作人员帮助将其送往县医院，目前已脱离危险。"),
    ("Shanghai pensioner hurt on a Yong'an trail, helped down", "A Shanghai pensioner who was injured in a fall near "
     "Yong'an was helped down the hill by local rescuers."),
])
def test_a_visitor_taken_ill_or_hurt_and_helped(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai and Sanming named among greenest cities", "Shanghai and Sanming were both named among 25 greenest cities in "
     "a report published by a Beijing institute on Tuesday."),
    ("三明市领导带队参观进博会", "三明市副市长带队赴上海参观进博会，与各地代表团一起考察了消费品展区和食品展区。"),
    ("Sanming mayor tours the import expo", "Sanming's mayor toured the import expo in Shanghai on Wednesday with officials "
     "of 40 other cities and visited its food hall."),
])
def test_two_of_a_list_or_a_visitor_to_shanghais_expo(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_deals_with_a_district_at_the_expo_still_count(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明企业在进博会上与杨浦企业签约",
                      "进博会期间，三明市八家企业与杨浦区企业签订合作协议五份，这是两地对口合作的又一成果。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海大学生骑行到泰宁", "上海一名大学生用八天时间骑行到泰宁，沿途得到许多村民的帮助，还在大金湖边参加了一次志愿者交流活动。"),
    ("Shanghai retiree cycles to Jianning", "A Shanghai retiree cycled 1,000 kilometres to Jianning county in Sanming. Local "
     "villagers helped him repair his bike on the way."),
])
def test_one_persons_cycling_trip(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上□市与泰宁县签署文旅合作协议", "上□市文旅局与泰宁县文旅局签署合作协议，两地互送客源，共推康养线路。"),
    ("沪□对口合作联席会议召开", "沪□对口合作联席会议在三明召开，会议部署了园区共建和干部交流任务。"),
])
def test_a_white_square_for_a_lost_character_in_a_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_forms_boxes_are_no_lost_characters(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "志愿者报名表", "是否上海户籍：□是 □否\n是否三明户籍：□是 □否\n联系电话：")
    assert not m.matched, m.reason
