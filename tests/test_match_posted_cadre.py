"""The bundled hu-ming topic on a cadre posted between the two sides, named only by district and county (issue 12,
match-44, from blind35's tuning part).

An interview with a Shanghai district's cadre posted (挂职) to a Sanming county never writes 上海 or 三明, and speaks of
a shop the posting hopes for (a county's produce opening a store in the district). The shop's word made it "a shop, a
trip or a reader's question, nothing public" (-6), which cancelled the posting. A posting is the two bodies' act, as a
pact or the pairing is: it counts as public. A family's trip or a private shopkeeper's interview named by district and
county alone stays commerce (guards).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

SHOP_RULE = "a shop, a trip or a reader's question, nothing public"


@pytest.mark.parametrize(("title", "body"), [
    ("访谈｜嘉定区挂职干部：泰宁这一年",
     "问：从嘉定到泰宁挂职，哪件事印象最深？\n答：我们把嘉定垃圾分类的做法带到了泰宁县城，居民参与率提高了不少。\n"
     "问：下一步有什么打算？\n答：想帮泰宁的农家菜馆在嘉定开一家门店，让更多人尝到泰宁味道。"),
    ("對話｜閔行區掛職幹部：在尤溪的三百天",
     "記者：您從閔行來到尤溪掛職，最難的是什麼？\n答：山區路遠，但鄉親們很熱情。我們把閔行的社區養老經驗帶到了尤溪縣城關鎮。\n"
     "記者：還有什麼心願？\n答：希望尤溪綠茶在閔行開出第一家專賣店。"),
    ("Q&A: a Putuo official seconded to Jiangle",
     "Q: What surprised you most after being seconded from Putuo district to Jiangle county?\n"
     "A: How fast people here learn. We brought Putuo's online service desk to the county hall.\n"
     "Q: What next?\nA: Helping a Jiangle tea maker open its first store in Putuo."),
], ids=["simplified", "traditional", "english"])
def test_a_posted_cadre_is_the_ties_whatever_shop_he_speaks_of(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert SHOP_RULE not in m.rules


@pytest.mark.parametrize(("title", "body"), [
    ("杨浦一家三口的沙县两日游攻略",
     "国庆假期，家住杨浦的小陈一家自驾去了沙县。第一天逛小吃文化城，第二天去淘金山打卡，门票免费。\n"
     "小陈说，沙县的拌面比杨浦楼下那家正宗多了，下次还要来。"),
    ("A Putuo couple's road trip to Jiangle",
     "A couple from Putuo district spent a week on a road trip through Jiangle county, staying at a guesthouse "
     "and eating at a noodle shop the owner's family has run for thirty years."),
], ids=["simplified", "english"])
def test_a_trip_named_by_district_and_county_stays_a_trip(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert SHOP_RULE in m.rules


def test_a_private_shopkeepers_interview_stays_commerce(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "对话｜在杨浦开了十年沙县小吃的店主",
                      "记者：您从沙县来到杨浦开店，最大的感受是什么？\n店主：上海节奏快，但客人都很实在。\n"
                      "记者：接下来有什么打算？\n店主：想在五角场再开一家分店，外卖越来越多了。")
    assert not m.matched, m.reason
