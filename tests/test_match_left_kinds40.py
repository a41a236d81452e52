"""The bundled hu-ming topic on kinds session 33 left (match-40, session 34).

Written for these tests, in our own words.
- A list of things after a colon between 、 (a year's ten deeds, an editors' ten keywords), its last item after "，以及"
  naming Sanming: one item among unrelated ones, as a numbered top ten's line is. Guards: the item told on in a sentence
  of its own, a pact's fields listed after the pact, a report's long item on Shanghai's help.
- Two scenes of one year cut side by side (同一年，在千里之外的三明…; "Meanwhile, in Sanming, a thousand kilometres
  away"): a Shanghai factory and Sanming in one paragraph with nothing moving between them. Guards: a relocation told
  with the same cut (内迁, 随厂南下, "moved there with the factory").
- English one phrase a line: a line saying under what or what for ("Under the pairing program", "To teach in village
  schools", "As part of the counterpart cooperation") goes on the line before. Guards: a poem, an advert, headlines.
- The Shanghai side's medical team named as its own (上海医疗队, 上海瑞金医院医疗队, 沪上医疗队) in a sentence with a
  Sanming place: a team at work on the other side, also under a weather title. Guards: a team sent to Hubei, 医疗队伍
  (a workforce), each city's own teams.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

COLON_LISTS = [
    ("杨浦区公布年度十大惠民实事", "区政府日前公布今年十大惠民实事：新建社区食堂、改造老旧小区、新增停车泊位、加装电梯、建设口袋公园、"
     "增设托育园所、升级标准化菜场、铺设健身步道、推进适老化改造，以及组织退休职工赴对口合作地区（含三明泰宁）疗休养。"
     "区政府表示，各项目将于年底前完成。"),
    ("上海市总工会公布年度职工服务清单", "市总工会近日发布年度职工服务清单：职工体检、子女托管、法律援助、技能培训、困难帮扶、"
     "心理咨询、户外驿站、爱心午餐，还有与对口合作地区三明共推的疗休养线路。清单项目可在职工服务平台预约。"),
    ("我们评出了今年的十个关键词", "编辑部评出今年十个关键词：数字化、低空经济、银发经济、新质生产力、城市更新、文旅融合、"
     "乡村振兴、绿色低碳、消费提振，以及上海与三明的对口合作。这些词串起了一年的新闻。"),
]


@pytest.mark.parametrize(("title", "body"), COLON_LISTS)
def test_one_item_of_a_colons_list_is_no_subject(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert not any(h.term in ("三明", "泰宁") for h in m.hits), m.reason  # the item's name does not count


COLON_GUARDS = [
    ("杨浦区年度十大惠民实事完成情况", "区政府公布今年十大惠民实事完成情况：新建社区食堂、改造老旧小区、新增停车泊位、加装电梯、"
     "建设口袋公园、增设托育园所、升级标准化菜场、铺设健身步道、推进适老化改造，以及与三明市大田县共建职工疗休养基地。"
     "其中疗休养基地由杨浦区与大田县共同投资建设，今年已接待本区职工两千余人次，两地还签订了文旅合作协议。"),
    ("大田县与杨浦区签订新一轮对口合作协议", "杨浦区与三明市大田县日前签订新一轮对口合作协议。协议涵盖以下领域：产业转移、"
     "园区共建、文旅互推、医疗托管、教育结对、干部互派、消费帮扶等。双方将每年召开一次联席会议。"),
    ("泰宁县政府工作报告（摘要）", "过去一年，我们坚持项目带动：新建学校、改造道路、修建公园、增设公交线路、建设菜市场、"
     "改造供水管网，以及在上海市虹口区支持下建成县医院胸痛中心，虹口区派出专家常驻我县，全年完成手术二百余例，"
     "并为本县培训医护人员三十名。"),
]


@pytest.mark.parametrize(("title", "body"), COLON_GUARDS)
def test_a_list_item_told_on_or_a_long_one_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


SCENES = "two places' own scenes side by side"

SCENE_CUTS = [
    ("1966年的两座城", "1966年，上海的纺织厂正忙着赶制出口订单，车间里机器昼夜不停。与此同时，在千里之外的三明，一座新的水电站"
     "开始蓄水，来自全国各地的建设者在工地上过年。"),
    ("A sweet year: Shanghai's candy makers in 1958", "In 1958, several candy factories in Shanghai merged and launched new "
     "brands for export. Meanwhile, in Sanming, a thousand kilometres away, a new industrial town was being built by "
     "workers from across the country. Back in Shanghai, the candy workers were busy with gift boxes for the national day."),
]


@pytest.mark.parametrize(("title", "body"), SCENE_CUTS)
def test_two_scenes_of_one_year_side_by_side_are_no_relocation(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert SCENES in m.rules, m.reason


MOVES = [
    ("一座搪瓷厂的1958", "1958年，上海一家搪瓷厂接到整体内迁的任务，车间里的机器被拆下装箱。同一年，在千里之外的三明，这家厂的"
     "新厂房开始破土动工，第二年春天，第一批上海工人随厂南下。"),
    ("An enamel factory's journey", "In 1958, a Shanghai enamel factory packed up its workshop and its machines. "
     "Meanwhile, in Sanming, its new buildings were going up, and the next spring hundreds of its workers moved there "
     "with the factory."),
]


@pytest.mark.parametrize(("title", "body"), MOVES)
def test_a_scene_cut_in_a_relocation_story_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert SCENES not in m.rules, m.reason


TAILS = [
    ("A year in Taining", "Doctors from Shanghai\nArrived at Taining County Hospital\nUnder the pairing program\n"
     "They will stay for a year"),
    ("Teachers from Yangpu", "Teachers from Yangpu\nTravelled to Jianning\nTo teach in village schools\n"
     "Under the pairing program"),
    ("Songjiang engineers in Yong'an", "Engineers from Songjiang\nCame to Yong'an\nTo help local factories\n"
     "As part of the counterpart cooperation\nBetween the two cities"),
]


@pytest.mark.parametrize(("title", "body"), TAILS)
def test_english_lines_saying_under_what_or_what_for_read_on(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "both sides and cooperation in one sentence" in m.rules, m.reason
    for h in m.hits:  # the hits still point at the original text
        assert body[h.start : h.end].lower() == h.term or title[h.start : h.end].lower() == h.term


TAIL_GUARDS = [
    ("A poem", "I left Shanghai in spring\nUnder a sky of rain\nCame to the hills of Sanming\nWhere the tea grows green"),
    ("Weekend escape", "Leave Shanghai behind\nTo hike in Taining\nUnder the stars of Sanming\nBook now for the summer"),
    ("Latest", "Shanghai stocks close higher\nSanming opens new bridge\nUnder new rules, Yangpu hosts tech forum\n"
     "Jiangle bamboo festival opens"),
]


@pytest.mark.parametrize(("title", "body"), TAIL_GUARDS)
def test_a_poem_an_advert_or_headlines_one_a_line_stay_apart(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


SENT = "people sent to help, with both sides, in one sentence"

TEAMS = [
    ("台风过境 上海医疗队坚守将乐", "台风过境期间，医疗队队员坚守在将乐县总医院，保障患者就医。"),
    ("暴雨夜 上海瑞金医院医疗队在尤溪连夜手术", "暴雨导致道路中断，医疗队队员在县医院连夜完成两台急诊手术。"),
    ("寒潮来袭 沪上医疗队走进建宁山村", "寒潮来袭，沪上医疗团队冒雪走进建宁县客坊乡，为老人测量血压、送去药品。"),
]


@pytest.mark.parametrize(("title", "body"), TEAMS)
def test_the_shanghai_sides_own_medical_team_on_the_other_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert SENT in m.rules, m.reason


TEAM_GUARDS = [
    ("上海援鄂医疗队里的宁化姑娘", "2020年，宁化姑娘小张作为上海一家医院的护士，随上海援鄂医疗队在武汉工作了两个月。"),
    ("三明籍护士随上海医疗队驰援武汉", "三明籍护士小林是上海一家医院的护士，2020年随上海医疗队驰援武汉，在方舱医院工作了50天。"),
    ("三明卫健干部学习上海医疗队伍建设经验", "三明市卫健委组织干部赴上海学习医疗队伍建设和人才培养经验。"),
    ("暴雨中的医疗团队", "暴雨来袭，上海和三明两地医院的医疗团队坚守岗位，保障急诊。"),
]


@pytest.mark.parametrize(("title", "body"), TEAM_GUARDS)
def test_a_team_sent_elsewhere_a_workforce_or_each_citys_teams_are_not(hu_ming: match.Topic, title: str,
                                                                        body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert SENT not in m.rules, m.reason
