"""The bundled hu-ming topic on bulleted top-ten lists and on names found missing by probes.

Probes written after the third round of real pages (issue 12): a year's list of headlines set
with bullets instead of numbers, Shanghai's Zhangjiang group named without 上海, and 三明
translated word by word by a machine.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

HEADLINES = ["医改经验在全国推广", "沪明对口合作签约一百亿元", "高速公路全线通车", "学院更名获得批复",
             "泰宁入选度假区", "氟新材料产业园投产", "客家祭祖大典举行"]


@pytest.mark.parametrize("bullet", ["●", "◆", "■", "▲", "★", "•"])
def test_one_bulleted_headline_in_a_year_list_is_not_the_subject(hu_ming: match.Topic, bullet: str) -> None:
    body = "本市年度十大新闻日前揭晓。\n" + "\n".join(bullet + h for h in HEADLINES)
    m = match_article(hu_ming, "三明年度十大新闻揭晓", body)
    assert not m.matched, m.reason


def test_a_bulleted_report_on_the_cooperation_still_matches(hu_ming: match.Topic) -> None:
    body = ("沪明对口合作三年来成果丰硕。\n◆产业:沪明临港产业园签约八个项目\n◆教育:华师大附属三明中学开学\n"
            "◆医疗:瑞金医院三明分院挂牌\n◆文旅:上海游客到三明增长四成\n◆人才:上海专家担任三明科技特派员")
    m = match_article(hu_ming, "沪明对口合作成果盘点", body)
    assert m.matched, m.reason


def test_four_bullets_are_steps_of_one_story_not_a_list(hu_ming: match.Topic) -> None:
    body = "两地签约。\n●沪明对口合作签约项目五个\n●总投资十亿元\n●涉及新材料\n●年内开工"
    m = match_article(hu_ming, "三明签约", body)
    assert m.matched, m.reason


def test_zhangjiang_group_stands_for_shanghai(hu_ming: match.Topic) -> None:
    body = "张江集团一行到三明高新区考察生物医药企业,并与明溪县签订合作协议,双方将共建产业园区。"
    m = match_article(hu_ming, "张江集团来明考察生物医药产业", body)
    assert m.matched and "张江集团" in m.reason, m.reason


def test_sanming_translated_word_by_word(hu_ming: match.Topic) -> None:
    body = ("Three Ming City held a promotion meeting in Shanghai, signing 12 projects under the "
            "counterpart cooperation between the two cities.")
    m = match_article(hu_ming, "Three Ming City and Shanghai deepen counterpart cooperation", body)
    assert m.matched, m.reason


def test_three_ming_without_city_is_not_sanming(hu_ming: match.Topic) -> None:
    body = "Shanghai museum shows three Ming vases in a joint exhibition with a Fujian partner."
    m = match_article(hu_ming, "Shanghai museum shows three Ming vases", body)
    assert not m.matched, m.reason


@pytest.mark.parametrize("site", ["埔岭汽车工业园", "安贞堡"])
def test_sanming_named_by_a_park_or_site_only(hu_ming: match.Topic, site: str) -> None:
    body = f"浦东新区三家企业日前与{site}所在地签约,这是浦东与当地对口合作的又一成果,双方将共建产业园。"
    m = match_article(hu_ming, f"浦东企业签约{site}", body)
    assert m.matched and site in m.reason, m.reason
