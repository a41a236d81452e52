"""The bundled hu-ming topic on the kinds match-25 left and blind21's tuning misses (match-26).

Probes written for these tests, in our own words: an office's weekly list of its doings whose items open with a
bullet the list rules did not know (◎, ※, ➤, ✦, ❖, ◉ …), one item a meeting of the pairing: a headline among
headlines, as under ● or ◆; while a story about the cooperation with ◎ subheads, or one under a ◎ byline, still counts.
Blind21's tuning kind: the two cities' market figures side by side in the title (上海三明两地房价走势对比, rents, prices),
their 两地 no tie, or any two figures compared (两地平均工资对比, 比一比), while a title naming the pairing beside 房租 or
二手房, one county before and after its pairing (前后对比) or a cadre's 对比找差距 still counts.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_WEEK = ("召开全区安全生产工作部署会，传达上级会议精神。", "赴上海参加沪明对口合作联席会议，商讨下一阶段合作事项。",
         "开展“清风行动”专项检查，走访企业十二家。", "组织机关干部参加义务植树活动。", "召开防汛工作视频调度会。")


# --- a weekly list under bullets the list rules did not know --------------------------------------------------------


@pytest.mark.parametrize("bullet", ["◎", "◎ ", "※", "➤", "✦", "❖", "◉", "▷"])
def test_a_weekly_list_under_other_bullets_is_a_list(hu_ming: match.Topic, bullet: str) -> None:
    body = "本周主要工作如下：\n" + "\n".join(bullet + item for item in _WEEK)
    m = match_article(hu_ming, "区发改局一周工作动态（3月2日—3月6日）", body)
    assert not m.matched, m.reason


def test_a_weekly_list_under_a_known_bullet_stays_a_list(hu_ming: match.Topic) -> None:
    body = "本周主要工作如下：\n" + "\n".join("●" + item for item in _WEEK)
    assert not match_article(hu_ming, "区发改局一周工作动态", body).matched


def test_a_cooperation_story_with_ring_subheads_counts(hu_ming: match.Topic) -> None:
    body = ("上海市杨浦区与三明市尤溪县日前签订新一轮对口合作框架协议。\n◎产业合作：双方将共建产业园，年内引进企业十家。\n"
            "◎文旅合作：杨浦区组织职工赴尤溪疗休养。\n◎人才交流：两地互派干部挂职。")
    m = match_article(hu_ming, "杨浦尤溪签订新一轮对口合作协议", body)
    assert m.matched, m.reason


def test_a_story_under_a_ring_byline_counts(hu_ming: match.Topic) -> None:
    body = ("◎本报记者 陈晓\n嘉定区与永安市共建的产业园日前迎来第十家入驻企业，这是两地对口合作的又一成果。\n"
            "园区负责人介绍，今年还将有三家企业签约。")
    m = match_article(hu_ming, "嘉定永安共建园区再添新企业", body)
    assert m.matched, m.reason


@pytest.mark.parametrize("head", ["◎{d}", "●{d}", "◎{d}（周{w}）", "※ {d}"])
def test_a_diary_whose_items_are_headed_by_their_day_is_a_list(hu_ming: match.Topic, head: str) -> None:
    days = [head.format(d=f"3月{n + 1}日", w="一二三四五"[n - 1], n=n) for n in range(1, 6)]
    body = "\n".join(f"{day}\n{item}" for day, item in zip(days, _WEEK, strict=True))
    m = match_article(hu_ming, "区合作交流办一周工作动态", body)
    assert not m.matched, m.reason


def test_a_delegations_diary_of_the_ties_counts(hu_ming: match.Topic) -> None:
    days = ("杨浦区党政代表团抵达三明，与三明市领导座谈，回顾了两地对口合作的成效。", "代表团来到尤溪县，考察共建的产业园。",
            "双方签署新一轮对口合作框架协议，约定共建人才飞地。", "代表团走访宁化县，看望挂职干部。", "代表团结束考察返回上海。")
    body = "\n".join(f"◎3月{n}日\n{item}" for n, item in enumerate(days, 2))
    m = match_article(hu_ming, "杨浦区代表团三明行", body)
    assert m.matched, m.reason


# --- a market's figures side by side --------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海与三明两地房价走势对比", "数据显示，上月上海新建商品住宅价格环比上涨百分之零点一，三明环比下降百分之零点四。"),
    ("沪上菜价比三明贵多少？两地物价对比", "记者分别在上海和三明的农贸市场买了同样的五样菜，上海一共花了三十二元，三明花了二十一元。"),
    ("兩地樓市冷熱不均：上海成交回升 三明掛牌增多", "上月上海二手房成交量回升一成，三明二手房掛牌量則增加兩成，兩地樓市冷熱不均。"),
    ("Home prices: Shanghai up, Sanming down", "Home prices in Shanghai rose slightly last month while prices in "
     "Sanming fell, according to official figures; the gap between the two cities keeps widening."),
])
def test_two_cities_market_figures_side_by_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("沪明合作共建人才公寓 房租减半", "上海市与三明市对口合作共建的人才公寓本月开租，来明工作的上海人才房租减半。"),
    ("对口合作资金到位 三明老旧小区改造后二手房成交回暖", "在上海市对口合作资金支持下，三明市改造老旧小区二十个，两地将继续深化合作。"),
])
def test_the_pairing_beside_a_market_word_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海三明两地平均工资对比", "统计数据显示，去年上海城镇单位平均工资二十万元，三明九万元，两地差距仍然明显。"),
    ("两地GDP增速对比：上海百分之五，三明百分之六", "前三季度，上海地区生产总值增长百分之五，三明增长百分之六。"),
    ("上海三明两地高考分数线对比", "今年上海本科线四百零三分，三明所在的福建省本科线四百四十九分，两地考试科目不同。"),
    ("两地比一比：在上海和三明生活要花多少钱", "在上海租一间房每月四千元，在三明一千元；上海打车起步价十四元，三明八元。"),
])
def test_two_cities_compared_in_the_title(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海专家坐诊前后对比：尤溪县医院手术量翻番", "自上海仁济医院专家常驻尤溪县总医院以来，医院三四级手术量翻了一番。"
     "两院结对已满三年，双方还将共建胸痛中心。"),
    ("三明干部赴上海挂职 对比找差距", "三明市选派二十名干部赴上海杨浦区挂职锻炼，这是两地对口合作的干部交流项目。"),
])
def test_a_before_and_after_or_a_lesson_by_comparison_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_an_english_market_title_naming_the_pair(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai and Sanming house prices fall again",
                      "New home prices in Shanghai and Sanming fell for a fifth month in October, the statistics bureau said.")
    assert not m.matched, m.reason


def test_the_pairings_housing_deal_under_a_market_word(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Shanghai and Sanming sign housing pact as home prices cool",
                      "Shanghai and Sanming signed a paired cooperation agreement on talent housing on Monday.")
    assert m.matched, m.reason
