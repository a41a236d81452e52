"""The bundled hu-ming topic on issue 12's named kinds, written again, and blind23's tuning kinds (match-28).

Probes written for these tests, in our own words: an English county name whose apostrophe a page writes as an
opening quote (Yong‘an), an acute accent (Yong´an, which normalises to a space and a combining acute) or a prime
(Yong′an); Jiao Tong's Xinhua Hospital under its short name in a county's report, the city not named; 沪明合作 as a
machine translation spells it ("Hu-Ming cooperation"); Sanming speaking at a nationwide meeting held in Shanghai
(全国医改经验交流会), Shanghai only the venue. blind23's kinds: a top-ten list run into one line (1. … 2. …), one
item of the pairing; a shop's advert (【广告】, 包邮, "free shipping") for the other side's goods, 沪明 a slogan.
Guards: a Shanghai street of the county's name, another province's 新华医院, Hu Ming as a person, the pairing's
own deal at a national meeting, numbered results of the ties in one line, the pairing's own shop.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.terms import term_regex


@pytest.mark.parametrize("mark", ["‘", "´", "′", "ʼ", "`"])
def test_an_apostrophe_as_pages_write_it(hu_ming: match.Topic, mark: str) -> None:
    name = f"Yong{mark}an"
    body = (f"Business people from Shanghai visited {name} on Thursday under the counterpart cooperation between "
            "the two places and signed eight deals.")
    title = f"{name} hosts Shanghai investors"
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert any(h.field == "title" and title[h.start : h.end] == name for h in m.hits), m.hits  # the name, whole


def test_the_apostrophe_stays_optional_and_straight() -> None:
    import re

    from monitor.textnorm import normalize

    rx = re.compile(term_regex("Yong'an"))
    for written in ("Yong'an", "Yong’an", "Yongan", "Yong‘an", "Yong´an"):
        assert rx.fullmatch(normalize(written)), written
    assert not rx.fullmatch(normalize("Yong-an")) and not rx.fullmatch(normalize("Yong.an"))


def test_a_street_of_the_name_stays_a_street(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Fire on Yong‘an Road", "A fire broke out in a shop on Yong‘an Road in Shanghai on "
                      "Sunday night; nobody was hurt, the fire service said.")
    assert not m.matched, m.reason


def test_xinhua_hospital_under_its_short_name(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "新华医院专家团队赴建宁县开展帮扶",
                      "新华医院专家团队日前抵达建宁县总医院，开始为期一年的驻点帮扶，重点提升儿科和急诊服务能力。")
    assert m.matched, m.reason


@pytest.mark.parametrize("hospital", ["湖北省新华医院", "永安新华医院", "县新华医院"])
def test_another_places_xinhua_hospital(hu_ming: match.Topic, hospital: str) -> None:
    m = match_article(hu_ming, f"{hospital}专家到尤溪交流",
                      f"{hospital}专家一行到尤溪县总医院交流学习，双方就中西医结合诊疗开展座谈。")
    assert not m.matched, m.reason


@pytest.mark.parametrize("phrase", ["Hu-Ming cooperation", "Hu-Ming counterpart cooperation", "Hu-Ming pairing"])
def test_hu_ming_cooperation_in_english(hu_ming: match.Topic, phrase: str) -> None:
    m = match_article(hu_ming, f"{phrase}: new industrial park opens",
                      f"A {phrase} industrial park opened in the city on Tuesday, with twelve firms moving in.")
    assert m.matched, m.reason


def test_hu_ming_the_person(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Hu Ming named chairman of Kunming firm", "Hu Ming, a former banker, was named "
                      "chairman of a Kunming logistics firm; he said cooperation with Shanghai ports would grow.")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明医改经验在沪交流", "全国医改经验交流会日前在上海召开，三明市介绍了医改经验，与会代表表示受益匪浅。"),
    ("Sanming shares reform lessons at Shanghai meeting", "A national conference on health reform was held in Shanghai "
     "on Monday, where officials from Sanming shared their experience with delegates from 30 provinces."),
])
def test_sanming_speaking_at_a_national_meeting_in_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_deal_at_a_national_meeting_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "全国对口合作工作会议在沪召开",
                      "全国对口合作工作会议日前在上海召开，会上三明市与上海市签署新一轮对口合作协议。")
    assert m.matched, m.reason


# blind23's tuning kinds: a top-ten list run into one line ("1. … 2. … 3. …"), one item of the pairing; a shop's advert
# for the other side's goods, 沪明 a slogan in it.
_TOP_TEN = ("地铁三号线开通", "老旧小区加装电梯", "沪明合作共建医院开诊", "新建公园十座", "免费午餐进校园", "菜市场改造",
            "停车难缓解", "社区食堂开张", "养老服务中心启用", "背街小巷整治")


@pytest.mark.parametrize("lead", ["经市民投票，年度十大民生新闻揭晓：", "年度十大民生新闻揭晓\n", ""])
def test_a_top_ten_list_in_one_line(hu_ming: match.Topic, lead: str) -> None:
    body = lead + " ".join(f"{i}. {item}" for i, item in enumerate(_TOP_TEN, 1))
    m = match_article(hu_ming, "年度十大民生新闻出炉", body)
    assert not m.matched, m.reason


def test_an_english_top_ten_in_one_line(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "2025 top 10 destinations in Fujian", "1. Gulangyu 2. Wuyishan 3. Fuzhou old town "
                      "4. Quanzhou 5. Tulou 6. Taining, popular with Shanghai visitors under the Shanghai-Sanming "
                      "cooperation 7. Pingtan 8. Xiapu 9. Taimu 10. Meizhou")
    assert not m.matched, m.reason


@pytest.mark.parametrize("body", [
    "三年来，上海与三明对口合作成效显著：1. 共建产业园区12个，引进企业80家 2. 上海选派干部医生教师200余名来明 3. 三明农产品进入上海超市",
    # numbers that do not count up from one are no list: a figure, a lone step
    "上海与三明对口合作今年签约项目 5. 2亿元的产业园 3. 期工程开工 7. 家上海企业入驻 9. 成以上投产 12. 个项目竣工",
])
def test_numbers_in_a_line_of_the_ties_stay_one_story(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "沪明合作三年成效", body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("【广告】三明山货礼盒 上海包邮", "尤溪红柿+宁化薯干+将乐擂茶，三件套礼盒到手价168元！上海地区包邮，下单立减15元，"
     "沪明同价，限时抢购！"),
    ("Sanming mountain tea gift box, free shipping to Shanghai", "Sanming green tea, 500 g, only 99 yuan. Free "
     "shipping to Shanghai and Jiangsu, order now and save 10 yuan."),
])
def test_a_shops_advert(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_own_shop_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明消费帮扶专区上线 三明农产品上海包邮", "在沪明对口合作消费帮扶机制下，上海市总工会职工服务"
                      "平台开设三明农产品专区，将乐擂茶、宁化薯干等上线，上海地区包邮。")
    assert m.matched, m.reason
