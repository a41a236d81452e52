"""The bundled hu-ming topic on kinds left at the end of session 37 and one of blind38's tuning half (match-47, session 38).

Written for these tests, in our own words, after the kinds of pages those notes and sets held:
- A family's or a couple's own move told in English ("the Zhou family moved from Shanghai to Sanming", "moved to Taining
  with his wife"): "moved" is a word of the relocations, so the move scored as the ties. A household's move is no tie
  (as 一家人从上海搬到三明 is none); one with a factory or a mill in the sentence is the relocations still.
- A news outlet's name run into the story's first line (三明日报讯, 三明新闻网3月5日讯) or cited inside it (据三明新闻网消息)
  over a story of two Shanghai districts: the outlet's place was read as the story's. It is who reports (as on a source
  line, 来源：三明日报); a wire's dateline place after its name (东南网三明讯) and a story naming its own side by no name
  (我市) keep the place.
- A place's name inside a venue's quoted name (尤溪“上海城”商场, 三元区“小上海”夜市街, a cafe called "Tomorrow Shanghai"): read
  as the city. Two places quoted as themselves (“上海宝山”携手“三明建宁”) still are.
- An untitled page whose first line is its <title>, a column's name and the site's after "_" (沪明对口合作专栏_泰宁县人民政府网),
  over another story: the line was read as the body's (the column's name matched), though the titled page sets such a
  title aside. It is read as the title now: both copies get one verdict.
- An untitled page whose headline line is a question and its answer (…合办医院开诊？不，这是谣言): a ? inside the line made
  it no headline, so the denial in it was not read as the title's (c119 of our cases, made untitled). One ! or ? inside
  the line besides one ending it is a headline's still.
- blind38 u141 (tuning half): a history feature whose one 三明街头 (the city's streets) matched the gazetteer's street
  named 三明街, which made every 三明 of the page the street's: a relevant feature scored nothing.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- a household's move ---------------------------------------------------------------------------------------------

MOVES = [
    ("A banker's family settles in", "The Zhou family moved from Shanghai to Sanming in March after the father joined a "
     "local bank, and their two sons now walk to a school near the river."),
    ("Tea and quiet in the hills", "A former Shanghai accountant moved to Taining with his wife four years ago and now runs "
     "a small tea garden above the lake."),
    ("Starting over in Jiangle", "A retired couple moved from Shanghai to Jiangle county last spring, drawn by the clean air "
     "and the slower pace of life."),
    ("From Shanghai to the hills", "The Lins moved from Shanghai to Yong'an in 2019 to run a tea shop, and say they do not "
     "miss the big city."),
]


@pytest.mark.parametrize(("title", "body"), MOVES, ids=["family", "with-wife", "couple", "surname"])
def test_a_household_s_own_move_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize("body", [
    "Our family moved from Shanghai to Sanming in 1960 with my mother's textile mill, one of the plants sent inland to "
    "build the new industrial city.",
    "Hundreds of families moved from Shanghai to Sanming with their factories in 1958, and their children still speak "
    "Shanghainese.",
    "The Chens moved from Shanghai to Sanming in 1958 with their textile mill and never went back.",
], ids=["mill", "factories", "surname"])
def test_a_family_moving_with_its_factory_is_still_the_relocations(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "Growing up beside the mill", body)
    assert m.matched, m.reason


def test_a_doctor_sent_under_the_pairing_with_his_family_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "A doctor's posting", "Dr Li moved to Yong'an with his family for two years under the "
                      "paired assistance program between Shanghai and Sanming, leading the county hospital's heart unit.")
    assert m.matched, m.reason


# --- an outlet run into the story ------------------------------------------------------------------------------------

PACT = "上海市虹口区与杨浦区日前签订教育协作协议，两区将互派教师跟岗学习，共建课程资源库。"


@pytest.mark.parametrize(("title", "body"), [
    ("", "三明日报讯 " + PACT),
    ("", "三明日报讯（记者 林晓）" + PACT),
    ("", "三明新闻网3月5日讯 " + PACT),
    ("两区共建课程资源库", "三明日报讯 " + PACT),
    ("两区共建课程资源库", "据三明新闻网消息，" + PACT),
    ("", "三明日报讯 虹口区与杨浦区签订教育协作协议\n两区将互派教师跟岗学习，共建课程资源库，首批交流教师二十名。"),
], ids=["run-in", "reporter", "dated", "titled", "cited", "headline-line"])
def test_an_outlet_run_into_the_story_is_no_place_of_it(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert not any(h.term.startswith("三明") for h in m.hits), m.hits


@pytest.mark.parametrize("body", [
    "三明日报讯 上海市虹口区教育代表团日前来我市考察，双方签订教育协作协议，虹口区将选派十名骨干教师来明支教。",
    "东南网三明讯 上海市虹口区教育代表团来三明考察，双方签订教育协作协议。",
    "新华社三明3月5日电 上海市虹口区与三明市宁化县今天签署教育协作协议。",
], ids=["own-side-unnamed", "dateline-place", "wire-dateline"])
def test_the_story_s_own_place_beside_an_outlet_still_counts(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason


def test_a_run_in_outlet_s_hits_are_gone_and_others_stay_in_place(hu_ming: match.Topic) -> None:
    body = "三明日报讯 上海市虹口区与三明市宁化县签订教育协作协议，虹口区将选派教师来宁化支教。"
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason
    assert all(h.start >= len("三明日报讯") for h in m.hits), m.hits
    assert all(body[h.start:h.end] == h.term for h in m.hits), m.hits


# --- a venue's quoted name -------------------------------------------------------------------------------------------

VENUES = [
    ("尤溪“上海城”商场举办春季招聘会", "尤溪县“上海城”购物中心联合县人社局举办春季招聘会，四十家商户提供岗位六百个。"),
    ("三元区“小上海”夜市街完成提升改造", "三元区“小上海”夜市街提升改造完工，区住建局投资一千五百万元铺设新路面，商户联合推出开街优惠。"),
    ("宁化“新上海”酒店消防检查", "宁化县消防救援大队联合县商务局对“新上海”酒店开展消防检查，督促整改隐患两处。"),
    ("A new cafe in Sanyuan", "A cafe called \"Tomorrow Shanghai\" opened in Sanming's Sanyuan district this week, run by "
     "two local graduates who signed a ten-year lease."),
]


@pytest.mark.parametrize(("title", "body"), VENUES, ids=["mall", "night-market", "hotel", "english"])
def test_a_place_inside_a_venue_s_quoted_name_is_the_venue_s(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("“上海宝山”携手“三明建宁”打造莲子品牌", "上海市宝山区与三明市建宁县签订消费帮扶协议，宝山区将在区内商超设立建宁莲子专柜。"),
    ("“沙县小吃”旗舰店在杨浦开业", "沙县区与上海市杨浦区共建的“沙县小吃”旗舰店开业，两地商务部门负责人出席。"),
], ids=["quoted-sides", "county-brand"])
def test_places_quoted_as_themselves_still_count(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- an untitled page's <title> line -----------------------------------------------------------------------------------

SITE_TITLE = "沪明对口合作专栏_泰宁县人民政府网"
CLEANUP = "泰宁县城管局近日开展背街小巷环境整治，清理乱堆乱放一百余处，修补破损路面两千平方米。\n下一步将建立常态化巡查机制。"


def test_an_untitled_page_s_site_title_line_reads_as_its_title(hu_ming: match.Topic) -> None:
    untitled = match_article(hu_ming, "", SITE_TITLE + "\n" + CLEANUP)
    titled = match_article(hu_ming, SITE_TITLE, CLEANUP)
    assert not untitled.matched, untitled.reason
    assert (untitled.matched, untitled.score, untitled.rules) == (titled.matched, titled.score, titled.rules)


def test_a_site_title_line_over_the_ties_still_counts(hu_ming: match.Topic) -> None:
    body = SITE_TITLE + "\n上海市嘉定区与泰宁县签订新一轮对口合作协议，嘉定区将帮助泰宁引进文旅项目五个。"
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason
    assert {h.field for h in m.hits} == {"body"}
    assert all(body[h.start:h.end] == h.term for h in m.hits), m.hits


# --- a city's streets ------------------------------------------------------------------------------------------------------

TAILORS = ("山城往事：上海裁缝铺", "上世纪六十年代，随上海服装厂迁来三明的老师傅们，在厂区附近开起了裁缝铺。\n"
           "那时三明街头流行上海式样的衬衫，年轻人托人从厂里买布料。")


def test_a_city_s_streets_are_the_city(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, *TAILORS)
    assert m.matched, m.reason


def test_a_street_named_after_the_city_is_still_the_street(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明街改造完工", "上海市三明街的人行道改造完工，沿街商户恢复营业，街道联合物业开展清洁行动。")
    assert not m.matched, m.reason


# --- an untitled page's question-and-answer headline --------------------------------------------------------------------

RUMOUR = ("嘉定区与尤溪县合办医院开诊？不，这是一则旧闻改写的谣言",
          "近日网上流传“嘉定区与尤溪县合办医院本月开诊”的消息。经向两地卫健部门核实，该消息系网友拼凑旧闻而成，两地近期并无此项安排，"
          "请勿转发。")


def test_an_untitled_question_and_answer_headline_reads_as_the_title(hu_ming: match.Topic) -> None:
    untitled = match_article(hu_ming, "", RUMOUR[0] + "\n" + RUMOUR[1])
    titled = match_article(hu_ming, *RUMOUR)
    assert not untitled.matched, untitled.reason
    assert (untitled.matched, untitled.score, untitled.rules) == (titled.matched, titled.score, titled.rules)


def test_a_first_line_of_two_questions_is_no_headline(hu_ming: match.Topic) -> None:
    body = "上海专家来了吗？来了！他们在哪儿？\n普陀区中心医院专家团队本周来到宁化县总医院驻点帮扶，开展查房和手术带教。"
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason
    assert all(body[h.start:h.end] == h.term for h in m.hits), m.hits
