"""The bundled hu-ming topic on the kinds a fifth blind set of hard cases showed (match-9).

A helper wrote 160 cases without looking at the engine; the one error of its tuning part was a
name that sounds like the ties (a firm called 沪明, a "Hu-Ming" brand) in a story whose title or
lead says in so many words that it has nothing to do with the other side. The texts here are
written for these tests (simplified, traditional, English). Each denial case matched before the
change; the cases that must still match (a double negative, 无关紧要, a question, "seemingly
unrelated", a denial of something else further down) guard the fix. Telling its tuning cases
again in our own words showed a second kind: a weekend listing whose lines open with a label in
【】, one line naming a Shanghai district and Sanming (it had passed by one point: with that line
as the lead it matched).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("沪明合作？这家“沪明”茶行与三明毫无关系",
     "闵行区一家名叫“沪明”的茶行最近在网上走红，不少人以为是三明在上海开的对口合作窗口。记者了解到，店名取自店主夫妇"
     "各自名字里的一个字，茶叶多从云南进货，与三明没有任何关系。\n店主笑称，常有顾客进门就问有没有三明的笋干。"),
    ("滬明合作？“滬明”貨運與三明無關",
     "寶山區一家名為“滬明”的貨運公司，因名字常被誤認為上海與三明對口合作的企業。公司負責人說，公司名稱源自創辦人的籍貫，"
     "與三明並無業務往來，也從未參與兩地合作項目。"),
    ("A Shanghai bakery called Hu-Ming has nothing to do with Sanming",
     "Customers of the Hu-Ming bakery in Shanghai's Hongkou district often ask whether it is part of the "
     "Shanghai-Sanming cooperation. The owner says the name joins the given names of his two daughters and "
     "the shop has no connection to Sanming at all.\nThe bakery opened in 2015 and sells egg tarts."),
])
def test_a_tie_denied_up_front_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a tie denied in the title" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    # a double negative says there is a tie
    ("三明的发展与上海并非毫无关系 沪明对口合作五年回顾",
     "三明的发展与上海并非毫无关系：五年来，上海市与三明市深化对口合作，共建产业园区三个，引进上海企业四十余家。\n"
     "两地还互派干部挂职，开展医疗、教育合作。"),
    # 无关紧要 (unimportant) is no denial
    ("沪明合作无小事 再小的项目也不是无关紧要",
     "杨浦区对口支援三明市大田县工作组表示，对口合作无小事，每一个项目都不是无关紧要的，今年以来两地签约项目十二个。"),
    # a question, and "seemingly unrelated", are no denial
    ("沪明合作与我无关？三明青年在上海这样说",
     "在上海工作的三明青年座谈会上，大家谈起沪明对口合作：人才飞地、挂职交流、两地产业合作，都与年轻人的发展息息相关。"),
    ("看似无关的两座城 上海与三明因对口合作紧紧相连",
     "上海市与三明市自2016年开展对口合作以来，共建产业园区，互派干部挂职，两地合作不断深化。"),
    # a denial of something else, past the lead, in a story about the ties
    ("上海专家赴尤溪县开展义诊 沪明医疗合作再深化",
     "日前，上海市第六人民医院专家团队赴三明市尤溪县开展义诊，这是沪明对口合作医疗帮扶的一项内容。\n"
     "专家提醒，不少慢性病与年龄无关，与生活习惯关系更大。"),
])
def test_the_ties_with_a_negative_word_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "a tie denied" not in m.reason


# A listing whose lines open with a short label in 【】 (a weekend calendar, a what's-on page) is a
# list: one line naming both sides is an item among unrelated ones, not what the page is about.
def test_a_line_of_a_bracketed_listing_is_a_list_item(hu_ming: match.Topic) -> None:
    title = "本周末上海好去处"
    body = ("【市集】长宁区一商场中庭：三明农产品推介展卖，周六全天。\n"
            "【展览】浦东美术馆：印象派名作展，周二至周日开放。\n"
            "【演出】上海音乐厅：室内乐之夜，周五晚间。\n"
            "【亲子】上海自然博物馆：恐龙夜游，需预约。\n"
            "【运动】滨江步道：城市半程马拉松，周日清晨。\n"
            "【讲座】上海图书馆：老洋房里的故事，周六下午。")
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_bracketed_section_labels_of_a_story_on_the_ties_still_count(hu_ming: match.Topic) -> None:
    title = "沪明合作这一年"
    body = ("【产业】上海与三明共建的产业园今年新落地上海企业十二家，涉及新材料和食品加工，园区由两地共同规划、共同招商，"
            "上海方面派出管理团队常驻园区。\n"
            "【医疗】上海六家三甲医院与三明各县总医院组建专科联盟，派驻专家全年坐诊三千多人次，帮助县医院开展新技术二十余项。\n"
            "【文旅】三明全年接待上海疗休养职工八万多人次，两地联合推出多条职工疗休养线路，上海多个区在三明设立疗休养基地。\n"
            "【人才】两地互派挂职干部四十余名，上海高校在三明设立实践基地，三明选派青年教师到上海学校跟岗学习。\n"
            "【消费】三明农产品在上海的直销窗口增至二十个，全年在沪销售额突破十亿元，笋干、茶叶进入上海单位食堂。")
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
