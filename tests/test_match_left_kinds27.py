"""The bundled hu-ming topic on the kinds match-26 left (match-27).

Probes written for these tests, in our own words: an office's weekly log of its doings in three or four bullets or
numbers, one of them a meeting of the pairing (fewer than five items read as one story before); an English title
setting the two cities' rents, wages or housing markets side by side ("Rents diverge in Shanghai and Sanming"), the
pair where the figures are; a Chinese title setting the two cities' vegetable or fuel prices side by side (两地菜价).
Guards: a log whose items tell of the ties in several lines, the pairing's own vegetable base under 菜价, and an
English title naming a cooperation word beside a market word still count.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_MEETING = "赴上海参加沪明对口合作联席会议，商讨下一阶段合作事项。"
_OTHERS = ("召开全区安全生产工作部署会，传达上级会议精神。", "开展专项检查，走访企业十二家。", "组织机关干部参加义务植树活动。")


@pytest.mark.parametrize(("title", "marks"), [
    ("区发改局一周工作动态", ["●", "●", "●"]),
    ("区发改局一周工作动态（3月2日—3月6日）", ["1.", "2.", "3.", "4."]),
    ("区商务局本周工作", ["◎", "◎", "◎", "◎"]),
    ("县合作交流办工作周报", ["一、", "二、", "三、"]),
])
def test_a_short_weekly_log_is_a_list(hu_ming: match.Topic, title: str, marks: list[str]) -> None:
    items = [_OTHERS[0], _MEETING, *_OTHERS[1:]][: len(marks)]
    body = "本周主要工作如下：\n" + "\n".join(m + item for m, item in zip(marks, items, strict=True))
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_weekly_log_of_the_ties_counts(hu_ming: match.Topic) -> None:
    body = ("本周主要工作如下：\n●接待上海市杨浦区考察团，陪同考察尤溪县共建产业园。\n"
            "●代表县政府与杨浦区签订新一轮尤溪杨浦对口合作框架协议。\n●召开防汛工作视频调度会。")
    m = match_article(hu_ming, "县合作交流办一周工作动态", body)
    assert m.matched, m.reason


def test_three_steps_of_one_story_stay_one_story(hu_ming: match.Topic) -> None:
    body = ("上海市与三明市对口合作联席会议日前召开。会议明确了三项任务：\n1.共建产业园区，年内引进企业十家。\n"
            "2.深化文旅合作。\n3.互派干部挂职。")
    m = match_article(hu_ming, "沪明对口合作联席会议召开", body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Rents diverge in Shanghai and Sanming", "Rents in Shanghai rose in the third quarter while rents in Sanming "
     "were flat, a property agency said."),
    ("Shanghai and Sanming: a tale of two housing markets", "Home prices in Shanghai rose again last month; in "
     "Sanming they fell for the sixth month running."),
    ("Wages compared: Shanghai and Sanming", "Average wages in Shanghai were more than twice those in Sanming last "
     "year, official data show."),
])
def test_english_market_figures_of_the_two_in_the_title(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_english_market_word_beside_the_pairing_counts(hu_ming: match.Topic) -> None:
    body = ("Shanghai and Sanming signed a paired cooperation agreement on Monday to build rental flats for "
            "Shanghai engineers posted to Sanming's industrial parks.")
    m = match_article(hu_ming, "Shanghai and Sanming sign cooperation pact as rents rise", body)
    assert m.matched, m.reason


def test_two_cities_vegetable_prices_side_by_side(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海三明两地菜价：一个涨一个跌", "本周上海蔬菜均价上涨百分之三，三明蔬菜均价下跌百分之二。")
    assert not m.matched, m.reason


def test_the_pairings_vegetable_base_under_a_price_title_counts(hu_ming: match.Topic) -> None:
    body = "三明市与上海市对口合作共建的蔬菜基地本月向上海供应蔬菜三千吨，帮助稳定上海菜价。"
    m = match_article(hu_ming, "菜价稳了 沪明合作蔬菜基地供应上海", body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("沪明两地油价同步下调", "今晚起上海和三明92号汽油每升均下调0.14元，加满一箱少花7元。"),
    ("沪明两地房价本月一涨一跌", "统计数据显示，本月上海新房价格环比上涨，三明环比下跌。"),
])
def test_the_two_named_as_where_a_markets_figures_are(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_pairings_station_under_a_fuel_price_title_counts(hu_ming: match.Topic) -> None:
    body = "上海与三明对口合作共建的加油站在三明开业，沪明两地油价同步下调。"
    m = match_article(hu_ming, "沪明两地油价同步 合作加油站开业", body)
    assert m.matched, m.reason


# --- blind22's tuning kind: a guide to many eateries, the other side's shop one of them ----------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("跑遍徐汇才找到这些好吃不贵的宝藏小馆子", "专栏：吃喝指南\n徐汇去年开了一家三明沙县小吃旗舰店，就在三明驻沪办楼下，拌面和扁肉"
     "都是沙县本地的做法。\n另一家本帮面馆的大排面也值得一试。"),
    ("Five best snack shops in Shanghai", "Our pick is the Shaxian snack flagship store beside Sanming's office in "
     "Shanghai: its dumplings are made the county's way.\nNext comes a Lanzhou noodle stall near the station."),
])
def test_a_guide_to_many_eateries_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_visit_to_the_flagship_store_counts(hu_ming: match.Topic) -> None:
    body = ("三明市在上海开设的沙县小吃旗舰店由沙县区派出厨师，店里的甜烧麦、芋子饺都是沙县做法。店长说，旗舰店是沪明对口合作"
            "推广沙县小吃的窗口。")
    m = match_article(hu_ming, "沙县小吃旗舰店探店：三明驻沪办楼下的沙县味", body)
    assert m.matched, m.reason


def test_these_shops_brought_in_by_the_ties_count(hu_ming: match.Topic) -> None:
    body = "在杨浦区商务委的牵线下，三明市五家特色小吃店入驻杨浦社区商业中心，这是沪明对口合作消费帮扶的新举措。"
    m = match_article(hu_ming, "这些三明小店开进上海社区 消费帮扶再添新渠道", body)
    assert m.matched, m.reason


# --- Sanming's people as guests of another pairing ---------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("浦东与崇明结对共建生态岛", "浦东新区与崇明区签订结对协议，共建生态岛，三明市代表应邀出席观摩。"),
    ("上海两区结对推进城乡融合", "闵行区与金山区日前签订城乡结对合作协议。三明嘉宾应邀出席签约仪式。"),
])
def test_sanmings_guests_at_anothers_pairing_are_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_sanmings_guests_at_the_pairings_own_signing_count(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "杨浦尤溪签订新一轮对口合作协议", "杨浦区与尤溪县签订新一轮对口合作框架协议，三明市代表应邀出席。")
    assert m.matched, m.reason
