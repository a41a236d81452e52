"""The bundled hu-ming topic on Sanming named as one of many, and on Fujian's own ties with Shanghai (match-31).

Written for these tests, in our own words. A meeting that reviews all of Shanghai's pairings (Xinjiang, Tibet,
Qinghai, Yunnan and, last, Sanming) in one sentence with Shanghai, or a tour of three Fujian cities or more in a
sentence with Shanghai, names Sanming as one place of a list: no tie. The list's last item, joined by 和 or "and",
was still read as a hit. A title naming the province and Shanghai in one word (闽沪, 沪闽: a Fujian-wide fair or
talks) is the province's ties, as a title naming Fujian and Shanghai apart already was. Guards: the pairing's own
stories beside other partners or cities, and a province's signing held in Sanming.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

ONE_OF_MANY = [
    ("市合作交流工作推进会召开", "上海市合作交流工作推进会今天召开，会议回顾了援疆、援藏、青海果洛和对口合作三明等方面的进展，"
     "并对下一步工作提出要求。"),
    ("Shanghai sums up a year of paired assistance", "Shanghai's cooperation office summed up a year of its aid to Xinjiang, "
     "Tibet and Yunnan and of its cooperation with Sanming at a meeting on Wednesday."),
    ("上海经销商走访产区", "上海一家水果经销商本月走访了漳州、龙岩和三明的果园，采购柚子和脐橙。"),
    ("闽沪两地商会座谈", "闽沪两地商会负责人在上海座谈，福建各地市商会代表参加，三明市商会会长交流了企业发展情况。"),
    ("沪闽青年创业交流活动举行", "沪闽青年创业交流活动在上海举行，来自福州、三明等地的创业者与上海投资人交流。"),
]


@pytest.mark.parametrize(("title", "body"), ONE_OF_MANY)
def test_sanming_one_of_many(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


GUARDS = [
    # the pairing's own story, Shanghai's other partners named beside it
    ("杨浦区合作交流办赴尤溪对接", "杨浦区合作交流办负责人带队赴尤溪县，与当地商定年度对口合作项目；此前该办已完成援疆、援滇的年度对接。"),
    ("沪明对口合作年度总结", "今年上海与三明的对口合作在产业、医疗、教育方面都有进展，和援疆、援滇工作一起被列入全市考核。"),
    # Sanming's own tie with Shanghai, other Fujian cities in another sentence
    ("三明与上海嘉定区签约", "三明市与上海嘉定区签署对口合作协议，共建科创园区。厦门、福州、泉州的企业也将入驻。"),
    # the province and Shanghai signing in Sanming: the ties done there
    ("闽沪文旅合作协议在三明签署", "福建省与上海市文旅合作协议在三明签署，两地将共同开发红色旅游线路和职工疗休养基地。"),
]


@pytest.mark.parametrize(("title", "body"), GUARDS)
def test_the_pairing_beside_other_places(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_the_city_by_its_own_byname(hu_ming: match.Topic) -> None:
    """中国绿都 is how Sanming names itself (中国绿都·最氧三明): beside 申城 and the pairing, the city."""
    m = match_article(hu_ming, "中国绿都牵手申城",
                      "中国绿都与申城结对合作以来，上海游客到此疗休养已超过十万人次，两地还共建了三个产业园区。")
    assert m.matched, m.reason
    m = match_article(hu_ming, "绿都地产在沪拿地", "绿都地产以二十亿元在上海拿下一宗住宅用地，这是该公司首次进入上海市场。")
    assert not m.matched, m.reason


ENGLISH_OTHERS = [
    ("Sanming hosts a forestry forum", "Sanming hosted a forestry forum on Tuesday attended by officials from Shanghai, "
     "Jiangxi and 15 other provinces."),
    ("Tea fair draws buyers", "Sanming tea growers signed supply deals at the fair with buyers from Shanghai, "
     "Guangzhou and several other cities."),
]


@pytest.mark.parametrize(("title", "body"), ENGLISH_OTHERS)
def test_an_english_list_closed_by_its_others(hu_ming: match.Topic, title: str, body: str) -> None:
    """"…, Jiangxi and 15 other provinces" closes a list as 等 does: Shanghai one of many."""
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_other_after_the_pairing_is_no_list(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Yangpu adopts a Sanming county", "Shanghai's Yangpu district, which already helps counties "
                      "in Yunnan and other western provinces, signed a pairing agreement with Datian county in Sanming.")
    assert m.matched, m.reason


ROUND_UP_STORIES = [
    # a county's bulletin naming itself 我县: one item of two sentences on its ties with its Shanghai district
    ("政务要闻速览（第7期）", "◆ 县长主持召开县政府常务会议。\n◆ 上海市普陀区合作交流办来我县对接对口合作工作，考察了普陀援建的茶叶加工厂。"
     "普陀区负责同志表示，将组织区内工会到我县开展职工疗休养。\n◆ 县文旅局举办非遗展演。"),
    ("本周要闻回顾", "1. 我县召开秋季森林防火会议。\n2. 上海奉贤区教育局一行来我县对接对口合作事宜，双方商定互派教师各10名。"
     "奉贤区还将为我县捐建一所智慧教室。\n3. 县城新增停车泊位500个。"),
]


@pytest.mark.parametrize(("title", "body"), ROUND_UP_STORIES)
def test_a_round_ups_item_that_is_a_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


ROUND_UP_HEADLINES = [
    # one line on the ties: a headline among headlines (a digest's one line, left so by decision)
    ("本周要闻汇总", "1. 全县安全生产会议召开。\n2. 我县与上海普陀区签订对口合作年度工作计划。\n3. 县医院开展义诊活动。"),
    # a search page titled "query - 搜索", its lines results
    ("上海 三明 - 搜索", "上海至三明自驾攻略\n三明民宿推荐\n上海搬家公司电话\n三明天气"),
]


@pytest.mark.parametrize(("title", "body"), ROUND_UP_HEADLINES)
def test_a_round_ups_one_line_stays_a_headline(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


BRANDS_AND_MARKETS = [
    # a milk-tea chain named 沪上阿姨 opening in Sanming: a shop, not the city
    ("沪上阿姨进驻永安", "奶茶连锁品牌沪上阿姨在永安开出第三家门店，品牌方与商场合作推出开业优惠。"),
    # an estate named 沪明府: a developer's brand, its launch a seller's
    ("沪明府二期认筹", "三明市区沪明府二期今日起认筹，开发商与上海一家物业公司合作提供服务。"),
    # a market report: the Shanghai index and a Sanming firm's shares
    ("沪指收涨", "沪指今日收涨0.6%。个股方面，三明一家化工企业涨停，上海本地股表现活跃。"),
]


@pytest.mark.parametrize(("title", "body"), BRANDS_AND_MARKETS)
def test_brands_and_markets(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


SHANGHAI_BODIES_IN_ENGLISH = [
    ("County hospital gets visiting surgeons", "Xinhua Hospital sent a team of surgeons to Ninghua county's hospital this month under "
     "a paired-assistance agreement signed last year."),
    ("TCM doctors hold clinic in Mingxi", "Doctors from Longhua Hospital held a free clinic in Mingxi county on Saturday, the "
     "third visit under the two sides' cooperation deal."),
    ("Retailer signs farm deal", "Bailian Group signed a purchase agreement with tea growers in Datian county, who will supply "
     "its supermarkets from next month."),
]


@pytest.mark.parametrize(("title", "body"), SHANGHAI_BODIES_IN_ENGLISH)
def test_shanghai_bodies_in_english(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_other_cities_hospitals_of_those_names(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Wuhan hospital signs with Yong'an", "Hubei Xinhua Hospital in Wuhan signed a cooperation "
                      "agreement with Yong'an's municipal hospital on Friday.")
    assert not m.matched, m.reason
    m = match_article(hu_ming, "Shenzhen doctors visit Youxi", "Doctors from Longhua Hospital in Shenzhen visited Youxi county "
                      "for a joint clinic under a cooperation deal.")
    assert not m.matched, m.reason


def test_an_overlapping_context_names_something_else(hu_ming: match.Topic) -> None:
    """即将乐享: 即将乐 is another cut of the characters (即将 + 将乐), which the segmentation judges and keeps;
    将乐享, the next context, overlaps it and reads 乐享 outright. Each context holding the hit is judged."""
    m = match_article(hu_ming, "沪上商场即将乐享周年庆", "上海一家商场宣布，顾客即将乐享周年庆折扣，商场与多家银行合作推出满减。")
    assert not m.matched, m.reason
    # the county itself beside 即将: "将乐即将迎来上海客商"
    m = match_article(hu_ming, "将乐即将迎来上海客商", "将乐县即将迎来上海闵行区客商考察团，双方将签订对口合作项目。")
    assert m.matched, m.reason


TOWN_PAIRS = [
    ("嘉定区马陆镇与林畲镇结对", "嘉定区马陆镇与林畲镇签订镇镇结对协议，马陆镇将帮助林畲镇发展葡萄种植和乡村民宿。"),
    ("长宁区虹桥街道与梅仙镇共建", "长宁区虹桥街道党工委与梅仙镇党委签订结对共建协议，双方将开展干部交流和消费帮扶。"),
    ("杨浦区殷行街道帮扶均溪镇", "杨浦区殷行街道向均溪镇捐赠帮扶资金五十万元，用于建设村级茶叶加工厂。"),
    # both towns alone, no district or county named
    ("朱家角镇与杉城镇结对", "朱家角镇与杉城镇签订结对协议，两镇将联合开发古镇旅游线路，互送游客。"),
    ("周浦镇干部到安砂镇挂职", "周浦镇选派两名干部到安砂镇挂职一年，协助引进农产品加工项目，推动结对帮扶落地。"),
]


@pytest.mark.parametrize(("title", "body"), TOWN_PAIRS)
def test_a_shanghai_town_and_a_county_town(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_town_other_provinces_share_stays_out(hu_ming: match.Topic) -> None:
    """湖源乡 is also a township of Zhejiang's Fuyang: not in the list, so not Sanming's."""
    m = match_article(hu_ming, "闵行区七宝镇与湖源乡结对", "闵行区七宝镇与杭州富阳区湖源乡签订结对协议，双方将开展乡村旅游合作。")
    assert not m.matched, m.reason
