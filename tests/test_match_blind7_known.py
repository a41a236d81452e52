"""The bundled hu-ming topic on two kinds known before the eighth blind set (match-12).

The seventh blind set's held part (read after its one measurement, so no longer blind for these)
showed them: English copy listing places with commas and "and" (a firm's depots "in Shanghai,
Xiamen and Yong'an") read as the two sides named together, a false alarm with no cooperation
stated; and a photo gallery of doctors a Shanghai district sent to a Sanming county (援派),
captions only (图为…), which scored under the bar because 援派 was no word of the ties. The texts
here are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spans import Enumerations, group_spans
from monitor.textnorm import normalize_lines

# --- English lists of places ------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Regional courier adds depots in Shanghai, Xiamen and Yong'an",
     "Fujian-based Minjie Logistics said on Tuesday it had opened new sorting depots in Shanghai, Xiamen and "
     "Yong'an this quarter, raising its network to 62 sites. The firm expects parcel volume to grow 18 percent "
     "next year."),
    ("Coach line adds stops",
     "The overnight coach service launched this week stops in Shanghai, Hangzhou, Nanping, Sanming and Longyan, "
     "the operator said; tickets are sold online."),
    ("Retailer signs leases",
     "The Shanghai-based chain said it had signed leases for stores in Xiamen, Quanzhou, and Shaxian, and opened "
     "a warehouse in Fuzhou."),
])
def test_places_in_an_english_list_are_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # the list is the partner's own parts: its counties, all on one side
    ("Shanghai doctors tour three counties",
     "Doctors from Shanghai's Minhang district held clinics in Youxi, Taining and Jiangle under the paired "
     "assistance programme, seeing 900 patients."),
    # a possessive owns the list: Shanghai's hospitals, not Shanghai among other cities
    ("Shanghai hospitals send experts to Sanming",
     "Experts from Shanghai's Ruijin, Huashan and Renji hospitals visited Sanming this week to train county "
     "doctors."),
    # three partners acting together
    ("Three cities launch tourism route",
     "Shanghai, Sanming and Nanping jointly launched a red-tourism route on Monday."),
    # two places joined by "and" are no list
    ("Shanghai and Sanming sign tourism pact", "Shanghai and Sanming signed a tourism cooperation agreement on Monday."),
])
def test_english_lists_that_still_tell_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("text", "kept"), [
    ("depots in shanghai, xiamen and yong'an this year", False),
    ("depots in ganzhou, shanghai, shaoguan and baoji", False),
    ("stops at xiamen, fuzhou, and shanghai, the firm said", False),
    ("in shanghai and sanming", True),                       # two items: no list
    ("shanghai, officials said, would help sanming", True),  # commas without "and": clauses
    ("shanghai's ruijin, huashan and renji hospitals", True),
    ("shanghai, minhang and pudong", True),                  # the list is all one side
    ("shanghai, xiamen and sanming jointly held a fair", True),
    ("officials from shanghai, led by the deputy mayor of the city, and sanming met", True),
])
def test_which_english_list_items_go(hu_ming: match.Topic, text: str, kept: bool) -> None:
    assert bool(group_spans(hu_ming.groups["shanghai"], text, len(text), Enumerations(text))) == kept


def test_an_english_list_leaves_chinese_alone(hu_ming: match.Topic) -> None:
    text = normalize_lines("上海专家与三明医生座谈, 谈及大田、尤溪 and more")
    assert group_spans(hu_ming.groups["shanghai"], text, len(text), Enumerations(text))


# --- a gallery of doctors sent to help ------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("图集｜闵行医生在大田",
     "图为：上午8点，闵行区援派医生在大田县医院门诊接诊。\n图为：援派专家在手术室指导当地医生。\n"
     "图为：医疗队到广平镇开展义诊，老人排队量血压。\n摄影：陈某某"),
    ("影像｜在泰宁的日子",
     "图1 奉贤区援派的眼科医生在泰宁县医院做白内障手术\n图2 援派医生和当地护士交班\n图3 周末，医生们在村里义诊"),
    ("组图：义诊进山村",
     "图为松江区援派医疗队队员在将乐县万全乡为村民测血糖。\n图为专家在卫生院查看病例。\n图为义诊现场。（将乐县融媒体中心 摄）"),
    # English captions: doctors "sent by" a district, a team "seconded" to a county, a free clinic
    ("Photos: Shanghai doctors in Datian",
     "Photo 1: Doctors sent by Shanghai's Minhang district see patients at Datian County Hospital.\n"
     "Photo 2: A visiting surgeon guides local doctors in theatre.\nPhoto 3: The team in a mountain village."),
    ("In pictures: a week in Ninghua",
     "A Shanghai medical team seconded to Ninghua county holds a free clinic in a township.\nThe doctors hand over to "
     "local nurses."),
])
def test_a_gallery_of_doctors_sent_to_help(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("组图｜上海游客在泰宁", "图为：来自上海的游客在大金湖乘船游览。\n图为：游客在古城品尝擂茶。\n摄影：王某"),
    # a Shanghai doctor sent to Xinjiang, born in Sanming: another pairing's mission
    ("援疆医生的一天",
     "图为：上海援派喀什的医生在莎车县医院查房，他的老家在三明。\n图为：医生为维吾尔族患儿检查。"),
])
def test_a_gallery_without_the_mission_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
