"""The bundled hu-ming topic on the kinds match-16 left and on kinds probed this round (match-17).

Probes written for these tests, in our own words: pinyin with tone marks (Shànghǎi, Sānmíng, Yǒng'ān); Sanming's
health-reform model (三明医改经验) as the only name of the city in a sentence where a Shanghai body and "the two"
work together, against Shanghai adopting the model alone; the reform's birthplace (三明医改发源地) as the place;
a page's hot list and readers' buzz under markers a careless extraction keeps (热点排行, 点击排行, 网友热议); a
firm's business with the other side and nothing public (a court's judgment on a sales contract, a hospital's
tender award to a supplier).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

# --- pinyin with tone marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Shànghǎi–Sānmíng duìkǒu hézuò: Jiànníng xīn chǎnyèyuán",
     "Jīnnián, Shànghǎi Yángpǔ Qū hé Jiànníng Xiàn gòngtóng jiànshè le yí gè xīn chǎnyèyuán."),
    ("Pinyin reader, lesson 12",
     "Sānmíng hé Shànghǎi qiānshǔ le xīn de hézuò xiéyì, liǎng dì jiāng gòngjiàn chǎnyèyuán.\n"
     "New words: qiānshǔ 签署 sign; xiéyì 协议 agreement"),
    ("Experts from Shànghǎi visit Yǒng'ān",
     "A team from Tongji University visited Yǒng'ān this week under the paired cooperation between the two cities, "
     "signing an agreement to plan three villages."),
])
def test_pinyin_with_tone_marks_names_the_places(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    hit = next(h for h in m.hits if h.term.startswith(("shanghai", "sanming", "yong")))
    field = title if hit.field == "title" else body
    assert field[hit.start : hit.end].lower() != hit.term  # the page's own toned letters, one for one
    assert len(field[hit.start : hit.end]) == len(hit.term)


@pytest.mark.parametrize(("title", "body"), [
    ("Pīnyīn liànxí: wǒ ài chī sānmíngzhì", "Zǎoshang wǒ zài Shànghǎi de kāfēiguǎn chī le yí gè sānmíngzhì."),
    ("Lǚyóu rìjì", "Wǒ qù le Shànghǎi, ránhòu qù le Běijīng. Shànghǎi hěn dà, rén hěn duō."),
])
def test_pinyin_without_the_ties_stays_unmatched(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- Sanming's health-reform model -----------------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("医改十年：从“破冰”到“样板”",
     "十年前，这里在全国率先推行药品耗材联合限价采购。\n"
     "如今，三明医改经验已在全国推广。上海市卫健委借鉴三明医改经验，两地医院之间的专科共建正在推进。\n"
     "医共体改革让群众看病更方便，县里的老人说。"),
    ("A decade of a reform", "Shanghai's health commission studied the Sanming model, and hospitals of the two "
     "cities have since signed an agreement on joint specialist departments."),
])
def test_a_shanghai_body_working_with_the_two_on_the_reform_model_counts(hu_ming: match.Topic, title: str,
                                                                         body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("上海医院与三明医改发源地医院结对",
     "上海市第一人民医院日前与三明医改发源地的县级医院签署结对协议，双方将在专科建设、人才培养方面合作。"),
    ("沪上代表团学医改", "上海市医保局代表团日前来到三明医改发源地学习考察，双方签署了医疗保障合作协议。"),
])
def test_the_reforms_birthplace_is_the_place(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("闵行区借鉴三明医改经验推进医共体建设",
     "闵行区卫健委表示，将借鉴三明医改经验，推进区域医共体建设，在区内三家医院试点药品联合采购。"),
    ("全国推广三明医改经验", "国家医保局发文，要求各地学习三明医改经验。北京、上海、广东等地已开展试点，两地以上联合采购的做法也在推广。"),
    ("医改模式比较研究", "本文比较了三明模式与上海模式在药品采购、医保支付和薪酬制度上的差异，认为两地医改各有侧重。"),
    ("Shanghai adopts drug-buying reform",
     "Shanghai will follow the Sanming model in buying drugs, the city's health commission said, and both sides of "
     "the debate welcomed the plan."),
])
def test_shanghai_adopting_or_comparing_the_model_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a page's hot list and readers' buzz ----------------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("大田县开展森林防火演练",
     "大田县应急管理局组织森林防火演练，全县200余名扑火队员参加。\n热点排行\n1. 沪明对口合作签约仪式在沪举行\n"
     "2. 上海杨浦区代表团来大田考察\n3. 大田高山茶上市"),
    ("泰宁县图书馆新馆开放", "泰宁县图书馆新馆正式开放，藏书十五万册。\n【点击排行】\n沪明合作文旅项目签约\n上海游客涌入泰宁"),
    ("永安市新建三座污水处理厂",
     "永安市今年投资1.2亿元新建三座污水处理厂，覆盖城区及周边乡镇。\n网友热议\n“上海游客”：希望沪明合作也能多关注环保。"),
])
def test_a_hot_list_or_readers_buzz_is_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


# --- a firm's business with the other side, nothing public ----------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("上海某公司诉三明某企业买卖合同纠纷案判决书",
     "原告上海某贸易有限公司与被告三明某竹木制品有限公司买卖合同纠纷一案，本院依法审理。被告于2023年签订采购合同后"
     "未支付货款，判决被告支付货款38万元。"),
    ("三明市第一医院设备采购中标公告",
     "三明市第一医院CT设备采购项目中标结果公告：中标供应商上海某医疗器械有限公司，中标金额460万元。"),
    ("Court orders Sanming firm to pay Shanghai supplier",
     "A Sanming bamboo products maker must pay a Shanghai trading company 380,000 yuan for goods under a sales "
     "contract it signed in 2023, the court said in its judgment; the defendant may appeal."),
])
def test_a_firms_lawsuit_or_tender_award_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("沪明合作产业园道路工程招标公告",
     "项目名称：沪明合作（永安）产业园道路工程。招标人：永安市沪明合作产业园管委会。资金来源：上海市对口合作资金。"),
    ("上海临港集团投资的三明企业中标新项目",
     "由上海临港集团投资、落户三明高新区的一家新材料企业中标省重点项目，该企业是沪明合作的招商成果。"),
])
def test_a_tender_of_the_ties_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
