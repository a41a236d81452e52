"""The bundled hu-ming topic on a Shanghai district's other pairings, and the `sentences` key.

A class from issue 12's hard cases (other city pairs), probed in the fifth round (match-5) with
texts written here in our own words: a title about a Shanghai district and another place
(杨浦区与延边州, 嘉定区与太仓市) over a body that recalls the Sanming pairing in one passing
sentence. One sentence stacked up to 12 points (the district in the title anchors it as if the
article were a report of its own); each such case matched before the change. A paragraph that
keeps to the Sanming pairing for two sentences or more still matches.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.errors import ConfigError
from monitor.match import compile_topic, match_article


@pytest.mark.parametrize(("title", "body"), [
    ("杨浦区与延边州签订战略合作协议", "杨浦区与延边州近日签订战略合作协议，双方将在农产品产销、社区治理和干部交流方面合作。\n"
     "延边的大米和人参将进入杨浦的超市。\n杨浦区此前还与三明的大田、尤溪等县建立了对口合作关系。\n两地还将互派干部挂职。"),
    ("嘉定区与太仓市深化合作", "嘉定区党政代表团昨日赴太仓考察，参观了两地交界处的产业园区，双方就交通规划、产业协同进行座谈。\n"
     "嘉定还与福建建宁、泰宁两县开展对口合作，与云南多个县开展帮扶协作。\n双方表示将继续深化嘉昆太一体化。"),
    ("浦东新区与大理州开展东西部协作", "浦东新区代表团赴大理州考察帮扶项目。\n"
     "浦东还与永安、沙县、三元、明溪开展对口合作。\n双方签订了新一轮协作协议。"),
    ("盐城市盐都区与上海市闵行区签署合作协议", "盐都区与闵行区签署战略合作框架协议，两地将共建产业园。\n"
     "闵行区此前还与三明的尤溪县建立了对口合作关系。\n两地将互派干部挂职。"),
    ("Yancheng city and Minhang sign pact", "Yancheng and Shanghai's Minhang signed a pact on industrial parks.\n"
     "Minhang is also paired with Youxi county in Sanming.\nThe two will swap officials."),
    ("Jiading and Kunshan city sign pact", "Jiading District and Kunshan signed a pact on transport and industry.\n"
     "Jiading is also paired with Jianning and Taining counties in Sanming.\nThe two sides will meet again next year."),
])
def test_a_title_about_another_pair_over_a_passing_sanming_line_is_not(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("嘉定区赴太仓市考察 并部署对口合作工作", "嘉定区党政代表团赴太仓市考察，双方就交通规划进行座谈。\n"
     "回沪后召开对口合作工作会议。会议指出，嘉定与建宁县、泰宁县结对以来已实施合作项目三十个，组织职工赴泰宁疗休养五千人次。"
     "会议要求明年继续深化与建宁、泰宁两县的对口合作，扩大消费帮扶。"),
    ("上海与革命老区重点城市对口合作成果展开幕", "展览在上海开幕，三明展区展示了沪明临港产业园等合作项目，两地签约五个项目。"),
    ("杨浦区与大田县签约共建茶园", "杨浦区与大田县昨日签约，共建高山茶园。"),
])
def test_a_paragraph_that_keeps_to_the_sanming_pairing_or_a_title_naming_it_still_counts(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def _topic(rule: dict) -> match.Topic:
    raw = {"threshold": 1, "groups": {"sm": {"terms": ["三明"]}, "coop": {"terms": ["合作"]}}, "rules": [rule]}
    return compile_topic("t", raw, where="test.toml")


def test_sentences_counts_the_sentences_of_a_unit_holding_every_all_group() -> None:
    t = _topic({"name": "keeps to it", "all": ["sm", "coop"], "within": "paragraph", "sentences": 2})
    assert match_article(t, "", "三明与上海合作。三明还将扩大合作。").matched
    assert not match_article(t, "", "三明与上海合作，三明三明合作合作。").matched  # one sentence
    assert not match_article(t, "", "三明与上海合作。\n三明还将扩大合作。").matched  # two paragraphs
    assert not match_article(t, "", "三明与上海合作。三明还有新项目。").matched  # 合作 in one only


@pytest.mark.parametrize("rule", [
    {"name": "x", "all": ["sm"], "within": "sentence", "sentences": 2},
    {"name": "x", "any": ["sm"], "within": "paragraph", "sentences": 2},
    {"name": "x", "all": ["sm"], "within": "paragraph", "sentences": 0},
])
def test_sentences_needs_all_groups_a_unit_wider_than_a_sentence_and_a_count(rule: dict) -> None:
    with pytest.raises(ConfigError, match=r"rules\[0\]\.sentences"):
        _topic(rule)
