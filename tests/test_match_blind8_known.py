"""The bundled hu-ming topic on kinds known before the ninth blind set (match-13).

The eighth blind set's held part (read after its one measurement, so no longer blind for these)
showed three: a round-up of the news titled 一覽 (一览), whose one item on the ties is a headline
among headlines; a reader's question about a snack shop's fumes answered by a district office,
Sanming only as the shop's brand, no tie; and a long feature whose title names a Sanming county
beside 武夷山, its one paragraph on the county's pairing with a Shanghai district deep in the body.
A probe of our own found a fourth: "branches in Shanghai and Sanming and in twelve other cities"
read as the pairing's English name. The texts here are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spans import Enumerations, group_spans

# --- round-ups titled 一览, 汇总, 速览, 盘点 ---------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("兩岸要聞一覽：央行降息 滬明合作再簽約",
     "2026/05/02 聯合報／綜合報導\n【財經】央行宣布下調存款準備金率。\n【交通】滬杭高鐵增開列車。\n"
     "【地方】福建三明與上海簽署對口合作協議；浙江發布新政。\n【社會】多地迎來降雨。\n【兩岸】小三通航班增加。"),
    ("财经速览｜沪明合作签约 A股收涨",
     "1、A股三大指数收涨。\n2、三明与上海签署合作协议。\n3、人民币汇率走强。\n4、油价下调。\n5、黄金价格上涨。"),
    ("一周新闻盘点：沪明合作签约 寒潮来袭",
     "周一：寒潮来袭，多地降温。\n周二：三明与上海签署对口合作协议。\n周三：新机场通航。\n周四：医保新政出台。\n周五：高考报名启动。"),
    ("Headlines at a glance",
     "Rates: the central bank held its benchmark rate.\nRail: two new lines open next month.\n"
     "Regions: Shanghai and Sanming signed a new tourism agreement.\nWeather: a cold front moves south."),
])
def test_a_round_up_titled_as_one_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a round-up of the news in the title" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    # 一览 and 盘点 alone head the ties' own results: no round-up of the news
    ("沪明对口合作十年成果一览",
     "沪明对口合作启动十年来，两地共建产业园区三个。\n上海市与三明市签约项目一百余个，总投资超三百亿元。\n"
     "两地互派干部二百余人次，上海医院专家到三明坐诊上万人次。"),
    ("2025年沪明合作大事盘点",
     "一月，上海市与三明市召开对口合作联席会议。\n三月，沪明临港产业园二期开工。\n"
     "六月，上海医院与三明医院签署合作协议。\n十月，沪明两地文旅推介会在上海举行。"),
    # a round-up of the ties themselves, every line about them
    ("沪明合作动态汇总",
     "杨浦区与大田县签署教育合作协议，两地学校结对。\n嘉定区援派医生在尤溪县总医院坐诊。\n"
     "三明农产品进入上海超市，消费帮扶专柜开张。\n闵行区代表团赴永安考察产业合作项目。"),
])
def test_the_ties_own_results_still_match(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a reader's question answered by an office ---------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("网友问：楼下明溪土菜馆排烟扰民怎么处理？",
     "发布时间：2026-03-05　信息来源：上海市杨浦区人民政府　浏览次数：812\n"
     "网友留言：我住杨浦区某小区，楼下开了一家明溪风味的小饭馆，排烟口正对我家阳台，请问能否处理？\n"
     "杨浦区市场监管局回复：您好！经执法人员现场核查，该店排烟设施不达标，已责令限期整改。\n"
     "编辑：王某　审核：李某\n主办单位：上海市杨浦区人民政府办公室\n沪ICP备00000000号"),
    ("市民来信：小区门口沙县小吃占道经营",
     "信息来源：上海市闵行区人民政府\n市民来信：闵行区某路口新开了一家沙县小吃，把桌椅摆上人行道，行人只能走机动车道。\n"
     "闵行区城管执法局回复：已安排执法队员现场处置，店主已将桌椅收回店内。\n主办单位：上海市闵行区人民政府"),
])
def test_a_question_answered_by_an_office_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a reader's question answered by an office, no tie named" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("网友问：上海结对区今年还组织职工来疗休养吗？",
     "网友留言：去年上海杨浦区组织职工来泰宁疗休养，今年还有吗？\n"
     "泰宁县文旅局回复：根据与杨浦区的结对协议，今年将继续接待杨浦区职工疗休养团，首批定于五月。"),
    ("问政｜三明的笋干能否进上海超市？",
     "网友留言：三明笋干品质好，能否卖到上海？\n三明市商务局回复：在对口合作框架下，我市已有二十余种农产品进入上海连锁超市，"
     "消费帮扶专柜已在杨浦区开设。"),
])
def test_a_reply_naming_the_ties_still_matches(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_site_footer_naming_its_owner_is_no_cooperation(hu_ming: match.Topic) -> None:
    # 主办单位：… is who runs the site, not a body holding an event with the other side
    body = ("来源：三明日报\n尤溪县今年茶叶产量稳中有升，春茶均价每斤两百元。\n"
            "主办单位：上海市杨浦区人民政府办公室　承办：区大数据中心")
    m = match_article(hu_ming, "尤溪春茶开采", body)
    assert not m.matched, m.reason
    assert "a Sanming report's paragraph on Shanghai" not in m.reason


# --- a Sanming county listed in a title beside another Fujian place --------------------------------

_FILLER = ("\n不过山区景区接待能力有限，旺季拥堵开始显现。\n全国规模以上工业增加值同比增长，服务业生产指数稳步上升。"
           "\n多地出台措施支持文旅消费，发放消费券，延长景区开放时间。\n气象部门预报，未来一周冷空气频繁，请注意保暖。")


@pytest.mark.parametrize(("title", "body"), [
    ("闽北山区民宿升温 建宁、武夷山客源有变",
     "2026/08/01 记者／综合报道\n福建闽北山区近来民宿生意红火。武夷山、建宁等地暑期游客明显增多，亲子游和研学游占了大头。\n"
     "从业者说，高铁让长三角游客来得更方便，武夷山一家民宿的老板说今年广东客人多了不少。\n"
     "建宁的情况又有不同。当地与金山区结对以来，金山区总工会每年组织上千名职工到建宁疗休养，住满了县城的酒店。"
     "建宁一家旅行社负责人说，疗休养团撑起了淡季。" + _FILLER),
    # the title names only the other city, with a word of its visitors (客源), not of its pairing
    ("武夷山暑期客源结构生变",
     "2026/08/01 记者／综合报道\n武夷山今年暑期游客明显增多，亲子游和研学游占了大头。\n"
     "从业者说，高铁让长三角游客来得更方便，一家民宿的老板说今年广东客人多了不少。\n"
     "邻近的泰宁情况又有不同。当地与虹口区结对以来，虹口区总工会每年组织上千名职工到泰宁疗休养，住满了县城的酒店。"
     "泰宁一家旅行社负责人说，疗休养团撑起了淡季。" + _FILLER),
])
def test_a_deep_paragraph_under_a_title_naming_another_fujian_place(hu_ming: match.Topic, title: str,
                                                                    body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "title about another Fujian city's ties" not in m.reason


@pytest.mark.parametrize(("title", "body"), [
    # another Fujian pairing in the title, Shanghai and Sanming recalled in one line
    ("龙岩与厦门共建产业园", "龙岩市与厦门市签署协议，共建山海协作产业园。\n此前，上海市与三明市也建立了对口合作关系。"),
    ("宁德与福州签署山海协作协议",
     "宁德市与福州市签署山海协作协议，共建飞地园区。\n会上还介绍了泰宁县与上海虹口区对口合作的做法。"),
])
def test_another_fujian_citys_ties_stay_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- "shanghai and sanming" inside a longer list ----------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Bank opens more branches",
     "The lender now has branches in Shanghai and Sanming and in twelve other cities, and plans to add five more "
     "next year."),
    ("Insurer expands in China", "The insurer runs offices in Shanghai and Sanming and Nanping, and will open one in "
     "Xiamen in May."),
    ("Logistics firm adds hubs", "It operates hubs in Beijing, Shanghai and Sanming, with a fourth planned in Wuhan."),
])
def test_the_pair_inside_a_longer_list_is_no_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "names the cooperation" not in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Shanghai and Sanming sign new pact",
     "Shanghai and Sanming signed a new agreement on Monday to extend their paired cooperation for five years."),
    ("Tourism deal signed", "In March, Shanghai and Sanming signed a deal on tourism, and the two cities will share "
     "visitors."),
    # a clause after the comma, not a list: "after talks in Fuzhou, … agreed to"
    ("Health care added",
     "After talks in Fuzhou, Shanghai and Sanming agreed to extend their paired cooperation to health care."),
])
def test_the_pair_on_its_own_still_names_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert "names the cooperation" in m.reason, m.reason


def test_the_pair_term_is_dropped_only_in_a_list(hu_ming: match.Topic) -> None:
    group = hu_ming.groups["hu-ming"]
    for text, kept in [("offices in shanghai and sanming and nanping.", 0),
                       ("offices in shanghai and sanming, and in nine other cities.", 0),
                       ("shanghai and sanming signed a pact.", 1),
                       ("between shanghai and sanming, the two cities said.", 1)]:
        assert len(group_spans(group, text, len(text), Enumerations(text))) == kept, text
