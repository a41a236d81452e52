"""The bundled hu-ming topic on the kinds match-33 found left (session 28).

Written for these tests, in our own words. Shanghai's other pairings by place (Chongqing, Yichang, Yunnan's
prefectures) in the programme's own words (对口合作, 对口协作, 两地签署), with Sanming invited to tell its own way or
named as an example: that pair's meeting, not the ties. Guards: the pairing's own meetings in the same words.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

OTHER_PAIRINGS = [
    ("沪渝合作交流会举行", "沪渝对口合作交流会在重庆举行。会上，三明市作为山区发展的先进地区介绍了园区共建做法。上海、重庆两地"
     "签署新一轮合作协议。"),
    ("上海宜昌对口协作座谈会举行", "上海市与宜昌市对口协作座谈会举行，双方商定互派干部挂职。会上请三明市的同志介绍了对口合作的经验。"),
    ("对口帮扶推进会召开", "上海对口帮扶红河州工作推进会召开，双方总结了消费帮扶的成效。会上介绍了沙县小吃产业带动就业的做法。"),
    ("Shanghai and Chongqing sign a pact", "Shanghai and Chongqing signed a counterpart cooperation pact on Friday. "
     "Officials from Sanming spoke about their industrial parks at the meeting."),
]


@pytest.mark.parametrize(("title", "body"), OTHER_PAIRINGS)
def test_another_pairing_in_the_programmes_words(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


PAIRING_GUARDS = [
    ("沪明对口合作推进会召开", "上海市与三明市对口合作推进会召开，两地签署产业、文旅、医疗合作协议十项。"),
    ("三明代表团赴沪考察", "三明市党政代表团赴上海考察，与上海市人社局座谈，两地签署人才交流合作协议。"),
    ("沪明合作经验在渝交流", "上海与三明对口合作经验交流会在重庆召开，两地介绍了共建产业园的做法。"),
]


@pytest.mark.parametrize(("title", "body"), PAIRING_GUARDS)
def test_the_pairings_own_meetings_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
