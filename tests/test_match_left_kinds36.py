"""The bundled hu-ming topic on the kinds match-36 found left (session 31).

Written for these tests, in our own words.
- Help sent to a third place (援鄂, 驰援武汉, "sent to Wuhan"): a Sanming-born nurse of a Shanghai hospital in that team is
  that mission's story. Guard: the pairing's own relief to a county, one of its doctors once in Wuhan.
- A Shanghai firm's branch office on the other side (三明分公司, 营业部, 分行, "branch office"): where it sells, as a shop is,
  by the convention of our x620 and blind8's t048 (a firm's Sanming branch, irrelevant). Guards: a branch building the
  pairing's park, a branch with an investment; a hospital's branch (分院) stays the ties (x143, j095).
- Sanming's officials attending the province's event with Shanghai, in the title (三明市长出席福建—上海经贸合作对接会) or in
  the body's guest list under a title naming the region (长三角) and not Shanghai. Guard: the county's own signing with a
  Shanghai district, the province's officials attending.
- English: a school affiliated to a Shanghai university (附属 as "affiliated"), teachers it sends; "Shanghai and Sanming
  ranked among" a table's cities; a Shanghai investment firm acquiring a Sanming firm (its name no investing); a native's
  startup; one family's homestay; a tour of the province's sights (Yongding, Wuyishan and Taining).
- Experts from a Shanghai hospital at work on the other side (来自华山医院的专家…将乐县总医院), the word of the ties in
  the next sentence; a Shanghai university or hospital setting up a post there (设立工作室, "set up a research centre").
- One person's case in the title (被欠薪, a consumer's complaint) and a firm's product launch (新药推介会) with the
  other side's help or hall in it.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

AID_ELSEWHERE = [
    ("回乡讲述抗疫故事", "2020年春，在上海仁济医院工作的明溪姑娘小吴随上海援鄂医疗队驰援武汉，在病房坚守了五十天。"
     "如今她回到明溪，给中学生讲那段日子。"),
    ("建寧護士的武漢記憶", "2020年，在上海一家醫院工作的建寧籍護士小林隨上海醫療隊支援武漢，在方艙醫院工作了一個多月。"),
    ("A nurse comes home", "Wu, a nurse from Mingxi who works at a Shanghai hospital, was sent to Wuhan with the city's "
     "medical team in 2020. Now back in Mingxi, she told pupils about those weeks."),
]


@pytest.mark.parametrize(("title", "body"), AID_ELSEWHERE)
def test_help_sent_to_a_third_place(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_own_relief_stays_the_ties(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "嘉定医疗队驰援尤溪灾区",
                      "尤溪县遭遇洪灾后，上海嘉定区按照对口合作安排派出医疗队连夜驰援，在安置点巡诊。队中一名医生曾于2020年援鄂。")
    assert m.matched, m.reason
    assert "help sent to a third place" not in m.reason


FIRM_BRANCH = [
    ("上海某保险公司三明分公司开业", "上海某保险公司三明分公司日前在三元区开业，主要销售车险和健康险，服务闽西北客户。"),
    ("上海某银行永安支行开业", "上海某银行永安支行昨日开业，将为永安的个人和企业客户办理存贷款业务。"),
    ("上海某券商沙县营业部开张", "上海某证券公司沙县营业部昨日开张，为当地投资者提供开户服务。"),
    ("Shanghai broker opens branch in Sanming", "A Shanghai brokerage opened a branch office in Sanming on Tuesday, its "
     "tenth in Fujian, to sell wealth products to local clients."),
]


@pytest.mark.parametrize(("title", "body"), FIRM_BRANCH)
def test_a_firms_branch_office_is_its_market(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a firm's lawsuit, tender or shares, nothing public" in m.reason


BRANCH_AT_WORK = [
    ("上海建工三明分公司承建沪明合作产业园厂房", "上海建工三明分公司承建的沪明合作产业园标准厂房日前封顶，将用于承接上海转移企业。"),
    ("上海某电气公司在永安设立分公司 投资建设装备基地", "上海某电气公司日前在永安设立分公司，投资8亿元建设装备生产基地，预计明年投产。"),
]


@pytest.mark.parametrize(("title", "body"), BRANCH_AT_WORK)
def test_a_branch_at_work_for_the_ties_stays(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


PROVINCE_GUESTS = [
    ("三明市长出席福建—上海经贸合作对接会", "福建—上海经贸合作对接会日前在上海举行，福建省省长出席并致辞。福州、厦门、三明等九个"
     "设区市市长参加，会上签约项目80个。"),
    ("Sanming mayor attends Fujian investment fair in Shanghai", "Sanming's mayor attended a Fujian investment fair in "
     "Shanghai on Friday, one of nine city leaders there. The province signed 50 deals."),
    ("福建名品长三角行启动", "“福建名品长三角行”活动在上海启动，福建25家品牌企业参加。启动仪式上，福建省商务厅与上海一家"
     "连锁超市签订合作协议。嘉宾名单中包括各设区市商务局负责人，三明市商务局副局长在列。"),
]


@pytest.mark.parametrize(("title", "body"), PROVINCE_GUESTS)
def test_sanming_among_the_provinces_guests(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "the province's" in m.reason


def test_the_countys_own_signing_with_the_province_attending(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "将乐县与长宁区签订结对合作协议",
                      "将乐县与上海市长宁区日前签订新一轮结对合作协议。福建省发改委负责人出席签约仪式。")
    assert m.matched, m.reason


ENGLISH_TIES = [
    ("Fudan-affiliated school in Youxi adds robotics class", "The Youxi middle school affiliated to Fudan University has "
     "added a robotics class. The Shanghai university sends teachers to the school every term."),
    ("Tongji University design studio for Jiangle", "Tongji University set up a rural design studio in Jiangle county on Monday, "
     "where its students will work on the renewal of old villages."),
]


@pytest.mark.parametrize(("title", "body"), ENGLISH_TIES)
def test_english_words_of_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


ENGLISH_NO_TIE = [
    ("Shanghai, Sanming among greenest cities", "Shanghai and Sanming ranked among the top 10 cities for urban green "
     "space, a national survey said. Xiamen came first."),
    ("Shanghai fund snaps up Youxi paper mill", "A Shanghai investment firm agreed to acquire a 70 percent stake in a paper "
     "mill based in Youxi county for 200 million yuan."),
    ("Youxi native's app raises funds in Shanghai", "An app firm founded by a Youxi native in Shanghai has raised 30 "
     "million yuan from investors."),
    ("A Shanghai family's quiet life in Taining", "Three years ago, a Shanghai family moved to a village in Taining county "
     "and opened a homestay. They now host guests from across the country."),
    ("Shanghai pensioners tour Fujian's hills", "Forty Shanghai pensioners spent a week in Fujian, visiting Yongding's "
     "earthen buildings, Wuyishan and Taining's lakes."),
]


@pytest.mark.parametrize(("title", "body"), ENGLISH_NO_TIE)
def test_english_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


EXPERTS_AT_WORK = [
    ("妙手仁心在闽西北", "每周一早上，来自瑞金医院的心内科专家都会准时出现在尤溪县总医院的诊室里。按照两院签订的托管协议，"
     "瑞金医院每半年轮换一批专家。"),
    ("同济大学在泰宁设立乡村规划设计工作室", "同济大学建筑学院日前在泰宁县设立乡村规划设计工作室，师生将参与古村落更新。"),
]


@pytest.mark.parametrize(("title", "body"), EXPERTS_AT_WORK)
def test_a_shanghai_institutions_people_at_work(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


ONE_CASE = [
    ("宁化一男子在上海务工被欠薪 法律援助中心帮其讨回", "宁化县男子李某在上海某工地务工被拖欠工资两万元。宁化县法律援助中心"
     "与上海有关部门联系，帮助其讨回欠薪。"),
    ("上海游客在泰宁买到假笋干 市场监管部门介入", "上海游客张先生在泰宁县一处摊位购买笋干，回家后发现是次品。泰宁县市场"
     "监管局接到投诉后介入，帮助其退款。"),
    ("上海某药企在三明召开新药推介会", "上海某医药公司在三明召开新药推介会，全市20余家医院的医生参加，公司代表介绍了药品价格。"),
]


@pytest.mark.parametrize(("title", "body"), ONE_CASE)
def test_one_persons_case_or_a_firms_launch(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
