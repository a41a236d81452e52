"""The bundled hu-ming topic on four kinds known before the seventh blind set (match-11).

A sixth blind set's held part (read after its one measurement, so no longer blind for these)
and the retelling of its tuning part showed them: a project told only through 沪明 (or 明沪)
and "上方 / 明方" for the two partners, no city named; a name with one stray space in
otherwise unspaced text (来自上 海的专家, 三 明市); a tourism train named by the pairing
(首趟沪明旅游专列) read as 沪明 alone, while a reader's question about a direct train,
answered with the timetable, was read as a route opened between the two; and an English title
on a Fujian-wide fair in Shanghai ("Fujian investment fair held in Shanghai") not read as the
province's event, as "Fujian province" is. The texts here are written for these tests.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article
from monitor.match.spaced import joined
from monitor.textnorm import normalize, normalize_lines

# --- the two partners as 上方 / 明方 ----------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("沪明茶叶加工中心落成",
     "位于大田的沪明茶叶加工中心本月落成。中心由上方出资购置设备，明方负责厂房和茶农组织，收益按比例分配。"),
    ("沪明“人才驿站”揭牌",
     "“人才驿站”设在三元区的园区里，上方派出六名工程师常驻，明方负责住房和生活保障。"),
    # Sanming named first (明沪), the sides as 沪方 / 明方
    ("明沪“飞地”园区二期动工",
     "园区二期规划用地三百亩。按照约定，沪方企业负责招商和运营管理，明方负责征地拆迁和基础设施建设。"),
    ("滬明“雙飛地”再添新項目",
     "位於永安的“滬明雙飛地”新項目日前簽約。項目由上方企業提供技術與訂單，明方提供場地和勞動力。"),
])
def test_the_two_sides_named_as_shang_fang_and_ming_fang(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # 明方 inside other words: 三明方面, 说明方案, 指明方向; 上方 as "above"
    ("三明方面介绍园区进展", "点击上方蓝字关注我们。三明方面介绍，园区今年新引进企业八家，说明方案已经落地。"),
    ("沪指重回三千点上方", "周三沪指高开，收盘站上三千点上方，分析人士指明方向仍需观察成交量。"),
    # 明沪 inside other words: 表明沪指, 文明沪上行
    ("数据表明沪指走强", "分析人士说，这表明沪指短期走强，光明方面的消息也提振了市场。"),
    ("文明沪上行活动启动", "文明沪上行志愿活动本周启动，上方是活动的海报。"),
])
def test_shang_fang_and_ming_fang_elsewhere_are_no_sides(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "two sides" not in m.reason


# --- one stray space inside a name ----------------------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("农技专家走进乡村",
     "近日，来自上 海的八名农技专家走进明溪县，为种植户讲解病虫害防治，这是两地对口合作项目的一部分。"),
    ("三 明市与杨浦区签订合作协议", "双方将在文旅、教育和干部交流方面加强合作，首批项目年内启动。"),
    ("闵行区医疗队抵达将 乐县", "医疗队将在将 乐县开展为期一周的义诊和带教，这是两地结对帮扶的内容。"),
])
def test_one_stray_space_inside_a_name(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def _view(title: str, body: str, topic: match.Topic) -> str:
    text = normalize(title) + "\n" + normalize_lines(body)
    return joined(text, len(normalize(title)), lambda: topic.words)[0]


@pytest.mark.parametrize(("body", "view"), [
    ("来自上 海的专家", "来自上海的专家"),
    ("三 明市召开会议", "三明市召开会议"),
    # two words with a space between stay apart
    ("上海 三明治店开业", "上海 三明治店开业"),
    ("买了一个三 明治当早餐", "买了一个三 明治当早餐"),
    ("会议提出第三 明确责任", "会议提出第三 明确责任"),
    ("周三 明显降温", "周三 明显降温"),
    ("晚上 海边风大", "晚上 海边风大"),
    ("上海 市民热议", "上海 市民热议"),
    ("三明 上海 两地合作", "三明 上海 两地合作"),
    # English is left alone
    ("Shang hai and San ming", "shang hai and san ming"),
])
def test_which_stray_spaces_go(hu_ming: match.Topic, body: str, view: str) -> None:
    assert _view("题", body, hu_ming) == "题\n" + view


def test_a_name_with_a_stray_space_points_at_the_page(hu_ming: match.Topic) -> None:
    body = "来自上 海的专家团队日前走进三明市尤溪县，与当地医院签订帮扶协议。"
    m = match_article(hu_ming, "专家团队到访", body)
    assert m.matched, m.reason
    assert "上 海" in {body[h.start : h.end] for h in m.hits if h.term == "上海"}


# --- trains: a tourism train of the pairing, a reader's question about a direct one ---------


@pytest.mark.parametrize(("title", "body"), [
    ("首趟沪明旅游专列抵达将乐", "三百余名游客走出车站，将乐县在站台上安排了擂茶和民俗表演。"),
    ("沪明专列再出发", "第五趟专列本周六从上海南站开出，游客将在泰宁住三晚。"),
    ("坐上沪明直通车 周末去清流", "直通车每周发车两班，游客可在古村住一晚。"),
])
def test_a_train_named_by_the_pairing_names_it(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("网友问：泰宁什么时候能开通到上海的直达动车？",
     "【网友留言】从泰宁去上海要先到南平换乘，什么时候能开通直达动车？\n"
     "【泰宁县交通运输局答复】您好！目前泰宁站每天已开行一趟至上海虹桥的动车，车次可在12306查询。"),
    ("市民问：三明有没有直飞上海的航班？",
     "【市民留言】请问三明机场有直飞上海的航班吗？\n【三明市交通运输局回复】您好，目前三明沙县机场每周开行三班至上海虹桥的航班。"),
    ("A reader asks: is there a direct train from Sanming to Shanghai?",
     "A reader asks: I live in Sanming and go to Shanghai every month. Do I still have to change in Fuzhou?\n"
     "The city transport bureau replies: two direct trains a day were launched this spring from Sanming North to "
     "Shanghai Hongqiao; see the railway's timetable."),
])
def test_a_readers_question_about_a_train_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    # a reader's question answered with the pairing's own tourism train
    ("网友问：沪明旅游专列明年还开吗？",
     "【网友留言】今年坐过旅游专列，明年还开吗？\n【三明市文旅局回复】您好，明年将与上海结对区继续开行旅游专列。"),
    # a new route with no question: a route opened between the two, as before
    ("上海至三明航线今日首航", "上海虹桥至三明沙县机场航线今天首航，每周二、四、六执飞，旅客可在航空公司官网购票。"),
])
def test_a_route_of_the_ties_still_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


# --- a Fujian-wide event in Shanghai, in English --------------------------------------------


@pytest.mark.parametrize(("title", "body"), [
    ("Fujian investment fair held in Shanghai",
     "Fujian held an investment fair in Shanghai on Monday, with delegations from its nine cities, among them "
     "Fuzhou, Quanzhou and Sanming. Deals worth 60 billion yuan were signed."),
    ("Fujian tourism roadshow opens in Shanghai",
     "The province's tourism roadshow opened in Shanghai on Friday. A deputy mayor of Sanming attended and "
     "signed a promotion agreement with the organisers, along with officials from eight other cities."),
])
def test_a_fujian_event_in_shanghai_in_english(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
    assert "Fujian as a whole" in m.reason


def test_a_fujian_city_described_is_not_the_province(hu_ming: match.Topic) -> None:
    # "a Fujian mountain city" is Sanming described, not a province-wide event
    m = match_article(hu_ming, "Shanghai doctors help a Fujian mountain city",
                      "Doctors from Shanghai's Ruijin Hospital started a year of paired assistance in Sanming, "
                      "training local surgeons under the cooperation program.")
    assert m.matched, m.reason
    assert "Fujian as a whole" not in m.reason


@pytest.mark.parametrize("marker", ["往期推荐", "▼往期精选", "【往期精彩】", "往期推薦", "You may also like"])
def test_a_posts_list_of_earlier_posts_is_not_read(hu_ming: match.Topic, marker: str) -> None:
    """A WeChat post ends with its account's earlier posts (往期推荐 …): a 沪明 headline there is
    not this post's subject, as under 相关阅读."""
    body = ("今天上午，本地举办春季花卉展，吸引众多市民前来观赏。\n\n主办方表示，花展将持续一周。\n\n"
            f"{marker}\n\n沪明对口合作项目集中签约 两地携手推进产业协作\n\n上海专家团队常驻三明开展会诊")
    assert not match_article(hu_ming, "春季花卉展开幕", body).matched
    assert match_article(hu_ming, "春季花卉展开幕", body.replace(marker, "另据报道")).matched
