"""The bundled hu-ming topic on indirect names, probed while waiting for the eighth blind set (match-12).

The judges' hard set found misses where Shanghai is named only by a district, a state firm, a
hospital or a university and Sanming only by a county, a park, a landmark or a brand, where the tie
sits one paragraph deep in a long report, and in English naming counties only. Probes of those
kinds, written here in our own words, found words of the ties that were no cooperation words: a
team settling in (入驻) or a plant starting production (投产, "started production"), work done for
the other side for nothing (免费为, 无偿), a hospital's regular clinic there ("a monthly clinic"),
and Shanghai's sent-down youth in English ("sent-down youths", "educated youth"); and a sightseeing
story that counts the other side as its source of visitors (客源) was read as one person's trip.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("瑞金医院专家团队在尤溪县医院开诊",
     "瑞金医院专家团队近日入驻尤溪县总医院，开设内分泌专科门诊，每月轮换一批专家。"),
    ("同济大学规划团队为清流县编制村庄规划",
     "同济大学建筑与城市规划学院团队免费为清流县十个村编制村庄规划，成果已通过评审。"),
    ("上海电气风电装备基地投产", "上海电气在永安建设的风电装备制造基地日前投产，年产能二百套。"),
    ("Ruijin doctors in Youxi", "Specialists from Ruijin Hospital began a monthly clinic at Youxi County General Hospital."),
    ("Yong'an auto parts plant",
     "A parts maker from Shanghai's Jiading district has started production in Yong'an, supplying battery cases."),
])
def test_a_tie_told_by_an_indirect_name_and_a_plain_verb(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_source_of_visitors_counted_is_a_tie(hu_ming: match.Topic) -> None:
    body = "今年以来，泰宁接待申城游客十八万人次，同比增长三成，上海已成为泰宁第一大客源地。"
    m = match_article(hu_ming, "申城游客“打卡”泰宁古城", body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海品牌入驻三明万达广场", "三明万达广场本月新入驻一家上海烘焙连锁品牌门店，开业首日排起长队。"),
    ("自驾攻略：上海到泰宁", "从上海出发自驾到泰宁约七小时，大金湖景区日接待游客上万人次，建议提前预约门票。"),
    ("Shanghai tourist hurt in Taining",
     "A Shanghai tourist was treated at a Taining county clinic after falling on a trail, and stayed overnight."),
    ("Sanming startup opens office",
     "A Sanming software startup set up an office in Shanghai's Zhangjiang park to be closer to clients."),
    ("Police on duty at Sanming station",
     "Extra police were stationed at Sanming North station for the holiday rush, with trains to Shanghai fully booked."),
])
def test_the_same_words_in_a_shop_a_trip_or_a_firms_own_move(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_long_report_with_the_tie_one_paragraph_deep(hu_ming: match.Topic) -> None:
    paras = [
        "今年以来，全县经济运行总体平稳、稳中有进。",
        "一、主要指标。上半年地区生产总值增长百分之六点二，规模以上工业增加值增长百分之七点一，固定资产投资增长百分之五点八。",
        "二、工业经济。规模以上工业企业达到二百一十家，竹木加工、机械制造、新材料三大产业产值占比百分之六十八。",
        "三、农业生产。粮食播种面积稳定在二十八万亩，茶叶、金柑、油茶等特色产业提质增效。",
        "四、开放合作。嘉定区援建的智慧农业示范园一期建成，两地共建的飞地园区新落地项目三个，组织企业赴嘉定参加产销对接会两场。",
        "五、民生保障。城镇新增就业三千一百人，新改扩建中小学三所。",
        "下半年，全县将紧盯全年目标任务，确保完成各项目标。",
    ]
    m = match_article(hu_ming, "尤溪县上半年经济运行情况通报", "\n".join(paras))
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Former sent-down youth revisit Mingxi",
     "Thirty former sent-down youths from Shanghai went back to the Mingxi village where they farmed in the 1970s, "
     "bringing books for its school."),
    ("Educated youth from Shanghai remember Jianning",
     "A reunion of educated youth from Shanghai who lived in Jianning county in the 1960s drew 80 people this week."),
])
def test_shanghais_sent_down_youth_in_english(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
