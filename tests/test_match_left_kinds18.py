"""The bundled hu-ming topic on the kinds behind blind13's read errors (match-18).

Probes written for these tests, in our own words (never blind13's texts): Sanming's own government office
in Shanghai (驻沪办, 驻上海办事处, 驻沪联络处) as a page's subject, even a notice hiring its staff, against a
firm's office or the province's; a memoir whose title says a factory moved from Shanghai to Sanming and
whose body gives the year beside Shanghai only; Sanming as one of several Fujian cities promoting
themselves together in Shanghai; a Fujian–Taiwan event in Shanghai listing county crafts; a study
comparing the two cities' reforms.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- Sanming's office in Shanghai as the subject ------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("三明市人民政府驻上海办事处招聘工作人员启事",
     "因工作需要，本办拟招聘工作人员一名。\n岗位职责：负责在沪企业联系、项目资料整理和会务安排。\n"
     "报名请于八月底前将材料寄至本办。"),
    ("尤溪县驻沪联络处开展秋季企业走访",
     "尤溪县驻上海联络处工作人员本月走访了十余家在沪企业，了解投资意向。"),
])
def test_sanmings_own_office_in_shanghai_is_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("福建某竹业公司招聘驻上海办事处销售员",
     "公司总部位于三明，现招聘驻上海办事处销售员两名，负责华东客户维护。"),
    ("福建省人民政府驻上海办事处举办茶叶推介",
     "福建省人民政府驻上海办事处在上海举办茶叶推介，福州、三明、南平等地茶企参展。"),
])
def test_a_firms_or_the_provinces_office_is_not(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a factory's move told in the title, the year in the body -------------------------------------------------


def test_a_memoir_titled_with_the_factorys_move_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "跟着车间从上海搬到三明的日子",
                      "口述：一位老电工\n"
                      "1959年春天，我在上海闸北一家电机厂当学徒。厂里动员大家去福建山区建新厂，我第一个报了名。\n"
                      "火车换汽车走了四天，到了才知道住的是草棚。后来两地又结了对子，老同事的孙子来这里支援。")
    assert m.matched, m.reason


def test_a_factory_in_a_sanming_title_without_the_years_is_not(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明一家纸厂产品走俏上海",
                      "今年以来，这家纸厂的包装纸销路不错。\n厂长说，订单排到了年底。")
    assert not m.matched, m.reason


# --- Sanming as one of several Fujian cities promoting together in Shanghai -----------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("某市对外合作工作总结",
     "全年赴外地招商推介八场。\n"
     "我市组织企业赴上海、广州参加招商推介，签约项目九个。南平、三明、宁德三市还联合在上海举办旅游推介会。"),
    ("闽北山区三市联手推介生态旅游",
     "龙岩、三明、南平三市文旅部门日前联合在上海举办生态旅游推介会，推出二十条线路。"),
])
def test_sanming_among_fujian_cities_promoting_in_shanghai_is_not(hu_ming: match.Topic, title: str,
                                                                   body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_sanming_with_shanghai_beside_another_fujian_city_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海与三明共建产业园签约",
                      "上海市与三明市签署对口合作协议，共建产业园区，南平等地也派员观摩。")
    assert m.matched, m.reason


# --- a Fujian–Taiwan event in Shanghai -------------------------------------------------------------------------


def test_a_fujian_taiwan_week_in_shanghai_listing_county_crafts_is_not(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "闽台民俗展在上海开幕",
                      "“闽台民俗展”日前在上海一家美术馆开幕，展出漆器、木雕、将乐竹纸、宁化木活字等两岸交流展品。\n"
                      "展期十天。")
    assert not m.matched, m.reason


# --- a study comparing the two cities ----------------------------------------------------------------------------


def test_a_study_comparing_the_two_cities_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海与三明医保支付改革对比研究",
                      "摘要：本文对比福建省三明市与上海市的医保支付方式改革，发现两地改革的起点与财政条件不同。"
                      "三明以药品耗材治理为突破口，上海以信息化监管见长。文章认为两地经验可以互相参照。")
    assert not m.matched, m.reason


def test_a_study_of_the_pairing_itself_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明对口合作与其他协作机制比较研究",
                      "摘要：本文比较了上海与三明对口合作和其他区域协作机制的异同。")
    assert m.matched, m.reason
