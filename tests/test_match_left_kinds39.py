"""The bundled hu-ming topic on a kind session 33's match-38 left (match-39, session 33).

Written for these tests, in our own words.
- A weather word in the title over people or a team sent between the two sides (台风预警下的医疗队, 暴雨中的上海医生,
  台风天里的上海专家, 寒潮中的上海志愿者): the title names them, the storm is only when they worked, so the title's
  forecast rule (-5) no longer sinks the story. Guards: volunteers of each city at home in a rainstorm or a heat wave,
  a forecaster (气象专家) and a doctor's health tip (医生提醒) over a forecast naming both places.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

FORECAST = "a forecast or a ranking in the title"

SENT = [
    ("台风预警下的医疗队", "上海援派医疗队在三明市将乐县总医院坚守岗位，台风期间照常开诊。"),
    ("暴雨中的上海医生", "上海援派医生冒雨赶到三明市尤溪县总医院，连夜完成手术。"),
    ("台风天里的上海专家", "上海援派专家团队在三明市沙县区总医院连续工作，完成多台手术。"),
    ("寒潮中的上海志愿者", "来自上海的志愿者在三明市宁化县开展支教活动，为山区孩子上课。"),
]


@pytest.mark.parametrize(("title", "body"), SENT)
def test_people_sent_under_a_weather_title_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert FORECAST not in m.rules


WEATHER = [
    ("暴雨中的志愿者", "暴雨来袭，上海和三明两地志愿者走上街头，帮助市民排水。"),
    ("Heat wave: volunteers hand out water in Shanghai and Sanming", "Volunteers in both cities handed out water as "
     "temperatures in Shanghai and Sanming passed 38 degrees."),
    ("气象专家：台风将影响上海三明", "气象专家表示，台风将给上海、三明两地带来强降雨，两地需做好防范。"),
    ("寒潮来袭 医生提醒上海三明市民注意保暖", "寒潮南下，上海和三明两地气温骤降，医生提醒两地市民注意保暖。"),
]


@pytest.mark.parametrize(("title", "body"), WEATHER)
def test_the_weathers_own_people_stay_the_weathers(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert FORECAST in m.rules


# English set out one phrase a line (a caption, a slide, a poster's text): a line opening with a verb in the past goes on
# the line before it, so "A printing factory in Shanghai / Moved to Sanming" is one sentence; other lines stay apart.
VERSE = [
    ("A factory's long journey", "In the 1960s\nA printing factory in Shanghai\nMoved to Sanming as a whole\n"
     "Its workers settled in the mountains\nAnd never went back"),
    ("Workers remember", "In 1966\nThousands of workers from Shanghai\nMoved with their factories to Sanming\n"
     "They built a new life in the mountains"),
]


@pytest.mark.parametrize(("title", "body"), VERSE)
def test_english_one_phrase_a_line_reads_on(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "both sides in one sentence" in m.rules, m.reason
    assert {"shanghai", "sanming"} <= {h.term for h in m.hits if h.field == "body"}, m.reason
    for h in m.hits:  # the hits still point at the original text
        assert body[h.start : h.end].lower() == h.term


PHRASE_LISTS = [
    ("Sanming trip", "Fly from Shanghai\nTo Sanming Shaxian Airport\nCheck in at the hotel\nVisit Taining\n"
     "Return to Shanghai"),
    ("Three days in Fujian", "Depart from Shanghai\nArrive in Sanming\nVisit Taining Great Golden Lake\n"
     "Taste Shaxian snacks\nReturn to Shanghai"),
    ("Latest", "Shanghai stocks close higher\nSanming opens new bridge\nYangpu hosts tech forum\n"
     "Jiangle bamboo festival opens"),
    ("A poem", "I left Shanghai in spring\nWalked the hills of Sanming\nAnd missed the river lights\n"
     "The city was far away"),
]


@pytest.mark.parametrize(("title", "body"), PHRASE_LISTS)
def test_an_itinerary_or_headlines_one_a_line_stay_apart(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
