"""The bundled hu-ming topic on the kinds match-24 left and blind20's tuning misses (match-25).

Probes written for these tests, in our own words: a district's report naming the pairing in the clause before a
semicolon and the partner county in the next (持续深化对口合作；与清流、明溪两县签订…), while another partner's clause keeps
its own pairing (深化对口支援喀什工作；…); a video's subtitles, one short line each, with or without times, that name
Shanghai, the county and the pairing in different lines; readers' posts under a story headed only by a 发表于 line,
while a forum thread that opens with one is read; a carrier's advert for its Shanghai-Sanming freight line; a forecast
comparing the two cities' weather (两地 where the weather is), a person's crime in the title; a memoir that names
Shanghai up front and, paragraphs later, Sanming and the pairing of "the two cities".
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

_FILLER = "今年秋天雨水偏多，菜市场的青菜价格涨了两成，小区门口新开了一家面包店，早上排队的人不少。"
_OPEN = "过去一年，全区经济稳中有进，各项任务顺利完成。\n" + _FILLER + "\n"
_EN = "Officials said the work would be finished before the spring festival, and residents were asked to plan ahead."


# --- the pairing named before a semicolon ---------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("杨浦区2025年工作总结", _OPEN + "持续深化对口合作；与清流、明溪两县签订新一轮合作行动计划，共建农文旅融合示范基地。\n" + _FILLER),
    ("嘉定区政府工作报告", _OPEN + "扎实做好对口合作工作；与尤溪县共建农产品展销中心，全年销售额突破三千万元。\n" + _FILLER),
    ("三明市2025年政府工作报告", "过去一年，全市上下团结奋斗，经济社会发展取得新成效。\n" + _FILLER
     + "\n对口合作走深走实；与闵行区签订新一轮合作框架协议，共建产业园区引进项目十二个。\n" + _FILLER),
    ("Songjiang district government work report", "Over the past year the district kept its economy growing steadily "
     "and finished its main tasks.\n" + _EN + "\nWe deepened our paired cooperation; with Yong'an we signed a new action "
     "plan and built a joint industrial park.\n" + _EN),
])
def test_the_pairing_named_before_a_semicolon(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("闵行区2025年工作总结", _OPEN + "对口帮扶遵义市务川县，帮助建设产业园区；组织企业赴遵义、三明等地考察。\n" + _FILLER),
    ("宝山区2025年工作总结", _OPEN + "深化对口支援喀什工作；与三明市的一家企业发生合同纠纷的案件已审结。\n" + _FILLER),
    ("静安区2025年工作总结", _OPEN + "深化对口支援西藏日喀则工作；区内一家企业在永安路开设门店，三明籍员工二十人。\n" + _FILLER),
])
def test_another_partners_pairing_before_a_semicolon_is_its_own(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_the_clause_after_another_partners_reads_alone(hu_ming: match.Topic) -> None:
    body = _OPEN + "完成云南结对县的帮扶任务；深化与宁化县的对口合作，共建的康养基地接待职工疗休养八千人次。\n" + _FILLER
    m = match_article(hu_ming, "长宁区2025年工作总结", body)
    assert m.matched, m.reason
    assert "a Shanghai report names Sanming beside the pairing" in m.rules


# --- a video's subtitles ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("视频｜清晨六点的县医院", "00:01 清晨六点\n00:03 尤溪县总医院门口\n00:06 已经排起了长队\n00:09 来自上海仁济医院的专家\n"
     "00:12 今天在这里坐诊\n00:15 这是两地对口合作的第三年\n00:18 三年来\n00:20 专家们累计接诊两万人次"),
    ("视频：山里来了上海老师", "在明溪县的一所乡村小学\n孩子们迎来了几位新老师\n他们来自上海市嘉定区\n是通过结对帮扶\n"
     "来这里支教一年的\n每天放学后\n老师们还给孩子们补课"),
])
def test_subtitle_lines_are_one_telling(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    for h in m.hits:  # offsets are still the page's
        assert (title if h.field == "title" else body)[h.start : h.end] == h.term or h.term in body


@pytest.mark.parametrize(("title", "body"), [
    ("视频｜明天天气", "00:01 明天起\n00:03 冷空气南下\n00:05 上海将迎来降温\n00:07 三明也有小到中雨\n00:09 市民出行注意携带雨具\n"
     "00:11 交通部门提醒\n00:13 注意行车安全"),
    ("视频｜一家面馆的二十年", "00:01 老陈今年五十岁\n00:03 老家在沙县\n00:05 二十年前\n00:07 他来到上海打工\n00:09 后来开了这家面馆\n"
     "00:11 每天凌晨四点起床\n00:13 和面 熬汤\n00:15 一碗面卖十二块"),
    # short lines with no times under a title that is no video's: headlines, each read apart
    ("将乐县举办农民丰收节", "上海客商来将乐\n农民丰收节开幕\n擂茶飘香古镛镇\n竹笋红菇受欢迎\n村民笑开颜\n" + _FILLER),
])
def test_subtitles_or_short_lines_with_no_tie_stay_out(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- readers' posts headed by 发表于 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("将乐县举办农民丰收节", "将乐县第七届农民丰收节在古镛镇开幕，村民们带来了擂茶、竹笋、红菇等特产，现场人气很旺。\n" + _FILLER
     + "\n山城小李 发表于 2025-10-02 10:21\n沪明合作越来越好，上海的朋友多来将乐玩。\n老张头 发表于 2025-10-02 11:05\n擂茶好喝！\n"
     "游客小王 发表于 2025-10-03 08:40\n上海来的游客表示很喜欢，希望两地多交流合作。"),
    ("市区新增停车位两千个", "三明市区今年新增公共停车位两千个，主要分布在医院、学校和老旧小区周边。\n" + _FILLER
     + "\n沪上游子 发表于 2025-9-12 20:01:33\n在上海工作，看到家乡变化真高兴，沪明合作让三明越来越好。\n路人甲 发表于 2025-9-12 "
     "21:15:02\n停车还是难。"),
])
def test_readers_posts_headed_by_a_posted_line_are_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_forum_thread_opening_with_a_posted_line_is_read(hu_ming: match.Topic) -> None:
    body = ("明溪老乡 发表于 2025-08-01 09:12\n我们明溪县这几年变化很大，上海嘉定区结对帮扶建了好几个项目，村里的茶叶也卖进了上海。\n"
            "山城小李 发表于 2025-08-01 10:30\n是的，嘉定的医生每个月都来县医院坐诊。")
    m = match_article(hu_ming, "这些年，你感受到变化了吗？", body)
    assert m.matched, m.reason


# --- a carrier's advert for its freight line ------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海至三明物流专线开通", "本公司新开通上海至三明物流专线，每日发车，整车零担均可承接，价格优惠，安全快捷。\n上海发货地址：嘉定区"
     "某物流园区8号库。三明收货地址：三元区某仓储中心。\n联系电话：138-0000-0000（王经理）"),
    ("沙县货运专线 上海直达", "专业承接上海至沙县、永安整车运输及零担托运，门到门服务，欢迎来电洽谈合作。\n上海青浦区某物流园 "
     "热线：021-0000000"),
])
def test_a_carriers_advert_for_its_freight_line(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_freight_line_pushed_by_both_sides_offices_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海至三明冷链物流专线开通", "由上海市嘉定区商务委和三明市商务局共同推动的上海至三明冷链物流专线"
                      "日前开通，三明的笋干、茶叶等农产品两天内即可进入上海市民的餐桌。咨询电话：0598-0000000\n两地商务部门表示，"
                      "专线是消费帮扶的重要举措。")
    assert m.matched, m.reason


# --- blind20's tuning kinds, in our own words: a forecast, a crime, a memoir -----------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("本周末上海降温明显 三明仍较温暖", "受冷空气影响，上海周末最低气温将降至零度左右，而三明白天仍有十六度。气象台提醒，往来两地的"
     "旅客注意添衣。"),
    ("寒潮来袭：上海、三明雨雪天气交通提示", "寒潮带来的雨雪天气将持续到周三，上海和三明的高速公路部分路段可能封闭，两地交管部门提醒"
     "司机合理安排出行。"),
    ("三明籍女子在沪涉嫌合同诈骗被提起公诉", "上海市某区检察院日前对一起合同诈骗案提起公诉。被告人王某是福建三明人，以投资合作为名"
     "骗取多名被害人钱款五十余万元。"),
    ("上海一男子在永安盗窃被刑拘", "永安市公安局日前破获一起盗窃案，犯罪嫌疑人李某系上海人，今年以来在永安多次盗窃电动车电瓶，"
     "上海的家人与永安警方合作追回了部分赃款。"),
])
def test_a_forecast_or_a_crime_in_the_title(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("台风过后上海驰援三明灾区", "台风过境后，上海市嘉定区连夜组织救灾物资驰援三明市尤溪县，首批帐篷和饮用水已运抵灾区。"),
    ("上海三明两地检察机关签署协作协议", "上海市嘉定区人民检察院与三明市尤溪县人民检察院签署协作协议，将在打击跨区域诈骗、干部交流等"
     "方面加强合作。"),
])
def test_a_tie_named_beside_the_weather_or_a_crime_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_memoir_naming_sanming_and_the_two_cities_pairing_late(hu_ming: match.Topic) -> None:
    body = ("1960年春天，母亲随上海一家纺织厂搬迁到福建的大山里，一待就是三十年。\n那时候厂里什么都缺，工人们白天上班，晚上自己动手"
            "盖宿舍。\n去年秋天，我陪母亲回到三明。老厂房已经改成了博物馆，讲解员告诉我们，如今两座城市结成了对口合作关系，这段往事"
            "有了新的故事。")
    m = match_article(hu_ming, "母亲的山城岁月", body)
    assert m.matched, m.reason


def test_sanmings_pairing_with_another_fujian_city_under_a_shanghai_story(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "松江区代表团在福州举办推介会", "上海市松江区日前在福州举办招商推介会，五十多家企业参加。\n会上，三明与"
                      "厦门两市还交流了两地山海协作结对的经验。")
    assert not m.matched, m.reason


# --- English: the biggest source of visitors -------------------------------------------------------------------------


def test_shanghai_as_a_countys_largest_source_of_visitors(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Taining ancient city welcomes Shanghai tourists", "Taining received 260,000 tourists "
                      "from Shanghai last year, making the city its largest source of visitors.\n" + _EN)
    assert m.matched, m.reason
