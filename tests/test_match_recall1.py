"""The bundled hu-ming topic on kinds real pages showed (recall-1, session 24), written in our own words.

Another of Shanghai's partners
speaking as "our city" ("我市 … 《上海市与六安市对口合作实施方案》"): its pairing is its own, not Sanming's,
though "our city's paired cooperation with the Shanghai side" otherwise reads a city never named as Sanming.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

REPORT = "县政府工作报告摘要"


@pytest.mark.parametrize(("title", "body"), [
    ("我市召开与上海市对口合作推进会",
     "会议指出，我市要全面落实《上海市与六安市对口合作实施方案》，推动茶叶、白鹅等特色农产品进入上海市场。"),
    ("我市推进与上海市文旅对口合作",
     "按照上海市与遵义市对口合作的部署，我市组织旅行社赴沪推介红色旅游线路。"),
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
