"""The bundled hu-ming topic on issue 12's named kinds, written again (match-28).

Probes written for these tests, in our own words: an English county name whose apostrophe a page writes as an
opening quote (Yong‘an), an acute accent (Yong´an, which normalises to a space and a combining acute) or a prime
(Yong′an); Jiao Tong's Xinhua Hospital under its short name (新华医院) in a county's report, the city not named;
沪明合作 as a machine translation spells it ("Hu-Ming cooperation"). Guards: a Shanghai street of the county's
name, another province's 新华医院, and Hu Ming as a person. Then: Sanming speaking at a nationwide meeting held in
Shanghai (全国医改经验交流会, "a national conference"), Shanghai only the venue; guard: the pairing's own deal signed there.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.terms import term_regex


@pytest.mark.parametrize("mark", ["‘", "´", "′", "ʼ", "`"])
def test_an_apostrophe_as_pages_write_it(hu_ming: match.Topic, mark: str) -> None:
    name = f"Yong{mark}an"
    body = (f"Business people from Shanghai visited {name} on Thursday under the counterpart cooperation between "
            "the two places and signed eight deals.")
    title = f"{name} hosts Shanghai investors"
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert any(h.field == "title" and title[h.start : h.end] == name for h in m.hits), m.hits  # the name, whole


def test_the_apostrophe_stays_optional_and_straight() -> None:
    import re

    from monitor.textnorm import normalize

    rx = re.compile(term_regex("Yong'an"))
    for written in ("Yong'an", "Yong’an", "Yongan", "Yong‘an", "Yong´an"):
        assert rx.fullmatch(normalize(written)), written
    assert not rx.fullmatch(normalize("Yong-an")) and not rx.fullmatch(normalize("Yong.an"))


def test_a_street_of_the_name_stays_a_street(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Fire on Yong‘an Road", "A fire broke out in a shop on Yong‘an Road in Shanghai on "
                      "Sunday night; nobody was hurt, the fire service said.")
    assert not m.matched, m.reason


def test_xinhua_hospital_under_its_short_name(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "新华医院专家团队赴建宁县开展帮扶",
                      "新华医院专家团队日前抵达建宁县总医院，开始为期一年的驻点帮扶，重点提升儿科和急诊服务能力。")
    assert m.matched, m.reason


@pytest.mark.parametrize("hospital", ["湖北省新华医院", "永安新华医院", "县新华医院"])
def test_another_places_xinhua_hospital(hu_ming: match.Topic, hospital: str) -> None:
    m = match_article(hu_ming, f"{hospital}专家到尤溪交流",
                      f"{hospital}专家一行到尤溪县总医院交流学习，双方就中西医结合诊疗开展座谈。")
    assert not m.matched, m.reason


@pytest.mark.parametrize("phrase", ["Hu-Ming cooperation", "Hu-Ming counterpart cooperation", "Hu-Ming pairing"])
def test_hu_ming_cooperation_in_english(hu_ming: match.Topic, phrase: str) -> None:
    m = match_article(hu_ming, f"{phrase}: new industrial park opens",
                      f"A {phrase} industrial park opened in the city on Tuesday, with twelve firms moving in.")
    assert m.matched, m.reason


def test_hu_ming_the_person(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Hu Ming named chairman of Kunming firm", "Hu Ming, a former banker, was named "
                      "chairman of a Kunming logistics firm; he said cooperation with Shanghai ports would grow.")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明医改经验在沪交流", "全国医改经验交流会日前在上海召开，三明市介绍了医改经验，与会代表表示受益匪浅。"),
    ("Sanming shares reform lessons at Shanghai meeting", "A national conference on health reform was held in Shanghai "
     "on Monday, where officials from Sanming shared their experience with delegates from 30 provinces."),
])
def test_sanming_speaking_at_a_national_meeting_in_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_deal_at_a_national_meeting_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "全国对口合作工作会议在沪召开",
                      "全国对口合作工作会议日前在上海召开，会上三明市与上海市签署新一轮对口合作协议。")
    assert m.matched, m.reason
