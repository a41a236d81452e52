"""The bundled hu-ming topic on kinds left by match-45 and the blind sets of sessions 36 and 37 (match-46, session 37).

Written for these tests, in our own words, after the kinds of pages the blind sets held:
- A family's trip told in the first person (我的三明寻根之旅: a grandfather came with his Shanghai factory in 1960, the
  grandson visits the old plant): the relocation years, a factory and both sides scored it as the relocations' history.
  A trip of one's own is no tie of the two places: a shop, a trip or a reader's question, nothing public.
- A memoir asking Shanghai to move its light industry to Sanming (把上海的一些轻纺工业搬到三明来), the year in another
  paragraph: 搬到 was no word of the ties. An industry or a factory moved is (not 搬到 alone: a family's move).
- A source, outlet or editor line (来源：三明日报, 责任编辑：…) over a story of two Shanghai districts' pact: the outlet's name
  made it a Sanming report on Shanghai. The outlet is who posted the page, not a place of the story; where the story names
  its own side by no name (市长会见…, 我市), the outlet's place is that side, as before.
- One bulleted headline (a related link, "· 沪明对口合作项目集中签约") above an untitled page's unrelated story: its words
  were read as the story's.
- A holiday's travel peak in the title (在沪三明人春节返乡高峰): a station's count of travellers, no tie.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- one's own trip ------------------------------------------------------------------------------------------------

TRIPS = [
    ("我们一家的三明之旅", "外公是1965年随上海一家机械厂迁到三明的。今年暑假我们一家三口第一次去三明，看了外公当年工作过的车间旧址，"
     "又去泰宁看了丹霞。"),
    ("带着爷爷重回三明的旅行", "爷爷1960年随上海的工厂来到三明，退休后回了上海。今年五一我们带着爷爷重回三明，去看了他当年住过的宿舍楼，"
     "又在沙县吃了小吃。"),
]


@pytest.mark.parametrize(("title", "body"), TRIPS, ids=["family", "grandfather"])
def test_a_family_trip_recalling_the_relocations_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_first_person_account_of_a_posting_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "我的沪明挂职之旅", "2023年我从上海嘉定区来到永安挂职，两年里牵头引进上海企业八家，推动两地共建产业园。")
    assert m.matched, m.reason


def test_a_worker_s_relocation_life_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "一位老纺织工的三明六十年",
                      "1960年，她跟随上海一家纺织厂的车间来到三明，在这里干到退休，如今儿孙都在三明安了家。")
    assert m.matched, m.reason


# --- industry moved --------------------------------------------------------------------------------------------------

MEMOIR = ("那年我们去上海汇报，提出请上海把一批日用品工业搬到三明来，满足山城几万职工的生活需要。上海的同志当场表示回去就研究。\n"
          "后来一批小厂陆续南迁。")


@pytest.mark.parametrize("title", ["", "回忆录选载"], ids=["untitled", "titled"])
def test_industry_moved_from_shanghai_to_sanming_counts(hu_ming: match.Topic, title: str) -> None:
    m = match_article(hu_ming, title, MEMOIR)
    assert m.matched, m.reason


def test_a_family_moving_is_no_industry_moved(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "", "退休以后，老王一家从上海搬到三明定居，住在列东街道，每天早上去公园打太极。")
    assert not m.matched, m.reason


# --- outlet lines --------------------------------------------------------------------------------------------------

PACT = "徐汇区与闵行区签订养老服务合作协议，两区将共建长者照护中心，互认护理员培训证书。"


@pytest.mark.parametrize(("title", "line"), [
    ("徐汇与闵行签订养老合作协议", "来源：三明日报"),
    ("", "2025-03-02 来源：三明日报 责任编辑：林晓"),
    ("徐汇与闵行签订养老合作协议", "稿源：三明新闻网"),
    ("徐汇与闵行签订养老合作协议", "作者单位：三明学院"),
], ids=["source", "untitled-dateline", "gaoyuan", "author-unit"])
def test_an_outlet_line_is_no_place_of_the_story(hu_ming: match.Topic, title: str, line: str) -> None:
    m = match_article(hu_ming, title, line + "\n" + PACT)
    assert not m.matched, m.reason
    assert not any(h.term.startswith("三明") for h in m.hits), m.hits


def test_an_outlet_line_below_the_story_is_none_either(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "徐汇与闵行签订养老合作协议", PACT + "\n（来源：三明日报）")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("市长会见普陀区党政代表团", "来源：三明日报\n3月2日上午，市长会见了普陀区党政代表团一行，双方就共建产业园、干部交流等进行了座谈。"),
    ("Party secretary meets Putuo delegation", "Source: Sanming Daily\nOn Monday the secretary of the municipal party "
     "committee met a delegation from Putuo District. The two sides discussed industrial transfer and cadre exchanges."),
], ids=["mayor", "english"])
def test_the_outlet_s_city_is_a_story_s_unnamed_side(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_public_body_as_the_source_still_speaks_for_its_side(hu_ming: match.Topic) -> None:
    body = ("长宁区卫健委组织十名专家来县开展义诊，双方签订医疗合作协议，专家将定期来县坐诊。\n来源：尤溪县卫健局")
    m = match_article(hu_ming, "专家义诊进乡村", body)
    assert m.matched, m.reason


# --- a bulleted related link above an untitled story ------------------------------------------------------------------

STREET = "三元区今年新建城市书房三座，市民可凭身份证免费借阅图书，书房每天开放到晚上十点。"


@pytest.mark.parametrize("links", ["· 沪明对口合作项目集中签约", "• 沪明合作产业园新签约企业五家\n· 上海嘉定区代表团来尤溪考察"],
                         ids=["one", "two"])
def test_bulleted_links_above_an_untitled_story_are_not_its_words(hu_ming: match.Topic, links: str) -> None:
    m = match_article(hu_ming, "", links + "\n" + STREET)
    assert not m.matched, m.reason
    assert m.score == match_article(hu_ming, "", STREET).score, m.reason


def test_a_bulleted_line_above_its_own_story_still_counts(hu_ming: match.Topic) -> None:
    body = "· 沪明对口合作项目集中签约\n3月5日，沪明对口合作项目集中签约仪式在永安举行，两地签约项目十二个，总投资三十亿元。"
    m = match_article(hu_ming, "", body)
    assert m.matched, m.reason


# --- a holiday's travel peak --------------------------------------------------------------------------------------

def test_a_holiday_travel_peak_is_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "在沪三明人节后返程高峰来临",
                      "春节假期结束，在上海工作的三明人陆续返程，三明北站开往上海的列车车票售罄，车站日均发送旅客三万人次。")
    assert not m.matched, m.reason


def test_a_ride_laid_on_for_workers_still_counts(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "春运返岗专列 送三明务工人员赴上海",
                      "春节后，三明市人社局联合铁路部门开行返岗专列，把八百名务工人员点对点送到上海嘉定的企业，嘉定区人社局在车站设接待点。")
    assert m.matched, m.reason
