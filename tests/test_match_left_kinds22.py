"""The bundled hu-ming topic on the kinds match-21 left and more of what a careless extraction hands the
matcher (match-22).

Probes written for these tests, in our own words: another Fujian city's signing with a Shanghai firm whose
title names Sanming only as where some guests came from (blind16's k034 kind); the city's building in Fuzhou
(福州三明大厦) as an address; a site's menu under its own label (网站导航：…); readers' comments and replies
and further reading under headings that are common words (评论, 回复, "Comments", 相关内容: only as a line of
their own); a long report's one sentence calling the two sides 两地 beside a word of their ties; a legal-aid
case; tourists flown in on a charter. Then more of a page's furniture below the story (排行榜, 往期回看, 阅读原文,
【打印】【关闭】, 网友热评, "Editor's picks"); a title naming Shanghai's other pairing by its 沪 word (沪滇协作); a firm,
a person, a brand and a theme named after a city (上海三明电器, 杨三明, 上海牌, 以老上海为主题).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_FILLER = "今年秋天雨水偏多，菜市场的青菜价格涨了两成，小区门口新开了一家面包店，早上排队的人不少。"
_FILLER2 = "区里的老年大学新学期开课，书法、合唱、太极拳几个班报名火爆，不少老人一早就到教室占座。"

# --- Sanming only as where guests came from ----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("龙岩市与上海一家物流企业签约 三明嘉宾应邀出席",
     "龙岩市与上海某物流集团签订合作协议。出席仪式的还有泉州、漳州、三明等地客商。\n" + _FILLER),
    ("泉州与上海企业签约 三明代表列席", "泉州市与上海一家汽车企业签订合作协议，三明、莆田等地代表列席。\n" + _FILLER),
])
def test_another_fujian_citys_deal_with_sanmings_guests_attending(hu_ming: match.Topic, title: str,
                                                                  body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_sanmings_own_deal_with_guests_from_another_fujian_city_is_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明与上海企业签约 福州客商出席",
                      "三明市与上海一家新材料企业签订投资协议，项目落户永安。出席仪式的还有福州、厦门等地客商。\n" + _FILLER)
    assert m.matched, m.reason


# --- the city's building in Fuzhou -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海一企业在福州三明大厦举办推介会", "上海某科技公司在福州三明大厦举办产品推介会，邀请福州本地客户参加。\n" + _FILLER),
    ("福州三明大厦停车场改造", "福州三明大厦停车场开始改造，上海一家停车管理公司中标运营。\n" + _FILLER),
])
def test_the_building_in_fuzhou_is_an_address(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_city_acting_in_its_fuzhou_building_is_still_the_city(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明市在福州三明大厦与上海企业签约",
                      "三明市在福州三明大厦与上海一家企业签订投资协议，项目将落户沙县。\n" + _FILLER)
    assert m.matched, m.reason


# --- a menu under its own label; comments, replies and further reading as lines of their own -----------------------


@pytest.mark.parametrize(("title", "body"), [
    ("小区停电检修通知", "网站导航：三明新闻 上海频道 沪明合作专栏 图片 视频\n明日上午八点至下午五点，城区部分小区停电检修。\n" + _FILLER),
    ("Local library extends hours", "Menu Home News Shanghai Sanming Cooperation Video\nThe city library will open "
     "until 9pm on weekdays from next month, the culture bureau said."),
])
def test_a_menu_under_its_own_label_is_no_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("嘉定区举办马拉松", "嘉定区马拉松赛鸣枪开跑，一万名选手参赛。\n" + _FILLER
     + "\n评论\n跑友小李：明年想去三明跑，听说和上海结对了\n跑友老张：支持"),
    ("将乐县玉华洞景区提质", "将乐县玉华洞景区完成提质改造，新增灯光秀。\n" + _FILLER
     + "\n评论（3）\n网友A：上海嘉定和将乐结对，欢迎嘉定人来玩"),
    ("Yong'an bamboo festival opens", "The annual bamboo festival opened in Yong'an on Saturday with food stalls and "
     "music.\nComments\nReader from Shanghai: Our district is paired with Yong'an, great to see!\nReply: Welcome"),
    ("沙县小吃节开幕", "沙县小吃文化节开幕，现场两百个摊位。\n" + _FILLER
     + "\n全部回复\n上海网友：沪明合作以后去上海也能吃到正宗沙县小吃\n回复：是的"),
    ("明溪县冬季森林防火部署", "明溪县部署冬季森林防火工作，要求各乡镇严格野外用火管理。\n" + _FILLER
     + "\n相关内容\n上海杨浦区代表团赴明溪考察对口合作\n明溪县与杨浦区签署合作协议"),
    ("嘉定区垃圾分类新规实施", "嘉定区垃圾分类新规今起实施，居民需按时定点投放。\n" + _FILLER
     + "\n推荐新闻：\n嘉定区与尤溪县签订结对合作协议\n尤溪县代表团来嘉定考察"),
])
def test_comments_replies_and_further_reading_are_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # a paragraph opening with the common word goes on: no heading
    ("嘉定区与尤溪县深化对口合作", "嘉定区与尤溪县签署新一轮对口合作协议，共建产业园。\n评论认为，这是两地合作的新起点。\n"
     "相关内容如下：一是共建产业园，二是干部互派挂职。"),
])
def test_a_common_word_opening_a_paragraph_is_no_heading(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    marker = hu_ming.ignore_after
    assert marker is not None and marker.search("\n评论认为,这是两地合作的新起点") is None
    assert marker.search("\n评论(12)\n") is not None and marker.search("\n相关内容\n") is not None


def test_a_channels_name_above_the_story_is_no_comment_heading(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "嘉定区与尤溪县深化合作",
                      "首页 > 评论\n评论\n嘉定区与尤溪县签署新一轮对口合作协议，共建产业园，两地干部互派挂职。")
    assert m.matched, m.reason


def test_comments_under_a_short_storys_one_sentence_are_cut(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "嘉定区举办马拉松",
                      "嘉定区马拉松赛鸣枪开跑，一万名选手参赛。\n评论\n跑友小李：明年想去三明跑，听说和上海结对了")
    assert not m.matched, m.reason


# --- one sentence calling the two sides 两地 beside a word of their ties -------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("清流县卫健局年度总结", "\n".join([_FILLER] * 6) + "\n通过两地卫健部门搭建的合作平台，上海专家全年来清流坐诊四十余次。\n"
     + "\n".join([_FILLER2] * 6)),
    ("明溪县工会年度报告", "\n".join([_FILLER] * 4) + "\n今年共有上海职工三千余人次通过两地工会搭建的疗休养平台来到明溪。\n"
     + "\n".join([_FILLER2] * 4)),
])
def test_a_long_reports_sentence_on_the_two_and_their_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_the_two_as_a_forecasts_pair_stay_apart(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "明日天气", "\n".join([_FILLER] * 3) + "\n受冷空气影响，上海、三明两地明日气温下降五度。\n" + _FILLER2)
    assert not m.matched, m.reason


# --- a legal-aid case, tourists on a charter ------------------------------------------------------------------------


def test_a_workers_legal_aid_case_is_no_help_between_the_places(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明一男子在上海务工被欠薪",
                      "三明籍男子小李在上海一工地务工，被拖欠工资三万元，经法律援助获赔。\n" + _FILLER)
    assert not m.matched, m.reason


def test_tourists_flown_in_on_a_charter_are_a_flow_between_the_two(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "申城游客包机到泰宁", "首批申城游客乘包机抵达泰宁，开启五日康养之旅，泰宁县文旅局组织接待。\n" + _FILLER)
    assert m.matched, m.reason


# --- more of a page's furniture below the story (match-22, second piece) ---------------------------------------------

_STORY = "城区新增公共充电桩两百个，分布在各大商圈和小区。\n" + _FILLER + "\n"


@pytest.mark.parametrize("tail", [
    "排行榜\n1 沪明对口合作产业园再签大单\n2 上海嘉定区代表团来明考察\n3 三明北站改造完成",
    "图片新闻\n沪明对口合作产业园再签大单\n上海嘉定区代表团来明考察",
    "END\n▼ 往期回看 ▼\n上海闵行区与清流县签订对口合作协议\n闵行区援派医生在清流",
    "阅读原文\n上海闵行区与清流县签订对口合作协议\n闵行区援派医生在清流",
    "【打印】【关闭】\n【专题】沪明对口合作专栏",
    "专题推荐\n沪明对口合作十周年\n嘉定将乐结对成果展",
    "网友热评\n上海游客：去年跟着沪明合作的疗休养团来过，想再来",
    "读者留言\n上海游客：去年跟着沪明合作的疗休养团来过，想再来",
])
def test_furniture_below_the_story_is_not_the_story(hu_ming: match.Topic, tail: str) -> None:
    m = match_article(hu_ming, "城区新增公共充电桩", _STORY + tail)
    assert not m.matched, m.reason


@pytest.mark.parametrize("head", ["Editor's picks", "Latest news", "Most popular"])
def test_english_furniture_below_the_story_is_not_the_story(hu_ming: match.Topic, head: str) -> None:
    m = match_article(hu_ming, "Night market reopens",
                      "The riverside night market reopened on Friday with 120 stalls selling snacks.\n"
                      f"{head}\nShanghai and Sanming sign new pairing pact, officials say.\nJiading delegation visits Youxi.")
    assert not m.matched, m.reason


def test_most_popular_opening_a_sentence_goes_on(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Night market reopens",
                      "The riverside night market reopened on Friday with 120 stalls selling snacks.\n"
                      "Most popular were the Shaxian snack stalls run by cooks trained under the Shanghai-Sanming pairing.")
    assert m.matched, m.reason


# --- Shanghai's other pairing named by its 沪 word ----------------------------------------------------------------------


def test_a_title_on_shanghais_other_pairing_by_its_hu_word(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪滇协作十年", "上海与云南开展沪滇协作十年，累计投入资金百亿元。\n" + _FILLER
                      + "\n此外，上海还与三明开展对口合作。")
    assert not m.matched, m.reason


def test_both_governments_are_the_two(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shaxian snack makers court Shanghai diners",
                      "Cooks trained in Shaxian District opened 30 outlets in Huangpu district this year under a programme "
                      "backed by both governments.\nThe weather was mild this week and the night market drew crowds.")
    assert m.matched, m.reason


# --- names that are a firm's, a person's, a brand's or a theme's ------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海三明电器公司招聘", "上海三明电器有限公司招聘销售人员十名，要求有相关经验，合作共赢。\n" + _FILLER),
    ("杨三明获评优秀教师", "上海某中学教师杨三明获评市级优秀教师，他与同事合作开发了校本课程。\n" + _FILLER),
    ("上海牌手表收藏展在三明举办", "一场上海牌手表收藏展在三明市博物馆举办，展出藏品三百件，由本地收藏家协会主办。\n" + _FILLER),
    ("老上海风情街在三明开街", "三明市区一条以老上海为主题的风情街开街，商户与运营方签约五十家。\n" + _FILLER),
])
def test_a_firm_a_person_a_brand_or_a_theme_named_after_a_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # 开张|三明特产: no person named 张三明
    ("名品馆开张", "三明名品馆在上海开张三明特产受到欢迎，双方签约合作。"),
    ("上海三明商会年会举行", "上海三明商会举行年会，在沪三明企业家两百余人参加，与嘉定区签订合作协议。"),
])
def test_the_city_beside_such_names_is_still_the_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a blog's share buttons below the post; the pair as two of a list's cities -----------------------------------------


def test_a_blogs_share_and_like_buttons_end_the_post(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Sanming opens new bus routes",
                      "Sanming opened three new bus routes on Monday, the transport bureau said.\nShare this:\nFacebook\n"
                      "Twitter\nLike this:\nShanghai paired cooperation news: Jiading teams visit Youxi")
    assert not m.matched, m.reason


def test_the_pair_among_a_lists_cities_is_no_name_of_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai and Sanming among greenest cities",
                      "Shanghai and Sanming were among 20 cities named for green spaces in a national review.\n"
                      "The weather was mild this week and the night market drew large crowds, vendors said.")
    assert not m.matched, m.reason
