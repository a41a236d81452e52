"""The bundled hu-ming topic on the kinds match-16 left and on kinds probed this round (match-17).

Probes written for these tests, in our own words: pinyin with tone marks (Shànghǎi, Sānmíng, Yǒng'ān); Sanming's
health-reform model (三明医改经验) as the only name of the city in a sentence where a Shanghai body and "the two"
work together, against Shanghai adopting the model alone; the reform's birthplace (三明医改发源地) as the place;
a page's hot list and readers' buzz under markers a careless extraction keeps (热点排行, 点击排行, 网友热议); a
firm's business with the other side and nothing public (a court's judgment on a sales contract, a hospital's
tender award to a supplier); what a careless extraction keeps around a story: a site's menu between spaces
(首页 新闻中心 沪明合作 上海 三明 …, "Home News Shanghai Sanming …"), a comment count, share and next-story links, a
bare 相关： line, headlines left below the story with no marker (and a gallery's captions, which stay).
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


# --- what a careless extraction keeps: a menu between spaces, a comment count, share links, headlines below ------


@pytest.mark.parametrize(("title", "body"), [
    ("永安市举办读书节", "首页 新闻中心 沪明合作 上海 三明 县区动态 专题\n"
     "永安市第五届全民读书节开幕，活动持续一个月，设有图书漂流、名家讲座等。"),
    ("Youxi opens new county library", "Home News Shanghai Sanming Pairing Business Culture\n"
     "Youxi County opened a new library on Monday with 120,000 books and a children's reading room."),
])
def test_a_menu_between_spaces_is_not_the_story(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Home prices", "Home prices in Shanghai and Sanming rose after the two cities signed a housing cooperation pact"),
    ("首页改版", "首页 新版上线后，上海与三明两地政府网站开设沪明合作专栏，两地签署了信息共享协议。"),
])
def test_a_sentence_opening_with_home_is_no_menu(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Taining bamboo rafting season opens", "Bamboo rafting on the Golden Lake opened for the season on Saturday.\n"
     "Comments (3)\nLucy from Shanghai: We went last year. Shanghai-Sanming cooperation should bring more trains!"),
    ("宁化县春耕备耕忙", "宁化县各乡镇抢抓农时开展春耕备耕，全县已完成早稻育秧三万亩。\n评论（12）\n"
     "上海网友：沪明合作多年，宁化的大米我们都吃过。"),
    ("三明学院举办毕业典礼", "三明学院2025届毕业典礼举行，四千余名学生毕业。\n分享到：微信 微博\n上一条：沪明合作产业园签约\n"
     "下一条：上海交大专家来明讲座"),
    ("三明市区樱花盛开", "三明市区樱花盛开，游客在公园赏花拍照。\n相关：沪明合作文旅项目签约"),
])
def test_a_comment_count_share_links_or_a_bare_related_line_end_the_story(hu_ming: match.Topic, title: str,
                                                                          body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_headlines_left_below_a_story_without_a_marker_are_not_the_story(hu_ming: match.Topic) -> None:
    body = ("宁化县第三届茶文化节开幕，展示全县茶叶品牌和制茶技艺，吸引游客三千余人。\n上海松江区代表团来宁化考察对口合作\n"
            "沪明合作产业园新签项目五个\n建宁莲子丰收\n三明市召开全市工作会")
    m = match_article(hu_ming, "宁化县举办茶文化节", body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # captions below the story are its own
    ("松江区代表团来宁化考察", "上海市松江区党政代表团日前来宁化县考察，双方举行座谈。\n图为签约现场\n图为代表团参观茶企\n图为双方座谈"),
    # two headline lines are not a block; a line of the story with a comma is no headline
    ("宁化县举办茶文化节", "宁化县第三届茶文化节开幕，吸引游客三千余人。\n上海松江区代表团来宁化考察对口合作\n沪明合作产业园新签项目五个"),
    ("沪明合作产业园", "宁化县沪明合作产业园今年新签项目五个。\n园区由上海松江区与宁化县共建\n首期用地三百亩\n"
     "松江区派驻干部三人，协助招商"),
])
def test_the_storys_own_short_lines_stay(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_a_gallerys_captions_below_its_story_stay(hu_ming: match.Topic) -> None:
    body = ("本报记者走访了宁化县医院和几个乡镇卫生院。\n长宁区援派医生在宁化县医院查房\n上海专家到乡镇卫生院义诊\n"
            "援派医生带教本地年轻医生")
    m = match_article(hu_ming, "组图｜援派医生在宁化", body)
    assert m.matched, m.reason


@pytest.mark.parametrize("body", [
    "三明市召开安全生产会议，部署冬春季工作。相关新闻：· 沪明对口合作签约仪式举行 · 上海嘉定区代表团来尤溪考察",
    "三明市召开安全生产会议，部署冬春季工作。\n● 沪明对口合作 ● 上海嘉定区考察 ● 泰宁旅游",
    "演员约翰·史密斯来到三明，参观了上海援建的医院。",
])
def test_the_bullets_the_literal_pass_finds_cut_as_a_scan_of_the_text_does(hu_ming: match.Topic, body: str) -> None:
    from monitor.match.engine import _cut_and_lead, _Doc, _Hits  # where the story stops, found both ways

    doc = _Doc("三明新闻", body, (hu_ming,))
    hits = _Hits(hu_ming, doc)
    assert (hits.cut, hits.lead) == _cut_and_lead(hu_ming, doc)
