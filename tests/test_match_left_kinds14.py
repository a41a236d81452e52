"""The bundled hu-ming topic on the kinds the ninth blind set's held part left (match-14).

Probes written for these tests, in our own words, of each kind match-13 reported as left: a Shanghai
district head's interview whose one answer on a Sanming county follows "besides Yunnan and
Xinjiang …"; English flood relief and donations from a district to its county; machine-translated
pages on a "workstation" set up by Shanghai experts, under a long source-and-date line; timetables
whose two ends are railway stations (三 明北至上 海虹桥, spaced out or not); teachers sent to teach
(支教) beside students' summer trips; and a personal notice (寻人启事) recalling the relocations.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- the other pairings named as what the speaker's district does besides -----------------------


@pytest.mark.parametrize(("title", "body"), [
    ("专访普陀区区长：在长三角一体化中找准坐标",
     "记者：今年区里经济有哪些亮点？\n区长：全区新增高新技术企业一百二十家，桃浦智创城建设提速。\n"
     "记者：对口支援方面呢？\n区长：在云南，我们安排帮扶资金两亿元；在新疆，援建了一所学校。除了云南、新疆，"
     "我们还和福建的尤溪县结对，这几年在尤溪建了一个茶叶加工园，今年又组织了三千名职工去尤溪疗休养。\n"
     "记者：明年有什么打算？\n区长：继续优化营商环境。"),
    ("Interview: Jiading's district head on a year of growth",
     "Q: What drove growth this year?\nA: Auto parts and new energy vehicles.\nQ: What about paired assistance?\n"
     "A: Besides our work in Xinjiang and Yunnan, we are paired with Ninghua county in Fujian. We helped build a "
     "food processing park there, and two thousand of our workers spent their rest leave in Ninghua last year.\n"
     "Q: Next year?\nA: More housing renewal."),
])
def test_other_pairings_named_as_besides_do_not_silence_the_answer(hu_ming: match.Topic, title: str,
                                                                     body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_an_interview_on_other_pairings_only_stays_unmatched(hu_ming: match.Topic) -> None:
    body = ("记者：对口支援方面呢？\n区长：在云南，我们安排帮扶资金两亿元；在新疆，援建了一所学校；在喀什，派出医疗队。\n"
            "记者：明年有什么打算？\n区长：继续优化营商环境，区里不少企业也在福建、江西等地设厂。")
    m = match_article(hu_ming, "专访普陀区区长：在长三角一体化中找准坐标", body)
    assert not m.matched, m.reason


def test_besides_does_not_lift_a_sentence_on_another_pairing(hu_ming: match.Topic) -> None:
    # the other partner is the sentence's own subject, not what is set aside: still no report of the ties
    body = ("区长：除了招商引资，我们和云南的结对帮扶也在推进，今年向宁化县派出考察组学习经验。\n"
            "区长：全区新增高新技术企业一百二十家。")
    m = match_article(hu_ming, "专访普陀区区长", body)
    assert "a Shanghai report names Sanming beside the pairing" not in m.rules, m.reason


# --- relief and donations ------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Hongkou sends relief to flood-hit Taining",
     "Hongkou district sent 2 million yuan and a truckload of pumps and water purifiers to Taining county after "
     "floods hit several townships.\nThe district's cooperation office said a medical team would follow.\n"
     "Retail sales rose five percent."),
    ("Jinshan relief supplies reach flooded Jiangle",
     "Relief supplies from Jinshan district, including tents, quilts and drinking water, reached Jiangle county on "
     "Tuesday, three days after the flood.\nMore are on the way, officials said."),
    ("金山区驰援将乐县抗洪救灾",
     "将乐县遭受强降雨袭击后，金山区第一时间筹集救灾物资，连夜运往将乐。\n首批物资包括帐篷五百顶、饮用水两千箱。"),
])
def test_relief_sent_by_one_side_to_the_other_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai charity sends relief to flooded Guangxi town",
     "A Shanghai charity sent tents and water to a flooded town in Guangxi on Monday.\n"
     "Heavy rain also fell in Sanming, Fujian, where schools closed for a day."),
    ("强降雨影响华东多地", "受强降雨影响，上海部分道路积水。\n三明市启动防汛四级应急响应，各县做好救灾准备。"),
    ("Typhoon brings rain to east China",
     "Flood relief work went on in Sanming on Monday while Shanghai braced for the typhoon's outer bands."),
    ("Shanghai retirees tour Fujian's mountain towns",  # a list opened by "including": two items are one
     "A group of Shanghai retirees spent a week touring mountain towns in Fujian, including Taining and Wuyishan."),
])
def test_relief_elsewhere_or_weather_stays_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- workstations, and a long source line above the story ----------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Mingxi county's talent workstation in Yangpu science park put into use",
     "Source: Sanming Municipal People's Government Website   Published: 2025-11-26   Font size: [Large] [Medium] "
     "[Small]   Print\nMingxi County's talent workstation in a university science park in Yangpu District was "
     "officially put into use. It will serve the county as a window for attracting talent.\n"
     "The market regulator tested 900 food samples."),
    ("Shanghai experts' workstation settles in Youxi",
     "Recently, the academician expert workstation set up by experts of Shanghai Jiao Tong University was unveiled in "
     "Youxi County. The workstation will carry out research on tea breeding."),
    ("Shanghai Agricultural Academy experts workstation in Jianning",
     "Release time: 2025-10-12 Source: Jianning County Financial Media Center Author: Editor Views: 231\n"
     "The Shanghai Academy of Agricultural Sciences expert workstation in Jianning County held its unveiling ceremony."),
])
def test_a_workstation_of_one_side_on_the_other_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_workstation_beside_a_visit_stays_unmatched(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Sanming opens a workstation for retired teachers",
                      "Sanming opened a volunteer workstation for retired teachers on Monday. Visitors from Shanghai "
                      "and Xiamen toured the city's museum the same day.")
    assert not m.matched, m.reason


def test_a_long_source_line_is_not_the_lead() -> None:
    # the lead is the story's first paragraph: "both sides and cooperation up front" reads it
    from monitor.match.engine import _cut_and_lead, _Doc  # the lead as the rules see it
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    body = ("Source: Sanming Municipal People's Government Website   Published: 2025-11-26   Font size: [Large] "
            "[Medium] [Small]   Print\nMingxi County's talent workstation in Yangpu District was put into use today.")
    doc = _Doc("Workstation put into use", body, (topic,))
    assert _cut_and_lead(topic, doc)[1] == 2
    zh = ("来源：建宁县融媒体中心　作者：某某　发布时间：2025-10-12 09:30　浏览次数：231　字号：大 中 小　打印本页　"
          "关闭窗口　分享到：微信 微博\n上海市农业科学院专家工作站在建宁县揭牌，专家每年四次来县指导莲子种植。")
    doc = _Doc("专家工作站揭牌", zh, (topic,))
    assert _cut_and_lead(topic, doc)[1] == 2
    # a lead that names its source in its own sentences is still the lead
    story = "Source: officials said on Monday that a Shanghai hospital opened a clinic in Taining. More will follow."
    doc = _Doc("Clinic opens", story, (topic,))
    assert _cut_and_lead(topic, doc)[1] == 1


# --- timetables: stations at both ends of a route ------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("三 明北—上 海虹桥 G字头列车首发",
     "来源：三 明日报\n今日起，三 明北至上 海虹桥开行首对G字头列车，全程约四小时四十分。\n"
     "气象部门提醒，近期降雨频繁，请市民注意出行安全。"),
    ("三明北至上海虹桥新开行一对动车",
     "铁路部门消息，自下周起，三明北至上海虹桥新开行一对动车组，早上七点发车，全程约五小时。\n另外，三明北至厦门北增开两对。"),
    ("上海南站至三明站开行直达普速列车", "新运行图实施后，上海南站至三明站开行一趟直达普速列车，每天一班，全程十四小时。"),
    ("铁路调图", "下月起实行新运行图。上海虹桥—三明北新开行一对动车组，沿途停靠南平市。"),
])
def test_a_route_between_stations_is_a_timetable(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海至三明旅游专列开行",
     "首趟上海至三明旅游专列日前从上海站开出，五百余名上海游客将在三明游览五天。三明市文旅局在站台举行欢迎仪式。"),
    ("三明北站开通直达上海虹桥动车",
     "随着新运行图实施，三明北站首次开通直达上海虹桥站的动车组列车，全程约五个半小时。三明市文旅部门表示，将借助这一通道，"
     "联合上海旅行社推出周末游产品，吸引更多上海游客。"),
    ("三明北—上海虹桥沪明旅游专列首发", "两地文旅部门联合开行的沪明旅游专列今天从三明北站开往上海虹桥，车上有三百名三明游客。"),
])
def test_trains_of_the_ties_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- teachers sent to teach ------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("复旦大学研究生支教团抵达建宁", "第二十六届复旦大学研究生支教团的八名成员日前抵达建宁县，将在县里三所中学支教一年。"),
    ("嘉定区选派教师赴尤溪支教", "嘉定区第三批十二名骨干教师日前抵达尤溪县，将在当地中小学支教一年，开展示范课和校本教研。"),
])
def test_teachers_sent_to_teach_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海高校学生暑期赴明溪支教",
     "来自华东师范大学、福建师范大学、南京师范大学的二十名学生组成支教团，在明溪县一所乡村小学开展为期两周的暑期支教。"),
    ("Shanghai students spend the summer teaching in Qingliu",
     "Twenty students from Shanghai universities spent two weeks of summer teaching at a village school in Qingliu county."),
])
def test_students_summer_teaching_is_a_trip(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a personal notice -----------------------------------------------------------------------


def test_a_missing_person_notice_is_no_tie(hu_ming: match.Topic) -> None:
    body = ("寻人启事\n本人姓李，上海人，寻找失散多年的舅舅李某，约1948年生。听长辈说，他1966年前后随上海一家机械厂内迁到福建三明，"
            "此后失去联系。\n如有知情者，请与本人联系，不胜感激！\n回复：可以去三明的老厂留守处打听，那边有老职工名单。")
    m = match_article(hu_ming, "寻人启事：寻找1966年随厂迁往三明的上海舅舅", body)
    assert not m.matched, m.reason


def test_a_story_about_families_finding_each_other_still_counts(hu_ming: match.Topic) -> None:
    # a report on the ties that helps relocated workers' families: no notice of one person's
    body = ("三明市总工会与上海市有关区工会合作，为当年随厂内迁的上海老职工寻亲。\n"
            "一年来，两地工会帮助四十多户家庭重新取得联系，并举办了沪明情座谈会。")
    m = match_article(hu_ming, "两地工会合作为内迁老职工寻亲", body)
    assert m.matched, m.reason


# --- probes of the judges' other kinds (second round of probes) ----------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("大田茶企拓展华东市场",
     "大田县一家茶企今年在华东市场发力，产品主要销往上海，销售额增长三成。\n县农业农村局表示，将继续支持茶企打品牌。"),
    ("Fudan graduate opens a cafe in Taining",
     "A Fudan University graduate has opened a coffee shop in Taining's old town, drawing tourists from Xiamen and "
     "Fuzhou."),
])
def test_one_firms_market_or_one_persons_cafe_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("东方国际集团在宁化设立服装加工基地", "东方国际集团与宁化县签约，将在宁化设立服装加工基地，首期投资两亿元，吸纳当地就业五百人。"),
    ("Yangpu cadres take up posts in Datian", "Five officials from Yangpu district took up two-year posts in the Datian county "
     "government on Monday."),
    ("将乐竹制品进入上海连锁超市", "在上海结对区牵线下，将乐县五家竹制品企业的产品进入上海一家连锁超市的六十家门店。"),
])
def test_a_state_firm_and_officials_posted_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_question_mark_for_a_lost_character_inside_a_name(hu_ming: match.Topic) -> None:
    # a page saved in a charset without the character writes "?" for it (三?市, 上?市)
    m = match_article(hu_ming, "三?市与上?市签署合作协议", "三?市与上?市日前签署对口合作框架协议，两地将共建产业园区。")
    assert m.matched, m.reason
    # a question mark between sentences stays one: its neighbours are no name's
    m = match_article(hu_ming, "网友问：去上海怎么办?市民可咨询", "请问三明去上海怎么走?市民可拨打热线咨询。")
    assert "〓" not in "".join(h.term for h in m.hits)
    assert not m.matched, m.reason


# --- English captions of doctors at work on the other side; the Third Front ---------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Photos: Shanghai doctors in Youxi",
     "Photo: Doctors from Shanghai's Renji Hospital examine villagers in Youxi county on Tuesday.\n"
     "Photo: A Renji surgeon operates at the county hospital."),
    ("Shanghai's 'small third front' remembered in Sanming",
     "Relics of factories that Shanghai set up in the mountains of Sanming during the Third Front years were put on "
     "show in a new museum."),
])
def test_doctors_from_one_side_and_the_third_front_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Tourist treated in Taining",
     "A tourist from Shanghai who fell ill was treated by doctors at Taining county hospital on Sunday."),
    ("Doctors meet in Urumqi", "Doctors from Shanghai hospitals and a surgeon from Sanming attended a forum in "
     "Urumqi, Xinjiang, on Monday."),
    ("Third Front museum opens in Guizhou", "A Third Front museum opened in Liupanshui, Guizhou, showing machines "
     "moved from Shanghai.\nA visitor from Sanming said his father worked in one such plant."),
])
def test_doctors_elsewhere_or_another_third_front_stay_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_floor_plan_of_three_bright_rooms_is_no_sanming(hu_ming: match.Topic) -> None:
    # 三明三暗 / 三明两暗: three rooms with daylight, a floor plan's jargon (blind10's held part, read after
    # its measurement: a Shanghai housing story whose new flats "sell well", 热销)
    body = ("本周上海新房成交回暖，闵行、松江多个新盘开盘即热销。\n"
            "业内人士说，购房者偏爱“南北通透、三明两暗”的户型，即客厅、主卧和厨房都有直接采光。")
    m = match_article(hu_ming, "“三明两暗”户型走俏 上海新盘热销", body)
    assert not m.matched, m.reason


# --- a links marker in the page's menu, above the headline and the story -------------------------


def test_a_links_marker_above_the_repeated_headline_is_the_menus(hu_ming: match.Topic) -> None:
    body = ("目录\n相关文章推荐\n某某美食号 › 专栏\n逛吃上海｜小吃培训基地开班\n美食 · 2025-03-01\n"
            "杨浦区与沙县区共建的小吃技能培训基地本周开班，首期三十名在沪经营户免费学习，师傅都是从三明请来的。\n"
            "学员说，学完就回店里改菜单。")
    m = match_article(hu_ming, "逛吃上海｜小吃培训基地开班", body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("吃遍上海的小吃",  # a links block after the story is still cut off
     "上海的小吃店里，沙县小吃最常见。一位店主说，他从沙县来上海十年，开了三家小店。\n相关文章推荐\n· 沪明合作再结硕果\n"
     "· 沙县小吃培训基地落户杨浦"),
    ("吃遍上海的小吃",  # and so is one whose links repeat the headline (a page linking to itself)
     "上海的小吃店里，沙县小吃最常见。\n相关文章推荐\n· 沪明合作再结硕果\n吃遍上海的小吃 续篇\n· 沙县小吃培训基地落户杨浦"),
])
def test_links_after_the_story_stay_cut_off(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
