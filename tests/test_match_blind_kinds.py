"""The bundled hu-ming topic on the kinds a blind set of hard cases showed (issue 12, match-6).

A helper wrote ~120 hard cases without looking at the engine; the errors of its tuning part,
and the two failures the issue names, are reproduced here in texts written for these tests:
names the ties give their films and gatherings (《沪明往事》, 沪明缘); an English title pairing a
Shanghai district with another place written without "city" (Yangpu … Yanbian); a name garbled by
reading UTF-8 as GBK (涓夋槑 for 三明); 大田 as a farmer's open field; a reporter's round of
shops taken for a visit between the two; Shanghai's sent-down youth in a Sanming village; a
county's report speaking of itself (来县坐诊); a page handed over without its title.
Each case here failed on the engine before the change.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("《沪明往事》第三集今晚播出", "本集讲述当年一批工厂职工举家南迁、在山城扎根的故事。"),
    ("“沪明缘”摄影展开展", "展览展出两地摄影爱好者的作品九十幅，展期三周。"),
    ("沪明一家亲中秋联谊活动举行", "在外工作的乡亲与当地群众一起赏月、吃月饼，共叙乡情。"),
    ("滬明緣攝影展開展", "展覽展出兩地攝影愛好者的作品九十幅。"),
])
def test_a_name_of_the_ties_as_the_subject_matches(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "names the ties up front" in m.reason


def test_a_film_of_the_ties_recalled_in_a_body_about_elsewhere_does_not(hu_ming: match.Topic) -> None:
    body = ("宁德商会年会昨天在沪举行，三百多位宁德企业家出席，介绍了在沪投资和经营情况。\n"
            "会上还放映了纪录片《沪明往事》的片段，回顾上世纪的工业内迁。\n宁德市负责人表示将继续支持商会发展。")
    m = match_article(hu_ming, "沪上宁德商会举行年会", body)
    assert not m.matched, m.reason
    assert "names the ties up front" not in m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("Yangpu signs pact with Yanbian", "Yangpu district and Yanbian signed a cooperation agreement on tourism and "
     "trade on Tuesday.\nOfficials said it builds on Yangpu's pairing with counties in Sanming since 2021.\n"
     "The two sides will swap officials."),
    ("杨浦与延边签署文旅合作协议", "杨浦区与延边近日签署文旅合作协议，双方将互送游客。\n"
     "杨浦区此前还与三明的大田县建立了对口合作关系。\n两地还将互派干部挂职。"),
])
def test_a_title_about_a_district_and_another_partner_without_a_suffix_is_not(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "another place" in m.reason


def test_a_district_title_with_a_sanming_county_still_matches(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Yangpu signs pact with Datian", "Yangpu district signed a paired cooperation "
                      "agreement with Datian county of Sanming on Tuesday.")
    assert m.matched and "another place" not in m.reason, m.reason


def test_a_name_read_as_gbk_still_counts(hu_ming: match.Topic) -> None:
    garbled = "三明".encode().decode("gbk")  # 涓夋槑
    m = match_article(hu_ming, f"{garbled}与上海共推茶旅线路", f"{garbled}市与上海市旅行社签署合作协议，两地互送游客。")
    assert m.matched, m.reason
    assert garbled in m.reason  # the evidence shows the text as written


def test_mojibake_takes_names_of_two_characters_or_more() -> None:
    from monitor.match.rules import mojibake
    from monitor.textnorm import normalize

    latin = [normalize("三明".encode().decode("cp1252")), normalize("三明市".encode().decode("cp1252"))]
    assert mojibake(["三明", "三明市", "明"]) == [latin[0], "涓夋槑", latin[1], "涓夋槑甯"]  # GBK and cp1252 readings


@pytest.mark.parametrize("body", [
    "青浦、奉贤的水稻大田里，农机手正在机插秧，今年大田种植面积比去年增加一成，合作社用无人机大田施肥。",
    "松江区农技人员走进麦田大田，指导农户开展大田除草和大田防治，合作社还组织了培训。",
])
def test_datian_as_a_farmers_field_in_shanghai_is_not_the_county(hu_ming: match.Topic, body: str) -> None:
    m = match_article(hu_ming, "上海郊区水稻大田机插秧进度过半", body)
    assert not m.matched, m.reason


def test_a_reporters_round_of_shops_is_not_a_tie(hu_ming: match.Topic) -> None:
    body = "记者走访了闵行区的十多家沙县小吃店，发现大部分门店价格没有变化。一位店主说，房租每年都在涨。"
    m = match_article(hu_ming, "申城沙县小吃价格平稳", body)
    assert not m.matched, m.reason


def test_shanghai_sent_down_youth_in_a_sanming_village_are_the_ties(hu_ming: match.Topic) -> None:
    body = "当年在清流县一个山村插队的上海知青，五十年后重回故地，与老乡们一起种下一片纪念林。"
    m = match_article(hu_ming, "上海老知青重回清流", body)
    assert m.matched, m.reason


def test_a_county_report_speaking_of_itself_names_the_ties(hu_ming: match.Topic) -> None:
    body = ("今年承诺的实事已全部完成：新建农村公路四十公里；改造老旧小区五个；在县医院建成由上海一家三甲医院"
            "指导的眼科中心，上海专家每月来县坐诊，已为本县培养眼科医生六名；为老人免费体检。")
    m = match_article(hu_ming, "将乐县为民办实事完成情况", body)
    assert m.matched, m.reason
    assert "working with it" in m.reason


def test_the_same_report_without_shanghai_at_its_side_is_not(hu_ming: match.Topic) -> None:
    body = ("今年承诺的实事已全部完成：新建农村公路四十公里；在县医院建成眼科中心，已为本县培养眼科医生六名；"
            "组织县内企业赴上海参加展会。")
    m = match_article(hu_ming, "将乐县为民办实事完成情况", body)
    assert not m.matched, m.reason


def test_a_page_without_its_title_is_led_by_the_lines_above_its_lead(hu_ming: match.Topic) -> None:
    body = ("来源：某某新闻网\n沪明往事\n"
            "一九五八年，一批工厂从黄浦江边迁到闽西北的山城，一代人在那里扎下了根。")
    assert match_article(hu_ming, "", body).matched
    assert not match_article(hu_ming, "一篇散文", body).matched  # with a title, the lines are body


def test_the_relocations_told_as_the_small_third_front_count(hu_ming: match.Topic) -> None:
    body = "六十年代，几家上海工厂作为小三线企业迁到三明的山沟里，在那里建起了车间和宿舍。"
    m = match_article(hu_ming, "山沟里的工厂", body)
    assert m.matched, m.reason


def test_a_sanming_sandwich_in_english_is_a_sandwich(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "Sandwich bar opens in Shanghai", "A bar opened in Shanghai's Xuhui district on "
                      "Friday, selling sanming sandwiches and coffee.")
    assert not m.matched, m.reason


def test_an_items_own_split_decides_its_half(hu_ming: match.Topic) -> None:
    # by their hashes x001 and x004 are in the tuning part, x006 in the held-out fifth
    items = [{"id": "x001", "label": "relevant", "title": "上海三明签约", "body": "上海与三明签署对口合作协议。",
              "split": "held"},
             {"id": "x006", "label": "irrelevant", "title": "天气", "body": "晴。", "split": "tune"},
             {"id": "x004", "label": "irrelevant", "title": "天气", "body": "阴。"}]
    tune, held = match.evaluate_halves(hu_ming, items)
    assert (held.tp, held.tn, tune.tp, tune.tn) == (1, 0, 0, 2)


def test_a_split_spelt_tuning_is_the_tuning_part(hu_ming: match.Topic) -> None:
    # a blind set's writer may spell the split "tuning": x006 (held by its hash) stays in tuning
    items = [{"id": "x006", "label": "irrelevant", "title": "天气", "body": "晴。", "split": "tuning"},
             {"id": "x001", "label": "relevant", "title": "上海三明签约", "body": "上海与三明签署对口合作协议。",
              "split": "held-out"}]
    tune, held = match.evaluate_halves(hu_ming, items)
    assert (tune.tn, held.tp, tune.tp, held.tn) == (1, 1, 0, 0)


def test_an_english_province_wide_event_with_a_sanming_guest_is_not(hu_ming: match.Topic) -> None:
    body = ("The province opened a trade week in Shanghai on Monday, with stands from Fuzhou, Xiamen, "
            "Putian and Sanming. A deputy mayor of Sanming attended the opening.")
    m = match_article(hu_ming, "Fujian trade week opens in Shanghai", body)
    assert not m.matched, m.reason
    assert "Fujian as a whole" in m.reason


def test_working_together_in_english_is_a_tie(hu_ming: match.Topic) -> None:
    body = "Shanghai's Minhang district and Youxi county have worked together since 2021 on tea and schools."
    m = match_article(hu_ming, "Minhang and Youxi, four years on", body)
    assert m.matched, m.reason


def test_hu_ming_with_a_word_of_joint_action_names_the_cooperation(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪明联手推出研学线路", "两地教育部门推出十条研学线路，面向中小学生。")
    assert m.matched, m.reason
    assert "names the cooperation" in m.reason


@pytest.mark.parametrize("byline", ["发布时间：2024-05-09 20:45:00 来源：某某新闻网 作者：张三",
                                    "來源: 某某報 2023-03-30 09:12 責任編輯: 李四 瀏覽次數: 1024"])
def test_a_source_or_date_line_above_the_story_is_not_its_lead(byline: str) -> None:
    topic = match.compile_topic("t", {"threshold": 1, "groups": {"sm": {"terms": ["三明"]}},
                                      "rules": [{"name": "lead", "any": ["sm"], "in": ["lead"]}]}, where="t.toml")
    body = f"{byline}\n三明市今年以来持续推进各项工作，取得了明显成效，群众满意度不断提高。"
    m = match_article(topic, "标题", body)
    assert m.matched and m.hits[0].start == body.index("三明市"), m.reason
    long_line = "来源：本报 " + "三明的一段很长的文字，" * 10  # a long paragraph is a story, whatever it opens with
    assert match_article(topic, "标题", f"{long_line}\n另一段。").matched


def test_an_untitled_page_with_a_byline_first_is_led_by_its_title_line(hu_ming: match.Topic) -> None:
    body = ("作者 张三 2024-05-01 10:00 来源：某某新闻网 编辑：李四 责任编辑：王五\n沪明往事\n"
            "一九五八年，一批工厂从黄浦江边迁到闽西北的山城，一代人在那里扎下了根。")
    m = match_article(hu_ming, "", body)
    assert m.matched and "names the ties up front" in m.reason, m.reason


def test_a_group_only_title_and_lead_rules_use_is_read_up_to_the_lead(hu_ming: match.Topic) -> None:
    # other-place is a `none` of "names the ties up front": read in the title and the lead only
    # (other-fujian was too until match-13 made it a `none` of two body rules)
    assert "other-place" in hu_ming.lead_only
    lead = "纪录片《沪明往事》今晚在三明首映，讲述当年工厂职工举家南迁、在山城扎根的故事。"
    later = "\n片方还计划赴太仓市拍摄另一部纪录片。"
    assert "names the ties up front" in match_article(hu_ming, "纪录片首映", lead + later).reason
    in_lead = lead + "片方还将赴太仓市拍摄续集。"
    assert "names the ties up front" not in match_article(hu_ming, "纪录片首映", in_lead).reason


FILLER = "今年以来，全市经济运行总体平稳，固定资产投资稳步增长，社会消费品零售总额同比增长百分之六，城乡居民收入持续提高。"
FILLER_EN = ("The city's economy grew 6 percent last year, with retail sales and fixed-asset investment both rising. "
             "Officials pledged to improve housing, schools and public transport. ")


@pytest.mark.parametrize(("title", "body"), [
    ("三明市政府工作报告", FILLER * 5 + "\n与上海的合作不断深化：全年引进上海企业十四家，三百名教师和医生参加交流。\n" + FILLER * 3),
    ("Sanming government work report", FILLER_EN * 5 + "\nCooperation with Shanghai deepened: 14 projects from "
     "Shanghai firms were signed and 300 teachers and doctors took part in exchanges.\n" + FILLER_EN * 3),
])
def test_a_sanming_report_with_a_paragraph_on_shanghai_without_the_pairing_word(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason
    assert "paragraph on Shanghai" in m.reason


def test_a_fujian_wide_paragraph_in_a_sanming_report_is_not_that(hu_ming: match.Topic) -> None:
    body = FILLER * 5 + "\n随福建省代表团赴上海参加推介会，与上海客商签约项目五个。\n" + FILLER * 3
    m = match_article(hu_ming, "三明市政府工作报告", body)
    assert "paragraph on Shanghai" not in m.reason, m.reason


def test_goods_ordered_by_the_other_side_are_a_tie(hu_ming: match.Topic) -> None:
    body = "泰宁县的笋干近日进入上海一家连锁超市，首批订单十五吨。"
    m = match_article(hu_ming, "泰宁笋干进上海超市", body)
    assert m.matched, m.reason
