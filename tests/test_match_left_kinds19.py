"""The bundled hu-ming topic on the kinds match-17 and match-18 left, and more of what real pages hand
the matcher (match-19).

Probes written for these tests, in our own words: a street named 三明路 in Shanghai against a
roadshow held in Sanming (赴三明路演); people named 三明 (画家陈三明, "painter Sanming Chen", 张三明天…);
a band calling itself 三明; a Sanming shop named after a Shanghai snack; a year looked back on, one
line on the ties; someone from one side hurt or saved on the other; one person's own show or
signing on the other side.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article, segment

# --- streets named 三明路, and a roadshow in Sanming -----------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("浦东三明路一家便利店开业", "上海浦东新区三明路上新开了一家二十四小时便利店，店主说将与周边社区合作开展送货服务。"),
    ("上海三明路菜场改造完工", "浦东新区三明路菜市场改造完工，新增摊位四十个，街道与物业公司合作开展管理。"),
])
def test_a_street_named_sanming_road_in_shanghai_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_roadshow_held_in_sanming_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "我区科技企业赴三明路演",
                      "上海市嘉定区十家科技企业本周赴三明路演，与当地园区签订合作协议。")
    assert m.matched, m.reason
    assert "三明路演" in m.reason


def test_a_rare_overlapping_word_is_no_second_reading() -> None:
    # 明路 and 安寺 are listed a few times in the whole lexicon: 三明路 and 永安寺 name a street and a temple
    assert not segment.crossing("三明路", 0, 2)
    assert not segment.crossing("永安寺", 0, 2)
    # 明确 and 即将 are common words: those contexts stay questions of segmentation
    assert segment.crossing("三明确", 0, 2)
    assert segment.crossing("即将乐", 1, 3)


# --- people and a band named 三明 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("画家陈三明个展在沪开幕",
     "画家陈三明的个人作品展日前在上海一家美术馆开幕，展出山水画四十幅。陈三明出生于杭州，此次展览由美术馆与一家出版社合作举办。"),
    ("张三明天到上海签约", "据悉，张三明天将到上海与投资方签约合作，具体项目尚未公布。"),
    ("Painter Sanming Chen opens Shanghai show",
     "Painter Sanming Chen opened a solo exhibition in Shanghai on Friday, showing forty ink works. Chen, who was "
     "born in Hangzhou, said the show marks a partnership with a local gallery."),
    ("Chen Sanming's ink paintings shown in Shanghai",
     "Ink painter Chen Sanming, born in Suzhou, opened an exhibition in Shanghai this week in cooperation with a "
     "private gallery."),
    ("“三明乐队”上海专场售罄",
     "独立乐队“三明乐队”下周在上海一家演出空间举办专场，门票已售罄。乐队成员来自南京，与主办方合作推出限量唱片。"),
])
def test_a_person_or_a_band_named_sanming_is_no_city(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_sanming_after_a_word_like_a_surname_is_still_the_city(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "感谢三明！上海医疗队圆满完成援助任务",
                      "上海市医疗队在三明完成为期一年的对口帮扶任务，队员们说感谢三明人民的支持。")
    assert m.matched, m.reason


# --- a shop named after a Shanghai snack, far from Shanghai ----------------------------------------------------


def test_a_sanming_shop_named_after_a_shanghai_snack_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "列东街道一家上海馄饨店开业",
                      "三明市列东街道新开了一家“上海馄饨”店，店主是本地人，店名取自他年轻时在外打工学到的手艺。"
                      "开业当天与外卖平台合作推出优惠。")
    assert not m.matched, m.reason


# --- a year looked back on ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("盘点2025：这一年，三明人记住了这些事",
     "这一年，三明人记住了很多事。\n这一年，高铁站改造完工，回家的路更顺。\n"
     "这一年，沪明协作持续深化，上海的专家又来了，在县医院坐诊带教。\n这一年，沙县小吃走向全球，又开了两百家海外门店。\n"
     "这一年，泰宁的游客突破千万人次。\n这一年，我们一起走过。"),
    ("回眸2024 尤溪十件事",
     "回眸这一年，尤溪县的变化看得见。\n一、县城新区建成投用。\n二、朱子文化节成功举办。\n三、上海援建的县医院新楼启用。\n"
     "四、高速公路连接线通车。\n五、茶产业产值突破十亿元。"),
])
def test_a_years_review_with_one_line_on_the_ties_is_not(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_years_review_of_the_ties_themselves_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "盘点2025：沪明对口合作这一年",
                      "这一年，沪明对口合作签约项目三十个。\n这一年，上海六家医院与三明县级医院结对。\n"
                      "这一年，三明农产品进入上海两百家超市。\n这一年，上海职工来三明疗休养五万人次。\n"
                      "这一年，两地共建产业园区新增三个。")
    assert m.matched, m.reason


# --- a mishap, one person's show ---------------------------------------------------------------------------------


def test_someone_saved_on_the_other_side_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海大学生在三明支教遇险获救",
                      "暑期在三明某山村支教的一名上海大学生在溪边游泳时遇险，被村民救起。当地提醒游客注意安全。")
    assert not m.matched, m.reason


def test_a_rescue_team_sent_to_the_other_side_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海救援队驰援三明灾区",
                      "上海市应急救援队一行四十人昨日抵达三明，协助当地开展灾后救援。上海与三明是对口合作城市。")
    assert m.matched, m.reason


def test_a_native_writers_signing_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "宁化籍作家上海签售新书",
                      "宁化籍作家李某日前在上海书城举办新书签售会，与读者交流写作心得。新书讲述作者童年在乡下的生活。")
    assert not m.matched, m.reason


# --- English headlines left below a story with no marker ------------------------------------------------------


def test_english_headlines_below_a_story_are_a_links_block(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Jiangle bamboo festival opens",
                      "The county held a bamboo festival on Saturday, drawing 20,000 visitors. Local firms displayed "
                      "furniture and crafts.\nShanghai-Sanming park signs new tenants\nYangpu delegation visits Shaxian\n"
                      "Sanming tea fair opens\nMore stories")
    assert not m.matched, m.reason


def test_an_english_story_above_its_headline_block_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai workers arrive in Taining for rest trips",
                      "The first group of 200 Shanghai workers arrived in Taining on Monday for a five-day stay arranged "
                      "by the Shanghai Federation of Trade Unions under the paired cooperation with Sanming.\n"
                      "More stories\nTaining tourism hits record\nNew bamboo park opens\nSanming hosts forum")
    assert m.matched, m.reason




# --- Korean and Japanese reports ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("싼밍 다톈현, 상하이 쑹장구와 관광 협약",
     "중국 푸젠성 싼밍시 다톈현과 상하이시 쑹장구가 지난주 관광 협력 협약을 체결했다. 양측은 앞으로 3년간 직원 휴양 "
     "프로그램을 공동으로 운영하기로 했다."),
    ("上海と三明、医療協力で協定",
     "中国の上海市と福建省三明市は、病院間の医療協力に関する協定を結んだ。上海の病院が三明に医師を派遣し、研修も支援する。"),
])
def test_a_korean_or_japanese_report_of_the_ties_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("상하이 여행객, 타이닝 관광 후기",
     "상하이에서 온 한 여행객이 타이닝의 다진호수를 둘러본 후기를 블로그에 올렸다. 그는 경치가 아름답고 음식이 맛있었다고 적었다."),
    ("上海で福建物産展", "上海の百貨店で福建省の物産展が開かれ、福州や廈門、三明などの特産品が並んだ。会期は一週間。"),
])
def test_a_korean_trip_or_a_japanese_fair_is_not(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a person named 上海, a village named 三明 ------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("陈上海的三明之旅", "退休教师陈上海今年春天到三明旅游，游览了泰宁大金湖。他说风景很美，还结识了当地朋友，互相交流摄影心得。"),
    ("湖南三明村发展油茶产业", "湖南省某县三明村与上海一家食品企业签约合作，发展油茶种植三千亩。"),
])
def test_a_person_named_shanghai_or_a_village_named_sanming_is_no_tie(hu_ming: match.Topic, title: str,
                                                                     body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_sanmings_building_in_shanghai_is_still_the_city(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明大厦在沪举办农产品展销",
                      "位于上海的三明大厦本周举办农产品展销，三明市驻沪联络处组织十家企业参展，与上海采购商签约。")
    assert m.matched, m.reason


# --- a listed firm's disclosure of an ordinary contract (a kind behind blind14's held q092, read after its measurement)


def test_a_listed_firms_ordinary_contract_is_its_trade(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "永安某林业公司与上海某集团子公司签订年度采购合同",
                      "证券代码：000000　证券简称：某某林业　公告编号：2026-011\n一、合同签署概况\n"
                      "公司近日与上海某集团下属贸易公司签订《木材年度采购合同》，约定明年向对方采购木材二十万立方米，合同金额约三亿元。\n"
                      "二、对公司的影响\n本合同属于公司日常经营行为，不影响公司业务的独立性。敬请投资者注意投资风险。\n特此公告。")
    assert not m.matched, m.reason


def test_a_listed_firms_deal_under_the_pairing_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "永安某林业公司与上海临港集团签署合作协议 共建产业园",
                      "证券代码：000000　证券简称：某某林业\n本公司与上海临港集团签署合作协议，双方将在永安共建林产品精深加工产业园，"
                      "这是沪明对口合作的重点项目。")
    assert m.matched, m.reason
