"""The bundled hu-ming topic on the kinds session 31 left (match-37, session 32).

Written for these tests, in our own words.
- An invisible joiner inside a name (沪 U+034F 明, 三 U+034F 明): Unicode's default-ignorable characters that are
  not format characters are dropped by the normal form, as a zero-width space is. Guard: 沪明确 (Shanghai clarifies)
  with a joiner inside stays no name of the ties.
- A weather warning the forecasters of both places put out together (联合发布高温预警, "jointly issued a heat
  warning"): the weather's, no tie. Guard: an early-warning system the two build together is their work.
- A county head's interview naming the paired district once (县长：我们和杨浦区的合作…): "we" under a title naming the
  place is the place speaking of itself, as 我县 is. Guard: a traveller's "we and friends from Shanghai".
- A Shanghai hospital's clinics held by video for the other side's patients (远程门诊, 远程诊疗) under a county's or
  the city's page. Guard: a Shanghai web clinic's service that a Sanming user tried is an advert.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

JOINED_NAMES = [
    ("沪\u034f明合作再结硕果", "今年以来，沪\u034f明合作新签约项目18个，总投资42亿元。"),
    ("上海医疗队抵达三\u034f明", "上海市卫健委选派的第二批医疗队抵达三\u034f明，将在各县医院开展为期一年的帮扶。"),
    ("虹口区与宁化县签约", "虹口区与宁\u034f化县签署文旅合作协议，双方将互送客源。\u3164"),
]


@pytest.mark.parametrize(("title", "body"), JOINED_NAMES)
def test_a_joiner_inside_a_name_hides_nothing(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_joiner_inside_shanghai_clarifies_is_no_name(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪\u034f明确养老金调整方案", "上海市人社局明确，今年养老金调整方案下月公布。")
    assert not m.matched, m.reason
    assert m.score < 1


JOINT_WARNINGS = [
    ("上海三明气象部门联合发布寒潮预警", "上海中心气象台和三明市气象台昨日联合发布寒潮蓝色预警，两地气温将下降8℃以上。"),
    ("台风逼近 两地联合预警", "三明与上海两地今天联合发布台风预警，提醒市民关好门窗，减少外出。"),
    ("Storm warning issued", "The weather bureaus of Shanghai and Sanming jointly issued a storm warning on Sunday, with "
     "heavy rain due in both cities."),
]


@pytest.mark.parametrize(("title", "body"), JOINT_WARNINGS)
def test_a_joint_weather_warning_is_the_weathers(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_warning_system_built_together_stays_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海三明共建地质灾害预警系统",
                      "上海市规划资源局与三明市自然资源局共建的地质灾害监测预警系统日前上线，上海专家团队负责培训。")
    assert m.matched, m.reason


INTERVIEWS = [
    ("清流县长谈发展：把小县城做出大文章", "问：今年清流的重点是什么？\n\n答：抓产业、抓民生。\n\n问：合作方面呢？\n\n"
     "答：我们和虹口区的合作今年要落地两个文旅项目。\n\n问：民生呢？\n\n答：新建一所高中。"),
    ("访建宁县长：莲乡的新路子", "记者：建宁的莲子产业怎么做大？\n\n县长：我们跟杨浦区共建了莲子深加工车间，今年产值过亿。"
     "\n\n记者：明年打算？\n\n县长：再建两个冷库。"),
]


@pytest.mark.parametrize(("title", "body"), INTERVIEWS)
def test_a_county_heads_we_with_the_district(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "a Sanming report names Shanghai working with it" in m.reason


def test_a_travellers_we_with_shanghai_friends_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "大田游记：茶园里的一天",
                      "周末我们和上海来的同学一起去了大田的高山茶园，采茶、炒茶，晚上住在村里的民宿。")
    assert not m.matched, m.reason


REMOTE_CLINICS = [
    ("宁化县总医院开通上海专家远程门诊", "即日起，仁济医院心内科专家每周四通过远程门诊为我县患者诊病，患者在县总医院挂号即可。"),
    ("三明：在家门口挂上海专家号", "去年以来，新华医院12个专科的专家通过远程诊疗为我市群众看病，累计服务900余人次。"),
]


@pytest.mark.parametrize(("title", "body"), REMOTE_CLINICS)
def test_a_shanghai_hospitals_remote_clinics_for_the_other_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_web_clinics_service_a_sanming_user_tried_is_an_advert(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海某互联网医院推出远程问诊",
                      "上海某互联网医院近日推出远程问诊服务，面向全国用户。一位三明用户说，问诊流程很顺畅。")
    assert not m.matched, m.reason


def _ref(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in "沪明三上海" else c for c in text)


def test_character_references_read_as_their_characters(hu_ming: match.Topic) -> None:
    title, body = _ref("沪明对口合作年度会议在沪举行"), _ref("上海市与三明市对口合作年度会议昨日举行，两地签署八项协议。")
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    named = next(h for h in m.hits if h.term == "沪明对口")
    assert (named.field, title[named.start : named.end]) == ("title", "&#27818;&#26126;对口")


def test_hex_and_named_references_and_a_stray_ampersand(hu_ming: match.Topic) -> None:
    body = "R&D&nbsp;news: &#x4E0A;&#x6D77;嘉定区与&#x4E09;&#x660E;市明溪县共建生物医药产业园，首批企业签约入驻 &amp; 投产。"
    m = match_article(hu_ming, "嘉定区与明溪县共建产业园", body)
    assert m.matched, m.reason
    decoded = [body[h.start : h.end] for h in m.hits if h.field == "body" and h.term == "三明市"]
    assert decoded and set(decoded) == {"&#x4E09;&#x660E;市"}, m.hits
    bare = match_article(hu_ming, "Q&A: R&D in Fujian", "AT&T and R&D &#0; &#xD800; &bogus; notes from a trade fair.")
    assert not bare.matched, bare.reason


FOOTERS = [
    ("将乐县开展森林防火演练", "将乐县林业局日前组织森林防火实战演练，200余人参加。\n\n你还可以看：\n"
     "嘉定区与将乐县签订结对合作协议 | 沪明对口合作成果展开幕"),
    ("永安市举办读书月活动", "永安市图书馆举办全民读书月活动，推出讲座12场。\n\n小编再推荐\n"
     "沪明合作产业园新签约项目5个\n上海专家来永安坐诊"),
    ("宁化县开通城乡公交新线", "宁化县新开通3条城乡公交线路，方便群众出行。\n\n网友留言（2）\n"
     "沪明对口合作让宁化越来越好！\n上海杨浦区的帮扶真给力"),
]


@pytest.mark.parametrize(("title", "body"), FOOTERS)
def test_further_reading_and_comments_under_other_headings(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_readers_message_opening_a_line_is_still_read(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明对口合作进展如何？",
                      "网友留言：沪明对口合作签约的项目什么时候投产？\n\n答复：上海企业在三明投资的12个项目今年内投产。")
    assert m.matched, m.reason


def test_shanghais_delegation_arriving_in_sanming_under_a_title_on_the_province(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "深化沪闽合作 共谋发展新篇",
                      "上海市代表团昨日抵达福建省三明市，与福建省和三明市领导座谈交流，共商合作事宜。")
    assert m.matched, m.reason


def _as_gbk(text: str) -> str:
    """UTF-8 bytes read as GBK, as a page whose charset was declared wrong arrives."""
    return text.encode("utf-8").decode("gbk", errors="replace")


def test_utf8_read_as_gbk_is_read_back(hu_ming: match.Topic) -> None:
    title = _as_gbk("嘉定区与尤溪县签署结对合作协议")
    body = _as_gbk("上海市嘉定区与三明市尤溪县日前签署新一轮结对合作协议，双方将共建茶产业园，嘉定区选派干部到尤溪挂职。")
    assert "\ufffd" in title + body  # the misreading lost some bytes
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    for h in m.hits:
        field = title if h.field == "title" else body
        assert 0 <= h.start < h.end <= len(field), h


def test_real_chinese_with_the_signs_or_a_run_of_lost_marks_is_left_as_it_is(hu_ming: match.Topic) -> None:
    body = "上海与三明签约共建园区。锟斤拷锟斤拷锟斤拷 涓 鍦"  # 锟斤拷: GBK for two U+FFFD, which UTF-8 reads
    m = match_article(hu_ming, "上海三明签约", body)
    assert m.matched, m.reason
    assert any(body[h.start : h.end] == "三明" for h in m.hits if h.field == "body"), m.hits
    japanese = match_article(hu_ming, "横浜と浜松の旅", "横浜から浜松へ、上海からの友人と三明の話をした。")
    assert not japanese.matched, japanese.reason
