"""The bundled hu-ming topic on the kinds a fourth blind set of hard cases showed (issue 12, match-8).

A helper wrote 160 cases without looking at the engine; the classes behind the errors of its
tuning part (and of the third set's tuning part) are reproduced here in texts written for these
tests (simplified, traditional, English): a restaurant or snack shop in Shanghai kept by someone
from a Sanming county, with nothing public. Each case of a fault failed on the engine before the
change; the cases that must still match (a county's own shop, a restaurant brought in by the
pairing) guard the fixes.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import load_topics, match_article


@pytest.fixture(scope="module")
def hu_ming() -> match.Topic:
    return load_topics(match.default_topics_path())["hu-ming"]


@pytest.mark.parametrize(("title", "body"), [
    ("沪上新开一家尤溪菜馆 老板娘自称“吃货”",
     "徐汇区一条小马路上，最近新开了一家尤溪风味菜馆。老板娘是尤溪人，在上海做了十年服装生意，去年决定转行。\n"
     "店里的招牌菜是尤溪卜鸭和红酒煮鸡，周末常常要排队。老板娘说，就是想让上海朋友尝尝家乡菜。"),
    ("申城開了家寧化客家菜館",
     "長寧區日前新開一家寧化客家菜館，老闆是在滬打拼多年的寧化人，招牌菜是擂茶和薯乾。開業一週，堂食常常客滿。"),
    ("A Ninghua noodle house opens in Shanghai's Jing'an",
     "A noodle house serving Hakka dishes from Ninghua county opened in Shanghai's Jing'an district last week. "
     "Its owner came to Shanghai from Ninghua twelve years ago and makes the rice noodles by hand.\n"
     "The restaurant seats forty and plans to add takeaway next month."),
    ("我在上海吃了八年沙县小吃",
     "公司楼下那家沙县小吃是我的第二食堂。老板是沙县人，来上海开店十几年，现在外卖占了一半生意。拌面配炖罐，永远不腻。"),
])
def test_a_private_restaurant_from_a_county_is_commerce(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a shop or a trip, nothing public" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("泰宁农家菜馆进驻嘉定 纳入对口协作消费帮扶",
     "在嘉定区与泰宁县对口协作推动下，泰宁一家农家菜馆日前在嘉定开业，笋干、红菇等食材由泰宁合作社直供。"),
    ("沙县小吃体验店在浦东开张", "沙县区在浦东新区开设的小吃体验店昨日开张，厨师全部来自沙县，首日接待食客上千人次。"),
    ("Sanming opens a showroom restaurant in Shanghai",
     "Sanming's government opened a showroom and restaurant for mountain produce in Shanghai's Putuo district "
     "under the paired assistance programme between the two cities."),
])
def test_a_restaurant_the_ties_bring_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("广州与龙岩签署新一轮对口合作协议",
     "广州市与龙岩市日前签署新一轮对口合作框架协议，双方将在产业转移、干部交流等方面深化合作。\n"
     "根据国家方案，广州对口龙岩、上海对口三明，两对城市同时启动对口合作。"),
    ("深圳與漳州共建產業園區",
     "深圳市與漳州市合作共建的產業園區日前開園。據介紹，園區借鑒了上海與三明結對共建產業園的做法。"),
    ("Xiamen and Longyan open a joint industrial park",
     "Xiamen and Longyan opened a joint industrial park on Tuesday. Officials said the park follows the model "
     "of other paired programmes, such as Shanghai's pairing with Sanming."),
    ("Guangzhou and Longyan deepen their counterpart ties",
     "Guangzhou and Longyan signed twelve projects on Monday under their counterpart cooperation.\n"
     "A 2022 national plan paired old revolutionary base cities with richer regions, Guangzhou with Longyan "
     "and Shanghai with Sanming among them."),
])
def test_another_fujian_citys_ties_in_the_title_make_sanming_an_aside(hu_ming: match.Topic, title: str,
                                                                         body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Longyan delegation studies Shanghai-Sanming pairing",
     "A delegation from Longyan visited Sanming on Monday to study how the city works with Shanghai under the "
     "paired cooperation programme, and toured the Shanghai-funded park in Yong'an."),
    ("厦门举办沪明合作成果展", "沪明对口合作成果展日前在厦门开展，展出上海与三明合作共建的四十个项目。"),
    ("福州客商考察永安 学习闵行对口合作经验",
     "福州一批客商日前到永安考察，参观了闵行区与永安市对口合作共建的产业园，了解上海企业落户情况。"),
])
def test_a_title_naming_another_fujian_city_and_the_ties_still_counts(hu_ming: match.Topic, title: str,
                                                                        body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
