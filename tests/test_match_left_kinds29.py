"""The bundled hu-ming topic on blind24's tuning kinds (match-29).

Written for these tests, in our own words: an estate agent's advert selling flats on one side to buyers from the other
(首付, 看房团, 售楼处, 租金回报, "down payment"), the two places its market; a chronicle or table of contents whose lines
open with their month or day ("一月:…", "3月15日:…", "April: …"), one line of the ties among lines of other pairs or a
county's other doings. Guards: the pairing's own housing aid for Shanghai talent, a chronicle of the pairing itself
(every line the ties), a chronicle whose line on the ties goes on in sentences (a section, not a headline), and a
report paragraph that opens with a month but no colon.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

ADVERTS = [
    ("永安房产 | 欢迎上海客户来永安投资置业", "永安城区江景精装公寓，首付12万起，租金回报稳定。近动车站，直达上海。"
     "上海看房团每周日发车，名额有限。"),
    ("上海楼盘走进三明 周末推介", "上海某开发商本周末在三明市区商场举办楼盘推介会，首付三成起，置业顾问现场讲解上海购房和落户政策，"
     "三明客户到场可领取礼品。"),
    ("Sanming flats for Shanghai buyers", "New riverside flats in central Sanming from a down payment of 150,000 yuan and a "
     "rental yield of five percent. Shanghai investors are welcome: visit our show flat this weekend, three hours from "
     "Shanghai by high-speed train."),
]


@pytest.mark.parametrize(("title", "body"), ADVERTS)
def test_an_estate_agents_advert(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_own_housing_aid(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明出台措施支持上海人才来明安居",
                      "为落实沪明对口合作框架协议，三明市住建局出台措施，对来明工作的上海人才首次购房给予首付补贴，"
                      "最高十万元，并在产业园周边建设人才公寓。")
    assert m.matched, m.reason


CHRONICLES = [
    ("2025年福建区域合作大事记（目录）", "一月：闽宁协作联席会议召开\n二月：福州—南平山海协作推进会\n三月：广州—龙岩对口合作方案印发\n"
     "四月：沪明对口合作工作要点发布\n五月：厦门—临夏协作成果展\n六月：泉明山海协作产业园签约"),
    ("2025年三明市对外交流大事记", "1月：三明—台湾农业交流会在永安召开\n3月：三明与宁德签署旅游合作协议\n5月：上海杨浦区代表团来明考察\n"
     "7月：三明赴广州举办招商推介会\n9月：三明—厦门山海协作联席会议召开\n11月：三明代表团赴香港参加投资洽谈会"),
    ("尤溪县上半年大事记", "1月8日：县人代会召开\n2月20日：全县重点项目集中开工\n3月15日：上海嘉定区代表团来尤溪考察\n"
     "4月2日：朱子文化节开幕\n5月18日：尤溪获评省级生态县\n6月9日：城区防洪堤二期完工"),
    ("Regional cooperation in Fujian: contents", "January: Fujian-Ningxia cooperation meeting held\nMarch: Guangzhou-Longyan "
     "pairing plan issued\nApril: Shanghai-Sanming cooperation work points published\nJune: Quanzhou-Sanming park deal "
     "signed\nAugust: Xiamen-Linxia products fair\nOctober: Fuzhou-Nanping cooperation meeting"),
]


@pytest.mark.parametrize(("title", "body"), CHRONICLES)
def test_a_chronicles_one_line_of_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_own_chronicle(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "2025年沪明对口合作大事记",
                      "3月：上海市代表团来明考察，召开沪明对口合作联席会议\n5月：沪明临港产业园新签约项目6个\n"
                      "7月：上海二十名医疗专家到三明开展帮扶\n9月：三明在上海举办农产品展销会\n11月：第二批上海挂职干部到岗")
    assert m.matched, m.reason


def test_a_chronicles_line_that_goes_on_in_sentences(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "尤溪县2025年大事记",
                      "1月：县两会召开\n3月：朱子文化节开幕\n5月：上海市嘉定区与尤溪县签订对口合作协议。双方商定在产业园共建、"
                      "医疗人才培养、农产品进沪等方面深化合作，年内实施项目十二个。\n7月：全县重点项目集中开工\n"
                      "9月：县城防洪堤二期完工\n11月：尤溪获评省级生态县")
    assert m.matched, m.reason


def test_a_paragraph_opening_with_its_month(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "尤溪县上半年工作回顾",
                      "1月，县两会召开。\n3月，朱子文化节开幕。\n5月，上海嘉定区代表团来尤溪考察对口合作。\n"
                      "7月，全县重点项目集中开工。\n9月，县城防洪堤二期完工。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Bright City and Shanghai deepen their pairing", "Bright City in Fujian and Shanghai held a joint meeting on "
     "counterpart cooperation on Tuesday and agreed on ten projects in tourism and health care."),
    ("Shanghai teachers arrive in Three Bright City", "Twelve teachers from Shanghai's Yangpu district arrived in "
     "Three Bright City of Fujian province on Monday to teach for a year under the counterpart assistance."),
])
def test_sanming_as_machine_translation_writes_its_meaning(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_city_described_as_bright(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai by night", "Shanghai is a bright city after dark, and the Bund's bright city "
                      "lights draw visitors from across Fujian, the tourism board said after signing a cooperation deal "
                      "with travel agencies.")
    assert not m.matched, m.reason
