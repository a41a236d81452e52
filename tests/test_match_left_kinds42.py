"""The bundled hu-ming topic under a portal's furniture above the story (match-42, session 35).

Written for these tests, in our own words, after the layout of Chinese portals' story pages: real pages of the
cooperation (match-41's and match-42's sets, kept outside the repo) with such lines put back above the story scored 0
untitled and on their title alone titled (28 of 29 untitled in match-41's count).
- A marker line above the story (标签：…, 评论（0）, 上一篇：<another headline>, a 相关新闻 box or a 热点排行 list of other
  headlines) ended the story before it began: only the share bar and bare previous / next links were passed over. Any
  marker with no story paragraph and no sentence above it (a menu, a dateline, an untitled page's headline with no full
  stop) is the page's chrome now: its line, and under a heading the list of headlines it heads, are set aside (not
  read), and the story below is judged on its own.
  Guards: such a list of 沪明 headlines above an unrelated story adds nothing; a short story's sentence above a
  related-news box still ends the story there; a comment count heads no list (the headline under it is read).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

STORY = ("嘉定区与明溪县在县行政服务中心签订对口合作协议，双方将共建生物医药产业园，嘉定区每年选派十名专业人员到明溪挂职。\n"
         "明溪县有关负责人表示，将用好沪明对口合作平台，引进更多上海企业落户。")
UNRELATED = "永安市林业局今天在贡川镇开展森林防火应急演练，两百余名扑火队员参加，演练持续三个小时。"

OTHER_BOX = "相关新闻\n· 全市秋季森林防火工作会议召开\n· 三元区举办春季就业招聘会\n· 高速公路春运出行提示发布\n"
TOP = [
    "标签：对口合作 产业园 挂职\n",
    "评论（0）\n",
    "分享到：微信 微博 QQ空间\n评论（0）\n",
    "上一篇：全市秋季森林防火工作会议召开\n下一篇：我市开展城市文明创建督查\n",
    OTHER_BOX,
    "【相关阅读】\n省运会游泳比赛落幕\n中心城区部分路段将临时停水\n",
    "热点排行\n1. 高速公路春运出行提示发布\n2. 省运会游泳比赛落幕\n3. 中心城区部分路段将临时停水\n",
    "首页 > 新闻 > 本地\n2025-06-12 09:15 来源：三明日报 责任编辑：林晓\n标签：合作 项目\n评论（3）\n",
]
HM_LISTS = [
    "相关新闻\n· 沪明对口合作重点项目集中签约\n· 上海嘉定区代表团来尤溪考察\n· 浦东新区与永安市签订结对合作协议\n",
    "热点排行\n1. 沪明临港产业园首批企业投产\n2. 三明在沪举办文旅推介会\n3. 上海专家赴三明开展义诊\n",
    "上一篇：沪明对口合作重点项目集中签约\n下一篇：上海专家赴三明开展义诊\n",
    "标签：沪明合作 上海 三明\n",
    "相关新闻：\n沪明对口合作重点项目集中签约\n上海嘉定区代表团来尤溪考察\n浦东新区与永安市签订结对合作协议\n",
]


@pytest.mark.parametrize("top", TOP)
@pytest.mark.parametrize("title", ["", "明溪与嘉定签约共建产业园"])
def test_a_marker_above_the_story_is_the_pages_chrome(hu_ming: match.Topic, top: str, title: str) -> None:
    m = match_article(hu_ming, title, top + STORY)
    assert m.matched, m.reason
    assert m.score == match_article(hu_ming, title, STORY).score, m.reason


@pytest.mark.parametrize("top", TOP[:5])
def test_under_an_untitled_pages_headline_too(hu_ming: match.Topic, top: str) -> None:
    headline = "明溪与嘉定签约!共建生物医药产业园\n"  # no full stop: a headline, though it ends a sentence
    m = match_article(hu_ming, "", headline + top + STORY)
    assert m.matched, m.reason
    assert m.score == match_article(hu_ming, "", headline + STORY).score, m.reason


@pytest.mark.parametrize("box", HM_LISTS)
@pytest.mark.parametrize("title", ["", "永安开展森林防火演练"])
def test_a_list_of_the_ties_headlines_above_an_unrelated_story_adds_nothing(hu_ming: match.Topic, box: str,
                                                                           title: str) -> None:
    m = match_article(hu_ming, title, box + UNRELATED)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


def test_a_short_storys_sentence_above_a_related_box_still_ends_it(hu_ming: match.Topic) -> None:
    body = ("永安今天开展森林防火演练。\n相关新闻\n沪明对口合作项目在永安集中签约\n上海专家赴永安指导竹产业发展\n"
            "嘉定区与明溪县签订对口合作协议，双方将共建生物医药产业园，引进更多上海企业落户明溪。")
    m = match_article(hu_ming, "", body)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


def test_a_comment_count_heads_no_list(hu_ming: match.Topic) -> None:
    headline = "沪明对口合作:嘉定与明溪签约\n"  # read as the untitled page's title, under the count as above it
    m = match_article(hu_ming, "", "评论（0）\n" + headline + "双方将共建生物医药产业园。")
    assert m.matched, m.reason
    assert m.score == match_article(hu_ming, "", headline + "双方将共建生物医药产业园。").score, m.reason
