"""The bundled hu-ming topic on an untitled page that opens with its headline (match-45, session 36).

Written for these tests, in our own words, after news pages as feeds and extractors hand them over without a title.
- Every titled item of our sets made untitled, its title as the body's first line: 29 relevant items were missed and
  116 irrelevant ones became false alarms, since the rules that read the title (both sides named in the title; a
  round-up's 速览, a site search's 站内搜索, a notice's 寻人启事 in the title) had no title to read. Such a first line, a
  headline's length, no sentence in it, no furniture's marker, is the title: the page gets its titled verdict.
- Up to three short lines of the page's chrome may stand above that headline (评论（0）, 分享到：…, a menu, a dateline);
  they stay the body's first lines. A list's heading (相关新闻, 热点排行) does not: its items follow.
- Guards: a first line that is the page's furniture (来源：三明日报, a bullet's headline, a menu) stays a body line, as
  before; hits still point into the body. (A site's <title> with its name after "_" is read as the title since match-47,
  as on the titled page: its verdict below is the same either way.)
- blind36 (tuning half): a county's chronicle (大事记) whose lines open with their month and a space (`5月 …`), not a
  colon, was read as one story: the one line naming both sides (a snack training class held in Shanghai for trainees
  from everywhere) made it a match. Such lines are a list's items, as `5月：…` ones are; an item that goes on to a
  second sentence is a section and counts.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

EN = ("Yong'an furniture expo lures Shanghai retailers",
      "A furniture expo in Yong'an drew more than 200 retailers from Shanghai on Saturday, organisers said. The expo "
      "is among the events the two cities hold under their cooperation agreement.")
ZH = ("仁济医院专家在将乐县总医院完成首例微创手术！",
      "近日，在仁济医院专家团队现场指导下，将乐县总医院成功为一名患者实施微创手术，填补了当地该项技术空白。"
      "去年该院与仁济医院建立专科联盟后，上海专家定期来院坐诊、远程会诊。")
ROUNDUP = ("晚间速览｜今天这些事值得一看",
           "【天气】本周末全省多地有阵雨，气温小幅下降。\n【地方】三明：上海嘉定区党政代表团来明考察对接；福州：城区新增两条公交线路。\n"
           "【体育】市运会游泳比赛落幕。\n【文化】图书馆推出夜间开放。")
NOTICE = ("寻人启事：寻找六十年代随厂迁到三明的上海姑妈",
          "本人姓陈，家住上海。姑妈陈某约1945年生，听家里老人说，她在1965年前后随上海一家纺织厂迁到福建三明，此后再无音讯。\n"
          "如有知情者，请与本人联系，万分感谢。")
SEARCH = ("沪明合作 - 站内搜索",
          "共找到18条结果\n上海至三明自驾游路线\n三明天气预报\n沪明合作产业园签约仪式举行\n上海出发三明二日游报价")


@pytest.mark.parametrize(("head", "body"), [EN, ZH], ids=["english", "chinese"])
def test_an_untitled_page_reads_its_headline_as_its_title(hu_ming: match.Topic, head: str, body: str) -> None:
    m = match_article(hu_ming, "", head + "\n" + body)
    titled = match_article(hu_ming, head, body)
    assert m.matched, m.reason
    assert (m.score, m.rules) == (titled.score, titled.rules), m.reason


@pytest.mark.parametrize(("head", "body"), [ROUNDUP, NOTICE, SEARCH], ids=["roundup", "notice", "search"])
def test_an_untitled_page_keeps_its_headline_s_negative(hu_ming: match.Topic, head: str, body: str) -> None:
    m = match_article(hu_ming, "", head + "\n" + body)
    assert not match_article(hu_ming, head, body).matched
    assert not m.matched, m.reason


@pytest.mark.parametrize("above", ["\n  ", "评论（0）\n分享到：微信 微博\n"], ids=["blank", "chrome"])
def test_hits_of_the_headline_point_into_the_body(hu_ming: match.Topic, above: str) -> None:
    body = above + EN[0] + "  \n\n" + EN[1]
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason
    assert {h.field for h in m.hits} == {"body"}
    assert all(body[h.start:h.end].lower() == h.term.lower() for h in m.hits), m.hits
    assert any(h.start < body.index(EN[1]) for h in m.hits), m.hits  # the headline's own names are among them


@pytest.mark.parametrize("first", ["来源：三明日报", "· 沪明对口合作项目集中签约仪式举行", "沪明对口合作专题_三明市人民政府网",
                                   "首页 新闻 沪明合作 上海 三明", "2025-04-08 10:20 沪明合作"],
                         ids=["source", "bullet", "site-title", "menu", "dateline"])
def test_furniture_above_the_story_is_no_title(hu_ming: match.Topic, first: str) -> None:
    story = "上海市徐汇区今年新建社区食堂十二家，老人用餐可享八折优惠，区里还将为独居老人提供送餐上门服务。\n食堂由街道统一管理。"
    m = match_article(hu_ming, "", first + "\n" + story)
    assert all(h.field == "body" for h in m.hits)
    assert m.score == match_article(hu_ming, "", "\n" + first + "\n" + story).score, m.reason


# --- a chronicle's lines opening with their month and a space ----------------------------------------------------


CHRONICLE = ("泰宁县2024年大事记",
             "1月 全县旅游发展大会召开。\n3月 古城保护修缮工程完工。\n5月 泰宁特产上海推介培训班开班，来自各地的八十名学员参加。\n"
             "7月 泰宁获评全国生态旅游示范县。\n10月 县城新增两条公交线路。")


def test_a_chronicles_month_lines_are_a_list(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, *CHRONICLE)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


def test_a_chronicles_month_line_of_the_ties_still_counts_as_a_section(hu_ming: match.Topic) -> None:
    title, body = CHRONICLE
    line = "5月 嘉定区党政代表团来泰宁考察，两地签订对口合作框架协议，共建文旅康养产业园。嘉定区还将选派十名干部到泰宁挂职。"
    m = match_article(hu_ming, title, body.replace(body.split("\n")[2], line))
    assert m.matched, m.reason
