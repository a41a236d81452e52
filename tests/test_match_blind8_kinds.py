"""The bundled hu-ming topic on the kinds an eighth blind set of hard cases showed (match-12).

A helper wrote 160 full-length pages without looking at the engine; its tuning part had two misses
and seven false alarms: Sanming named only for its health reform, a model another pairing's county
follows (借鉴三明医改, "the Sanming model"); 大田 as Tokyo's Ota ward (東京大田區) and 永安 as a Hong
Kong bank (永安銀行); news round-ups (早报, 早读, "China briefing") whose one line on the ties is a
headline among headlines; an English feature naming the Sanming side up front and then "the city",
its partner district "its designated partner"; and an exhibition of a Sanming landmark's finds
brought "到沪" (to Shanghai), the pairing named in a later paragraph that calls the two "两地". The
texts here are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spans import Enumerations

# --- Sanming as the reform model ------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("沪滇协作：闵行援建县医院 学习三明医改组建医共体",
     "闵行区援建的云南某县人民医院新楼投入使用。\n据介绍，闵行区选派的挂职院长帮助当地组建县域医共体，这一做法借鉴了福建三明的医改经验。"
     "\n沪滇协作以来，闵行区累计实施帮扶项目一百余个。"),
    ("Shanghai doctors help a Guizhou county copy the Sanming model",
     "Doctors from a Shanghai hospital group will spend a year in a Guizhou county helping it merge its hospitals, "
     "following the Sanming model of health reform.\nThe county studied Sanming-style reform for two years before "
     "starting, its health chief said."),
])
def test_sanming_as_the_model_of_another_pairing_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_reform_named_beside_the_city_leaves_the_city(hu_ming: match.Topic) -> None:
    # 三明医改 only silences its own hit: the city is still the city in the rest of the article
    body = ("三明医改走过十余年，从药品联合采购到医生年薪制，三明一直走在前面。\n"
            "在医疗技术上，三明借助沪明对口合作，引入上海的医院在三明设立分院，每年派出专家数十人次。")
    m = match_article(hu_ming, "三明医改再出发", body)
    assert m.matched and any(h.term == "三明" and h.field == "body" for h in m.hits), m.reason


# --- homonyms: Tokyo's Ota ward, Hong Kong's Wing On ------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海企业考察团走访东京大田区", "一个来自上海的中小企业考察团日前走访东京大田区的精密加工厂，大田区产业协会表示欢迎两地企业合作。"),
    ("永安银行上海分行开业", "香港永安银行宣布上海分行开业，将为在长三角投资的港资企业提供跨境融资服务。"),
    ("Wing On opens Shanghai branch", "Hong Kong's Wing On bank opened a Shanghai branch to serve investors in the Yangtze delta."),
])
def test_a_tokyo_ward_or_a_hong_kong_bank_is_no_county(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- news round-ups ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("早报｜今天这些事值得关注",
     "【国内】全国冬小麦播种基本结束；多地迎来降温。\n"
     "【地方】上海：外环线部分路段夜间施工；三明：上海闵行区考察团来明洽谈合作；厦门：新航线开通。\n"
     "【国际】多国央行维持利率不变。\n【体育】国足公布集训名单。"),
    ("☀早读｜11月3日 周一",
     "点击蓝字 关注我们\n① 全国秋冬种进度过半\n② 上海：一批口袋公园开放\n③ 沪明对口合作签约四个项目\n"
     "④ 泉州：古城夜游线路上新\n⑤ 冷空气将影响东南沿海"),
    ("Weekly briefing: bond sale, rail plan, Shanghai-Sanming park",
     "Here are the stories you may have missed this week.\nThe finance ministry sold 50 billion yuan of bonds.\n"
     "The rail operator plans 20 new routes.\nShanghai and Sanming opened the second phase of their joint park.\n"
     "A cold wave hit the north."),
])
def test_one_line_of_a_round_up_is_no_subject(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_round_up_of_the_ties_themselves_still_counts(hu_ming: match.Topic) -> None:
    body = ("杨浦区与大田县签订新一轮对口合作协议，共建茶产业园。\n"
            "嘉定区援派医生在尤溪县总医院完成首例微创手术。\n"
            "闵行区采购宁化县农产品一千万元，助力消费帮扶。\n"
            "浦东新区与永安市共建的人才飞地揭牌。")
    m = match_article(hu_ming, "一周要闻｜沪明对口合作动态", body)
    assert m.matched, m.reason


def test_round_up_lines_are_items_and_circled_numbers_number_them() -> None:
    text = "早报|这些事\n上海:地铁开通;三明:上海代表团来访;广州:新路开通。\n国际:利率不变。\n体育:比赛。"
    items = Enumerations(text).items
    assert [text[a:b] for a, b in items][:3] == ["上海:地铁开通", "三明:上海代表团来访", "广州:新路开通。"]
    text = "今天\n1 一\n2 二\n3 三\n4 四\n5 五"  # ①…⑤ as NFKC leaves them
    assert len(Enumerations(text).items) == 5


def test_a_story_under_a_round_up_name_is_no_round_up() -> None:
    # fewer than four lines: a story, not a list of headlines
    text = "早报|上海专家在尤溪\n上海专家在尤溪县开展义诊。"
    assert Enumerations(text).items == []


# --- English: the city and its designated partner ----------------------------------------------------


def test_the_city_and_its_designated_partner(hu_ming: match.Topic) -> None:
    body = ("Taining, a county of 130,000 people in the hills of western Fujian, is betting on spa hotels.\n"
            "Since 2023 the county has signed eleven tourism projects with investors from Fengxian district, its "
            "designated partner under a national pairing program.\n"
            "Visitor numbers rose 30 percent last year.")
    m = match_article(hu_ming, "Why a hill county in Fujian courts hotel investors from Fengxian", body)
    assert m.matched, m.reason


def test_the_city_alone_is_no_partner(hu_ming: match.Topic) -> None:
    body = ("Taining, a county in the hills of western Fujian, is betting on spa hotels.\n"
            "The county has signed eleven projects this year; one investor also runs hotels in Shanghai.")
    m = match_article(hu_ming, "A hill county courts hotel investors", body)
    assert not m.matched, m.reason


# --- both sides up front, the pairing further down -------------------------------------------------


def test_both_sides_up_front_and_the_pairing_later(hu_ming: match.Topic) -> None:
    body = ("“格氏栲的四季”摄影展日前在上海植物园开幕，展出作品八十幅，这是格氏栲森林公园的照片首次到沪展出。\n"
            "格氏栲森林公园位于三元区，拥有大片天然格氏栲林。\n"
            "展览由两地林业部门共同主办，是对口合作框架下生态交流的项目，展期一个月。")
    m = match_article(hu_ming, "格氏栲森林摄影作品到沪展出", body)
    assert m.matched, m.reason


def test_another_place_in_the_title_keeps_the_aside_short(hu_ming: match.Topic) -> None:
    body = "松江区与六盘水市签署结对合作协议，双方将在文旅方面加强合作。松江区此前已与三明的永安市建立对口合作关系。"
    m = match_article(hu_ming, "松江区与六盘水市结对", body)
    assert not m.matched, m.reason
