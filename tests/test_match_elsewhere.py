"""The bundled hu-ming topic on articles whose subject is somewhere else.

Two kinds found on real pages nobody here wrote (issue 12, third validation round): a
piece about Shanghai and another Fujian city that mentions the Sanming history in passing,
and one of Sanming's county names used for something in another province.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# A short aside on the 1950s relocations, inside a story about another Fujian city.
ASIDE = ("宁德与上海往来密切,宁德企业在上海设立了研发中心。\n"
         "上世纪五十年代,上海支援福建工业建设,十多家上海工厂迁到三明,纪录片《沪明往事》讲的就是这段历史。")


@pytest.mark.parametrize("title", ["沪上寻访宁德情", "上海企业投资宁德", "Shanghai firms invest in Ningde"])
def test_title_pairing_shanghai_with_another_fujian_city_outweighs_an_aside(hu_ming: match.Topic,
                                                                            title: str) -> None:
    m = match_article(hu_ming, title, ASIDE)
    assert not m.matched, m.reason
    assert "another Fujian city" in m.reason


def test_the_same_aside_under_a_sanming_title_still_matches(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪上寻访三明情", ASIDE)
    assert m.matched, m.reason
    assert "another Fujian city" not in m.reason


def test_other_fujian_city_in_the_body_costs_nothing(hu_ming: match.Topic) -> None:
    body = "上海与三明签署对口合作协议,宁德、龙岩的代表列席。双方将在产业园区、文旅康养等领域深化合作。"
    m = match_article(hu_ming, "上海三明签约", body)
    assert m.matched and "another Fujian city" not in m.reason, m.reason


# 永安 is also an ordinary phrase ("lasting peace") that names halls, villages and shops anywhere.
YUNNAN = "村里的议事厅“永安堂”和阅览室“永安书屋”都由同济大学师生设计,在同济定点帮扶的云南省这个县随处可见。"


def test_bare_county_word_in_a_sentence_about_another_province_is_not_sanming(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "高校服务乡村十年", YUNNAN)
    assert not m.matched, m.reason
    assert "another province" in m.reason


@pytest.mark.parametrize("place", ["福建省永安市", "三明永安", "永安市"])
def test_county_named_as_sanming_or_fujian_is_not_penalised(hu_ming: match.Topic, place: str) -> None:
    body = f"同济大学师生设计的议事厅在同济定点帮扶的{place}随处可见,同济与永安还签了结对协议。"
    m = match_article(hu_ming, "高校服务乡村十年", body)
    assert m.matched and "another province" not in m.reason, m.reason


def test_province_in_another_sentence_leaves_the_county_alone(hu_ming: match.Topic) -> None:
    body = "同济大学与永安结对帮扶,同济师生设计了永安的议事厅。\n同济大学在云南也有帮扶项目。"
    m = match_article(hu_ming, "高校服务乡村十年", body)
    assert m.matched and "another province" not in m.reason, m.reason
