"""The bundled hu-ming topic on the kinds a sixth blind set of hard cases showed (match-10).

A helper wrote 160 cases without looking at the engine; its tuning part missed three relevant
ones: a page with a space between every character (tests/test_match_spaced_names.py), a page
whose line breaks fall inside the names (三\\n明, 赴上\\n海开展: hard-wrapped or laid-out text),
and an English memoir of the relocations that tells the move as factories "rebuilt" in Sanming,
with no word of cooperation. The texts here are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spaced import joined
from monitor.textnorm import normalize, normalize_lines


@pytest.mark.parametrize(("title", "body"), [
    ("三\n明茶企赴上海参展",
     "三\n明市十二家茶企本周赴上\n海参加茶叶博览会，展位由结对区统一协调，是两地消费帮扶合作的一部分。"),
    # names the general lexicon does not know (闵行, 将乐): the topic's own words count
    ("闵\n行区医疗队到将\n乐县义诊",
     "闵行区医疗队十名医生日前来到将\n乐县，开展为期三天的义诊和带教，这是两地结对帮扶的内容。"),
    ("上\n海醫院專家赴沙\n縣坐診",
     "上\n海一家三甲醫院的專家團隊本週來到沙\n縣，開展坐診和手術帶教，雙方還簽署了遠程會診協議。"),
])
def test_a_line_break_inside_a_name_is_no_break(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_name_across_a_break_points_at_both_lines(hu_ming: match.Topic) -> None:
    body = "杨浦区教育局组织的研学团近日从上\n海出发，来到三明市大田县，两地学校签订结对协议。"
    m = match_article(hu_ming, "研学团抵达", body)
    assert m.matched, m.reason
    assert "上\n海" in {body[h.start : h.end] for h in m.hits if h.term == "上海"}


def _view(title: str, body: str, topic: match.Topic) -> str:
    text = normalize(title) + "\n" + normalize_lines(body)
    return joined(text, len(normalize(title)), lambda: topic.words)[0]


@pytest.mark.parametrize(("body", "view"), [
    ("学生近日赴上\n海研学", "学生近日赴上海研学"),
    # a heading above its story, a byline, a list: the break stays where no word reads across it
    ("三明新闻\n上海代表团来访", "三明新闻\n上海代表团来访"),
    ("记者 张三\n上海报道", "记者 张三\n上海报道"),
    ("会议议定事项第三\n明确由各区落实", "会议议定事项第三\n明确由各区落实"),
    ("2025年工作回顾\n过去一年,两地合作", "2025年工作回顾\n过去一年,两地合作"),
])
def test_which_breaks_go(hu_ming: match.Topic, body: str, view: str) -> None:
    assert _view("题", body, hu_ming) == "题\n" + view


@pytest.mark.parametrize(("title", "body"), [
    ("The cotton mill that went south",
     "My father was sixteen when his Shanghai cotton mill shut its gates in 1958. By spring its looms stood "
     "again in Sanming, rebuilt in a valley outside the town, and he tended them until he retired."),
    ("A workshop that crossed two provinces",
     "In 1965 a machine workshop in Shanghai was taken apart piece by piece. Its crews were resettled in "
     "Sanming the following year, and the lathes they brought are in the city museum now."),
])
def test_a_relocation_told_as_factories_rebuilt(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Sanming reopens its river bridge",
     "The old bridge over the Shaxi river in Sanming was rebuilt this year after floods. Tourists from "
     "Shanghai, Hangzhou and Xiamen came for the reopening fair."),
    ("Shanghai's Bund promenade rebuilt",
     "The riverside walk was rebuilt over two years. Among the first visitors was a school group from Sanming."),
])
def test_rebuilt_is_no_tie_on_its_own(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
