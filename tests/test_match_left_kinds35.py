"""The bundled hu-ming topic on the kinds match-35 found left (session 30).

Written for these tests, in our own words. A page that writes the pairing's name whole (沪明情深 in its title) and
garbles it below (沪�对口合作, 三� for 三明): the garbled 沪 name reads as another partner's too, and that reading must
not take the page's own 沪明 back. Guards: the same garble on a page of another partner, 沪明 never written whole.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

GARBLED_BELOW_WHOLE = [
    ("沪明情谊历久弥新", "六十年代，一批上海工厂内迁三\ufffd\ufffd，数千名职工扎根闽西北山区。\n近年来，沪\ufffd对口合作不断深化，"
     "两地共建产业园、互派干部，老一辈的情谊有了新的延续。"),
    ("滬明合作結碩果", "滬\ufffd對口合作開展以來，兩地共建園區引進項目四十餘個，上海專家常駐三\ufffd醫院帶教。"),
    ("沪明合作 携手同行", "今年是沪\ufffd对口合作第五年，上海三\ufffd商会会员企业新增投资15亿元，两地干部双向挂职60人。"),
]


@pytest.mark.parametrize(("title", "body"), GARBLED_BELOW_WHOLE)
def test_the_pairing_named_whole_above_its_garbled_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "a garbled 沪 name beside another partner" not in m.reason


GARBLED_ELSEWHERE = [
    ("宁夏代表团来沪考察", "宁夏回族自治区代表团在沪期间，与上海有关部门座谈，推动沪\ufffd协作向纵深发展，并考察了闵行区两家企业。"),
    ("沪明确提出支持西部发展", "会上，宁夏与上海座谈，沪\ufffd协作项目签约12个。"),
]


@pytest.mark.parametrize(("title", "body"), GARBLED_ELSEWHERE)
def test_a_garbled_name_beside_another_partner_stays_its(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a garbled 沪 name beside another partner" in m.reason
