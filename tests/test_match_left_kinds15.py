"""The bundled hu-ming topic on the kinds match-14 left (match-15).

Probes written for these tests, in our own words, of each kind the tenth blind round reported as left:
food reviews of the Shaxian-snack brand's flagship store in Shanghai (cooks sent from the county, no
office or agreement named); a two-character name with one character lost (三�分院) on a page that writes
the name in full elsewhere; one-sentence asides recalling the pairing under a title about another
pairing (a Shanghai district's in Yunnan, Sanming's with Xiamen); a Shanghai district named only as 滬
(專訪滬區長); machine-translated copy in the partner city's own voice ("our city") that never writes
Sanming; and Sanming's own press naming those sent to it (援明干部).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- the county brand's flagship store on the other side ------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("在静安吃到了地道的沙县味道",
     "上周末去了静安寺附近新开的三明沙县小吃旗舰店。店里的师傅都是从沙县请来的，菜单上有四十多种点心，"
     "很多在上海别的店里从没见过。\n芋饺皮薄馅足，扁肉汤头清爽，价格也不贵。"),
    ("沙县小吃上海旗舰店开业一周年 日均接待食客千余人",
     "位于杨浦区的沙县小吃上海旗舰店开业满一年。店长介绍，店内的厨师全部来自三明，食材每周从沙县运来。\n"
     "一年来，门店日均接待食客一千余人，不少上海市民专程前来品尝。"),
    ("A taste of Shaxian in Yangpu",
     "The Shaxian snack flagship store in Shanghai's Yangpu district is busy at lunchtime. Its cooks came from "
     "Sanming, and the menu lists about forty dishes rarely seen in the city.\n"
     "Diners said the dumplings tasted like the ones sold in the county itself."),
])
def test_the_county_brands_flagship_store_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # one family's snack shop, however long it has been there
    ("弄堂里的沙县小吃：一对夫妻在上海的十二年",
     "十二年前，老郑夫妻从沙县来到上海，在虹口一条弄堂口开了小吃店。店不大，只有六张桌子，生意靠回头客。\n"
     "老郑说，等攒够钱就回老家盖房子。"),
    # a Shanghai chain's flagship store in a Sanming county: commerce
    ("上海咖啡品牌在永安开出旗舰店",
     "一家来自上海的连锁咖啡品牌在永安市开出了旗舰店，店内装修很有设计感，开业当天排起长队。"
     "店主说，这是品牌在福建开的第五家店。"),
])
def test_a_shopkeepers_or_a_chains_store_stays_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a two-character name with one character lost ----------------------------------------------------


def test_a_lost_character_in_a_short_name_the_page_writes_in_full_elsewhere(hu_ming: match.Topic) -> None:
    title = "仁济医院三\ufffd分院开诊半年"
    body = ("来源：三明日报\n仁济医院三\ufffd分院开诊半年来，上海专家累计接诊患者八千余人次，开展新技术十五项。\n"
            "分院负责人说，以后大病不用再跑上海。")
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    # the hit points at the garbled characters of the page as it came
    assert any(h.field == "title" and title[h.start : h.end] == "三\ufffd" for h in m.hits), m.hits


def test_a_lost_character_in_a_short_name_alone_is_not_guessed(hu_ming: match.Topic) -> None:
    # no 三明 anywhere: 三� could be 三亚, 三元 …
    m = match_article(hu_ming, "上海瑞金医院三\ufffd分院挂牌", "上海瑞金医院三\ufffd分院今日挂牌，医院将派出专家常驻分院。")
    assert not m.matched, m.reason
    # nor a run of them, nor 〓县 after another character (清〓县 is 清流县's, not 沙县's)
    m = match_article(hu_ming, "三\ufffd\ufffd旅游攻略", "从上海出发去三\ufffd\ufffd，记得带防晒霜。三明的朋友也推荐过。")
    assert not m.matched, m.reason


# --- one-sentence asides under a title about another pairing --------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("闵行区与云南文山州签署新一轮结对协议",
     "闵行区与文山州签署新一轮东西部协作结对协议，将在产业、教育、医疗等方面深化合作。\n"
     "闵行区此前还与三明市的清流县建立了对口合作关系。\n下一步，双方将共同推进消费帮扶。"),
    ("三明与厦门深化山海协作",
     "三明市与厦门市召开山海协作联席会议，双方签署共建产业园协议。\n此前，三明已与上海建立对口合作关系。\n"
     "会议还研究了下一步工作。"),
    ("Sanming and Xiamen open a joint industrial park",
     "Sanming and Xiamen opened a jointly run industrial park on Tuesday under the province's mountain-and-sea "
     "cooperation scheme.\nSanming has also been paired with Shanghai since 2021.\nThe park expects 30 firms by next year."),
])
def test_an_aside_under_a_title_about_another_pairing_stays_unmatched(hu_ming: match.Topic, title: str,
                                                                      body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("闵行区与云南文山州签署新一轮结对协议",
     "闵行区与文山州签署新一轮东西部协作结对协议，将在产业、教育、医疗等方面深化合作。\n"
     "闵行区与清流县的对口合作也在深化。今年两地共建的茶叶加工园投产，闵行组织两千名职工赴清流疗休养。"
     "清流的笋干已进入闵行二十家超市。\n下一步，双方将共同推进消费帮扶。"),
    ("三明与厦门深化山海协作",
     "三明市与厦门市召开山海协作联席会议，双方签署共建产业园协议。\n与此同时，三明与上海的对口合作不断深化。"
     "今年上海企业在三明新落地项目二十个，两地共建的人才飞地引进博士十二名。上海各区与三明各县的结对实现全覆盖。\n"
     "会议还研究了下一步工作。"),
])
def test_a_paragraph_that_keeps_to_the_ties_under_such_a_title_still_counts(hu_ming: match.Topic, title: str,
                                                                           body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a Shanghai district named as 沪 ------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("访沪区委书记：对口合作要见实效",
     "问：今年区里对口工作有何重点？\n答：我们与宁化县结对已经四年，今年将在宁化共建农产品加工园，组织区内企业赴宁化考察。"),
    ("滬區代表團赴清流考察", "日前，滬區代表團一行抵達清流縣，考察對口合作項目，雙方簽訂新一輪結對幫扶協議。"),
])
def test_a_shanghai_district_named_as_hu_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_hu_before_a_word_for_region_or_block_is_no_district(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "江浙沪区域游客涌向泰宁", "国庆期间，江浙沪区域的游客是泰宁的主要客人，沪区块链企业也来考察。")
    assert not any(h.term in ("沪区", "滬區") for h in m.hits), m.hits


# --- the partner city's own voice, never naming itself ------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Municipal Party Secretary meets Songjiang District delegation",
     "On the morning of March 3, the Secretary of the Municipal Party Committee met with a delegation from "
     "Songjiang District, Shanghai. The two sides discussed deepening the counterpart cooperation between "
     "Songjiang and our city, and signed agreements on industry and tourism."),
    # "our city and Jiading district": the page's own city, not another place with Shanghai in the title
    ("Our city and Jiading District hold joint meeting on paired cooperation",
     "The joint meeting on paired cooperation between our city and Jiading District of Shanghai was held. The "
     "mayor said our city will work with Jiading on enclave parks, health care and labour."),
    ("市委书记会见松江区党政代表团",
     "3月3日上午，市委书记会见了松江区党政代表团一行，双方就深化松江区与我市对口合作进行座谈，并签署产业和文旅合作协议。"),
])
def test_our_citys_paired_cooperation_with_a_shanghai_district_counts(hu_ming: match.Topic, title: str,
                                                                      body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_our_city_and_a_shanghai_district_is_no_other_place(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Our city and Minhang District hold joint meeting",
                      "A joint meeting of our city and Minhang District was held in Qingliu county. The two sides "
                      "agreed to co-build a tea park.")
    assert "title about Shanghai and another place" not in m.rules, m.reason
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # another partner's page: its own name in the title
    ("遵义市委书记会见松江区代表团", "遵义市委书记会见了松江区党政代表团，双方就深化松江与我市对口合作进行座谈。"),
    # 对口支援, Shanghai's word for Xinjiang and Tibet, is not its pairing with Sanming
    ("市委书记会见上海援疆干部", "市委书记会见了上海市对口支援干部，感谢上海对我市的支持。"),
])
def test_another_partners_own_voice_stays_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- those sent to Sanming, as its press names them -------------------------------------------------


def test_cadres_sent_to_sanming_count(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "上海援明干部返沪", "第三批上海援明干部结束三年工作返沪，三明市为他们举行欢送会。")
    assert m.matched, m.reason


# --- found by our probes of issue 12's kinds ----------------------------------------------------------


def test_jin_jiang_hotels_are_shanghais_not_a_fujian_city(hu_ming: match.Topic) -> None:
    # 锦江 spelt as 晋江 is: not "Sanming's ties with another Fujian city" in the title
    m = match_article(hu_ming, "Jinjiang Hotels opens resort at Taining's Great Golden Lake",
                      "Jin Jiang International has opened a resort by the Great Golden Lake in Taining, its first in the "
                      "county, as part of the tourism cooperation between the two places.")
    assert m.matched, m.reason
    assert "title about Sanming's ties with another Fujian city" not in m.rules, m.reason


def test_one_graduates_bookshop_is_one_persons_shop(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Fudan alumnus opens bookshop in Taining old town",
                      "A Fudan University graduate has opened a small bookshop in Taining's old town, selling used books "
                      "and local tea.")
    assert not m.matched, m.reason


# --- an emoji put inside a name -------------------------------------------------------------------


def test_an_emoji_inside_a_name_is_read_through(hu_ming: match.Topic) -> None:
    title = "上🔥海专家来到三✨明义诊"
    m = match_article(hu_ming, title, "上👍🏻海华山医院的专家团队来到三🌸明市，开展为期一周的义诊和带教，这是两地对口合作的医疗项目。")
    assert m.matched, m.reason
    assert "both sides in the title" in m.rules, m.reason
    # the hit covers the name as the page writes it, emoji and all
    assert any(h.field == "title" and title[h.start : h.end] == "上🔥海" for h in m.hits), m.hits


@pytest.mark.parametrize(("title", "body"), [
    ("周三👍明显好转", "上海今天晴，周三👍明显降温。"),  # 周三|明显: no word reads across the emoji
    ("今天😀明天", "上海的三明治🍞店开业了。"),
])
def test_an_emoji_between_two_words_stays(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not any(h.term == "三明" for h in m.hits), m.hits
