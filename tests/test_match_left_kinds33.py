"""The bundled hu-ming topic on the kinds match-33 found left (session 28).

Written for these tests, in our own words. Shanghai's other pairings by place (Chongqing, Yichang, Yunnan's
prefectures) in the programme's own words (对口合作, 对口协作, 两地签署), with Sanming invited to tell its own way or
named as an example: that pair's meeting, not the ties. Guards: the pairing's own meetings in the same words.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

OTHER_PAIRINGS = [
    ("沪渝合作交流会举行", "沪渝对口合作交流会在重庆举行。会上，三明市作为山区发展的先进地区介绍了园区共建做法。上海、重庆两地"
     "签署新一轮合作协议。"),
    ("上海宜昌对口协作座谈会举行", "上海市与宜昌市对口协作座谈会举行，双方商定互派干部挂职。会上请三明市的同志介绍了对口合作的经验。"),
    ("对口帮扶推进会召开", "上海对口帮扶红河州工作推进会召开，双方总结了消费帮扶的成效。会上介绍了沙县小吃产业带动就业的做法。"),
    ("Shanghai and Chongqing sign a pact", "Shanghai and Chongqing signed a counterpart cooperation pact on Friday. "
     "Officials from Sanming spoke about their industrial parks at the meeting."),
]


@pytest.mark.parametrize(("title", "body"), OTHER_PAIRINGS)
def test_another_pairing_in_the_programmes_words(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


PAIRING_GUARDS = [
    ("沪明对口合作推进会召开", "上海市与三明市对口合作推进会召开，两地签署产业、文旅、医疗合作协议十项。"),
    ("三明代表团赴沪考察", "三明市党政代表团赴上海考察，与上海市人社局座谈，两地签署人才交流合作协议。"),
    ("沪明合作经验在渝交流", "上海与三明对口合作经验交流会在重庆召开，两地介绍了共建产业园的做法。"),
]


@pytest.mark.parametrize(("title", "body"), PAIRING_GUARDS)
def test_the_pairings_own_meetings_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


MATCH_RESULTS = [
    ("业余联赛：三明队客场不敌上海队", "全省业余足球联赛昨晚进行第六轮，三明队在上海客场一比三告负。双方上半场战成一比一，下半场上海队连进"
     "两球。"),
    ("篮球邀请赛 上海队击败三明队夺冠", "邀请赛决赛在三明体育馆举行，上海队以八十比七十二击败三明队，双方球员赛后合影。"),
]


@pytest.mark.parametrize(("title", "body"), MATCH_RESULTS)
def test_a_matchs_result_between_the_two_places_teams(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


CONTEST_WORDS_IN_THE_TIES = [
    ("Sanming beats poverty with Shanghai's help", "Under the counterpart cooperation, Shanghai districts paired with "
     "Sanming's counties have helped farmers raise incomes by a third."),
    ("上海职工疗休养季主场活动在泰宁启动", "上海市总工会与三明市总工会联合举办的职工疗休养季主场活动在泰宁启动，首批五百名上海职工抵达。"),
]


@pytest.mark.parametrize(("title", "body"), CONTEST_WORDS_IN_THE_TIES)
def test_a_contests_word_beside_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_friendly_the_ties_hold_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明青少年足球交流赛开赛", "作为沪明对口合作的文体交流项目，上海与三明两地青少年足球交流赛在永安开赛，"
                      "双方小球员同场竞技。")
    assert m.matched, m.reason


PERSONS_NAMED_HU_MING = [
    ("李沪明：在上海打拼的三明人", "李沪明十年前从三明来到上海，如今在普陀区经营一家面馆。他说，上海的顾客很喜欢三明的口味。"),
    ("陈沪明：三十年守着村小", "在大田县一所村小，陈沪明老师已经教了三十年书。他出生在上海，师范毕业后分配到大田，"
     "一直没有离开。"),
    ("退休教师徐沪明的书法展开幕", "退休教师徐沪明的书法展在尤溪县文化馆开幕。徐沪明祖籍上海，展出作品八十幅。"),
]


@pytest.mark.parametrize(("title", "body"), PERSONS_NAMED_HU_MING)
def test_hu_ming_as_a_persons_given_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_hu_ming_after_a_word_still_names_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "回顾沪明合作十年", "回顾沪明合作十年，上海与三明共建产业园五个，互派干部两百余人。")
    assert m.matched, m.reason


PRIVATE_PRACTICE = [
    ("上海名医周末来三明坐诊", "市区一家私立眼科诊所推出名医周末门诊，请上海一家三甲医院的主任医师多点执业，每月来三明坐诊两天，"
     "诊费自理，需提前预约。"),
    ("Shanghai surgeon opens weekend clinic in Sanming", "A Shanghai surgeon now holds clinics two weekends a month at a "
     "private hospital in Sanming, patients paying the full fee."),
]


@pytest.mark.parametrize(("title", "body"), PRIVATE_PRACTICE)
def test_a_doctors_private_practice_on_the_other_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_experts_sent_by_the_ties_still_count(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海专家来三明坐诊", "根据沪明对口合作安排，上海一家三甲医院的专家每月来三明坐诊两天，市卫健委"
                      "表示将探索专家多点执业。")
    assert m.matched, m.reason


VICTIMS = [
    ("永安一女子在上海旅游时被骗八万元", "永安市民林某在上海旅游期间接到自称“航空公司客服”的电话，被骗转账八万元。永安警方接报后与上海警方"
     "联合侦查，已追回部分钱款。"),
    ("Sanming trader scammed of 200,000 yuan in Shanghai", "A Sanming trader was scammed of 200,000 yuan during a trip "
     "to Shanghai. Police in the two cities worked jointly on the case and have recovered part of the money."),
]


@pytest.mark.parametrize(("title", "body"), VICTIMS)
def test_a_crime_told_from_the_victims_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_two_police_forces_pact_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明两地警方签署反诈协作协议", "上海市公安局与三明市公安局签署反诈骗警务协作协议，两地将共享预警信息，"
                      "联合开展宣传，防止群众被骗。")
    assert m.matched, m.reason


OBJECT_LISTS = [
    ("Fluorine fair draws investors", "Investors from Shanghai, Shenzhen and Hangzhou signed deals worth 3 billion yuan "
     "at a fluorine industry fair in Sanming on Friday."),
    ("Bamboo expo opens", "Buyers from Xiamen, Shanghai and Ningbo placed orders worth 200 million yuan at the bamboo "
     "expo in Yong'an, organisers said."),
    ("Tea fair closes", "Buyers from Shanghai, Hangzhou and Suzhou signed purchase agreements worth 80 million yuan at the "
     "tea fair in Youxi."),
]


@pytest.mark.parametrize(("title", "body"), OBJECT_LISTS)
def test_shanghai_one_of_a_prepositions_list_before_the_verb(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


OBJECT_LIST_GUARDS = [
    # two places joined by "and" are the two acting
    ("Fair draws investors", "Investors from Shanghai and Sanming signed a counterpart cooperation deal on bamboo "
     "processing at the fair."),
    # clauses joined by commas and "and": no list
    ("Visitors up", "Sanming received 40,000 visitors from Shanghai under the counterpart cooperation, up 44 percent, "
     "and Taining is now their first stop."),
]


@pytest.mark.parametrize(("title", "body"), OBJECT_LIST_GUARDS)
def test_not_every_comma_and_and_is_a_list(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


OTHER_PAIRINGS_BY_COUNTY = [
    ("嘉定区代表团赴黔南州考察", "嘉定区党政代表团赴黔南州考察东西部协作项目，两地签署消费帮扶协议。会上，嘉定区也介绍了与三明市尤溪县"
     "对口合作的经验。"),
    ("虹口区援建久治县学校竣工", "虹口区援建的久治县寄宿制学校竣工，两地将继续深化对口支援。虹口区与将乐县的结对已有五年，会上作了"
     "经验交流。"),
]


@pytest.mark.parametrize(("title", "body"), OTHER_PAIRINGS_BY_COUNTY)
def test_another_pairing_named_by_its_county(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_long_cure_is_no_county(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海专家在尤溪治好久治不愈的老胃病", "根据沪明对口合作安排驻点尤溪县总医院的上海专家，为一位久治不愈的"
                      "患者成功实施手术。")
    assert m.matched, m.reason
