"""The bundled hu-ming topic on the kinds match-19 left and more of what careless extraction hands the
matcher (match-20).

Probes written for these tests, in our own words: a site search's results page whose lines are
unrelated results and one line on a Shanghai chamber of Sanming people (blind14's q077 kind); a
WeChat account's comment thread (精选留言, 写留言) under a county festival, a reader there praising the
ties; further reading under names the topic did not know (猜您喜欢, 大家都在看, "See also").
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- a site search's results page -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("“三明 上海”的搜索结果",
     "找到相关结果约58条\n三明至上海航班暂停公告 2025-03-02\n上海到三明坐什么车最方便？ 2024-11-20\n三明今日天气 多云转晴\n"
     "上海搬家到三明价格表\n上海三明商会召开第三届会员大会 2023-06-11\n下一页"),
    ("三明 上海 - 站内搜索",
     "共找到32条结果\n上海至三明自驾路线推荐\n三明沙县小吃上海门店排行\n沪明合作产业园签约仪式举行\n三明天气预报\n"
     "上海出发三明二日游报价"),
])
def test_a_search_results_page_is_a_list_of_results(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_report_of_the_ties_is_no_search_page(hu_ming: match.Topic) -> None:
    # 搜索 in a story (a rescue search, a search engine) is no results page
    m = match_article(hu_ming, "沪明合作产业园上线企业搜索平台",
                      "上海与三明共建的沪明合作产业园上线企业搜索平台，两地企业可在线对接合作项目。")
    assert m.matched, m.reason


# --- comment threads and further reading under other names -------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("泰宁县举办油菜花节",
     "泰宁县油菜花节开幕，吸引周边游客数万人次，当地民宿入住率超过九成。\n精选留言\n"
     "三明老乡：在上海看到家乡的消息，希望沪明合作越来越好，两地多交流。\n小王：明年一定去。"),
    ("永安举办笋竹博览会",
     "第十届笋竹博览会在永安开幕，参展企业三百余家，现场签约金额创新高。\n写留言\n网友：上海的朋友也来了，沪明合作真好。"),
    ("宁化县开展春耕备耕",
     "宁化县各乡镇抢抓农时开展春耕备耕，农技人员深入田间指导。\n猜您喜欢\n沪明对口合作项目在宁化签约\n上海嘉定区代表团到宁化考察"),
    ("尤溪朱子文化节开幕",
     "尤溪县朱子文化节开幕，海内外学者齐聚研讨。\n大家都在看\n上海杨浦区与尤溪县签署对口合作协议\n沪明合作十年成果展"),
    ("Jiangle bamboo festival opens",
     "The county's bamboo festival opened with 200 stalls and folk shows.\n"
     "See also: Shanghai and Sanming sign new cooperation pact; Yangpu team visits Shaxian."),
])
def test_a_comment_thread_or_further_reading_is_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_story_of_the_ties_above_its_comment_thread_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明合作产业园签约",
                      "上海与三明共建的沪明合作产业园举行签约仪式，十家上海企业入驻三明。\n写留言\n网友：好消息。")
    assert m.matched, m.reason


# --- a share bar above the story (blind15's tuning kind: 分享到 under the menu, before the first paragraph) -----------

_FILLER = "这个季节的山里，清晨雾气很重，街口的早点铺六点开门，赶车的人站着吃完一碗拌面就走，广场上晚上总有人跳舞。"


def test_a_share_bar_above_the_story_does_not_end_it(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "华山医院专家在将乐的半年",
                      "首页 | 新闻 | 民生\n分享到：微信 微博 QQ空间\n" + _FILLER + "\n"
                      "根据上海市与三明市的对口合作安排，华山医院与将乐县医院结成对子，派驻专家常年坐诊带教。\n" + _FILLER
                      + "\n分享到：微信 | 微博\n上一篇：秋季运动会举行")
    assert m.matched, m.reason


def test_a_share_bar_below_the_story_still_ends_it(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "清流县举办秋季运动会",
                      "首页 | 新闻\n分享到：微信 微博\n清流县第十届秋季运动会开幕，全县二十个单位的一千余名运动员参加比赛。\n"
                      "分享到：微信 | 微博\n沪明对口合作产业园签约\n上海杨浦区代表团到清流考察")
    assert not m.matched, m.reason


# --- a Shanghai body's branch centre in a county, and a firm at an investors' day -------------------------------------


def test_a_shanghai_hospitals_branch_centre_in_a_county_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "组图｜华山医院将乐分中心的一天",
                      "08:00 晨会上，华山医院派来的专家讲解病例。\n11:00 远程会诊，上海专家在线指导。\n"
                      "15:00 当地医生在专家带领下完成手术。")
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海一大厦举办投资者开放日 三明一家化工企业参会",
     "浦东一座写字楼举办投资者开放日，参会公司包括一家三明的化工企业。政府官员表示，今年前三季度经济运行平稳。"),
    ("Shanghai investor day draws Sanming chemicals firm",
     "A Shanghai office tower hosted an investor day for twelve listed firms, a Sanming chemicals maker among them. "
     "Officials said the economy grew steadily in the first three quarters."),
])
def test_a_firm_at_an_investors_day_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_an_investors_day_of_the_joint_park_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明合作产业园举办投资者开放日",
                      "上海与三明共建的沪明合作产业园举办投资者开放日，二十家上海企业到园区考察洽谈。")
    assert m.matched, m.reason
