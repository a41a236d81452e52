"""The bundled hu-ming topic on the kinds a fourth blind set of hard cases showed (issue 12, match-8).

A helper wrote 160 cases without looking at the engine; the classes behind the errors of its
tuning part (and of the third set's tuning part) are reproduced here in texts written for these
tests (simplified, traditional, English): a restaurant or snack shop in Shanghai kept by someone
from a Sanming county, with nothing public; another Fujian city's pairing in the title with
Shanghai–Sanming as an example; a year's top news run together between semicolons or numbered
一是 / 二是; a name with a lost character (上〓市) placed in another province; a life story of the
factories moved from Shanghai in the fifties and sixties. Each case of a fault failed on the engine
before the change; the cases that must still match (a county's own shop, a report whose items
speak of the ties, 上〓 at home, 上海南站) or must not (a factory year without the ties) guard
the fixes.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("沪上新开一家尤溪菜馆 老板娘自称“吃货”",
     "徐汇区一条小马路上，最近新开了一家尤溪风味菜馆。老板娘是尤溪人，在上海做了十年服装生意，去年决定转行。\n"
     "店里的招牌菜是尤溪卜鸭和红酒煮鸡，周末常常要排队。老板娘说，就是想让上海朋友尝尝家乡菜。"),
    ("申城開了家寧化客家菜館",
     "長寧區日前新開一家寧化客家菜館，老闆是在滬打拼多年的寧化人，招牌菜是擂茶和薯乾。開業一週，堂食常常客滿。"),
    ("A Ninghua noodle house opens in Shanghai's Jing'an",
     "A noodle house serving Hakka dishes from Ninghua county opened in Shanghai's Jing'an district last week. "
     "Its owner came to Shanghai from Ninghua twelve years ago and makes the rice noodles by hand.\n"
     "The restaurant seats forty and plans to add takeaway next month."),
    ("我在上海吃了八年沙县小吃",
     "公司楼下那家沙县小吃是我的第二食堂。老板是沙县人，来上海开店十几年，现在外卖占了一半生意。拌面配炖罐，永远不腻。"),
])
def test_a_private_restaurant_from_a_county_is_commerce(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a shop, a trip or a reader's question, nothing public" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("泰宁农家菜馆进驻嘉定 纳入对口协作消费帮扶",
     "在嘉定区与泰宁县对口协作推动下，泰宁一家农家菜馆日前在嘉定开业，笋干、红菇等食材由泰宁合作社直供。"),
    ("沙县小吃体验店在浦东开张", "沙县区在浦东新区开设的小吃体验店昨日开张，厨师全部来自沙县，首日接待食客上千人次。"),
    ("Sanming opens a showroom restaurant in Shanghai",
     "Sanming's government opened a showroom and restaurant for mountain produce in Shanghai's Putuo district "
     "under the paired assistance programme between the two cities."),
])
def test_a_restaurant_the_ties_bring_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("广州与龙岩签署新一轮对口合作协议",
     "广州市与龙岩市日前签署新一轮对口合作框架协议，双方将在产业转移、干部交流等方面深化合作。\n"
     "根据国家方案，广州对口龙岩、上海对口三明，两对城市同时启动对口合作。"),
    ("深圳與漳州共建產業園區",
     "深圳市與漳州市合作共建的產業園區日前開園。據介紹，園區借鑒了上海與三明結對共建產業園的做法。"),
    ("Xiamen and Longyan open a joint industrial park",
     "Xiamen and Longyan opened a joint industrial park on Tuesday. Officials said the park follows the model "
     "of other paired programmes, such as Shanghai's pairing with Sanming."),
    ("Guangzhou and Longyan deepen their counterpart ties",
     "Guangzhou and Longyan signed twelve projects on Monday under their counterpart cooperation.\n"
     "A 2022 national plan paired old revolutionary base cities with richer regions, Guangzhou with Longyan "
     "and Shanghai with Sanming among them."),
])
def test_another_fujian_citys_ties_in_the_title_make_sanming_an_aside(hu_ming: match.Topic, title: str,
                                                                         body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Longyan delegation studies Shanghai-Sanming pairing",
     "A delegation from Longyan visited Sanming on Monday to study how the city works with Shanghai under the "
     "paired cooperation programme, and toured the Shanghai-funded park in Yong'an."),
    ("厦门举办沪明合作成果展", "沪明对口合作成果展日前在厦门开展，展出上海与三明合作共建的四十个项目。"),
    ("福州客商考察永安 学习闵行对口合作经验",
     "福州一批客商日前到永安考察，参观了闵行区与永安市对口合作共建的产业园，了解上海企业落户情况。"),
])
def test_a_title_naming_another_fujian_city_and_the_ties_still_counts(hu_ming: match.Topic, title: str,
                                                                        body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("本报评出2025年度三明十大新闻",
     "经读者投票、专家评议，本报评出2025年度三明十大新闻：全国医改现场会在三明召开；三明至厦门高铁开工；"
     "沪明合作共建产业园新增项目二十个；沙县小吃营业额破五百亿；泰宁旅游人次破千万；尤溪朱子文化节举办；"
     "将乐竹产业链延伸；建宁种业产值创新高。"),
    ("二〇二五年福建十大新聞",
     "經讀者投票，十大新聞出爐：一是福州新區擴區；二是廈門跨境數據通道上線；三是滬明合作推動三明承接上海產業項目；"
     "四是寧德鋰電出口增長；五是泉州民營經濟產值破萬億；六是龍巖稀土補鏈；七是武夷岩茶品牌價值創新高。"),
    ("上海市对口支援地区2025年工作亮点",
     "全年亮点纷呈：援滇项目全部完工；沪喀产业园新增企业三十家；沪明合作签约项目总投资破百亿；援藏医疗队完成首例"
     "心脏手术；沪果农产品进沪销售额翻番；劳务协作帮助两万人就业。"),
])
def test_a_headline_in_a_list_run_together_is_one_item(hu_ming: match.Topic, title: str, body: str) -> None:
    # a year's top news in one paragraph between semicolons, or numbered 一是 / 二是: as a numbered list
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明市2025年对口合作工作总结",
     "今年以来，我市对口合作工作取得新进展：一是沪明合作产业园新落地项目二十二个，总投资六十八亿元；二是上海八个结对区"
     "向各县选派挂职干部四十名；三是上海三甲医院与县级医院新建专科联盟八个；四是三明农产品进入上海商超一百二十家；"
     "五是两地互送游客四十万人次。"),
    ("永安市政府工作报告（摘要）",
     "过去一年，全市地区生产总值增长6.2%；工业增加值增长7%；与闵行区的对口合作持续深化，引进上海企业十二家，共建园区"
     "新增税收一点二亿元；城乡居民收入分别增长5%和7%；新增城镇就业三千人；完成造林两万亩。"),
])
def test_a_report_whose_items_speak_of_the_ties_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


G = "\ufffd"


@pytest.mark.parametrize(("title", "body"), [
    (f"上{G}市与三明市联合推出赣闽边界旅游线路",
     f"近日，江西上{G}市与福建三明市在婺源联合推出红色旅游线路，串联两地革命旧址。上{G}市位于江西省东北部，与闽北相邻。"),
    ("Jiangxi city signs tourism pact", f"江西上{G}市文旅局与福建三明市文旅局签订合作协议，将联合推广赣闽边界景区。"),
])
def test_a_name_with_a_lost_character_in_another_province_is_not_shanghai(hu_ming: match.Topic, title: str,
                                                                           body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "a name with a lost character placed in another province" in m.reason


@pytest.mark.parametrize(("title", "body"), [
    (f"上{G}闵行区与永安市签署新一轮对口合作协议",
     f"近日，上{G}市闵行区与三明永安市在永安签署新一轮对口合作框架协议，两地将在产业、人才、文旅等方面深化合作。"),
    (f"上{G}市杨浦区与大田县开展干部交流",
     f"上{G}市杨浦区日前选派五名干部到大田县挂职，这是两地对口合作的第四批挂职干部。杨浦区此前已与江西、云南等地开展干部交流。"),
    ("魔都游客专列驶向泰宁", f"又一列满载申城游客的旅游专列从上海南站驶向泰{G}县，这是两地今年联合开行的第八趟专列。"
     f"泰{G}县文旅局介绍，两地合作开发的线路已接待游客两万余人次。"),
])
def test_a_name_with_a_lost_character_still_counts_at_home(hu_ming: match.Topic, title: str, body: str) -> None:
    # 上海南站 is not 海南: no province is named beside 泰〓县
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("父亲的工作证", "父亲的工作证上写着“上海第二纺织机械厂”，发证日期是1959年。那年秋天，他随厂里的一个车间到了三明，"
     "从此再没离开。\n我在三明出生长大，小时候家里说上海话。"),
    ("一張1958年的工作證", "八十八歲的林師傅至今保存着一張1958年的工作證。那年他十九歲，跟着上海一家機械廠的整個車間來到三明。"),
    ("Shanghai workers who built a Fujian city",
     "In 1958, a Shanghai machinery plant sent its whole casting workshop to Sanming, a new industrial town in the "
     "Fujian hills. Hundreds of workers followed with their families."),
])
def test_a_factory_of_the_relocation_years_is_the_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("三明钢铁厂六十年", "三明钢铁厂始建于1958年，是福建省最大的钢铁企业。目前产品主要销往福建、广东、浙江等地。"),
    ("一家老厂的搬迁", "1960年，福州一家机械厂迁往三明，成为当地最早的工业企业之一。后来这家厂改制，产品销往上海等地。"),
    ("沪上宁德人的乡情故事", "在上海工作的宁德人越来越多，宁德商会在沪设立了服务站。\n上世纪五十年代，十多家上海工厂整厂"
     "迁到三明，不少上海职工在三明扎根。\n如今宁德的茶叶在上海很受欢迎。"),
])
def test_a_factory_year_without_the_ties_or_under_another_title_is_not(hu_ming: match.Topic, title: str,
                                                                        body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Youxi tea plant opens with Shanghai money", "A tea processing plant in Youxi county opened on Friday. Its "
     "investor, a food company from Shanghai's Minhang district, plans a second line next year."),
    ("Shanghai-funded school wing opens in Ninghua", "A new teaching wing funded by Shanghai's Jing'an district "
     "opened at a middle school in Ninghua county, part of the two places' pairing."),
    ("Looms that crossed the mountains", "Many of Sanming's first textile looms were brought from Shanghai in 1959, "
     "together with the workers who ran them."),
])
def test_english_words_of_investment_and_relocation_are_ties(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Sanming Steel shares climb", "Shares of Sanming Steel rose 4 percent in Shanghai trading on Monday as "
     "investors bet on infrastructure spending. The Fujian steelmaker reports results next week."),
    ("三钢股价走强", "三钢闽光股价周一上涨，该股在上海证交所交投活跃，投资者看好基建需求。"),
])
def test_shares_traded_in_shanghai_are_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
