"""The bundled hu-ming topic on the kinds match-15 left and on what a careless extraction hands the
matcher (match-16).

Probes written for these tests, in our own words: a synonym-spun copy of a review of the Shaxian-snack
flagship store (幼吃 for 小吃); Shanghai's Zhongshan Hospital (中山医院 is Xiamen's too); forecasts and
rankings naming "Shanghai and Sanming" as two places; a site's footer links, tags and readers' comments
naming both sides around a story about neither's ties; a page flattened into one line, links on a line of
bullets, a column's dated listing; a Sanming page (by its source line) receiving a Shanghai district's
delegation; a Shanghai district's report in its own voice; names cut into syllables by machine translation.
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


# --- "Shanghai and Sanming" in a forecast's or a ranking's title: two places the weather reaches ----------


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
    ("Shanghai sends relief to typhoon-hit Sanming",
     "Shanghai and Sanming's Jinshan-Jiangle pairing sent tents and quilts to the county after the typhoon."),
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


# --- what a careless extraction hands over: a page in one line, links with no marker, a listing ---------


def test_a_links_marker_inside_a_page_flattened_into_one_line_ends_the_story(hu_ming: match.Topic) -> None:
    body = ("首页 > 三明新闻 > 正文 三明市召开安全生产工作会议，部署冬春季安全生产工作。会议要求各地压实责任，排查隐患。"
            " 相关新闻 沪明对口合作签约仪式举行 上海嘉定区代表团来尤溪考察 泰宁旅游再创新高")
    m = match_article(hu_ming, "三明市召开安全生产工作会议", body)
    assert not m.matched, m.reason


def test_a_flattened_story_on_the_ties_keeps_its_match(hu_ming: match.Topic) -> None:
    body = ("首页 > 三明新闻 > 正文 上海市嘉定区党政代表团来到尤溪县，考察对口合作项目，双方签署产业合作协议。"
            " 相关新闻 三明市召开安全生产工作会议 泰宁旅游再创新高")
    m = match_article(hu_ming, "嘉定区代表团来尤溪考察", body)
    assert m.matched, m.reason


def test_a_word_that_only_begins_like_a_marker_is_no_marker(hu_ming: match.Topic) -> None:
    body = "尤溪县与嘉定区召开对口合作联席会议。相关新闻发布会上，双方介绍了上海企业在尤溪投资的八个项目。"
    m = match_article(hu_ming, "尤溪县与嘉定区召开联席会议", body)
    assert m.matched, m.reason


def test_other_stories_headlines_on_a_line_of_bullets_are_not_read(hu_ming: match.Topic) -> None:
    body = ("尤溪县农民丰收节开幕，县长出席并讲话，现场签约农业项目十个，总投资二十亿元。\n"
            "◇ 沪明对口合作签约仪式举行 ◇ 上海嘉定区代表团来尤溪考察 ◇ 泰宁旅游再创新高")
    m = match_article(hu_ming, "尤溪县举办农民丰收节", body)
    assert not m.matched, m.reason


def test_a_list_of_the_storys_own_points_with_one_bullet_a_line_is_read(hu_ming: match.Topic) -> None:
    body = "沪明对口合作三年来成果丰硕。\n●产业：沪明临港产业园签约八个项目\n●医疗：上海医院在三明设立分院"
    m = match_article(hu_ming, "合作三年成果", body)
    assert any(h.term == "三明" for h in m.hits), m.reason


def test_a_flattened_table_ending_the_page_is_the_storys_own(hu_ming: match.Topic) -> None:
    # short rows without a sentence mark below the story: its table, not a links block (no rule cuts them)
    body = ("嘉定区今年继续推进对口合作，重点项目进展如下。\n项目 合作县 进度\n沪明产业园二期 尤溪县 主体完工\n"
            "嘉定尤溪医共体 尤溪县 运行\n人才飞地 三明市 揭牌")
    m = match_article(hu_ming, "嘉定区对口合作重点项目进展", body)
    assert m.matched, m.reason


def test_a_columns_listing_of_dated_headlines_is_no_story_on_the_ties(hu_ming: match.Topic) -> None:
    body = ("三明召开安全生产会议 2024-03-01\n部署冬春季安全生产工作……\n泰宁旅游再创新高 2024-03-01\n"
            "一季度接待游客五十万人次……\n沪明合作项目签约 2024-02-28\n上海企业与三明市签约项目十二个……\n"
            "永安举办油菜花节 2024-02-27\n吸引游客三万人次……\n宁化推进春耕 2024-02-26\n全县春耕备耕进展顺利……")
    m = match_article(hu_ming, "三明要闻", body)
    assert not m.matched, m.reason


# --- a Sanming page, by its source line, receiving the Shanghai side's delegation ----------------------


@pytest.mark.parametrize(("title", "body"), [
    ("市委书记会见松江区党政代表团",
     "来源：三明日报\n5月12日下午，市委书记会见了松江区党政代表团一行，双方就产业转移、人才交流等进行了座谈。"),
    ("Party secretary meets Songjiang delegation",
     "Source: Sanming Daily\nOn the afternoon of May 12, the secretary of the municipal party committee met a "
     "delegation from Songjiang District led by its district head. The two sides discussed industrial transfer."),
])
def test_a_sanming_page_receiving_the_shanghai_sides_delegation_counts(hu_ming: match.Topic, title: str,
                                                                        body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # another city's page
    ("Party secretary meets Songjiang delegation",
     "Source: Zunyi Daily\nOn the afternoon of May 12, the secretary of the municipal party committee met a "
     "delegation from Songjiang District led by its district head. The two sides discussed industrial transfer."),
    # Sanming's own study tour passing through Shanghai
    ("三明企业家赴长三角考察",
     "来源：三明日报\n三明市工商联组织企业家赴苏州、杭州等地学习。返程时，考察团途经上海，参观了一场博览会。"),
])
def test_no_delegation_of_the_shanghai_side_received_by_sanming_is_no_tie(hu_ming: match.Topic, title: str,
                                                                          body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a title's "another place": a Shanghai district's neighbour without 市, not a city described --------


def test_a_district_and_a_neighbour_without_its_suffix_in_the_title_is_that_pair(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "嘉定区与温州签署合作协议", "嘉定区与温州市签署结对合作协议。嘉定区此前还与三明的宁化县结对。")
    assert not m.matched, m.reason


@pytest.mark.parametrize("title", ["A city built by Shanghai's factories", "Mountain city remembers Shanghai's mills"])
def test_a_city_described_in_an_english_title_is_no_other_place(hu_ming: match.Topic, title: str) -> None:
    body = ("In 1958 dozens of Shanghai factories were relocated to Sanming, then a small town in the mountains of "
            "Fujian. Workers and their families followed.")
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- names cut into syllables by machine translation; a Shanghai district's report in its own voice ----


@pytest.mark.parametrize(("title", "body"), [
    ("Jia Ding District and You Xi County sign pact",
     "Jia Ding District of Shang Hai and You Xi County of San Ming City signed a counterpart cooperation agreement."),
    ("Yang Pu District helps Da Tian County",
     "Yang Pu District sent a team of doctors to Da Tian County General Hospital under the paired cooperation program."),
    ("Shang-hai and San-ming", "Officials from Shang-hai visited San-ming to sign a cooperation pact on tourism."),
])
def test_names_cut_into_syllables_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_bare_syllable_name_is_no_district(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Jia Ding wins chess title",
                      "Jia Ding, a student from Sanming, won the youth chess title in a tournament held in Shanghai.")
    assert not m.matched, m.reason


_DAY = "今年以来，全区经济运行总体平稳，主要指标好于预期。城市更新持续推进，新增就业岗位两万个。"


def test_a_shanghai_districts_report_naming_itself_beside_a_sanming_county_counts(hu_ming: match.Topic) -> None:
    body = "\n".join([_DAY] * 20 + ["在泰宁县共建的文旅康养基地接待本区职工疗休养三千人次。"] + [_DAY] * 15)
    m = match_article(hu_ming, "虹口区2024年政府工作报告", body)
    assert m.matched, m.reason


def test_a_county_hospitals_own_post_is_no_shanghai_report(hu_ming: match.Topic) -> None:
    body = ("点击蓝字关注我们\n本周二、周四，省立医院心内科王教授来我院（尤溪县总医院）坐诊。王教授毕业于上海交通大学医学院，"
            "擅长冠心病介入治疗。\n编辑：医务科")
    m = match_article(hu_ming, "本周专家坐诊安排", body)
    assert not m.matched, m.reason


def test_a_street_named_after_the_city_in_english_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai Sanming Road reopens",
                      "Sanming Road in Shanghai's Pudong reopened after three months of pipe repairs.")
    assert not m.matched, m.reason
