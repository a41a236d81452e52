"""The bundled hu-ming topic on the kinds match-15 left and on what a careless extraction hands the
matcher (match-16).

Probes written for these tests, in our own words: a synonym-spun copy of a review of the Shaxian-snack
flagship store (幼吃 for 小吃); Shanghai's Zhongshan Hospital (中山医院 is Xiamen's too); weather and
rankings naming "Shanghai and Sanming" as two places; a site's footer links, tags and readers' comments
naming both sides around a story about neither's ties.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- a spun copy of the flagship store's review ---------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("沙县幼吃旗舰店里的烟火气",
     "记者走进虹口区的一家沙县幼吃旗舰店，从三明表地请来的厨师正在忙碌，菜单上有四十多种点心。\n"
     "前来用餐的市民说，很多幼吃以前只在表地才吃得到。"),
    ("魔都也能吃到正宗沙县幼吃", "位于杨浦区的沙县幼吃旗舰店开业半年，厨师全部来自三明，店里每天卖出上千碗扁肉。"),
])
def test_a_spun_copy_of_the_flagship_stores_review_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_spun_copy_of_one_familys_snack_shop_stays_unmatched(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "一对夫妻的沙县幼吃店",
                      "老陈夫妻十年前从沙县来到上海，在闵行区开了一家幼吃店，店面不大，生意靠回头客。")
    assert not m.matched, m.reason


# --- Zhongshan Hospital: Fudan's in Shanghai, unless Xiamen's is named ------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai doctors bring heart care to Taining",
     "A cardiology team from Zhongshan Hospital spent a week at Taining County General Hospital, examining "
     "patients and training local doctors.\nThe visit is part of a programme under which the hospital sends "
     "specialists to the county every quarter."),
    ("中山医院专家团队常驻泰宁", "中山医院心内科专家团队日前抵达泰宁县总医院，开始为期半年的驻点帮扶，每周坐诊两天。"),
])
def test_zhongshan_hospital_is_shanghais(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert any(h.term.lower().startswith(("zhongshan", "中山")) for h in m.hits), m.hits


@pytest.mark.parametrize(("title", "body"), [
    ("中山医院专家到沙县义诊", "厦门大学附属中山医院的专家来到沙县区总医院，中山医院专家为群众免费看诊，两地医院签署协作协议。"),
    ("Heart team visits Youxi",
     "Doctors from the Zhongshan Hospital of Xiamen University held a free clinic in Youxi on Saturday; Zhongshan "
     "Hospital will send specialists to the county twice a year under a cooperation agreement."),
])
def test_xiamens_zhongshan_hospital_is_not(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- "Shanghai and Sanming" as two places, not the cooperation's name ---------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Heat wave grips Shanghai and Sanming",
     "Temperatures in Shanghai and Sanming rose above 39C on Tuesday, the weather bureau said, and the heat is "
     "expected to last until the weekend.\nResidents were advised to stay indoors at midday."),
    ("Typhoon rain to reach Shanghai and Sanming",
     "The typhoon will bring heavy rain to Shanghai and Sanming from Thursday, forecasters said, with flooding "
     "likely in low streets of both cities."),
    ("Air quality ranking",
     "Among the 168 cities monitored, Sanming and Shanghai were among the cleanest in June, the ministry said."),
])
def test_two_places_in_one_forecast_are_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Stock exchange runs a course for Sanming firms",
     "The Shanghai Stock Exchange held a two-day course in Sanming for managers of companies preparing to list.\n"
     "It was organised under a finance memorandum between Shanghai and Sanming, the city's finance office said."),
    ("Shanghai and Sanming sign tourism pact",
     "Shanghai and Sanming signed an agreement on Monday to promote two-way tourism, with discounted tickets for "
     "Shanghai visitors to Taining."),
])
def test_the_pair_between_them_and_their_pact_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_trains_between_the_two_are_still_a_timetable(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "More trains between Shanghai and Sanming",
                      "The railway will add two pairs of trains between Shanghai and Sanming from January.")
    assert not m.matched, m.reason


# --- a page's footer, tags and comments ---------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("永安市举办油菜花节",
     "永安市第十届油菜花节开幕，吸引游客三万人次。现场还有农产品展销和非遗表演。\n"
     "友情链接：上海市人民政府 三明市人民政府 沪明对口合作专栏\n版权所有 三明日报社"),
    ("三明市区新增公交线路",
     "三明市区新开通三条公交线路，方便市民出行。新线路途经列东、列西等片区。\n"
     "热门标签：沪明合作 上海 对口合作 产业园\n网友评论：上海来的游客说很方便。"),
    ("杨浦区一小区加装电梯",
     "杨浦区殷行街道一小区完成加装电梯十二台。居民说，上下楼方便多了。\n"
     "网友评论\n三明网友：我们三明也在和上海学习加装电梯，沪明合作要多交流。"),
])
def test_a_footers_links_tags_and_comments_are_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_story_on_the_ties_keeps_its_match_above_its_comments(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海嘉定区与尤溪县签署对口合作协议",
                      "嘉定区与尤溪县签署对口合作协议，双方将共建产业园。\n网友评论\n游客：支持！")
    assert m.matched, m.reason
