"""The bundled hu-ming topic on the kinds match-23 left (match-24).

Probes written for these tests, in our own words: a site's menu joined to the story's first paragraph by a careless
extraction ("Menu: Home | News | Shanghai-Sanming cooperation | … The city library will …"), a menu line between spaces
with no home-page link to open it (沪明合作　文旅　视频　联系我们), a site's topic box (专题：沪明对口合作十周年) above or below an
unrelated story, readers' comments left below a story without a heading (网友“山城小李”：沪明合作越来越好); a county
bureau's post naming itself only in its source line below the story (来源：建宁县卫健局) while a newspaper's reprint of
another place's story stays that place's; a Sanming body meeting or signing with two institutions listed after 与, one
of them Shanghai's (与北京协和医院、仁济医院签署合作协议), while two universities a student got into or two cities
compared stay list items.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_FILLER = "今年秋天雨水偏多，菜市场的青菜价格涨了两成，小区门口新开了一家面包店，早上排队的人不少。"
_EN = "Officials said the work would be finished before the spring festival, and residents were asked to plan ahead."

# --- a menu joined to the story's first paragraph ---------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("City library extends weekend hours", "Menu: Home | News | Shanghai-Sanming cooperation | Culture | Contact us The "
     "Sanming city library will stay open until 9 pm on Saturdays and Sundays from next month, its director said. " + _EN),
    ("Rain to continue through the weekend", "Home | About | Shanghai-Sanming Pairing | Investment | Tourism Heavy rain "
     "will keep falling over Shanghai until Sunday, the weather bureau said on Friday. " + _EN),
    ("New bus line opens in Yong'an", "Sanming News | Shanghai-Sanming cooperation | Photos | Videos A new bus line "
     "linking the railway station and the old town opened in Yong'an on Monday, with buses every ten minutes. " + _EN),
    ("市区新增停车位两千个", "首页 | 新闻中心 | 沪明合作 | 文旅 | 视频 三明市区今年新增公共停车位两千个，主要分布在医院、学校和老旧"
     "小区周边。\n" + _FILLER),
])
def test_a_menu_joined_to_the_storys_first_paragraph(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_story_after_such_a_menu_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Songjiang firms open plants in Yong'an", "Home | News | Business Three companies from "
                      "Songjiang district of Shanghai opened plants in Yong'an on Monday under the paired cooperation "
                      "between the two cities, bringing 600 jobs. " + _EN)
    assert m.matched, m.reason


# --- a menu line between spaces with no home-page link --------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("明溪县城区供水管网改造完工", "沪明合作　文旅　视频　联系我们\n明溪县城区供水管网改造工程日前完工，改造老旧管网二十公里，城区"
     "居民用水更稳定。\n" + _FILLER),
    ("将乐县举办农民丰收节", "将乐县第七届农民丰收节在古镛镇开幕，村民们带来了擂茶、竹笋、红菇等特产。\n" + _FILLER
     + "\n三明新闻　上海频道　沪明对口合作　图片　视频　联系我们"),
    ("Yong'an opens new sports park", "News Politics Shanghai-Sanming Cooperation Tourism Videos Contact\nA new sports "
     "park with football pitches and a running track opened in Yong'an on Saturday. " + _EN),
])
def test_a_menu_line_between_spaces_without_an_opener(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_spaced_headline_over_the_ties_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明合作 十年同行", "沪明合作　十年同行\n十年来，上海市与三明市深化对口合作，共建沪明临港产业园，"
                      "两地干部互派挂职三百余人次。\n" + _FILLER)
    assert m.matched, m.reason


# --- a site's topic box ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("尤溪县开展秋季森林防火检查", "专题：沪明对口合作十周年\n尤溪县林业局近日开展秋季森林防火检查，重点排查林区用火和输电线路隐患。\n"
     + _FILLER),
    ("泰宁古城夜市开市", "泰宁古城夜市今晚开市，两百多个摊位售卖小吃和手工艺品。\n" + _FILLER + "\n【专题】沪明合作进行时"),
    ("建宁县召开安全生产会议", "建宁县近日召开安全生产工作会议，部署岁末年初安全防范工作。\n" + _FILLER
     + "\n专题链接：沪明对口合作　乡村振兴　营商环境"),
])
def test_a_topic_box_around_an_unrelated_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_topic_page_under_that_title_is_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "专题：沪明对口合作十周年", "2015年以来，上海市与三明市开展对口合作，共建产业园区五个，上海专家累计"
                      "来明义诊万余人次。\n" + _FILLER)
    assert m.matched, m.reason


# --- readers' comments without a heading ------------------------------------------------------------------------------


def test_readers_comments_left_below_the_story(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "永安市举办马拉松比赛", "永安市首届马拉松比赛今天开跑，五千名选手参赛。\n" + _FILLER
                      + "\n网友“山城小李”：沪明合作越来越好，希望上海游客多来永安。\n网友“老王”：赞！")
    assert not m.matched, m.reason


# --- a county body's post naming itself in its source line below the story -------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("瑞金医院专家团队每月来县坐诊", "每月第二周，瑞金医院专家团队在我县总医院坐诊、查房，带教本地医生。\n今年以来，专家团队共接诊"
     "患者一千二百人次，开展手术四十台。\n来源：建宁县卫健局"),
    ("名医工作室揭牌", "仁济医院名医工作室在我县中医院揭牌，专家每季度来院坐诊一周。\n" + _FILLER + "\n来源：泰宁县人民政府"),
])
def test_a_county_bodys_post_signed_below(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("在播州的一年", "清晨，小李开始了在遵义市播州区人民医院的查房。\n小李来自上海市第六人民医院，是上海对口帮扶遵义医疗队的一员，"
     "带教本地医生十余人。\n当地表示将继续深化与上海市第六人民医院的合作。\n来源：三明日报"),
    ("社区开展义诊活动", "上海某社区卫生服务中心近日组织义诊，为居民测量血压、血糖。\n" + _FILLER + "\n来源：三明日报"),
])
def test_a_newspapers_reprint_is_not_its_own_report(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- two institutions listed after 与 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("三明市卫健委与两家医院召开合作座谈会", "三明市卫健委与北京协和医院、上海瑞金医院驻点专家召开合作座谈会，听取合作共建进展情况。\n"
     + _FILLER),
    ("市第一医院与两家名院签约", "三明市第一医院与北京协和医院、仁济医院签署合作协议，共建专科联盟。\n" + _FILLER),
    ("三明学院与两所高校签约", "三明学院与厦门大学、同济大学签订合作共建协议，在学科建设、人才培养等方面开展合作。\n" + _FILLER),
])
def test_two_institutions_listed_as_partners(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("我市学子考入名校", "今年我市高考成绩喜人，三明一中多名学生考入北京大学、复旦大学。\n" + _FILLER),
    ("三明房价调查", "与北京、上海等城市相比，三明的房价仍然较低。\n" + _FILLER),
    ("三明夏季气温", "与福州、上海相比，三明夏季平均气温低两度。\n" + _FILLER),
])
def test_lists_that_name_no_partners(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- more of the same kinds: two bulleted links, an English topic box, a hospital's source line, 同 -------------------


def test_two_bulleted_links_below_an_unrelated_story(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "大田县开展秋冬季造林", "大田县今年秋冬季计划造林一万亩，目前已完成整地六成。\n" + _FILLER
                      + "\n· 沪明对口合作项目集中签约\n· 上海职工疗休养团走进泰宁")
    assert not m.matched, m.reason


def test_an_english_topic_box_below_an_unrelated_story(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Sanming opens new bus terminal", "A new long-distance bus terminal opened in Sanming on "
                      "Monday, with routes to Fuzhou and Xiamen. " + _EN + "\nSpecial coverage: Shanghai-Sanming cooperation")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("嘉定区代表团来我县考察", "嘉定区党政代表团一行日前来我县考察，双方就共建农产品加工园进行座谈，并签订结对合作协议。\n" + _FILLER
     + "\n来源：尤溪县人民政府办公室"),
    ("名医工作室落户我院", "上海市第六人民医院骨科名医工作室近日落户我院，专家每月来院坐诊查房。\n" + _FILLER + "\n来源：将乐县总医院"),
    ("三明与北京、上海两家医院签约", "三明市第二医院同北京天坛医院、上海华山医院签订专科合作协议。\n" + _FILLER),
])
def test_more_posts_signed_below_and_partners_listed(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("我省开展医疗帮扶", "上海专家团队近日来我省开展义诊活动。\n" + _FILLER + "\n来源：福建省卫健委"),
    ("我市两名医生入选全国名单", "三明市第一医院、上海市第一人民医院等二十家医院的医生入选全国优秀医师名单。\n" + _FILLER),
    ("浦东三明路一家面馆火了", "浦东新区三明路上一家开了二十年的面馆最近在网上走红，每天中午排起长队。\n" + _FILLER),
])
def test_a_province_a_national_list_and_a_street_stay_out(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- blind19's tuning kinds, in our own words: a video's timed subtitles ------------------------------------------

_SUBTITLES = ("【视频字幕】\n00:02 这里是上海虹口\n00:09 泰宁县的农产品展示馆今天开馆\n00:21 货架上摆满了泰宁的笋干和红菇\n"
              "00:34 展馆由两地共同建设\n00:48 这是沪明对口合作的新成果\n")


def test_a_videos_timed_subtitles_are_one_story(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "视频丨一分钟看泰宁农产品“沪”上展示馆", _SUBTITLES + _FILLER)
    assert m.matched, m.reason


def test_numbered_headlines_are_still_items(hu_ming: match.Topic) -> None:
    body = ("本周热点：\n1 沪明对口合作项目集中签约\n2 全市秋粮收购启动\n3 城区新增停车位\n4 老旧小区改造提速\n5 冬季征兵开始报名\n"
            + _FILLER)
    m = match_article(hu_ming, "本周热点回顾", body)
    assert not m.matched, m.reason
