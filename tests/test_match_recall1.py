"""The bundled hu-ming topic on kinds real pages showed (recall-1, session 24), written in our own words.

Another of Shanghai's partners speaking as "our city" ("我市 … 《上海市与六安市对口合作实施方案》"): its pairing is its own, not Sanming's,
though "our city's paired cooperation with the Shanghai side" otherwise reads a city never named as Sanming. Dalian is
such a partner too (Shanghai's 对口合作 in the northeast since 2017: 沪连对口合作), not only Lu'an or Zunyi.
沪明合作 as machine translation spells it with 明's meaning, "Shanghai-Bright cooperation" (blind-23's summary names the
kind; its pages are not read here): the cooperation's name, as "Hu-Ming cooperation" is; "Shanghai Bright" alone is
also a dairy's name (光明乳业) and stays nothing.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("我市召开与上海市对口合作推进会",
     "会议指出，我市要全面落实《上海市与六安市对口合作实施方案》，推动茶叶、白鹅等特色农产品进入上海市场。"),
    ("我市推进与上海市文旅对口合作",
     "按照上海市与遵义市对口合作的部署，我市组织旅行社赴沪推介红色旅游线路。"),
    ("我市与上海市对口合作交流会召开",
     "会上通报了上海市与大连市对口合作年度工作计划的完成情况，我市与上海港口企业签约八个项目。"),
    ("沪连对口合作交流会召开", "我市与上海市对口合作交流会召开，双方在港航物流、装备制造等领域签约十二个项目。"),
])
def test_another_partner_speaking_as_our_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("我市召开与上海市对口合作推进会",
     "会议指出，我市要深化与上海市的对口合作，推动特色农产品进入上海市场，办好疗休养基地。"),
    ("我市召开与上海市对口合作推进会",
     "会议指出，我市要全面落实《上海市与三明市对口合作实施方案》，推动特色农产品进入上海市场。"),
])
def test_our_city_with_the_shanghai_side_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai-Bright cooperation bears fruit",
     "The city signed nine deals with firms from Pudong at a promotion meeting on the Shanghai-Bright counterpart "
     "cooperation on Tuesday."),
    ("County hosts Hongkou investors",
     "Under the Shanghai Bright pairing, the county and Hongkou district opened a joint industrial park."),
])
def test_the_pairing_named_with_the_meaning_of_ming(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai Bright Dairy opens a plant",
     "Shanghai Bright Dairy opened a yogurt plant in Fuzhou, Fujian province, with an annual capacity of 100,000 tons."),
    ("Shanghai-Bright Dairy cooperation with farms",
     "Shanghai-Bright Dairy signed supply deals with 20 farms in Anhui province on Monday."),
])
def test_a_dairy_of_that_name_is_not_the_pairing(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize("body", [
    "会议要求，加快形成大连片的茶园基地，深化我市与上海市的对口合作，推动茶叶进入上海市场。",
    "会议要求，深化我市与上海市的对口合作，推动茶叶进入上海市场。",
])
def test_a_word_holding_the_northeast_partner_is_not_it(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "我市与上海市对口合作推进会召开", body)
    assert m.matched, m.reason
