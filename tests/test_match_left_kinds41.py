"""The bundled hu-ming topic on a kind real news pages showed (match-41, session 34).

Written for these tests, in our own words, after the layout of Fujian portals' story pages.
- A dateline and source line (发布时间 …来源：东南网 责任编辑：… |) above a share bar (分享到：) above the story: the
  source line, thirty characters or more, was read as the story's first paragraph, so the share bar under it ended the
  story before it began and the page scored 0 (a title naming both sides still carried some). A source, date or editor
  line is the page's chrome, as the menu and the dateline are: the share bar under it opens the story.
  Guards: a story's own paragraph above the share bar (the bar then ends it, the related headlines below unread), and a
  page whose story names neither side.
- A newspaper's e-paper page (第03版：经济 上一版 下一版 / 上一篇 下一篇 / the headline / the story): the bare previous and next
  links above the headline ended the story before it began (0 untitled or under the site's name, 3 under the headline
  with the paper's name after it). A line of bare 上一篇 / 下一篇 links with no story paragraph above it is chrome, as the
  share bar is. Guards: a links line carrying another story's headline (上一篇：沪明对口合作…) under a short notice still
  ends it, and bare links under a story's paragraph still end it.
- The provincial daily's name (福建日报记者 in the lead, a title's _福建日报数字报) held 福建日, the province's Fujian Day
  at a fair in Shanghai, so a story of the two signing cost 5 as Sanming's turn at the province's show (2 and 4). The
  newspaper's name is no Fujian Day. Guards: the province's pavilion or week in Shanghai with Sanming's turn, with or
  without the daily's byline, still costs it.
- Another Fujian city's newspaper or news site reposting the story (a title's _厦门日报, 来源：龙岩新闻网) read as that city
  joined to Shanghai in the title: "title about Shanghai and another Fujian city" cost 5 (13 -> 2 on a real page's
  body under such a suffix). The outlet's name is no city (the group's not_in). Guard: the city named in the title
  beside its paper (厦门与三明签订山海协作协议_厦门日报) is still Xiamen's pairing.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

STORY = ("嘉定区与明溪县在县行政服务中心签订对口合作协议，双方将共建生物医药产业园，嘉定区每年选派十名专业人员到明溪挂职。\n"
         "明溪县有关负责人表示，将用好沪明对口合作平台，引进更多上海企业落户。")

CHROME = [
    "2025-06-12 09:15:40来源：三明日报责任编辑：林晓 |\n分享到：\n|\n|\n",
    "发布时间：2025-06-12 09:15 来源：明溪县融媒体中心 作者：陈青 |\n分享到：\n",
    "2025-06-12 09:15:40 來源：東南網 責任編輯：林曉 |\n分享到：\n",
]


@pytest.mark.parametrize("chrome", CHROME)
@pytest.mark.parametrize("title", ["", "新闻详情"])
def test_a_source_line_above_a_share_bar_is_no_story(hu_ming: match.Topic, chrome: str, title: str) -> None:
    m = match_article(hu_ming, title, chrome + STORY)
    assert m.matched, m.reason
    assert m.score == match_article(hu_ming, title, STORY).score, m.reason


def test_a_share_bar_below_the_story_still_ends_it(hu_ming: match.Topic) -> None:
    body = ("发布时间：2025-03-01 来源：永安市林业局\n"
            "永安市林业局今天在贡川镇开展森林防火应急演练，两百余名扑火队员参加，演练持续三个小时。\n"
            "分享到：\n相关新闻\n沪明对口合作项目在永安集中签约\n上海专家赴永安指导竹产业发展")
    m = match_article(hu_ming, "永安开展森林防火演练", body)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


def test_a_story_naming_neither_side_stays_unmatched(hu_ming: match.Topic) -> None:
    body = ("2025-06-12 09:15:40来源：三明日报责任编辑：林晓 |\n分享到：\n"
            "市区列东街道今天开展消防安全演练，三百余名居民参加，演练内容包括灭火器使用和疏散逃生。")
    m = match_article(hu_ming, "", body)
    assert not m.matched, m.reason


EPAPER = ("第03版：经济 上一版 下一版\n上一篇 下一篇\n\n虹口区与将乐县共建文旅合作基地\n\n记者 陈岚\n\n"
          "本报讯 日前，上海市虹口区与将乐县签署文旅合作协议，双方将共建职工疗休养基地，首批虹口区职工下月抵达将乐。\n"
          "将乐县有关负责人表示，将深化沪明对口合作，做好上海游客的接待服务。")


@pytest.mark.parametrize("title", ["", "三明日报数字报", "虹口区与将乐县共建文旅合作基地_三明日报"])
def test_an_epaper_pager_above_the_headline_is_no_story_end(hu_ming: match.Topic, title: str) -> None:
    m = match_article(hu_ming, title, EPAPER)
    assert m.matched, m.reason
    assert "沪明" in {h.term for h in m.hits}, m.reason  # the story's last paragraph read


def test_a_pager_carrying_a_headline_still_ends_a_short_notice(hu_ming: match.Topic) -> None:
    body = "本周六上午停水，请提前储水。\n上一篇：沪明对口合作项目在永安签约\n下一篇：上海专家来三明义诊"
    m = match_article(hu_ming, "停水通知", body)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


def test_bare_pager_links_under_a_story_still_end_it(hu_ming: match.Topic) -> None:
    body = ("永安市林业局今天在贡川镇开展森林防火应急演练，两百余名扑火队员参加，演练持续三个小时。\n"
            "上一篇 下一篇\n沪明对口合作项目在永安集中签约\n上海专家赴永安指导竹产业发展")
    m = match_article(hu_ming, "永安开展森林防火演练", body)
    assert not m.matched, m.reason
    assert m.score <= 0, m.reason


DAILY = [
    ("", "本报讯（福建日报记者 林岚）上海市杨浦区与沙县区日前签订合作协议，双方将在小吃产业、文旅康养等领域开展合作。"),
    ("浦东新区与永安市共建产业园_福建日报数字报",
     "本报讯 浦东新区金桥开发区与永安市签署协议，在永安共建新材料产业园，首批四家上海企业将入驻。"),
]


@pytest.mark.parametrize(("title", "body"), DAILY)
def test_the_provincial_dailys_name_is_no_fujian_day(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "Sanming's turn at the province's show in Shanghai" not in m.rules, m.reason


@pytest.mark.parametrize("byline", ["", "（福建日报记者 王青）"])
def test_the_provinces_week_in_shanghai_still_costs(hu_ming: match.Topic, byline: str) -> None:
    m = match_article(hu_ming, "福建活动周在沪开幕",
                      byline + "福建活动周昨日在上海开幕，全省九个设区市组团参展，三明市带来沙县小吃和建宁莲子。")
    assert not m.matched, m.reason


OUTLETS = ["厦门日报", "福州新闻网", "龙岩新闻网", "泉州晚报"]


@pytest.mark.parametrize("outlet", OUTLETS)
def test_another_citys_paper_in_the_title_is_no_city(hu_ming: match.Topic, outlet: str) -> None:
    m = match_article(hu_ming, "金山区农展馆办革命老区农产品专场_" + outlet,
                      "金山区农业农村委与上海农业展览馆昨天举办革命老区农产品专场，三明市农业农村局协办，"
                      "展出建宁莲子、尤溪红柚等二百余种三明特产。")
    assert m.matched, m.reason


def test_the_city_beside_its_paper_is_still_that_citys_pairing(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "厦门与三明签订山海协作协议_厦门日报",
                      "厦门市与三明市日前签订新一轮山海协作协议，厦门企业将在三明投资建设两个食品产业园，产品将销往上海、广州等地。")
    assert not m.matched, m.reason
    assert "title about Sanming's ties with another Fujian city" in m.rules, m.reason
