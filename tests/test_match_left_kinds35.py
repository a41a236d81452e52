"""The bundled hu-ming topic on the kinds match-35 found left (session 30).

Written for these tests, in our own words.
- A page that writes the pairing's name whole (沪明情深 in its title) and garbles it below (沪�对口合作, 三� for 三明): the
  garbled 沪 name reads as another partner's too, and that reading must not take the page's own 沪明 back, nor a 三� beside
  it (Sanming garbled alike). Guards: the same garble on a page of another partner, 沪明 never written whole.
- Shanghai adopting one of Sanming's practices (推广三明…做法, 借鉴三明, "adopts Sanming's approach"), the practice's own
  name holding a word of cooperation (联合, 采购, "joint"), nothing signed. Guards: the same with a pact; 推广三明 products.
- A prize won at a contest or an expo on the other side (一等奖, 金奖). Guard: a contest the two hold together.
- A chain's call for franchisees (诚招加盟: its 招商 is the franchise's); a victim "cheated" or "conned" in an English
  title. Guard: a district's office behind the same shops.
- A child adopted on one side looking for the birth family on the other (领养, 亲生父母), whoever helped.
- A county's report whose paragraph opens with the pairing (对口合作走深走实。) and names the Shanghai side once in the next
  sentence. Guard: the county's own 对口支援 of another province.
- One performer named by origin in the title (宁化籍钢琴家, "Sanming-born pianist"), whatever orchestra or label the body
  calls a partner.
- A developer's property fair on the other side (房产推介会). Guard: a city's tourism promotion with a pact.
- A bourse named by what it trades (the Shanghai Environment and Energy Exchange, the Shanghai Gold Exchange): a market,
  no exchange between the two places.
- Shanghai's work with another partner in the lead's first sentence under a title naming neither side (东西部协作再上新台阶),
  its line on Sanming an aside. Guard: the lead on the Sanming pairing itself.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

GARBLED_BELOW_WHOLE = [
    ("沪明情谊历久弥新", "六十年代，一批上海工厂内迁三\ufffd\ufffd，数千名职工扎根闽西北山区。\n近年来，沪\ufffd对口合作不断深化，"
     "两地共建产业园、互派干部，老一辈的情谊有了新的延续。"),
    ("滬明合作結碩果", "滬\ufffd對口合作開展以來，兩地共建園區引進項目四十餘個，上海專家常駐三\ufffd醫院帶教。"),
    ("沪明合作 携手同行", "今年是沪\ufffd对口合作第五年，上海三\ufffd商会会员企业新增投资15亿元，两地干部双向挂职60人。"),
]


GARBLED_ALIKE = [
    ("科技特派员进驻", "上海市科委选派的三名科技特派员日前抵达三\ufffd，助力沪\ufffd对口合作，帮助茶企改良工艺。"),
    ("首批專家抵達", "上海市衛健委選派的十名專家日前抵達三\ufffd，開展為期半年的滬\ufffd對口合作醫療幫扶。"),
]


@pytest.mark.parametrize(("title", "body"), GARBLED_ALIKE)
def test_sanming_garbled_as_the_pairings_name_is(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), GARBLED_BELOW_WHOLE)
def test_the_pairing_named_whole_above_its_garbled_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "a garbled 沪 name beside another partner" not in m.reason


GARBLED_ELSEWHERE = [
    ("宁夏代表团来沪考察", "宁夏回族自治区代表团在沪期间，与上海有关部门座谈，推动沪\ufffd协作向纵深发展，并考察了闵行区两家企业。"),
    ("沪明确提出支持西部发展", "会上，宁夏与上海座谈，沪\ufffd协作项目签约12个。"),
]


@pytest.mark.parametrize(("title", "body"), GARBLED_ELSEWHERE)
def test_a_garbled_name_beside_another_partner_stays_its(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a garbled 沪 name beside another partner" in m.reason


ADOPTED = [
    ("上海市医保局推广三明药品集采做法", "上海市医保局近日发文，在全市公立医院推广三明药品联合限价采购做法，减轻患者用药负担。"),
    ("Shanghai adopts Sanming's drug pricing approach", "Shanghai's health insurance bureau said it would adopt Sanming's "
     "joint drug procurement approach in all public hospitals from next year."),
    ("Shanghai hospitals to follow Sanming’s joint purchasing", "Public hospitals in Shanghai will follow Sanming’s joint "
     "purchasing of medicines, the city's health commission said."),
]


@pytest.mark.parametrize(("title", "body"), ADOPTED)
def test_a_practice_of_sanmings_adopted_in_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


ADOPTED_WITH_TIES = [
    ("上海借鉴三明做法 两地医院签约共建专科", "上海市卫健委借鉴三明医保支付做法，两地医院签署协议，共建三个专科。"),
    ("在上海推广三明农产品", "沪明消费帮扶活动在上海举行，推广三明农产品，现场签约采购金额2000万元。"),
]


@pytest.mark.parametrize(("title", "body"), ADOPTED_WITH_TIES)
def test_an_adoption_with_a_pact_stays_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


PRIZES = [
    ("尤溪学子在上海机器人大赛获一等奖", "在上海举行的全国青少年机器人大赛上，尤溪一中学生团队获得高中组一等奖。带队老师说，"
     "学生们与上海同龄人交流了编程经验，收获很大。"),
    ("大田高山茶获上海国际茶博会金奖", "在上海国际茶业博览会上，大田一家茶企选送的高山茶获得金奖，企业负责人表示将借此"
     "拓展上海市场，加强与上海经销商合作。"),
]


@pytest.mark.parametrize(("title", "body"), PRIZES)
def test_a_prize_won_on_the_other_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_contest_the_two_hold_together_keeps_its_prizes(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "嘉定尤溪两地合办职业技能大赛 12人获一等奖",
                      "嘉定区与尤溪县联合举办职业技能大赛，12名选手获一等奖，将赴嘉定企业跟岗学习。")
    assert m.matched, m.reason


def test_a_chains_call_for_franchisees(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沙县小吃上海总部招商", "沙县小吃上海运营中心诚招加盟，总部负责选址、培训和配送，欢迎有意者投资合作，"
                      "加盟热线见文末。")
    assert not m.matched, m.reason


def test_franchises_a_district_backs_stay_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "杨浦区扶持沙县小吃门店", "杨浦区商务委与沙县区签订协议，对在杨浦开设的沙县小吃示范门店给予租金补贴，"
                      "今年新开门店30家，加盟热线同步开通。")
    assert m.matched, m.reason


@pytest.mark.parametrize("title", ["Sanming man cheated by Shanghai online seller",
                                   "Yong'an retiree conned by a Shanghai caller"])
def test_a_victim_cheated_in_an_english_title(hu_ming: match.Topic, title: str) -> None:
    m = match_article(hu_ming, title, "A man in Sanming lost 8,000 yuan to an online seller based in Shanghai. "
                      "Police in the two cities worked together to recover the money.")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海夫妇领养三明女婴 二十年后回乡寻亲", "二十年前，一对上海夫妇在三明领养了一名女婴。如今女孩大学毕业，在两地志愿者帮助下回到三明"
     "寻找亲生父母。"),
    ("Adopted in Sanming, raised in Shanghai, she finds her birth parents", "Adopted as a baby in Sanming by a Shanghai "
     "couple, a 24-year-old found her birth parents this month with help from volunteers in the two cities."),
])
def test_a_child_adopted_across_the_two(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


BURIED_PAIRING = [
    ("建宁县政府工作报告", "过去一年，全县生产总值增长5%，莲子产值增长8%。\n城乡面貌持续改善，完成农村公路提升40公里。\n"
     "对口合作走深走实。杨浦区支持资金用于建设冷链物流中心，两地企业签约项目4个。\n今年，我们将持续抓项目、惠民生。"),
    ("將樂縣政府工作報告（摘要）", "過去一年，全縣經濟穩中有進。\n對口合作成效明顯。長寧區投入幫扶資金2000萬元，援建的竹產業"
     "研發中心揭牌。\n今年將繼續優化營商環境。"),
]


@pytest.mark.parametrize(("title", "body"), BURIED_PAIRING)
def test_a_report_paragraph_headed_by_the_pairing(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_countys_own_aid_elsewhere_is_no_pairing_with_shanghai(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "明溪县政府工作报告", "过去一年，全县生产总值增长5.5%。\n对口支援扎实推进。选派2名干部赴西藏"
                      "挂职，完成援藏资金拨付，上海的经验值得学习。\n我县组织企业参加进博会。")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("建宁籍小提琴演奏家在沪举办音乐会", "建宁籍青年演奏家在上海音乐厅举办个人音乐会，并与上海一支乐团合作演出。她说希望回到家乡建宁"
     "为乡亲们演奏。"),
    ("Sanming-born violinist returns to Shanghai stage", "Violinist Chen Lu, who was born in Sanming, Fujian, played with "
     "a Shanghai orchestra on Friday, in a concert that also marked her new partnership with a Berlin label."),
])
def test_one_performer_by_origin_in_the_title(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海楼盘来明举办房产推介会", "上海两家开发商在三明举办房产推介会，向有意在上海置业的三明家庭推介精品住宅。"),
    ("Shanghai developers hold property roadshow in Sanming", "Two Shanghai developers held a property roadshow in Sanming on "
     "Saturday, promoting flats to families who want homes in Shanghai."),
])
def test_a_developers_property_fair(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_tourism_promotion_with_a_pact_stays_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "泰宁文旅推介会在上海举行", "泰宁县文旅局在上海举办文旅推介会，与上海十家旅行社签订客源互送协议。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Jiangle forest credits draw interest from Shanghai traders", "Forest carbon credits issued in Jiangle county drew "
     "interest from traders at the Shanghai Environment and Energy Exchange, which is studying how to list them."),
    ("Youxi gold miner joins Shanghai Gold Exchange", "A gold miner based in Youxi county became a member of the Shanghai "
     "Gold Exchange on Monday, letting it trade bullion directly."),
])
def test_a_bourse_named_by_what_it_trades(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("东西部协作再上新台阶", "上海市嘉定区与贵州省黔南州签订新一轮协作协议，共建产业园区两个。嘉定区还将组织企业赴福建三明考察，"
     "寻找合作机会。"),
    ("Partnership enters a new stage", "Shanghai's Minhang district signed a new cooperation agreement with Yunnan's Honghe "
     "prefecture on Monday. Minhang will also send a business delegation to Sanming in Fujian next month."),
])
def test_another_pair_in_the_lead_under_a_title_naming_neither_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_lead_on_the_sanming_pairing_itself_stays(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "携手共进谱新篇", "上海市松江区与三明市将乐县召开对口合作联席会议，签约项目8个。会后，代表团还考察了"
                      "将乐县竹产业园。")
    assert m.matched, m.reason
