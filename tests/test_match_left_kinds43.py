"""The bundled hu-ming topic on a kind real pages showed (match-43, session 35): a page that opens with its headline.

Written for these tests, in our own words, after English and Chinese news pages as extractors hand them over.
- A page handed over untitled, its body opening with the headline line: a Chinese headline is short and was read
  as the title above the lead already, but an English one (and a long Chinese one) is thirty characters or more, so
  it was taken for the lead, and the story's real first paragraph was no longer up front. A real page (Shanghai
  and the province's red-tourism pact inked in Sanming) scored 4 untitled, 5 titled. A line with no sentence in it,
  none ending it, a headline's length, is the title: the lead is the first paragraph below it (up to two such lines:
  the headline and its repeat, or a subtitle). Guards: three such lines or more are a list of headlines, not a
  title, and the first leads as before; a story's unrelated lead stays unrelated.
- A titled page whose title carries the site's name (… - City News, …_东南网) and whose body repeats the headline:
  only the exact title was known as "the title again", so the repeated headline became the lead (1 and 4). A
  paragraph the title holds is the title again.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

EN_HEAD = "Shanghai and Fujian agree to develop heritage tourism routes"
EN_LEAD = ("Shanghai and neighbouring Fujian Province will deepen cooperation on heritage tourism "
           "under several agreements inked in the city of Sanming.")
EN_MORE = "Officials said museums on both sides would swap exhibitions."
ZH_HEAD = "沪闽两地携手推进红色旅游合作 一批文旅项目在三明集中签约落地见效"
ZH_LEAD = "上海市与福建省将在红色旅游领域深化合作，有关协议日前在三明签订。"
ZH_MORE = "签约仪式后，两地文旅部门负责人参观了当地的红色教育基地。"


@pytest.mark.parametrize("above", ["", " date 2021-06-19 News / Metro\n", EN_HEAD + "\n"])
def test_an_untitled_english_page_opening_with_its_headline(hu_ming: match.Topic, above: str) -> None:
    m = match_article(hu_ming, "", above + EN_HEAD + "\n" + EN_LEAD + "\n" + EN_MORE)
    assert m.matched, m.reason
    assert m.score >= match_article(hu_ming, EN_HEAD, EN_LEAD + "\n" + EN_MORE).score, m.reason


def test_an_untitled_chinese_page_opening_with_a_long_headline(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "", ZH_HEAD + "\n" + ZH_LEAD + "\n" + ZH_MORE)
    assert m.matched, m.reason


@pytest.mark.parametrize(("head", "lead", "more", "site"), [(EN_HEAD, EN_LEAD, EN_MORE, " - City News"),
                                                             (ZH_HEAD, ZH_LEAD, ZH_MORE, "_东南网")])
def test_a_headline_repeated_under_a_title_with_the_site_name(hu_ming: match.Topic, head: str, lead: str, more: str,
                                                              site: str) -> None:
    m = match_article(hu_ming, head + site, head + "\n" + lead + "\n" + more)
    assert m.matched, m.reason
    assert m.score == match_article(hu_ming, head + site, lead + "\n" + more).score, m.reason


def test_three_headline_lines_are_a_list_and_the_first_still_leads(hu_ming: match.Topic) -> None:
    heads = ["Local weather bulletin for the coming week in our city",
             "City library opens new reading room for young children"]
    listed = "Shanghai medical team signs cooperation deal with Sanming hospital"
    story = "The city library opened a reading room for children on Monday, with two thousand new books."
    m = match_article(hu_ming, "", "\n".join([*heads, listed, story]))
    assert not m.matched, m.reason
    assert m.score == match_article(hu_ming, "", "\n".join([*heads, story, listed])).score, m.reason


def test_an_unrelated_lead_under_a_headline_stays_unrelated(hu_ming: match.Topic) -> None:
    body = ("Typhoon brings heavy rain to coastal Fujian this weekend\n"
            "Forecasters expect heavy rain across coastal Fujian from Saturday, with schools in several cities closed.\n"
            "Some flights between Shanghai and Sanming were delayed.")
    m = match_article(hu_ming, "", body)
    assert not m.matched, m.reason
