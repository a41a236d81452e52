"""The bundled hu-ming topic on ties without a word of cooperation, and on partners in a list.

Classes found by the fourth round of real pages (issue 12, match-4), each written here in our
own words: a route opened between the two cities (a first flight, a new train) or a Sanming
shop opened in Shanghai; two institutions named as a 、 list and then "联合主办"; Shanghai
named only by the party's founding sites or its river. Each case failed before the change.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spans import Enumerations, _is_list_item


@pytest.mark.parametrize(("title", "body"), [
    ("上海至三明航线下月首航", "记者从三明沙县机场获悉，上海浦东至三明的新航线将于下月首航，每周四班，单程约一个半小时。"),
    ("三明北站新开行直达上海虹桥动车", "铁路部门调图后，三明北站开行两趟直达上海虹桥的动车，三明到上海最快不到五个小时。"),
    ("Spring Airlines flies Shanghai to Sanming", "Spring Airlines launched flights from Shanghai to Sanming on "
     "Monday. The airline said Sanming would get four flights a week from Shanghai."),
    ("New air route", "A new air route from Shanghai Hongqiao to Sanming opened on Monday; the inaugural flight "
     "carried 150 passengers from Shanghai to Sanming."),
    ("三明名品馆在沪开张", "由三明市商务局组织的三明名品馆在上海静安区开张，店内摆满了尤溪金柑、建宁莲子和沙县板鸭，"
     "开张当天不少上海市民前来选购。"),
])
def test_a_route_or_shop_opened_between_the_two_is_a_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明沙县机场冬春航季航班时刻表",
     "航班号 出发 到达 起飞时间\nHO1109 上海浦东 三明 08:10\nHO1110 三明 上海浦东 10:35\nMU5511 北京大兴 三明 07:55"),
    ("三明沙县机场新航季开通多条航线", "新航季三明沙县机场开通至北京、上海、广州、成都、西安等航线，航线总数增至十二条。"),
    ("从上海到三明怎么走最方便", "从上海出发，可在虹桥站乘坐高铁到三明北站，全程约五个小时；也可以乘飞机到三明沙县机场，再打车进城。"),
    ("厦门至上海新增航班", "厦门航空开通厦门至上海虹桥的第十五个每日航班，两地航班密度进一步加大。"),
    ("三明至厦门动车开行", "三明北站今天开行首趟直达厦门北站的动车，三明到厦门只需两个小时。"),
])
def test_timetables_guides_and_other_routes_are_not(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def _listed(text: str, name: str) -> bool:
    start = text.index(name)
    return _is_list_item(text, [(start, start + len(name))], start, start + len(name), Enumerations(text))


def test_two_partners_listed_before_a_joint_verb_are_not_list_items() -> None:
    text = "活动由中共四大纪念馆、三明市博物馆联合主办,展期一个月。"
    assert Enumerations(text).near(text.index("三明"), text.index("三明") + 2)
    assert not _listed(text, "三明")
    assert not _listed(text, "四大纪念馆")
    assert _listed("深化与北京、三明的交流。", "三明")  # no joint verb: still a list


def test_four_places_acting_jointly_are_still_a_list() -> None:
    assert _listed("福州、厦门、三明、南平四市联合在上海举办推介会。", "三明")


@pytest.mark.parametrize(("title", "body"), [
    ("宁化红色故事宣讲走进申城", "宁化县宣讲团来到中共四大纪念馆，中共四大纪念馆、宁化县革命纪念馆联合举办红色故事会，"
     "两地青年同台讲述长征故事。"),
    ("两馆共办沪明红色记忆展", "这次展览由上海龙华烈士陵园、三明市中央苏区革命纪念馆共同主办，在三明展出一个月。"),
    ("红色三明图片展在一大纪念馆开展", "三明市博物馆的两百幅老照片在中共一大纪念馆展出，展期一个月，由两馆共同举办。"),
])
def test_co_hosts_and_shanghai_landmarks(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_shanghai_landmark_alone_or_fujian_cities_jointly_are_not(hu_ming: match.Topic) -> None:
    for title, body in [("黄浦江游船夜航季开启", "黄浦江游船夜航季今晚开启，外滩和陆家嘴灯光秀同步上演。"),
                        ("福建四市联合在沪推介文旅", "福州、厦门、三明、南平四市联合在上海举办文旅推介会，推出二十条精品线路。")]:
        m = match_article(hu_ming, title, body)
        assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海游客扎堆泰宁", "今年一季度，泰宁县接待上海游客十二万人次，同比增长四成，上海已成为泰宁最大的省外客源地。"),
    ("上海老人到三明过冬", "入冬以来，五百多名上海老人来到三明的康养基地旅居，他们说三明空气好、物价低。"),
    ("在三明安度晚年的上海老职工", "当年随工厂从上海来到三明的老职工，如今大多已年过八旬，仍有三百多人留在三明生活。"),
    ("永安笋干热销上海", "永安笋干今年在上海各大超市热销，销售额比去年翻了一番。"),
])
def test_flows_between_the_two_are_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海游客泰宁溪边落水获救", "昨天下午，一名上海游客在泰宁县上清溪景区拍照时不慎落水，景区救援人员及时将其救起。"),
    ("上海籍游客在永安遭遇车祸", "一辆载有上海游客的旅游大巴在永安境内发生侧翻，十名游客受轻伤，已送医治疗。"),
    ("三明警方破获一起电信诈骗案", "三明警方近日破获一起电信诈骗案，抓获嫌疑人五名，其中两人为上海籍。"),
    ("三明队客场挑战上海队", "全国业余足球联赛第五轮，三明队客场以一比二负于上海队。"),
    ("泰宁一季度接待游客百万人次", "泰宁县一季度接待游客一百万人次，游客主要来自福州、厦门、上海、广州等地。"),
])
def test_incidents_and_lists_of_origins_are_not_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
