"""The bundled hu-ming topic on the kinds match-20 left and more of what a careless extraction hands the
matcher (match-21).

Probes written for these tests, in our own words: a Sanming page's one sentence on the Shanghai side and
the two doing a thing together (blind15's u054 kind: a yearly report, Shanghai named once, no word for the
pairing); a county head's interview on a district's industry moving in (u111's kind: 承接产业转移); the
relocation years in the lead and the factory below; the query or the tag as a page's title; readers' replies
and further reading under still other names; a site's footer naming a Shanghai office as its co-runner; a
street of Sanming named 上海路; and blind16's tuning kinds retold.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_FILLER = "这个季节的山里，清晨雾气很重，街口的早点铺六点开门，赶车的人站着吃完一碗拌面就走，广场上晚上总有人跳舞。"

# --- one tie sentence in a long report, Shanghai named once ------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("三明市总工会2025年工作报告",
     "首页 > 工作动态\n" + _FILLER + "\n全年共接待上海市总工会组织的职工疗休养一万余人次，双方联合推出疗休养线路八条。\n"
     + _FILLER + "\n来源：三明日报"),
    ("泰宁县卫健局工作情况报告",
     _FILLER + "\n年内接收上海虹口区派驻医生六名常年坐诊，双方联合开展手术一百四十台。\n" + _FILLER),
])
def test_a_sanming_report_names_shanghai_and_the_two_at_work(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_the_two_of_another_pairing_under_a_shanghai_title_stay_apart(hu_ming: match.Topic) -> None:
    # 双方 is the district and another city; Sanming is an aside in the lead
    m = match_article(hu_ming, "松江区与嘉兴市签约",
                      "松江区与嘉兴市签署合作协议，双方将在文旅方面加强合作。松江区此前已与三明的清流县建立对口合作关系。")
    assert not m.matched, m.reason


# --- industry moved in, the relocation years up front --------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("访谈｜宁化县县长谈承接浦东产业转移",
     "记者：今年招商有什么亮点？\n答：我们始终把项目建设作为生命线。\n" + _FILLER + "\n记者：明年的打算？\n答：重点是民生补短板。"),
    ("一张老照片里的钢城岁月",
     "照片拍于1959年，画面里是一群刚到此地的年轻人，背后是尚未完工的高炉。\n他们中不少人来自上海，随厂南下，参与了三明钢铁厂的建设。"),
])
def test_ties_told_without_a_tie_sentence_of_both_sides(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- pages that are not stories: a query or a tag as the title, replies and further reading ---------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai Sanming - 搜索", "三明市区停电通知\n上海至三明机票特价\n三明民宿排行榜\n上海搬家公司报价"),
    ("Tag: Shanghai Sanming", "Sanming weather: rain expected on Friday\nShanghai metro line extension opens\n"
     "Sanming bamboo festival draws crowds"),
    ("Search: Shanghai Sanming", "Results 1-10\nShanghai weather this weekend\nSanming bamboo shoot prices\n"
     "Movers: Shanghai to Sanming rates"),
])
def test_a_query_or_a_tag_as_the_title_is_a_list_of_results(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("宁化县举办农民丰收节",
     "宁化县农民丰收节在石壁镇举行，现场展示了稻米、薯干等特色农产品，吸引游客两万人次。\n热门跟帖\n"
     "在沪老乡：家乡的薯干上海超市里也能买到了，沪明消费帮扶真不错。"),
    ("嘉定区举办秋季招聘会",
     "嘉定区秋季招聘会在区人力资源市场举行，三百余家企业提供岗位八千个。\n延伸推荐\n"
     "嘉定区党政代表团赴尤溪县考察对口合作项目\n尤溪县与嘉定区签订劳务协作协议"),
    ("三明市区一小区停水通知",
     "因管网改造，三明市列东街道部分小区明日停水十二小时，请居民提前储水。\n本站相关\n"
     "· 上海三明两地签署文旅合作协议\n· 沪明合作产业园再添新项目"),
])
def test_replies_and_further_reading_under_other_names_are_not_the_story(hu_ming: match.Topic, title: str,
                                                                         body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a site's footer naming a Shanghai office as its co-runner ---------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("尤溪县举办朱子文化旅游节",
     "尤溪县朱子文化旅游节开幕，吸引游客三万余人次，各乡镇特色小吃集中展销。\n"
     "主办单位：尤溪县人民政府办公室　协办单位：上海市嘉定区人民政府合作交流办公室\n版权所有 © 尤溪县人民政府"),
    ("建宁县开展秋季植树活动",
     "建宁县机关干部和志愿者三百余人在溪源乡开展植树活动，共栽下苗木两千株。\n"
     "主办：建宁县人民政府 协办：上海市奉贤区驻建宁工作组 网站标识码：3504300001 闽ICP备05012345号"),
])
def test_a_site_footer_naming_a_shanghai_co_runner_is_not_the_story(hu_ming: match.Topic, title: str,
                                                                   body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # an event's organisers as its last lines, no site named: the event's, not the site's
    ("第五届三明文旅推介会在沪举行",
     "三明文旅推介会在上海举行，推介十二个县（市、区）的精品线路。\n主办：上海市合作交流办、三明市人民政府\n"
     "承办：三明市文化和旅游局"),
    # 主办方 opening a story's sentence is no footer label
    ("沙县小吃节开幕",
     "第十届沙县小吃节开幕，现场设置两百个摊位。\n主办方介绍，今年与上海黄浦区联合举办，双方还签订了沙县小吃进社区合作协议。\n"
     "版权所有 沙县区融媒体中心"),
])
def test_an_events_organisers_are_no_site_footer(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a street of Sanming named 上海路 -----------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("三明市区上海路商户集中整治", "三明市城管部门对上海路沿街商户开展集中整治，清理占道经营三十余处，签订门前三包责任书一百二十份。"),
    ("三明上海路夜市开市", "三明市区上海路夜市昨晚开市，上海路沿街设置摊位一百二十个，与周边社区签订共建协议。"),
])
def test_a_street_named_shanghai_road_is_no_shanghai(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_roadshow_in_shanghai_is_still_shanghai(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明文旅项目赴上海路演", "三明市组织二十个文旅项目赴上海路演推介，与上海十余家投资机构对接洽谈。")
    assert m.matched, m.reason


# --- blind16's tuning kinds, in our own words -----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    # the title names the province, the lead places the two sides' pact in Sanming; the title repeated above the lead
    ("Shanghai and Fujian sign culture pact",
     "Shanghai and Fujian sign culture pact\nShanghai and Fujian Province signed a culture and tourism cooperation "
     "agreement in the city of Sanming on Friday.\nPhoto: staff\nThe two sides will open new heritage routes."),
    ("沪闽签署文旅合作协议",
     "上海市与福建省在三明签署文旅合作协议，双方将共同开发红色旅游线路。\n" + _FILLER),
])
def test_a_pact_of_shanghai_and_the_province_signed_in_sanming(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_province_wide_promotion_in_shanghai_stays_apart(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "福建九市在沪联合推介文旅资源",
                      "福建省在上海举办文旅推介会，福州、厦门、三明等九个设区市参加。\n" + _FILLER)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # a former district (卢湾, merged since) as where the factory came from, Sanming's river in the title
    ("小三线往事：从卢湾到沙溪河",
     "1967年，卢湾的一家钟表零件厂接到通知，整体内迁福建山区。\n新厂房建在山坳里，头几年没有自来水。\n"
     "老师傅退休后回了上海，每隔几年都要回三明看看。"),
    # the year in the title, Shanghai's factory and the Sanming towns it reached in one paragraph
    ("1960：一座纱厂的南迁",
     "那年冬天，上海一家纱厂的四百名职工带着纱锭上了南下的列车。车到永安再换卡车，一路进了山。\n"
     "后来的人说，城里最早的裁缝铺都带着一股外乡口音。"),
])
def test_a_relocation_memoir_told_across_paragraphs(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_mill_of_the_era_selling_to_shanghai_is_its_trade(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "1965：一家老厂的新面料",
                      "这家厂建于1965年，几经改制，如今专做户外面料。\n三明这家老厂的面料如今销往上海的服装品牌。")
    assert not m.matched, m.reason


def test_a_garbled_hu_name_beside_another_partner_is_that_partners(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪\ufffd协作项目签约",
                      "沪\ufffd两地签署深化协作协议。云南省代表团在沪期间，双方就普洱茶进入上海市场达成共识。\n" + _FILLER)
    assert not m.matched, m.reason


def test_a_garbled_hu_name_on_a_sanming_page_is_the_pairing(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪\ufffd合作产业园签约",
                      "沪\ufffd合作产业园新签约项目六个，三明市与上海市有关部门负责人出席。")
    assert m.matched, m.reason
